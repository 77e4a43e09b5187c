import Testing
import RapportModel
import RapportTestSupport

/// `lowercasedFast` is `lowercased`, quicker for Latin-1 text.
@Suite struct FastLowercaseTests {
    @Test func everyScalarAloneAndAmongOthersLowersAsTheStandardLibraryLowersIt() {
        for value in UInt32(0)...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = String(Character(scalar))
            for text in [character, "A\(character)Þ", "x\(character)\(character)é ", "\(character)\r\nÖ×ß"] {
                #expect(text.lowercasedFast() == text.lowercased(), "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test func mixedTextLowersAsTheStandardLibraryLowersIt() {
        var random = SplitMix64(seed: 3)
        let pieces = ["Þórunn", "ÁSDÍS", "ð", "Æ", "×", "÷", "ß", "ÿ", "µ", "\u{A0}", "\u{85}", "AbC", " ", "İ", "Σ", "ΣΑ",
                      "e\u{301}", "Ǆ", "ẞ", "日本", "👍🏽", "\r\n", "\u{0}", "\u{7F}", "\u{80}", "\u{C0}"]
        for _ in 0..<3_000 {
            let text = (0..<Int(random.next() % 8)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            #expect(text.lowercasedFast() == text.lowercased(), "\(text.unicodeScalars.map(\.value))")
        }
        #expect("ÞÓRUNN JÓNSDÓTTIR".lowercasedFast() == "þórunn jónsdóttir")
        #expect("already lower".lowercasedFast() == "already lower")
        #expect("".lowercasedFast() == "")
    }
}
