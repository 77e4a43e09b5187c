import Testing
@testable import RapportIngest

/// Known byte sequences in every charset mail uses, with the exact text they must decode to.
struct CharsetSample: Sendable, CustomTestStringConvertible {
    var label: String
    var bytes: [UInt8]
    var text: String
    var testDescription: String { label }

    init(_ label: String, _ bytes: [UInt8], _ text: String) {
        self.label = label
        self.bytes = bytes
        self.text = text
    }
}

/// Input that does not decode cleanly: the text that comes out and the diagnostic that explains it.
struct CharsetRepair: Sendable, CustomTestStringConvertible {
    var name: String
    var label: String?
    var bytes: [UInt8]
    var expected: Charset.Decoded
    var testDescription: String { name }

    init(_ name: String, _ label: String?, _ bytes: [UInt8], _ text: String, _ problem: String?) {
        self.name = name
        self.label = label
        self.bytes = bytes
        self.expected = Charset.Decoded(text: text, problem: problem)
    }
}

@Suite struct CharsetTests {
    static let samples: [CharsetSample] = [
        CharsetSample("utf-8", [0xC3, 0x9E, 0xC3, 0xB3, 0x72, 0xC3, 0xB0, 0x75, 0x72, 0x20, 0xE2, 0x82, 0xAC], "Þórður €"),
        CharsetSample("utf-8", [0xEF, 0xBB, 0xBF, 0x68, 0xC3, 0xA6], "hæ"),
        CharsetSample("utf-8", [0xF0, 0x9F, 0x98, 0x80], "😀"),
        CharsetSample("us-ascii", Array("plain text\r\n".utf8), "plain text\r\n"),
        CharsetSample("iso-8859-1", [0xDE, 0xF3, 0x72, 0xF0, 0x75, 0x72], "Þórður"),
        CharsetSample("iso-8859-1", [0x93, 0x68, 0x69, 0x94], "“hi”"),
        CharsetSample("iso-8859-2", [0xA3, 0xF3, 0x64, 0xBC], "Łódź"),
        CharsetSample("iso-8859-3", [0xA1, 0x61, 0xF5, 0x61, 0x72], "Ħaġar"),
        CharsetSample("iso-8859-4", [0xD3, 0xEF, 0x6C, 0x61], "Ķīla"),
        CharsetSample("iso-8859-5", [0xBF, 0xE0, 0xD8, 0xD2, 0xD5, 0xE2], "Привет"),
        CharsetSample("iso-8859-6", [0xE5, 0xD1, 0xCD, 0xC8, 0xC7], "مرحبا"),
        CharsetSample("iso-8859-7", [0xC3, 0xE5, 0xE9, 0xDC], "Γειά"),
        CharsetSample("iso-8859-8", [0xF9, 0xEC, 0xE5, 0xED], "שלום"),
        CharsetSample("iso-8859-8-i", [0xF9, 0xEC, 0xE5, 0xED], "שלום"),
        CharsetSample("iso-8859-9", [0xDD, 0xF0], "İğ"),
        CharsetSample("iso-8859-10", [0xAF, 0xBB], "Ŋŧ"),
        CharsetSample("iso-8859-11", [0xCA, 0xC7, 0xD1, 0xCA, 0xB4, 0xD5], "สวัสดี"),
        CharsetSample("iso-8859-13", [0xC0, 0xFE, 0x75, 0x6F, 0x6C, 0x61, 0x73], "Ąžuolas"),
        CharsetSample("iso-8859-14", [0xD0, 0xFE], "Ŵŷ"),
        CharsetSample("iso-8859-15", [0xA4, 0x20, 0xA6, 0xBD], "€ Šœ"),
        CharsetSample("iso-8859-16", [0xAA, 0xFE], "Șț"),
        CharsetSample("windows-1250", [0xA3, 0xF3, 0x64, 0x9F], "Łódź"),
        CharsetSample("windows-1251", [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2], "Привет"),
        CharsetSample("windows-1252", [0x93, 0x71, 0x75, 0x6F, 0x74, 0x65, 0x64, 0x94, 0x20, 0x96, 0x20, 0x80],
                      "“quoted” – €"),
        CharsetSample("windows-1252", [0x81, 0x8D, 0x8F, 0x90, 0x9D], "\u{81}\u{8D}\u{8F}\u{90}\u{9D}"),
        CharsetSample("windows-1253", [0xC3, 0xE5, 0xE9, 0xDC], "Γειά"),
        CharsetSample("windows-1254", [0xDD, 0xF0], "İğ"),
        CharsetSample("windows-1255", [0xF9, 0xEC, 0xE5, 0xED], "שלום"),
        CharsetSample("windows-1256", [0xE3, 0xD1, 0xCD, 0xC8, 0xC7], "مرحبا"),
        CharsetSample("windows-1257", [0xC0, 0xFE, 0x75, 0x6F, 0x6C, 0x61, 0x73], "Ąžuolas"),
        CharsetSample("windows-1258", [0xD0, 0xE0], "Đà"),
        CharsetSample("windows-1258", [0x56, 0x69, 0xEA, 0xF2, 0x74], "Việt"),
        CharsetSample("koi8-r", [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], "Привет"),
        CharsetSample("koi8-u", [0xB7, 0xD6, 0xC1, 0xCB], "Їжак"),
        CharsetSample("iso-2022-jp", [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x38, 0x6C, 0x1B, 0x28, 0x42], "日本語"),
        CharsetSample("shift_jis", [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA], "日本語"),
        CharsetSample("shift_jis", [0x43, 0x3A, 0x5C, 0x87, 0x40], "C:\\①"),
        CharsetSample("cp932", [0x87, 0x40, 0x5C], "①\\"),
        CharsetSample("windows-31j", [0x93, 0xFA, 0x96, 0x7B], "日本"),
        CharsetSample("euc-jp", [0xC6, 0xFC, 0xCB, 0xDC, 0xB8, 0xEC], "日本語"),
        CharsetSample("euc-kr", [0xC7, 0xD1, 0xB1, 0xB9, 0xBE, 0xEE], "한국어"),
        CharsetSample("euc-kr", [0x8C, 0x63], "똠"),
        CharsetSample("ks_c_5601-1987", [0xC7, 0xD1, 0xB1, 0xB9, 0xBE, 0xEE], "한국어"),
        CharsetSample("gb2312", [0xD6, 0xD0, 0xCE, 0xC4], "中文"),
        CharsetSample("gbk", [0xE9, 0x46], "镕"),
        CharsetSample("gb18030", [0xA2, 0xE3, 0x95, 0x32, 0x82, 0x36], "€𠀀"),
        CharsetSample("big5", [0xA4, 0xA4, 0xA4, 0xE5], "中文"),
        CharsetSample("utf-7", Array("Hi Mom -+Jjo--!".utf8), "Hi Mom -☺-!"),
        CharsetSample("utf-7", Array("A+ImIDkQ.".utf8), "A≢Α."),
        CharsetSample("utf-7", Array("Fr+APY-sche".utf8), "Frösche"),
        CharsetSample("macintosh", [0x43, 0x61, 0x66, 0x8E], "Café"),
        CharsetSample("utf-16", [0xFF, 0xFE, 0x68, 0x00, 0xE6, 0x00], "hæ"),
        CharsetSample("utf-16", [0xFE, 0xFF, 0x00, 0x68, 0x00, 0xE6], "hæ"),
        CharsetSample("utf-16", [0x00, 0x68, 0x00, 0x69], "hi"),
        CharsetSample("utf-16", [0x68, 0x00, 0x69, 0x00], "hi"),
        CharsetSample("utf-16", [0xFF, 0xFE, 0x3D, 0xD8, 0x00, 0xDE], "😀"),
        CharsetSample("utf-16le", [0x68, 0x00, 0xE6, 0x00], "hæ"),
        CharsetSample("utf-16be", [0x00, 0x68, 0x00, 0xE6], "hæ"),
        CharsetSample("utf-32", [0xFF, 0xFE, 0x00, 0x00, 0x00, 0xF6, 0x01, 0x00], "😀"),
        CharsetSample("utf-32", [0x00, 0x00, 0xFE, 0xFF, 0x00, 0x01, 0xF6, 0x00], "😀"),
        CharsetSample("utf-32", [0x00, 0x00, 0x00, 0x68], "h"),
        CharsetSample("utf-32", [0x68, 0x00, 0x00, 0x00], "h"),
        CharsetSample("utf-32le", [0xE6, 0x00, 0x00, 0x00], "æ"),
        CharsetSample("utf-32be", [0x00, 0x00, 0x00, 0xE6], "æ"),
    ]

