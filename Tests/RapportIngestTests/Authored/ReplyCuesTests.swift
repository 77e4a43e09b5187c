import RapportResources
import Testing
@testable import RapportIngest

@Suite struct ReplyCuesTests {
    // MARK: - The file format

    @Test func shippedFileParses() throws {
        // Parsed here rather than through `.default`, so a broken file fails with its line number.
        let text = try #require(DefaultResources.text(ReplyCues.fileName))
        _ = try ReplyCues(text: text, file: ReplyCues.fileName)
    }

    /// Patterns are kept at each kind's number: every kind has its own.
    @Test func kindsNumberTheirPlaces() {
        #expect(ReplyCues.Kind.allCases.map(\.number) == Array(0..<ReplyCues.Kind.allCases.count))
    }

    @Test func commentsBlankLinesAndCRLFAreSkipped() throws {
        let cues = try ReplyCues(text: "# comment\r\n\r\n   \r\nsignoff\tbest regards\r\n", file: "cues.txt")
        #expect(cues.matches(.signoff, CueText("best regards")))
        #expect(!cues.matches(.signoff, CueText("# comment")))
    }

    @Test(arguments: [
        ("attribution", "cues.txt:1: expected kind<TAB>pattern, found no TAB"),
        ("mobile\tsent from\textra", "cues.txt:1: more than one TAB"),
        ("# header\nfooter\tsent from", "cues.txt:2: unknown kind 'footer'"),
        ("signoff\t", "cues.txt:1: empty pattern"),
        ("signoff\t best", "cues.txt:1: pattern has leading or trailing spaces"),
        ("signoff\tBest", "cues.txt:1: pattern must be lower-case"),
        ("attribution\ton **wrote:", "cues.txt:1: '**' in pattern"),
        ("attribution\t* *", "cues.txt:1: pattern matches everything"),
        ("disclaimer\tthis email is confidential", "cues.txt:1: disclaimer pattern must end with '*'"),
        ("header-from\tfrom:", "cues.txt:1: header field names are written without ':'"),
        ("signoff\tbest\n\nsignoff\tbest", "cues.txt:3: duplicate of line 1"),
        ("signoff\t" + String(repeating: "a", count: 201), "cues.txt:1: pattern longer than 200 characters"),
    ])
    func badLineNamesFileLineAndReason(text: String, message: String) {
        #expect {
            _ = try ReplyCues(text: text, file: "cues.txt")
        } throws: { error in
            String(describing: error) == message
        }
    }

    @Test func samePatternUnderTwoKindsIsAllowed() throws {
        let cues = try ReplyCues(text: "header-date\tdata\nheader-subject\tdata", file: "cues.txt")
        #expect(cues.headerField(named: CueText("Data")) != nil)
    }

    // MARK: - Patterns

    @Test(arguments: [
        ("on *wrote:", "on tue, mar 4, 2026 at 9:15 am jón <jon@x.is> wrote:", true),
        ("on *wrote:", "on tue, mar 4 <jon@x.is>wrote:", true),
        ("on *wrote:", "once i wrote:", false),
        ("on *wrote:", "on tuesday i wrote: more", false),
        ("le *a écrit*:", "le 4 mars 2026 à 09:15, jón <jon@x.is> a écrit :", true),
        ("*<*@*>:", "2026-03-04 9:15 gmt+00:00 jón <jon@x.is>:", true),
        ("*<*@*>:", "write to <sales> now:", false),
        ("sent from my *", "sent from my iphone", true),
        ("sent from my *", "sent from my", false),
        ("best regards", "best regards", true),
        ("best regards", "best regards to all", false),
        ("this email and any attachments*", "this email and any attachments are confidential.", true),
    ])
    func patternMatchesWholeText(pattern: String, text: String, matches: Bool) {
        #expect(CuePattern(pattern).matches(CueText(text)) == matches)
    }

    @Test func preparedTextIsLowerCasedComposedAndFolded() {
        // Upper case, combining accents (NFD), a no-break space, a double space and a fullwidth colon.
        let decomposed = "Le 4 mars 2026\u{00A0}à 09:15, Jo\u{0301}n  A E\u{0301}CRIT\u{FF1A}"
        #expect(CueText(decomposed) == CueText("le 4 mars 2026 à 09:15, jón a écrit:"))
        #expect(CuePattern("le *a écrit*:").matches(CueText(decomposed)))
    }

    @Test(arguments: [
        ("on tue, mar 4, 2026 at 9:15 am jón wrote:", true),
        ("on 9 jan, at 2:47, george wrote:", true),
        ("on monday <jon@x.is> wrote:", true),
        ("pe 20. lokakuuta klo 17.50 john kirjoitti:", true),
        ("on the other hand, i wrote:", false),
        ("on 3 march i wrote:", false),
    ])
    func attributionsCarryADateTimeOrAddress(text: String, expected: Bool) {
        #expect(CueText(text).hasDateOrAddress == expected)
    }

    // MARK: - Cues are data

    @Test func customCuesChangeWhatIsRecognised() throws {
        let cues = try ReplyCues(text: "attribution\tbilly *said:\nsignoff\tyours in haste", file: "custom.txt")
        let extractor = AuthoredTextExtractor(cues: cues)
        let body = """
            Agreed.

            Yours in haste
            Jón

            Billy 2026-03-04 09:15 said:

            Can we agree?
            """
        #expect(extractor.extract(body) == .init(text: "Agreed.\n\nYours in haste", quotedLines: 2))
    }

    @Test func withoutCuesOnlyQuotesAndTheDelimiterAreRecognised() throws {
        let extractor = AuthoredTextExtractor(cues: try ReplyCues(text: "", file: "empty.txt"))
        let body = """
            Agreed.

            On Tue, Mar 4, 2026 at 9:15 AM Jón <jon@example.is> wrote:
            > Can we agree?

            Best regards,
            Jón
            -- 
            Acme ehf.
            """
        let expected = "Agreed.\n\nOn Tue, Mar 4, 2026 at 9:15 AM Jón <jon@example.is> wrote:\n\nBest regards,\nJón"
        #expect(extractor.extract(body) == .init(text: expected, quotedLines: 1))
    }
}

