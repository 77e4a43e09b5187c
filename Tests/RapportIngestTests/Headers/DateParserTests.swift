import Foundation
import RapportTestSupport
import Testing
@testable import RapportIngest

@Suite struct DateParserTests {
    /// RFC 5322 dates, current and obsolete (Appendix A.5, A.6.2, A.6.3, §4.3). Expected values
    /// were checked against Python's `email.utils.parsedate_to_datetime`.
    static let rfc5322: [(String, TimeInterval)] = [
        ("Tue, 4 Mar 2026 09:15:00 +0000", 1_772_615_700),
        ("Tue, 4 Mar 2026 09:15 +0100", 1_772_612_100),
        ("4 Mar 2026 09:15:00 +0000", 1_772_615_700),
        ("Tue, 4 Mar 2026 09:15:00 -0000", 1_772_615_700),
        ("Tue, 4 Mar 2026 09:15:00", 1_772_615_700),
        ("Tue, 4 Mar 2026 09:15:00 GMT", 1_772_615_700),
        ("Tue, 4 Mar 2026 09:15:00 UT", 1_772_615_700),
        ("Tue, 4 Mar 2026 09:15:00 Z", 1_772_615_700),
        ("Tue, 4 Mar 2026 09:15:00 EST", 1_772_633_700),
        ("Tue, 4 Mar 2026 09:15:00 EDT", 1_772_630_100),
        ("Tue, 4 Mar 2026 09:15:00 CST", 1_772_637_300),
        ("Tue, 4 Mar 2026 09:15:00 CDT", 1_772_633_700),
        ("Tue, 4 Mar 2026 09:15:00 MST", 1_772_640_900),
        ("Tue, 4 Mar 2026 09:15:00 MDT", 1_772_637_300),
        ("Tue, 4 Mar 2026 09:15:00 PST", 1_772_644_500),
        ("Tue, 4 Mar 2026 09:15:00 PDT", 1_772_640_900),
        ("Tue, 28 May 1996 12:24:23 cst", 833_307_863),
        // A.5: folding whitespace and a comment.
        ("Thu,\r\n      13\r\n        Feb\r\n          1969\r\n      23:32\r\n               -0330 (Newfoundland Time)",
         -27_723_480),
        // A.6.2: two-digit year and named zone.
        ("21 Nov 97 09:55:06 GMT", 880_106_106),
        ("Fri, 21 Nov 1997 09:55:06 -0600", 880_127_706),
        // A.6.3: comments and spaces inside the time.
        ("Fri, 21 Nov 1997 09(comment):   55  :  06 -0600", 880_127_706),
        ("Tue, 1 Jul 2003 10:52:37 +0200", 1_057_049_557),
        // §4.3: two- and three-digit years.
        ("Mon, 09 Feb 04 23:17:44 GMT", 1_076_368_664),
        ("Thu, 19 Sep 91 12:41:43 EDT", 685_298_503),
        ("4 Mar 49 09:15 +0000", 2_498_462_100),
        ("4 Mar 50 09:15 +0000", -625_761_900),
        ("4 Mar 126 09:15:00 +0000", 1_772_615_700),
        // Military zones are -0000 (RFC 5322 §4.3).
        ("Tue, 4 Mar 2026 09:15:00 A", 1_772_615_700),
        ("Tue, 4 Mar 2026 09:15:00 y", 1_772_615_700),
        // A leap second is allowed.
        ("Tue, 4 Mar 2026 09:15:60 +0000", 1_772_615_760),
        ("Tue, 29 Feb 2000 12:00:00 +0000", 951_825_600),
    ]