    @Test(arguments: samples)
    func decodesKnownBytes(_ sample: CharsetSample) {
        #expect(Charset.decode(sample.bytes, charset: sample.label) == Charset.Decoded(text: sample.text))
    }

    @Test func acceptsSlicesAndNonContiguousCollections() {
        let bytes: [UInt8] = [0x78, 0xC3, 0xA6, 0x78]
        #expect(Charset.decode(bytes[1..<3], charset: "utf-8").text == "æ")
        #expect(Charset.decode(bytes.reversed(), charset: "iso-8859-1").text == "x¦Ãx")
    }

    @Test func emptyInputDecodesToEmptyText() {
        for label in ["utf-8", "shift_jis", "utf-16", "utf-32", "koi8-r", "x-unknown"] {
            #expect(Charset.decode([UInt8](), charset: label).text == "", "\(label)")
        }
    }

    static let repairs: [CharsetRepair] = [
        CharsetRepair("damaged UTF-8 keeps every byte as U+FFFD", "utf-8",
                      [0xC3, 0xA6, 0x20, 0xFF, 0x20, 0xE2, 0x82], "æ \u{FFFD} \u{FFFD}", "invalid UTF-8 repaired"),
        CharsetRepair("surrogates and overlongs are invalid UTF-8", "utf-8",
                      [0xC3, 0xA6, 0xED, 0xA0, 0x80, 0xC0, 0xAF], "æ\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}",
                      "invalid UTF-8 repaired"),
        CharsetRepair("utf-8 label on Latin-1 bytes", "utf-8", [0x4A, 0xF3, 0x6E, 0x20, 0x93, 0x78, 0x94],
                      "Jón “x”", "declared utf-8 but bytes are not UTF-8; decoded as windows-1252"),
        CharsetRepair("8-bit bytes in us-ascii that are UTF-8", "us-ascii", [0x4A, 0xC3, 0xB3, 0x6E],
                      "Jón", "8-bit bytes in us-ascii text; decoded as utf-8"),
        CharsetRepair("8-bit bytes in us-ascii that are not UTF-8", "ascii", [0x4A, 0xF3, 0x6E, 0x80],
                      "Jón€", "8-bit bytes in us-ascii text; decoded as windows-1252"),
        CharsetRepair("unknown charset, UTF-8 bytes", "x-foo", [0xC3, 0xA6], "æ",
                      "unknown charset x-foo; decoded as utf-8"),
        CharsetRepair("unknown charset, 8-bit bytes", "x-foo", [0xE6], "æ",
                      "unknown charset x-foo; decoded as windows-1252"),
        CharsetRepair("unknown charset, ASCII bytes", "\"X-Foo\"", Array("ok".utf8), "ok",
                      "unknown charset x-foo; decoded as utf-8"),
        CharsetRepair("unknown charset label is not echoed beyond 40 printable characters",
                      String(repeating: "z", count: 60) + "\u{7}", [0x61], "a",
                      "unknown charset \(String(repeating: "z", count: 40)); decoded as utf-8"),
        CharsetRepair("missing charset, ASCII", nil, Array("ok".utf8), "ok", nil),
        CharsetRepair("missing charset, UTF-8", nil, [0xC3, 0xA6], "æ",
                      "no charset declared; 8-bit text decoded as utf-8"),
        CharsetRepair("empty charset, 8-bit", " ", [0xE6], "æ",
                      "no charset declared; 8-bit text decoded as windows-1252"),
        CharsetRepair("shift_jis with an invalid byte pair and a cut-off last character", "shift_jis",
                      [0x93, 0xFA, 0x85, 0x40, 0x41, 0x96], "日\u{FFFD}@A\u{FFFD}",
                      "invalid bytes for shift_jis replaced with U+FFFD"),
        CharsetRepair("euc-jp with a cut-off last character", "euc-jp", [0xC6, 0xFC, 0xCB],
                      "日\u{FFFD}", "invalid bytes for euc-jp replaced with U+FFFD"),
        CharsetRepair("iso-8859-3 unassigned byte", "iso-8859-3", [0x61, 0xA5, 0x62], "a\u{FFFD}b",
                      "invalid bytes for iso-8859-3 replaced with U+FFFD"),
        CharsetRepair("utf-16 with an odd byte and an unpaired surrogate", "utf-16le", [0x00, 0xD8, 0x68, 0x00, 0x69],
                      "\u{FFFD}h\u{FFFD}", "invalid bytes for utf-16le replaced with U+FFFD"),
        CharsetRepair("utf-32 beyond U+10FFFF and truncated", "utf-32be", [0x00, 0x11, 0x00, 0x00, 0x00, 0x00],
                      "\u{FFFD}\u{FFFD}", "invalid bytes for utf-32be replaced with U+FFFD"),
    ]

