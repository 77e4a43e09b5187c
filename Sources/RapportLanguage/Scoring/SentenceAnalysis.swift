/// A sentence while the rules work on it: the matched terms as weighted items, the modifiers
/// found, and clause boundaries. Rules read and change it; the scorer sums it up afterwards.
///
/// It points into the scorer's buffers (valid only while the rules run) and its arrays are
/// reused from sentence to sentence, so scoring a sentence allocates nothing in steady state.
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

    var tokens: UnsafeBufferPointer<RawToken>
    /// The text's marked tokens (`RawToken.isMarked`) by index, and the positions in it of the
    /// sentence's own (`marks`).
    var marked: UnsafeBufferPointer<Int>
    var marks: Range<Int> = 0..<0
    var normalized: UnsafeBufferPointer<UInt8>
    /// Each token's word-table entry, looked up once per text.
    var slots: UnsafeBufferPointer<CompiledMatcher.WordSlot>
    /// The text's UTF-8 bytes.
    var bytes: UnsafeBufferPointer<UInt8>
    var range: Range<Int> = 0..<0
    let matcher: CompiledMatcher
    /// Some words of the document are ALL CAPS and some are not, so capitals are emphasis.
    var mixedCaps = false
    var items: [Item] = []
    var modifiers: [Modifier] = []
    /// Clause number per token (offset from `range.lowerBound`): punctuation, contrast,
    /// conditional and clause-opening words start a new clause. Negation stays inside one.
    /// Filled only when the sentence has modifiers, the only things that ask; beyond the
    /// sentence's tokens (and for other sentences) it holds earlier sentences' numbers.
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
    /// Counts of `!` and `?` in the sentence.
    var exclamations = 0
    var questions = 0
    /// Word tokens in the sentence.
    var wordCount = 0
    /// Some token of the sentence has a stretched letter (`sooo`).
    var hasElongatedToken = false

    init(matcher: CompiledMatcher) {
        self.matcher = matcher
        tokens = UnsafeBufferPointer(start: nil, count: 0)
        marked = UnsafeBufferPointer(start: nil, count: 0)
        normalized = UnsafeBufferPointer(start: nil, count: 0)
        slots = UnsafeBufferPointer(start: nil, count: 0)
        bytes = UnsafeBufferPointer(start: nil, count: 0)
    }

    /// Empties the analysis for the next sentence, keeping the arrays' storage.
    mutating func reset(range: Range<Int>, marks: Range<Int>) {
        self.range = range
        self.marks = marks
        // A sentence has a handful of items: popping them is several times cheaper than
        // `removeAll(keepingCapacity:)`, which goes through the generic `replaceSubrange`.
        // `clause` and `segment` are rebuilt by `Scorer.markClauses` when a sentence needs them.
        while !items.isEmpty { items.removeLast() }
        while !modifiers.isEmpty { modifiers.removeLast() }
        emphasis = 0
        previousSentenceFactor = 1
        sentenceRules = 0
        currentRule = 0
        exclamations = 0
        questions = 0
        wordCount = 0
        hasElongatedToken = false
    }

    // MARK: For rules

    func category(of item: Item) -> LexiconCategory {
        item.isSentiment ? .sentiment : matcher.categories[item.category]
    }

    func family(of item: Item) -> LexiconCategory.Family {
        item.isSentiment ? .sentiment : matcher.categoryFamilies[item.category]
    }

    mutating func mark(_ item: Int) { items[item].rules |= currentRule }
    mutating func markSentence() { sentenceRules |= currentRule }

    func clauseOf(_ token: Int) -> Int32 { clause[token - range.lowerBound] }
    func segmentOf(_ token: Int) -> Int32 { segment[token - range.lowerBound] }

    /// Punctuation tokens that end a clause: `, ; : ( ) [ ]`, dashes and ellipses.
    func isClauseBreak(_ token: RawToken) -> Bool { SentenceAnalysis.isClauseBreak(token, bytes) }

    static func isClauseBreak(_ token: RawToken, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard token.kind == .punctuation else { return false }
        switch bytes[token.start] {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "!"),
            UInt8(ascii: "?"):
            return true
        case 0xE2:
            // – — ― … (curly quotes, also E2 80 xx, do not end a clause)
            guard token.end - token.start == 3 else { return false }
            let last = bytes[token.start + 2]
            return last == 0x93 || last == 0x94 || last == 0x95 || last == 0xA6
        default:
            return false
        }
    }

    /// Whether any word token comes after `token` in the sentence.
    func hasWord(after token: Int) -> Bool {
        var index = token + 1
        while index < range.upperBound {
            if tokens[index].kind == .word { return true }
            index += 1
        }
        return false
    }

    /// Whether a token is a contraction ending in `n't` (`isn't`, `don't`).
    func endsWithNegatedAuxiliary(_ token: Int) -> Bool {
        let raw = tokens[token]
        let count = raw.normalizedEnd - raw.normalizedStart
        guard count > 3 else { return false }
        let end = raw.normalizedEnd
        return normalized[end - 3] == UInt8(ascii: "n") && normalized[end - 2] == UInt8(ascii: "'")
            && normalized[end - 1] == UInt8(ascii: "t")
    }

    func isFirstWord(_ token: Int) -> Bool {
        for index in range.lowerBound..<token where tokens[index].kind == .word { return false }
        return true
    }
}
