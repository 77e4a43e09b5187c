/// Scores text against lexicons with explainable rules: every number in the result can be traced
/// to the words that matched and the rules that changed them.
public struct Scorer: Sendable {
    /// How much of the result to build. `summary` skips sentences and evidence, for bulk scoring.
    public enum Detail: Sendable { case full, summary }

    public let lexicons: LexiconSet
    public let rules: [any ScoringRule]
    public let tokenizer: Tokenizer
    public let identifier: LanguageIdentifier
    /// The lexicons' and the identifier's words in one table (built from the three above).
    let index: WordIndex
    /// Some rule may change a sentence in which nothing matched (see `ScoringRule.needsMatches`).
    let rulesActWithoutMatches: Bool
    /// The numbers of the rules that change numbers (not `ScoringRule.onlyExplains`), the only
    /// ones a score without evidence runs, and whether one of them acts without matches.
    let weighingRules: [Int]
    let weighingRulesActWithoutMatches: Bool
    /// Every rule's number, and by number what it needs (`ScoringRule.needsMatches`,
    /// `ScoringRule.requiredFacts`), read once here: asked of each rule per sentence, they cost
    /// a dynamic call each.
    let allRules: [Int]
    let ruleNeedsMatches: [Bool]
    let ruleFacts: [SentenceFacts]

    public init(
        lexicons: LexiconSet, rules: [any ScoringRule] = .default, tokenizer: Tokenizer = .default,
        identifier: LanguageIdentifier = .default
    ) {
        precondition(rules.count <= 64, "evidence records at most 64 rules")
        self.lexicons = lexicons
        self.rules = rules
        self.tokenizer = tokenizer
        self.identifier = identifier
        rulesActWithoutMatches = rules.contains { !$0.needsMatches }
        weighingRules = rules.indices.filter { !rules[$0].onlyExplains }
        weighingRulesActWithoutMatches = rules.contains { !$0.onlyExplains && !$0.needsMatches }
        allRules = Array(rules.indices)
        ruleNeedsMatches = rules.map(\.needsMatches)
        ruleFacts = rules.map(\.requiredFacts)
        index = WordIndex(
            identifier: identifier, english: lexicons.matcher(for: .english),
            icelandic: lexicons.matcher(for: .icelandic))
    }

    /// The scorer over the shipped lexicons, built once.
    public static let `default` = Scorer(lexicons: .default)

    /// Scores a text; the language is identified when not given.
    public func score(_ text: String, language: LanguageCode? = nil) -> DocumentScore {
        score(text, language: language, detail: .full)
    }

    public func score(_ text: String, language: LanguageCode?, detail: Detail) -> DocumentScore {
        ScoringSession(scorer: self).score(text, language: language, detail: detail)
    }
}
