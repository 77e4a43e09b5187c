/// A token of authored text: its original form and position, and the normalised form used for
/// lexicon lookups.
public struct Token: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Letters and digits, with inner apostrophes (`don't`) and hyphens (`follow-up`), a known
        /// abbreviation with its dots (`e.g.`), or a hashtag (`#fail`, looked up without the `#`).
        case word
        case number
        /// An amount with a currency sign: `$1,200.50`, `€1.200,50`, `50€`.
        case money
        case percent
        /// E-mail addresses, URLs and @mentions are one token each and are never scored.
        case email
        case url
        case mention
        case emoticon
        case emoji
        case punctuation
        case symbol
    }

    public var kind: Kind
    /// The text as written.
    public var text: String
    /// Lower-cased, curly apostrophes folded to `'`, diacritics kept (`á` and `a` are different
    /// letters in Icelandic); empty for kinds that are never looked up.
    public var normalized: String
    /// Byte offsets of the token in the UTF-8 text.
    public var utf8Range: Range<Int>
    /// A word of at least two letters, all upper-case (`NOT`, `ÓÁSÆTTANLEGT`).
    public var isAllCaps: Bool

    public init(kind: Kind, text: String, normalized: String, utf8Range: Range<Int>, isAllCaps: Bool = false) {
        self.kind = kind
        self.text = text
        self.normalized = normalized
        self.utf8Range = utf8Range
        self.isAllCaps = isAllCaps
    }
}

/// The tokenizer's internal record of a token: offsets only, so scoring never allocates a string
/// per token.
struct RawToken: Sendable {
    var start: Int
    var end: Int
    /// Range of the normalised bytes in `TokenBuffer.normalized`.
    var normalizedStart: Int
    var normalizedEnd: Int
    /// FNV-1a hash of the normalised bytes.
    var hash: UInt64
    var kind: Token.Kind
    var flags: Flags
    /// Line breaks between the previous token and this one (capped at 255).
    var newlinesBefore: UInt8

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt16
        static let allCaps = Flags(rawValue: 1 << 0)
        static let capitalized = Flags(rawValue: 1 << 1)
        static let abbreviation = Flags(rawValue: 1 << 2)
        /// The abbreviation may also end a sentence (`etc.`).
        static let finalAbbreviation = Flags(rawValue: 1 << 3)
        /// Whitespace separates this token from the previous one.
        static let spaceBefore = Flags(rawValue: 1 << 4)
        /// A letter repeated three or more times (`sooo`).
        static let elongated = Flags(rawValue: 1 << 5)
        static let hashtag = Flags(rawValue: 1 << 6)
        /// A single letter (`J` in `J. Smith`).
        static let singleLetter = Flags(rawValue: 1 << 7)
        static let hasLetters = Flags(rawValue: 1 << 8)
    }

    var isWord: Bool { kind == .word }
    /// Tokens the lexicon may match.
    var isLookupable: Bool { kind == .word || kind == .emoticon || kind == .emoji }

    /// Any token but a plain word: not a word, or a word that is an abbreviation, is stretched
    /// or starts a line. Sentence splitting and the per-sentence counts look only at these
    /// (`TokenBuffer.marked`); most tokens of a text are plain words.
    @inline(__always)
    var isMarked: Bool {
        kind != .word || newlinesBefore > 0 || flags.rawValue & RawToken.markingFlags.rawValue != 0
    }

    static let markingFlags: Flags = [.abbreviation, .elongated]
}

/// Tokens of one text plus the arena their normalised forms live in; reused across texts.
struct TokenBuffer: Sendable {
    var tokens: [RawToken] = []
    /// The arena: `normalizedCount` bytes of the last text, in storage kept at the size the
    /// largest text so far needed (beyond the count it holds older bytes).
    var normalized: [UInt8] = []
    var normalizedCount = 0
    /// The indices of the marked tokens (`RawToken.isMarked`), in order.
    var marked: [Int] = []
    /// Some word with letters is written in capitals, and some is not: then capitals are emphasis.
    var hasAllCapsWord = false
    var hasOtherWord = false

    func normalizedBytes<R>(_ token: RawToken, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        normalized.withUnsafeBufferPointer {
            body(UnsafeBufferPointer(rebasing: $0[token.normalizedStart..<token.normalizedEnd]))
        }
    }

    func normalizedString(_ token: RawToken) -> String {
        String(decoding: normalized[token.normalizedStart..<token.normalizedEnd], as: UTF8.self)
    }
}
