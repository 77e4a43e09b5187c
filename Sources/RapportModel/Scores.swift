/// The scores of one text: overall sentiment, category intensities and politeness, and for each
/// sentence the words behind its score.
public struct DocumentScore: Hashable, Sendable, Codable {
    /// The language the text was read as (`unknown` texts are read with the English lexicons).
    public var language: LanguageCode
    /// Compound valence from −1 (very negative) to +1 (very positive).
    public var sentiment: Double
    /// Shares of positive, negative and neutral words; they add up to 1 (0 for an empty text).
    public var positive: Double
    public var negative: Double
    public var neutral: Double
    /// Category name → intensity in 0…1, only categories that were found.
    public var categories: [String: Double]
    /// Politeness and warmth from −1 (hostile) to +1 (very polite).
    public var politeness: Double
    /// Empty when scored with `.summary` detail.
    public var sentences: [SentenceScore]

    public init(
        language: LanguageCode, sentiment: Double = 0, positive: Double = 0, negative: Double = 0,
        neutral: Double = 0, categories: [String: Double] = [:], politeness: Double = 0,
        sentences: [SentenceScore] = []
    ) {
        self.language = language
        self.sentiment = sentiment
        self.positive = positive
        self.negative = negative
        self.neutral = neutral
        self.categories = categories
        self.politeness = politeness
        self.sentences = sentences
    }
}

/// One sentence's scores and evidence.
public struct SentenceScore: Hashable, Sendable, Codable {
    public var text: String
    /// Byte offsets of the sentence in the UTF-8 text.
    public var utf8Range: Range<Int>
    public var sentiment: Double
    public var categories: [String: Double]
    public var politeness: Double
    /// Every matched term and modifier, in text order.
    public var evidence: [Evidence]
    /// Rules that acted on the sentence as a whole (`exclamation`, `question`, a sentence-initial
    /// `contrast`).
    public var rules: [String]

    public init(
        text: String, utf8Range: Range<Int>, sentiment: Double, categories: [String: Double],
        politeness: Double, evidence: [Evidence], rules: [String]
    ) {
        self.text = text
        self.utf8Range = utf8Range
        self.sentiment = sentiment
        self.categories = categories
        self.politeness = politeness
        self.evidence = evidence
        self.rules = rules
    }
}

/// A lexicon match behind a score: what was written, which entry it matched, and how the rules
/// changed its weight.
public struct Evidence: Hashable, Sendable, Codable {
    /// The words as written in the text.
    public var term: String
    /// The lexicon term that matched (`disappoint*`).
    public var entry: String
    public var category: String
    /// The weight in the lexicon.
    public var baseWeight: Double
    /// The weight after the rules.
    public var finalWeight: Double
    /// Identifiers of the rules that changed the weight, in the order they acted.
    public var rules: [String]

    public init(term: String, entry: String, category: String, baseWeight: Double, finalWeight: Double, rules: [String])
    {
        self.term = term
        self.entry = entry
        self.category = category
        self.baseWeight = baseWeight
        self.finalWeight = finalWeight
        self.rules = rules
    }
}
