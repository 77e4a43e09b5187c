import RapportTestSupport
import Testing

@testable import RapportIngest

/// `MailLines.split` finds newlines in the bytes; it must cut exactly where stepping through the
/// string's indices does.
@Suite struct MailLinesTests {
    @Test func cutsAtLineFeedsAndDropsTheCarriageReturnBeforeThem() {
        #expect(MailLines.split("").map(String.init) == [""])
        #expect(MailLines.split("one").map(String.init) == ["one"])
        #expect(MailLines.split("one\n").map(String.init) == ["one", ""])
        #expect(MailLines.split("one\r\ntwo\rstill two\n\nfour").map(String.init) == ["one", "two\rstill two", "", "four"])
        #expect(MailLines.split("\r\n\r\n").map(String.init) == ["", "", ""])
        #expect(MailLines.split("Þór\r\nsæl 👋🏽\ne\u{301}").map(String.init) == ["Þór", "sæl 👋🏽", "e\u{301}"])
    }

    func bytes(_ lines: [Substring]) -> [[UInt8]] { lines.map { Array($0.utf8) } }

    @Test func agreesWithTheIndexWalkOnSeededText() {
        var random = SplitMix64(seed: 11)
        let pieces = ["a", "Þ", "\r", "\n", "\r\n", " ", "👋🏽", "e\u{301}", ">", "\u{2028}"]
        for _ in 0..<2_000 {
            let length = Int(random.next() % 40)
            let text = (0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            #expect(bytes(MailLines.split(text)) == bytes(MailLines.splitByIndex(text)), "\(text.debugDescription)")
            // A substring of a larger string, as bodies often are.
            let inner = String("xx\n" + text + "\nyy")
            #expect(bytes(MailLines.split(inner)) == bytes(MailLines.splitByIndex(inner)))
        }
    }

    /// The shape as the scalars tell it (white space and invisible marks skipped).
    static func scalarShape(_ line: Substring) -> LineShape {
        var scalars = line.unicodeScalars.drop { CueText.isSpace($0) || CueText.isInvisible($0) }.makeIterator()
        switch scalars.next() {
        case nil: return .blank
        case ">": return scalars.next() == ":" ? .text : .quoted
        default: return .text
        }
    }

    @Test func shapesFromBytesAreTheShapesOfTheScalars() {
        var random = SplitMix64(seed: 13)
        let pieces = [" ", "\t", "\u{A0}", "\u{200B}", ">", ":", "a", "Þ", "\u{FEFF}", ">:", "\u{0B}"]
        for _ in 0..<3_000 {
            let line = (0..<Int(random.next() % 6)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            #expect(LineShape(Substring(line)) == Self.scalarShape(Substring(line)), "\(line.debugDescription)")
        }
    }
}