    @Test(arguments: repairs)
    func repairsAndReports(_ repair: CharsetRepair) {
        #expect(Charset.decode(repair.bytes, charset: repair.label) == repair.expected)
    }

    @Test func asciiOnlyInputInStatefulCharsetsStillGoesThroughTheirDecoder() {
        // ISO-2022-JP and UTF-7 are written in ASCII bytes, so the ASCII shortcut must not apply to them.
        let jis: [UInt8] = [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x1B, 0x28, 0x42, 0x21]
        #expect(Charset.decode(jis, charset: "ISO-2022-JP").text == "日!")
        #expect(Charset.decode(Array("+AOY-".utf8), charset: "utf-7").text == "æ")
    }

    @Test func largeValidUTF8DecodesUnchanged() {
        let text = String(repeating: "Þetta er prófun á íslensku. ", count: 5_000)
        #expect(Charset.decode(Array(text.utf8), charset: "UTF-8") == Charset.Decoded(text: text))
        let shiftJIS = [UInt8](repeating: 0, count: 0) + Array(repeating: [0x93, 0xFA, 0x96, 0x7B], count: 20_000).joined()
        #expect(Charset.decode(shiftJIS, charset: "shift_jis").text == String(repeating: "日本", count: 20_000))
    }

    // MARK: - Labels

