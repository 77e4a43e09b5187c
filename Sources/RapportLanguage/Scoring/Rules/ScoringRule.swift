/// One linguistic rule of the scorer: negation, boosters, contrast and so on. Each carries
/// examples that show it firing and not firing; one parameterized test runs them all.
public protocol ScoringRule: Sendable {
    /// A short stable name shown in evidence (`negation`).
    var identifier: String { get }
    /// One line for people.
    var description: String { get }
    /// Texts on which the rule must act.
    var triggeringExamples: [String] { get }
    /// Texts on which it must not.
    var nonTriggeringExamples: [String] { get }
    /// Changes the weights of a sentence's items (marking the ones it changed).
    func apply(to sentence: inout SentenceAnalysis)
    /// True when the rule changes nothing in a sentence in which no term and no modifier
    /// matched, so the scorer need not call it there (most sentences of a long text). A rule
    /// that does not say is always called.
    var needsMatches: Bool { get }
    /// True when the rule changes no number, only marks items for the evidence: scoring
    /// without evidence (`rapport score`, `Scorer.Detail.summary`) then skips it. A rule that
    /// does not say is always called.
    var onlyExplains: Bool { get }
    /// What a sentence must have for the rule to change anything in it (a negator, a `!`):
    /// the scorer skips the rule in sentences that lack any of these, which most sentences
    /// do. A rule that does not say is always called.
    var requiredFacts: SentenceFacts { get }
}

extension ScoringRule {
    public var needsMatches: Bool { false }
    public var onlyExplains: Bool { false }
    public var requiredFacts: SentenceFacts { [] }
}

/// Facts about a matched sentence that rules act on (`ScoringRule.requiredFacts`).
public struct SentenceFacts: OptionSet, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// A modifier of this kind matched in the sentence.
    public init(_ kind: ModifierKind) {
        switch kind {
        case .negator: self = .negator
        case .booster: self = .booster
        case .dampener: self = .dampener
        case .contrast: self = .contrast
        case .conditional: self = .conditional
        case .clause: self = .clauseOpener
        }
    }

    public static let negator = SentenceFacts(rawValue: 1 << 0)
    public static let booster = SentenceFacts(rawValue: 1 << 1)
    public static let dampener = SentenceFacts(rawValue: 1 << 2)
    public static let contrast = SentenceFacts(rawValue: 1 << 3)
    public static let conditional = SentenceFacts(rawValue: 1 << 4)
    public static let clauseOpener = SentenceFacts(rawValue: 1 << 5)
    /// At least one `!`.
    public static let exclamation = SentenceFacts(rawValue: 1 << 6)
    /// At least two `?`.
    public static let severalQuestions = SentenceFacts(rawValue: 1 << 7)
    /// Some words of the document are in capitals and some are not.
    public static let mixedCaps = SentenceFacts(rawValue: 1 << 8)
    /// Some token of the sentence has a stretched letter.
    public static let elongation = SentenceFacts(rawValue: 1 << 9)
    /// Some match spans several tokens (a phrase).
    public static let phrase = SentenceFacts(rawValue: 1 << 10)
}

extension SentenceAnalysis {
    /// The facts of the analysed sentence. Inlined: as a call it copied the analysis.
    var facts: SentenceFacts {
        @inline(__always) get {
        var facts: SentenceFacts = []
        for modifier in modifiers { facts.insert(SentenceFacts(modifier.kind)) }
        if exclamations > 0 { facts.insert(.exclamation) }
        if questions > 1 { facts.insert(.severalQuestions) }
        if mixedCaps { facts.insert(.mixedCaps) }
        if hasElongatedToken { facts.insert(.elongation) }
        for item in items where item.end - item.first > 1 {
            facts.insert(.phrase)
            break
        }
        return facts
        }
    }
}

extension Array where Element == any ScoringRule {
    /// Every rule, in the order they act: matching facts first (phrase, emphasis of the word
    /// itself), then modifiers near the word, then the clause and sentence around it.
    public static var `default`: [any ScoringRule] {
        [
            PhrasePrecedenceRule(), CapsEmphasisRule(), ElongationRule(), BoosterRule(), DampenerRule(),
            NegationRule(), ConditionalRule(), ContrastRule(), ExclamationRule(), QuestionRule(),
        ]
    }
}

/// Published constants of VADER (Hutto & Gilbert 2014, "VADER: A Parsimonious Rule-based Model
/// for Sentiment Analysis of Social Media Text", ICWSM), the starting point for Rapport's rules.
enum VADERConstants {
    /// `B_INCR`: what a booster such as "very" adds to a word's magnitude.
    static let boosterIncrement = 0.293
    /// `C_INCR`: what writing a sentiment word in ALL CAPS adds, when the text also has lower case.
    static let capsIncrement = 0.733
    /// `N_SCALAR`: the factor a negator applies to valence (shipped as the weight of `not`).
    static let negationScalar = -0.74
    /// Scalar decay for a booster one, two and three words before the word it boosts.
    static let boosterDistanceDecay: [Double] = [1.0, 0.95, 0.9]
    /// Each `!` adds this much, for at most `maximumExclamations` of them.
    static let exclamationIncrement = 0.292
    static let maximumExclamations = 4
    /// Two or three `?` add this much each; more add `manyQuestionsIncrement` in all.
    static let questionIncrement = 0.18
    static let manyQuestionsIncrement = 0.96
    /// `alpha` in `x / sqrt(x² + alpha)`, which maps a sum of valences into −1…1.
    static let normalizationAlpha = 15.0
    /// "but" weighting: the clause before counts half, the clause after one and a half.
    static let butBefore = 0.5
    static let butAfter = 1.5
}

/// `x / sqrt(x² + alpha)`: VADER's normalisation of a valence sum into −1…1.
func normalize(_ sum: Double, alpha: Double = VADERConstants.normalizationAlpha) -> Double {
    guard sum != 0 else { return 0 }
    let value = sum / (sum * sum + alpha).squareRoot()
    return max(-1, min(1, value))
}

@inline(__always)
func signum(_ value: Double) -> Double { value > 0 ? 1 : (value < 0 ? -1 : 0) }
