import RapportTestSupport
import Testing
@testable import RapportIngest

@Suite struct CueTextTests {
    static func text(_ cue: CueText) -> String { String(String.UnicodeScalarView(cue.scalars)) }

    /// Latin-1 text (read from its bytes) and text beyond it (read scalar by scalar) are
    /// prepared alike: lower-cased, white space folded to one space, trimmed.
    @Test(arguments: [
        ("  ÞANN\u{A0}\u{85} Sent:\t  Á  ", "þann sent: á"),
        ("Með bestu KVEÐJU, ÆVAR ÖRN", "með bestu kveðju, ævar örn"),
        ("ÀÉÎÕÜ×ÝÞß ÿ µ", "àéîõü×ýþß ÿ µ"),
        ("Þann 4. mars skrifaði Jón:", "þann 4. mars skrifaði jón:"),
        ("ŁÓDŹ and Þór", "łódź and þór"),
        ("Sent：Ævar\u{200B}", "sent:ævar"),
        ("", ""),
        ("\u{A0}\u{A0}", ""),
    ])
    func prepares(_ raw: String, _ expected: String) {
        #expect(Self.text(CueText(raw)) == expected)
        #expect(Self.text(CueText(Substring(raw))) == expected)
    }

    @Test func latinOneAndWiderTextAgree() {
        // The same words, once alone (the byte path) and once beside a letter beyond U+00FF.
        let words = "Á Æ Ð É Í Ó Ö Ú Ý Þ á æ ð é í ó ö ú ý þ\u{A0}x\u{85}y"
        let alone = Self.text(CueText(words))
        let beside = Self.text(CueText(words + " Ł"))
        #expect(beside == alone + " ł")
    }

    @Test func stopsAtTheLimitInScalars() {
        let line = String(repeating: "Þ", count: 500)
        #expect(CueText(line).scalars.count == CueText.lineLimit)
        #expect(CueText(line, limit: 3).scalars == ["þ", "þ", "þ"])
    }

    @Test func contiguousBytesArePreparedAsAnyCollectionOfThem() {
        var generator = SplitMix64(seed: 5)
        let pieces = ["a", "Z", "Þ", "þ", "×", "÷", "ß", "ÿ", "À", "Ö", " ", "  ", "\t", "\r\n", "\u{A0}", "\u{85}", "\u{80}",
                      "\u{9F}", "Ł", "€", "👍", "é", "e\u{301}", ":", "1"]
        var texts = ["", " ", "\u{A0}x", "x\u{A0}", String(repeating: "Á ", count: 300)]
        for _ in 0..<2_000 {
            texts.append((0..<Int(generator.next() % 16)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
        }
        for text in texts {
            for limit in [0, 1, 3, 7, CueText.lineLimit] {
                let generic = CueText.latin1Scalars(Array(text.utf8), limit: limit)
                let contiguous = text.utf8.withContiguousStorageIfAvailable { CueText.latin1Scalars($0, limit: limit) }
                #expect(contiguous == generic, "\(text.debugDescription) limit \(limit)")
            }
        }
    }

    @Test func scalarSetsHoldWhatSetsHold() {
        var generator = SplitMix64(seed: 9)
        let edges: [UInt32] = [0, 1, 0x20, 0x3F, 0x40, 0x41, 0x7E, 0x7F, 0x80, 0xFF, 0x2014, 0x1F600]
        for _ in 0..<200 {
            let members = (0..<Int(generator.next() % 8)).map { _ -> Unicode.Scalar in
                generator.next() % 2 == 0 ? Unicode.Scalar(edges[Int(generator.next() % UInt64(edges.count))])!
                    : Unicode.Scalar(UInt32(generator.next() % 0x3000))!
            }
            let fast = ScalarSet(members), reference = Set(members)
            for value in edges + (0..<300).map({ _ in UInt32(generator.next() % 0x3000) }) {
                guard let scalar = Unicode.Scalar(value) else { continue }
                #expect(fast.contains(scalar) == reference.contains(scalar), "\(members) \(value)")
            }
        }
        let literal: ScalarSet = ["-", "—", " "]
        #expect(literal.contains("-") && literal.contains("—") && literal.contains(" ") && !literal.contains("–"))
    }
}
