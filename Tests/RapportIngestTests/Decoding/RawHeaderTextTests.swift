import Testing
@testable import RapportIngest

@Suite struct RawHeaderTextTests {
    static let cases: [(bytes: [UInt8], text: String)] = [
        (Array("Subject: plain".utf8), "Subject: plain"),
        ([0x4A, 0xC3, 0xB3, 0x6E], "Jón"),
        ([0x4A, 0xF3, 0x6E], "Jón"),
        ([0x93, 0x78, 0x94, 0x20, 0x80], "“x” €"),
        // One stray byte makes the whole line windows-1252: mixing per-byte guesses would garble both.
        ([0xC3, 0xB3, 0x20, 0xF3], "Ã³ ó"),
        ([0xEF, 0xBB, 0xBF, 0x61], "\u{FEFF}a"),
        ([], ""),
    ]

    @Test(arguments: cases)
    func decodes(_ bytes: [UInt8], _ text: String) {
        #expect(RawHeaderText.decode(bytes) == text)
        #expect(RawHeaderText.decode(bytes[...]) == text)
    }
}

@Suite struct ISO2022JPTests {
    static let cases: [(name: String, bytes: [UInt8], expected: Charset.Decoded)] = [
        ("NEC special characters", [0x1B, 0x24, 0x42, 0x2D, 0x21, 0x2D, 0x62, 0x1B, 0x28, 0x42],
         Charset.Decoded(text: "①№")),
        ("JIS X 0201 katakana by escape", [0x1B, 0x28, 0x49, 0x31, 0x32, 0x1B, 0x28, 0x42, 0x41],
         Charset.Decoded(text: "ｱｲA")),
        ("JIS X 0201 katakana by shift out", [0x0E, 0x31, 0x0F, 0x41], Charset.Decoded(text: "ｱA")),
        ("JIS Roman", [0x1B, 0x28, 0x4A, 0x41, 0x42], Charset.Decoded(text: "AB")),
        ("JIS X 0208-1990 announcement", [0x1B, 0x26, 0x40, 0x1B, 0x24, 0x42, 0x46, 0x7C, 0x1B, 0x28, 0x42],
         Charset.Decoded(text: "日")),
        ("a line break ends a double-byte run", [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x0A, 0x41],
         Charset.Decoded(text: "日\nA")),
        ("half a character at the end", [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x30],
         Charset.Decoded(text: "日\u{FFFD}", problem: "invalid bytes for iso-2022-jp replaced with U+FFFD")),
        ("JIS X 0212 goes to the ISO-2022-JP-2 converter", [0x1B, 0x24, 0x28, 0x44, 0x30, 0x21, 0x1B, 0x28, 0x42],
         Charset.Decoded(text: "丂")),
        ("mislabelled Shift_JIS still decodes", [0x93, 0xFA, 0x96, 0x7B], Charset.Decoded(text: "日本")),
    ]

    @Test(arguments: cases)
    func decodes(_ name: String, _ bytes: [UInt8], _ expected: Charset.Decoded) {
        #expect(Charset.decode(bytes, charset: "iso-2022-jp") == expected, "\(name)")
    }
}
