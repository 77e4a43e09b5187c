import Testing
@testable import RapportHealth

@Suite struct ReadingNormalizationTests {
    /// The definition `ReadingBuilder.normalized` is held to: lower-cased, every run of Unicode
    /// white space folded to one space, none at either end.
    static func reference(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }

    @Test(arguments: [
        "", " ", "Hello  World", "  Leading and trailing \t\n", "Þetta ER Íslenska\u{A0}\u{A0}TEXTI",
        "a\u{85}b\u{1680}c\u{2000}d\u{200A}e\u{200B}f\u{2028}g\u{2029}h\u{202F}i\u{205F}j\u{3000}k",
        "ß İstanbul ΣΊΣΥΦΟΣ 👍🏽 e\u{301}", "\u{2027}\u{2030}\u{2060}\u{1681}\u{3001}", "x\r\ny\u{B}\u{C}z",
    ])
    func matchesTheScalarDefinition(_ text: String) {
        #expect(ReadingBuilder.normalized(text) == Self.reference(text))
        #expect(ReadingBuilder.normalizedDigest(text) == TextDigest(Self.reference(text)))
    }

    /// ASCII takes a path of its own: every ASCII scalar, in runs and alone, at either end.
    @Test func everyASCIIScalarLowersAndFoldsAsTheDefinitionSays() {
        let all = String(String.UnicodeScalarView((0..<128).compactMap(Unicode.Scalar.init)))
        for text in [all, String(all.reversed()), "  \(all)\t\t\(all.uppercased())\n", "MiXeD CaSe\u{B}\u{C}\r\nZ@[`{"] {
            #expect(ReadingBuilder.normalized(text) == Self.reference(text))
            #expect(ReadingBuilder.normalizedDigest(text) == TextDigest(Self.reference(text)))
        }
    }

    @Test func everyWhiteSpaceScalarFolds() {
        for value in UInt32(0)...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            #expect(ReadingBuilder.normalized(text) == Self.reference(text), "U+\(String(value, radix: 16))")
        }
    }

    /// Words counted on bytes as counting runs of non-white-space scalars counts them.
    static func referenceWordCount(_ text: String) -> Int {
        var count = 0, inWord = false
        for scalar in text.unicodeScalars {
            let space = scalar.properties.isWhitespace
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    @Test func wordsAreCountedBetweenEveryKindOfWhiteSpace() {
        let texts = [
            "", " ", "one", "two words", "  lead and trail  ", "Þetta ER Íslenska\u{A0}\u{A0}TEXTI",
            "a\u{85}b\u{1680}c\u{2000}d\u{200A}e\u{200B}f\u{2028}g\u{2029}h\u{202F}i\u{205F}j\u{3000}k",
            "ß İstanbul ΣΊΣΥΦΟΣ 👍🏽 e\u{301}", "x\r\ny\u{B}\u{C}z",
        ]
        for text in texts { #expect(ReadingBuilder.wordCount(text) == Self.referenceWordCount(text), "\(text)") }
        for value in UInt32(0)...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b " + String(Character(scalar))
            #expect(ReadingBuilder.wordCount(text) == Self.referenceWordCount(text), "U+\(String(value, radix: 16))")
        }
    }
}

