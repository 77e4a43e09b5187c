import Foundation

/// What a character is to the tokenizer. ASCII bytes are classified by a 128-entry table; other
/// scalars go through Foundation's `CharacterSet` classes (with a fast path for the Latin-1 letters
/// Icelandic uses), because per-`Character` loops are an order of magnitude slower.
enum CharacterClass: UInt8, Sendable {
    case space
    case newline
    case upper
    case lower
    /// A letter without case, or a combining mark continuing a word.
    case letter
    case digit
    case apostrophe
    case hyphen
    case period
    case exclamation
    case question
    case comma
    case clausePunctuation
    case quote
    case openBracket
    case closeBracket
    case dash
    case ellipsis
    case currency
    case at
    case hash
    case emoji
    /// Variation selectors, skin-tone modifiers, zero-width joiners and tag characters that belong
    /// to the emoji before them.
    case emojiExtender
    case symbol
    /// Invisible format characters (zero-width space, byte order mark) that are skipped.
    case ignorable

    var isLetter: Bool { self == .upper || self == .lower || self == .letter }
    var isWordCharacter: Bool { isLetter || self == .digit }
}

enum CharacterClassifier {
    /// Classes of the 128 ASCII bytes.
    static let ascii: [CharacterClass] = {
        var table = [CharacterClass](repeating: .symbol, count: 128)
        for byte in 0..<32 { table[byte] = .ignorable }
        for byte in [0x09, 0x0B, 0x0C, 0x0D, 0x20] { table[byte] = .space }
        table[0x0A] = .newline
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = .upper }
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = .lower }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = .digit }
        let marks: [(Character, CharacterClass)] = [
            ("'", .apostrophe), ("-", .hyphen), (".", .period), ("!", .exclamation), ("?", .question),
            (",", .comma), (";", .clausePunctuation), (":", .clausePunctuation), ("\"", .quote),
            ("(", .openBracket), ("[", .openBracket), ("{", .openBracket),
            (")", .closeBracket), ("]", .closeBracket), ("}", .closeBracket),
            ("$", .currency), ("@", .at), ("#", .hash),
        ]
        for (character, characterClass) in marks { table[Int(character.asciiValue!)] = characterClass }
        table[0x7F] = .ignorable
        return table
    }()

    /// Eight bytes tested at once for `@`, `:` and `.`: the high bit of each such byte is set.
    /// Bits above the first may be spurious, but the lowest set bit is exact, and 0 means none.
    @inline(__always)
    static func linkCueCandidates(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        @inline(__always) func zeroBytes(_ value: UInt64) -> UInt64 {
            (value &- ones) & ~value & 0x8080_8080_8080_8080
        }
        return zeroBytes(word ^ (ones &* 0x40)) | zeroBytes(word ^ (ones &* 0x3A)) | zeroBytes(word ^ (ones &* 0x2E))
    }

    private static let letters = CharacterSet.letters
    private static let uppercase = CharacterSet.uppercaseLetters
    private static let lowercase = CharacterSet.lowercaseLetters
    private static let marks = CharacterSet.nonBaseCharacters
    private static let digits = CharacterSet.decimalDigits
    private static let whitespace = CharacterSet.whitespaces
    private static let newlines = CharacterSet.newlines
    private static let punctuation = CharacterSet.punctuationCharacters

    /// The class of a non-ASCII scalar.
    static func classify(_ value: UInt32) -> CharacterClass {
        switch value {
        case 0xC0...0xDE where value != 0xD7: return .upper
        case 0xDF...0xFF where value != 0xF7: return .lower
        case 0xA0: return .space
        case 0x85, 0x2028, 0x2029: return .newline
        case 0xAD, 0x200B, 0x2060, 0xFEFF: return .ignorable
        case 0x2018, 0x2019, 0x02BC: return .apostrophe
        case 0x201C, 0x201D, 0x201E, 0xAB, 0xBB, 0x2039, 0x203A: return .quote
        case 0x2010, 0x2011: return .hyphen
        case 0x2013, 0x2014, 0x2015: return .dash
        case 0x2026: return .ellipsis
        case 0x2022, 0x2023, 0x25CF, 0x25AA, 0x25E6: return .symbol
        case 0xA2, 0xA3, 0xA5, 0x20A0...0x20CF: return .currency
        case 0x200D, 0xFE0E, 0xFE0F, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F, 0x20E3: return .emojiExtender
        case 0x1F1E6...0x1F1FF: return .emoji
        default: break
        }
        guard let scalar = Unicode.Scalar(value) else { return .symbol }
        if value >= 0x2190 && scalar.properties.isEmoji { return .emoji }
        if letters.contains(scalar) {
            if uppercase.contains(scalar) { return .upper }
            if lowercase.contains(scalar) { return .lower }
            return .letter
        }
        if marks.contains(scalar) { return .letter }
        if digits.contains(scalar) { return .digit }
        if newlines.contains(scalar) { return .newline }
        if whitespace.contains(scalar) { return .space }
        if punctuation.contains(scalar) { return .clausePunctuation }
        return .symbol
    }
}

/// Reads one scalar from valid UTF-8 (Swift strings always are) and returns its value and length.
@inline(__always)
func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
    let lead = UInt32(bytes[index])
    if lead < 0x80 { return (lead, 1) }
    let count = bytes.count
    @inline(__always) func continuation(_ offset: Int) -> UInt32 {
        index + offset < count ? UInt32(bytes[index + offset] & 0x3F) : 0
    }
    if lead < 0xE0 { return ((lead & 0x1F) << 6 | continuation(1), min(2, count - index)) }
    if lead < 0xF0 { return ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), min(3, count - index)) }
    return ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), min(4, count - index))
}

/// Appends the UTF-8 encoding of a scalar value.
@inline(__always)
func appendUTF8(_ value: UInt32, to buffer: inout [UInt8]) {
    switch value {
    case ..<0x80:
        buffer.append(UInt8(value))
    case ..<0x800:
        buffer.append(UInt8(0xC0 | value >> 6))
        buffer.append(UInt8(0x80 | value & 0x3F))
    case ..<0x10000:
        buffer.append(UInt8(0xE0 | value >> 12))
        buffer.append(UInt8(0x80 | (value >> 6) & 0x3F))
        buffer.append(UInt8(0x80 | value & 0x3F))
    default:
        buffer.append(UInt8(0xF0 | value >> 18))
        buffer.append(UInt8(0x80 | (value >> 12) & 0x3F))
        buffer.append(UInt8(0x80 | (value >> 6) & 0x3F))
        buffer.append(UInt8(0x80 | value & 0x3F))
    }
}

/// FNV-1a, 64 bit: cheap, incremental (so a stem's prefix hashes fall out of one pass), and good
/// enough for tables of short words.
enum FNV1a {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    @inline(__always)
    static func combine(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* prime }

    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var value = offsetBasis
        for byte in bytes { value = combine(value, byte) }
        return value
    }
}
