/// A sentence while the rules work on it: the matched terms as weighted items, the modifiers
/// found, and clause boundaries. Rules read and change it; the scorer sums it up afterwards.
public struct SentenceAnalysis {
    /// A weighted match: sentiment (`category == sentimentCategory`) or one other category.
    struct Item {
        /// Token indices of the match.
        var first: Int
        var end: Int
        var term: Int
        var category: Int
        var base: Double
        var value: Double
        /// Bits of the rules that changed the value (bit n: the scorer's n-th rule).
        var rules: UInt64 = 0
        var allCaps: Bool
        var elongated: Bool
        var isSentiment: Bool { category == SentenceAnalysis.sentimentCategory }
    }

    struct Modifier {
        var first: Int
        var end: Int
        var term: Int
        var kind: ModifierKind
        var weight: Double
        var allCaps: Bool
        var elongated: Bool
    }

    static let sentimentCategory = -1

    let tokens: [RawToken]
    let normalized: [UInt8]
    /// The text's UTF-8 bytes, valid while the scorer runs the rules.
    let bytes: UnsafeBufferPointer<UInt8>
    let range: Range<Int>
    let matcher: CompiledMatcher
    /// Some words of the document are ALL CAPS and some are not, so capitals are emphasis.
    let mixedCaps: Bool
    var items: [Item] = []
    var modifiers: [Modifier] = []
    /// Clause number per token (offset from `range.lowerBound`): punctuation, contrast,
    /// conditional and clause-opening words start a new clause. Negation stays inside one.
    var clause: [Int32] = []
    /// Segment number per token: only punctuation and contrast words start a new segment.
    /// Conditional scope stays inside one.
    var segment: [Int32] = []
    /// Magnitude added to the sentence's sum in the direction of its sign (`!`, `??`).
    var emphasis = 0.0
    /// How much the previous sentence counts, when this one opens with `But`/`However`.
    var previousSentenceFactor = 1.0
    /// Bits of rules that acted on the sentence as a whole.
    var sentenceRules: UInt64 = 0
    /// The bit of the rule being applied; set by the scorer.
    var currentRule: UInt64 = 0

    init(tokens: [RawToken], normalized: [UInt8], bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>,
         matcher: CompiledMatcher, mixedCaps: Bool) {
        self.tokens = tokens
        self.normalized = normalized
        self.bytes = bytes
        self.range = range
        self.matcher = matcher
        self.mixedCaps = mixedCaps
    }

    // MARK: For rules

    func category(of item: Item) -> LexiconCategory {
        item.isSentiment ? .sentiment : matcher.categories[item.category]
    }

    mutating func mark(_ item: Int) { items[item].rules |= currentRule }
    mutating func markSentence() { sentenceRules |= currentRule }

    func clauseOf(_ token: Int) -> Int32 { clause[token - range.lowerBound] }
    func segmentOf(_ token: Int) -> Int32 { segment[token - range.lowerBound] }

    /// Punctuation tokens that end a clause: `, ; : ( ) [ ]`, dashes and ellipses.
    func isClauseBreak(_ token: RawToken) -> Bool {
        guard token.kind == .punctuation else { return false }
        switch bytes[token.start] {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"):
            return true
        case 0xE2:
            // – — ― … (curly quotes, also E2 80 xx, do not end a clause)
            return token.end - token.start == 3 && [0x93, 0x94, 0x95, 0xA6].contains(bytes[token.start + 2])
        default:
            return false
        }
    }

    /// Counts of `!` and `?` in the sentence.
    var exclamations = 0
    var questions = 0

    /// Whether any word token comes after `token` in the sentence.
    func hasWord(after token: Int) -> Bool {
        var index = token + 1
        while index < range.upperBound {
            if tokens[index].kind == .word { return true }
            index += 1
        }
        return false
    }

    func isFirstWord(_ token: Int) -> Bool {
        for index in range.lowerBound..<token where tokens[index].kind == .word { return false }
        return true
    }
}
