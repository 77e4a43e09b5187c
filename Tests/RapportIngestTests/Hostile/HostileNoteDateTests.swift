import RapportModel
import Testing

@testable import RapportIngest

/// The note date parser used regular expressions; Swift's engine backtracks, and the month-name
/// pattern tried at every letter of a long word cost the square of its length (an 8,000-letter
/// word took over a minute; these 50,000-character texts would take most of an hour). These
/// shapes must come back with the parser's answer; no timing is asserted.
@Suite struct HostileNoteDateTests {
    private let parser = NoteDateParser(cues: .shipped)

    @Test(arguments: [
        String(repeating: "a", count: 50_000),
        String(repeating: "a", count: 50_000) + " 4",
        String(repeating: "March ", count: 50_000),
        String(repeating: "4 ", count: 25_000) + String(repeating: "x", count: 25_000),
        String(repeating: "4. ", count: 25_000),
        String(repeating: "2026-", count: 25_000),
        String(repeating: "1.", count: 25_000),
        String(repeating: "kl", count: 25_000),
        String(repeating: " ", count: 50_000) + "10",
    ])
    func longTextWithoutADate(_ text: String) {
        #expect(parser.firstDate(in: text) == nil)
        #expect(parser.wholeDate(text) == nil)
        #expect(parser.wholeTime(text) == nil)
    }

    @Test func dateAfterALongWord() {
        let text = String(repeating: "x", count: 50_000) + " March 4, 2026 10:00 GMT"
        let found = parser.firstDate(in: text)?.date
        #expect(found == NoteDate(year: 2026, month: 3, day: 4, hour: 10, minute: 0, offset: 0))
    }

    @Test func digitsOfOtherScriptsAreNotNumbers() {
        // `\d` matched these, and `Int(_:)!` then trapped on them.
        #expect(parser.firstDate(in: "\u{0662}\u{0660}\u{0662}\u{0666}-\u{0660}\u{0663}-\u{0660}\u{0664}") == nil)
        #expect(parser.firstDate(in: "\u{0664}. mars 2026") == nil)
        #expect(parser.leadingTime("\u{0661}\u{0660}:\u{0660}\u{0660}") == nil)
    }

    @Test func timesAndZonesAtTheEndOfTheText() {
        #expect(parser.leadingTime("kl. 9").map { [$0.hour, $0.minute] } == [9, 0])
        #expect(parser.leadingTime("10").map { [$0.hour, $0.minute] } == nil)
        #expect(parser.firstDate(in: "2026-03-04T10:00+0100")?.date.offset == 3600)
        #expect(parser.firstDate(in: "2026-03-04 10:00 UTC+")?.date.offset == 0)
    }

    /// Found by the `notes` fuzzer: a 64 KB mail read as an HTML note is one long paragraph, and
    /// asking every paragraph whether it is a date line searched all of it for dates (1.3 s
    /// under AddressSanitizer). A date line is short; a long paragraph is not searched.
    @Test func aLongParagraphIsNotADateLine() {
        #expect(parser.wholeDate("Þriðjudagur 4. mars 2026 kl. 10:00 GMT")
            == NoteDate(year: 2026, month: 3, day: 4, hour: 10, minute: 0, offset: 0))
        #expect(parser.wholeDate(String(repeating: " ", count: 100) + "4. mars 2026")?.day == 4)
        #expect(parser.wholeDate(String(repeating: " ", count: 120) + "4. mars 2026") == nil)
        #expect(parser.wholeTime(String(repeating: " ", count: 120) + "10:00") == nil)
    }

    @Test func aMailReadAsAnHTMLNoteIsOneNote() {
        var lines = ["From: <test@example.com>", "Subject: more than 300 attachments", "Date: Wed, 4 Jan 2023 12:08:17 +0300", ""]
        for index in 0..<1_500 {
            lines.append("------=_NextPart_000_04FE\nContent-Type: text/plain; name=\"file\(index).txt\"\n\npart \(index) of 2023-01-04")
        }
        let bytes = Array(lines.joined(separator: "\n").utf8)
        let (documents, _) = NoteReader.read(bytes, format: .html, location: SourceLocation(file: "mail.html"))
        #expect(documents.count == 1)
        #expect(documents.first?.text.contains("part 1499 of 2023-01-04") == true)
    }
}