    /// Shapes seen in real mail (most from the shared corpus; values checked against Python).
    static let realWorld: [(String, TimeInterval)] = [
        ("Tue, 4 Mar 2026 09:15:00 +0000 (GMT)", 1_772_615_700),
        ("Wed, 4 Mar 2026 09:15:00 +0000", 1_772_615_700),
        ("Tue 4 Mar 2026 09:15:00 +0000", 1_772_615_700),
        ("tue, 4 mar 2026 09:15:00 +0000", 1_772_615_700),
        ("Tuesday, 4 March 2026 09:15:00 +0000", 1_772_615_700),
        ("Tue,   4   Mar   2026   09:15:00   +0000", 1_772_615_700),
        ("4 Mar 2026 9:15 +0100", 1_772_612_100),
        ("Fri, 23 Aug 2002 2:32:53 -0400", 1_030_084_373),
        ("Wed, 11 Feb 98 11:51 CST", 887_219_460),
        ("Mon, 21 Aug 95 13:30:57 -600", 809_033_457),
        ("Wed, 20 Dec 95 19:59 CST", 819_511_140),
        ("Thu, 26 Sep 2019 15:52:32 -0000", 1_569_513_152),
        ("Fri, 6 Apr 2001 09:23:06 -0800 (GMT-0800)", 986_577_786),
        ("Thu,  4 Jul 2002 13:32:06 +0000 (CUT)", 1_025_789_526),
        ("Sat, 27 Nov 2004 03:35:30 UTC", 1_101_526_530),
        ("Wed, 26 Apr 1995 18:22:47 +0001", 798_920_507),
        ("15 May 2001 17:31:22 -0400", 989_962_282),
        ("Thu, 8 Mar 2005 17:40:36 EDT", 1_110_318_036),
        ("Wed, 18 Jul 2018 12:12:00 -0700 (PDT)", 1_531_941_120),
        ("Thu, 6 Jun 1996 15:50:39 +0400 (MOW DST)", 834_061_839),
        ("Wed, 28 May 2014 17:18:19 +0900 (JST)", 1_401_265_099),
        ("Tue, 22 Jun 2010 20:55:09 +0530", 1_277_220_309),
        ("Thu, 10 Aug 2000 02:53:01", 965_875_981),
        ("Thu, 16 Jun 2016 00:41:19 (UTC)", 1_466_037_679),
        ("Tue, 12 Oct 2010 16:21:05 H0500", 1_286_900_465),
        // asctime, with and without a zone.
        ("Tue Mar  4 09:15:00 2026", 1_772_615_700),
        ("Wed Sep 30 19:56:38 2020 +1000", 1_601_459_798),
        ("Fri May 24 10:35:57 EDT 1991", 675_095_757),
        // Not checked against Python, which misreads or rejects them.
        ("Tue, 4 Mar 2026 09:15:00 +01:00", 1_772_612_100),
        ("Tue, 19 Sep 1995 13:30:00 (EDT) -0400", 811_531_800),
        ("Tue, 4 Mar 2026 09:15:00 GMT+1", 1_772_612_100),
        ("Tue, 4 Mar 2026 09:15:00 UTC-05:00", 1_772_633_700),
        ("Tue, 4 Mar 2026 09:15:00 CEST", 1_772_608_500),
        ("2026-03-04T09:15:00Z", 1_772_615_700),
        ("2026-03-04T09:15:00+01:00", 1_772_612_100),
        ("2026-03-04T09:15:00.250-05:00", 1_772_633_700),
        ("2016-07-19 11:54:24 +0200", 1_468_922_064),
        ("2026-03-04", 1_772_582_400),
        ("04.03.2026 09:15", 1_772_615_700),
        ("03/04/2026 09:15", 1_772_615_700),
        ("13/04/2026 09:15", 1_776_071_700),
        ("Tuesday, 04-Mar-26 09:15:00 GMT", 1_772_615_700),
        ("March 4, 2026 9:15 PM", 1_772_658_900),
        ("May 8, 2005 1:17 PM", 1_115_558_220),
        ("Wed 29 May 2019 06:09:22 PM EDT", 1_559_167_762),
        ("18 Feb 01 12:29:13 AM", 982_456_153),
        ("Wed, Feb 9, 2011 at 11:55 AM", 1_297_252_500),
        ("Tue, 4 Mar 2026 09:15: +0000", 1_772_615_700),
    ]

    @Test(arguments: rfc5322)
    func readsRFC5322Dates(_ value: String, _ expected: TimeInterval) {
        #expect(DateParser.parse(value)?.timeIntervalSince1970 == expected)
    }

    @Test(arguments: realWorld)
    func readsRealWorldDates(_ value: String, _ expected: TimeInterval) {
        #expect(DateParser.parse(value)?.timeIntervalSince1970 == expected)
    }

    @Test(arguments: [
        "", "   ", "Thu,", "not a date at all", "Pn, 29 paX 2007 21:13:00 +0100",
        // Out of range.
        "Tue, 32 Mar 2026 09:15:00 +0000", "Tue, 4 Mar 2026 25:15:00 +0000", "Tue, 4 Mar 2026 09:61:00 +0000",
        "30 Feb 2026 09:15", "29 Feb 2100 09:15", "13.13.2026 09:15", "2026-13-04T09:15:00Z",
        "Tue, 4 Mar 2026 09:15:00 +2500", "Tue, 4 Mar 2026 09:15:00 +0175",
        // No year, or a year before 1900.
        "Thu Jan 01 00:00:10 +0000", "Mon, 01 Jan 0001 00:00:00 +0000", "4 Mar 1899 09:15",
        // No month.
        "4 2026 09:15:00 +0000",
    ])
    func rejectsNonsense(_ value: String) {
        #expect(DateParser.parse(value) == nil)
    }

