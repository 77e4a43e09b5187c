import Foundation
import Testing

@testable import RapportIngest

@Suite struct NoteDateParserTests {
    private let parser = NoteDateParser(cues: .shipped)

    /// The instant as `yyyy-MM-dd HH:mm:ss` in UTC, for readable expectations.
    private func utc(_ date: NoteDate?) -> String? {
        guard let date else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date.instant)
    }

    @Test(
        arguments: [
            ("2026-03-04T10:00:00+00:00", "2026-03-04 10:00:00"),
            ("2026-03-04T10:00:00Z", "2026-03-04 10:00:00"),
            ("2026-03-04T10:00:00.250-05:00", "2026-03-04 15:00:00"),
            ("2026-03-04 10:00 +0100", "2026-03-04 09:00:00"),
            ("2026-03-04", "2026-03-04 00:00:00"),
            ("04.03.2026", "2026-03-04 00:00:00"),
            ("4.3.2026 kl. 14:30", "2026-03-04 14:30:00"),
            ("04.03.26 kl. 9", "2026-03-04 09:00:00"),
            ("4. mars 2026", "2026-03-04 00:00:00"),
            ("miðvikudaginn 4. mars 2026 kl. 10:00", "2026-03-04 10:00:00"),
            ("12. febrúar 2026, 13:15", "2026-02-12 13:15:00"),
            ("1. des. 2025", "2025-12-01 00:00:00"),
            ("March 4, 2026 10:00", "2026-03-04 10:00:00"),
            ("Wednesday, March 4, 2026 2:15 PM", "2026-03-04 14:15:00"),
            ("Mar 4th, 2026 at 9am", "2026-03-04 09:00:00"),
            ("4 March 2026 10:00 GMT", "2026-03-04 10:00:00"),
            ("4 March 2026 10:00 BST", "2026-03-04 09:00:00"),
            ("12 June 2026, 10:00 (UTC+2)", "2026-06-12 08:00:00"),
            ("Date: 2026-02-29", nil),
            ("Fundur 31.04.2026", nil),
            ("Meeting with Orkulind – 4. mars 2026", "2026-03-04 00:00:00"),
            ("Quarterly review 2026-02-12 10:30Z", "2026-02-12 10:30:00"),
            ("version 1.2.3", nil),
            ("No date here", nil),
            ("May be later", nil),
        ] as [(String, String?)])
    func datesInText(_ text: String, expected: String?) {
        #expect(utc(parser.firstDate(in: text)?.date) == expected, "\(text)")
    }

    @Test func aTimeRangeIsNotAZone() {
        let date = parser.firstDate(in: "04.03.2026 10:00-11:00")?.date
        #expect(date?.hour == 10 && date?.minute == 0 && date?.offset == nil)
    }

    @Test func yearlessDatesTakeTheDefaultYear() {
        #expect(parser.firstDate(in: "by 11 March")?.date.isoDay == nil)
        #expect(parser.firstDate(in: "by 11 March", defaultYear: 2026)?.date.isoDay == "2026-03-11")
        #expect(parser.firstDate(in: "fyrir 20. mars", defaultYear: 2026)?.date.isoDay == "2026-03-20")
    }

    @Test func wholeDatesAndTimes() {
        #expect(parser.wholeDate("Wednesday, March 4, 2026")?.isoDay == "2026-03-04")
        #expect(parser.wholeDate("4. mars 2026")?.isoDay == "2026-03-04")
        #expect(parser.wholeDate("Meeting on 4. mars 2026 about prices") == nil)
        #expect(parser.wholeTime("10:00 AM").map { [$0.hour, $0.minute] } == [10, 0])
        #expect(parser.wholeTime("kl. 14:30").map { [$0.hour, $0.minute] } == [14, 30])
        #expect(parser.wholeTime("10:00 to discuss") == nil)
        #expect(parser.leadingTime("10:00–11:00").map { [$0.hour, $0.minute] } == [10, 0])
    }

    @Test func validity() {
        #expect(NoteDate(year: 2024, month: 2, day: 29).isValid)
        #expect(!NoteDate(year: 2026, month: 2, day: 29).isValid)
        #expect(!NoteDate(year: 2026, month: 1, day: 1, hour: 24, minute: 0).isValid)
        #expect(NoteDate.daysFromCivil(year: 1970, month: 1, day: 1) == 0)
        #expect(NoteDate.daysFromCivil(year: 2000, month: 3, day: 1) == 11_017)
    }
}