    static let labels: [(String, String?)] = [
        ("utf-8", "utf-8"), ("UTF8", "utf-8"), ("\"utf-8\"", "utf-8"), (" 'UTF-8' ", "utf-8"),
        ("unicode-1-1-utf-8", "utf-8"),
        ("latin1", "iso-8859-1"), ("ISO_8859-1", "iso-8859-1"), ("iso8859-1", "iso-8859-1"),
        ("ISO_8859-1:1987", "iso-8859-1"), ("csISOLatin1", "iso-8859-1"), ("l1", "iso-8859-1"),
        ("latin2", "iso-8859-2"), ("iso-8859-8-i", "iso-8859-8"), ("latin9", "iso-8859-15"),
        ("ISO-8859-15", "iso-8859-15"), ("iso-8859-11", "iso-8859-11"), ("iso-8859-12", nil),
        ("cp1252", "windows-1252"), ("win-1252", "windows-1252"), ("Windows-1250", "windows-1250"),
        ("x-cp1251", "windows-1251"), ("tis-620", "windows-874"),
        ("ascii", "us-ascii"), ("ANSI_X3.4-1968", "us-ascii"), ("us-ascii", "us-ascii"),
        ("koi8-r", "koi8-r"), ("KOI8-U", "koi8-u"),
        ("unicode-1-1-utf-7", "utf-7"), ("utf-16", "utf-16"), ("UTF-16LE", "utf-16le"), ("utf-32be", "utf-32be"),
        ("x-sjis", "shift_jis"), ("Shift_JIS", "shift_jis"), ("cp932", "windows-31j"), ("windows-31j", "windows-31j"),
        ("x-euc-jp", "euc-jp"), ("ISO-2022-JP", "iso-2022-jp"),
        ("ks_c_5601-1987", "euc-kr"), ("EUC-KR", "euc-kr"), ("cp949", "euc-kr"),
        ("gb_2312-80", "gb2312"), ("GB2312", "gb2312"), ("x-gbk", "gbk"), ("GB18030", "gb18030"),
        ("Big5", "big5"), ("x-x-big5", "big5"), ("big5-hkscs", "big5-hkscs"),
        ("x-mac-roman", "macintosh"), ("macintosh", "macintosh"),
        ("x-unknown", nil), ("", nil), ("\"\"", nil), ("utf-9", nil), ("NONE", nil), ("x-user-defined", nil),
    ]

    @Test(arguments: labels)
    func canonicalName(_ label: String, _ expected: String?) {
        #expect(Charset.canonicalName(label) == expected)
    }

    @Test func everyCanonicalNameIsItsOwnCanonicalName() {
        for charset in CharsetRegistry.all {
            #expect(Charset.canonicalName(charset.name) == charset.name)
        }
    }

    @Test func everyIconvConverterExistsOnThisSystem() {
        for charset in CharsetRegistry.all {
            guard case .iconv(let converter) = charset.decoder else { continue }
            let result = [UInt8](arrayLiteral: 0x41).withUnsafeBufferPointer {
                IconvDecoder.decode($0, charset: converter)
            }
            #expect(result == RepairedText(text: "A", repairs: 0), "\(converter)")
        }
    }

    @Test func iconvReportsUnknownConverters() {
        let result = [UInt8](arrayLiteral: 0x41).withUnsafeBufferPointer {
            IconvDecoder.decode($0, charset: "NO-SUCH-CHARSET")
        }
        #expect(result == nil)
    }

    @Test(arguments: [1, 2, 7])
    func iconvGrowsItsOutputBuffer(initialCapacity: Int) {
        let bytes: [UInt8] = [0xD6, 0xD0, 0x21, 0xFF, 0xCE, 0xC4, 0x95, 0x32, 0x82, 0x36]
        let result = bytes.withUnsafeBufferPointer {
            IconvDecoder.decode($0, charset: "GB18030", initialCapacity: initialCapacity)
        }
        #expect(result == RepairedText(text: "中!\u{FFFD}文𠀀", repairs: 1))
    }
}