    @Test func readsTheDateAfterTheLastSemicolonOfReceived() {
        let received = "from mail.example.com (mail.example.com [192.0.2.1]; 4 Jan 2020) by mx.example.net "
            + "with ESMTPS id 4Zabc123; Tue, 4 Mar 2026 09:15:00 +0000 (UTC)"
        #expect(DateParser.parseReceived(received)?.timeIntervalSince1970 == 1_772_615_700)
        #expect(DateParser.parseReceived("by mx.example.net; Tue, 4 Mar 2026 10:15:00 +0100")?
            .timeIntervalSince1970 == 1_772_615_700)
        #expect(DateParser.parseReceived("from a by b with SMTP id 1234 Tue, 4 Mar 2026 09:15:00 +0000") == nil)
        #expect(DateParser.parseReceived("from a by b; ") == nil)
    }

    @Test(arguments: [
        ("From alice@example.com Tue Mar  4 09:15:00 2026", 1_772_615_700),
        ("From alice@example.com Tue Mar  4 09:15:00 2026\n", 1_772_615_700),
        ("From MAILER-DAEMON Tue Mar  4 09:15:00 2026 +0100", 1_772_612_100),
        ("From bob Tue Mar  4 09:15:00 PST 2026", 1_772_644_500),
        ("From uucp Tue Mar  4 09:15:00 2026 remote from relay7", 1_772_615_700),
        ("From - Fri Dec 13 15:01:21 1996", 850_489_281),
        ("From 2025@example.com Tue Mar  4 09:15:00 2026", 1_772_615_700),
        ("From \"a b\"@example.com Tue Mar  4 09:15:00 2026", 1_772_615_700),
        ("From Tue Mar  4 09:15:00 2026", 1_772_615_700),
    ] as [(String, TimeInterval)])
    func readsEnvelopeLines(_ line: String, _ expected: TimeInterval) {
        #expect(DateParser.parseEnvelope(line)?.timeIntervalSince1970 == expected)
    }

    @Test func rejectsEnvelopeLinesWithoutADate() {
        #expect(DateParser.parseEnvelope("From alice@example.com") == nil)
        #expect(DateParser.parseEnvelope("From ") == nil)
    }

    @Test func survivesEveryPieceOfTrickyValues() {
        let tricky = [
            "Thu,\r\n 13 Feb 1969 23:32(c(d)\\)) -0330 (x", "2026-03-04T09:15:00.250-05:00",
            "From \"a b\"@x Tue Mar  4 09:15:00 2026 remote from y", "x; Tue, 4 Mar 2026 9:15: PM gmt+01:00",
        ]
        for value in tricky {
            for length in 0...value.count {
                _ = DateParser.parse(String(value.prefix(length)))
                _ = DateParser.parse(String(value.suffix(length)))
                _ = DateParser.parseReceived(String(value.prefix(length)))
                _ = DateParser.parseEnvelope(String(value.suffix(length)))
            }
        }
        #expect(DateParser.parse(tricky[0])?.timeIntervalSince1970 == -27_723_480)
    }

    /// Every `Date:` header of the shared corpus that holds a date must be read; a regression
    /// shows as a higher count of unreadable values.
    @Test(.enabled(if: Fixtures.corpora != nil, "needs the shared corpora beside the package"))
    func readsTheCorpusDates() throws {
        let root = try #require(Fixtures.corpora).appendingPathComponent("email")
        var total = 0
        var unread: Set<String> = []
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard let data = try? Data(contentsOf: url), data.count < 4 << 20 else { continue }
            for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            where line.lowercased().hasPrefix("date: ") {
                total += 1
                let value = String(line.dropFirst(6))
                if DateParser.parse(value) == nil { unread.insert(value.trimmingCharacters(in: .whitespaces)) }
            }
        }
        #expect(total > 500)
        // Blank, folded (`Thu,` alone), year 1, no year, hour 59, Polish-looking junk: six values
        // that hold no readable date.
        #expect(unread.count <= 6, "unreadable dates: \(unread.count)")
    }
}
