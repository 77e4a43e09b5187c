/// A phrase in the lexicon beats the words inside it (`no problem` is not a negated problem,
/// `critical path` is not critical). The matcher already takes the longest match; this rule
/// records where a phrase overrode a word that would have matched alone, so the evidence says so.
public struct PhrasePrecedenceRule: ScoringRule {
    public init() {}
    public var needsMatches: Bool { true }
    public var requiredFacts: SentenceFacts { .phrase }
    public var onlyExplains: Bool { true }
    public var identifier: String { "phrase" }
    public var description: String { "A phrase in the lexicon takes precedence over the words inside it." }
    public var triggeringExamples: [String] { ["No problem at all, happy to help.", "We are on the critical path."] }
    public var nonTriggeringExamples: [String] { ["There is a problem with the invoice.", "This is critical."] }

    public func apply(to sentence: inout SentenceAnalysis) {
        // Items of one match are adjacent, so the last answer is the only one worth keeping.
        var checked: (first: Int, overrides: Bool)?
        for index in sentence.items.indices where sentence.items[index].end - sentence.items[index].first > 1 {
            let item = sentence.items[index]
            let overrides: Bool
            if let checked, checked.first == item.first {
                overrides = checked.overrides
            } else {
                overrides = (item.first..<item.end).contains { position in
                    sentence.matcher.matchesAlone(
                        sentence.tokens, slots: sentence.slots, at: position, normalized: sentence.normalized)
                }
                checked = (item.first, overrides)
            }
            if overrides { sentence.mark(index) }
        }
    }
}
