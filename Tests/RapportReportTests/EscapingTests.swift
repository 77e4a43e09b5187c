import Foundation
import Testing
import RapportModel
@testable import RapportReport

@Suite struct EscapingTests {
    static let html = HTMLRenderer().render(ReportFixture.report, context: ReportFixture.context)

    /// A subject holding `<script>` shows as text, and no mail text can open an element.
    @Test func htmlEscapesMailText() {
        #expect(Self.html.contains("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; *urgent* | =1+1 [31mred"))
        #expect(!Self.html.contains("<script"))
        #expect(!Self.html.contains("<i>"))
        #expect(!Self.html.contains("<b>"))
        #expect(!Self.html.contains("\u{1B}"))
        #expect(Self.html.contains("Evil &amp; &lt;Co&gt;"))
        #expect(Self.html.contains("Follow up with &lt;Mallory&gt; on the price, &quot;politely&quot;."))
    }

    @Test func htmlIsSelfContained() {
        for forbidden in ["<script", "<link", "<img", "src=", "href=", "@import", "url("] {
            #expect(!Self.html.contains(forbidden), "found \(forbidden)")
        }
        #expect(Self.html.contains("default-src 'none'"))
        #expect(Self.html.components(separatedBy: "<svg ").count - 1 == 7)   // 4 thread tone lines, 3 account histories
    }

    @Test func markdownEscapesSyntax() {
        let markdown = MarkdownRenderer().render(ReportFixture.report, context: ReportFixture.context)
        #expect(markdown.contains(#"## 3. \<script\>alert("pwned")\</script\> \& \*urgent\* \| =1+1 \[31mred — info"#))
        #expect(markdown.contains(#"> This is \<i\>**too expensive**\</i\>, \[2Jwe have no **budget** \| \*none\*."#))
        #expect(!markdown.contains("\u{1B}"))
    }

    @Test(arguments: [
        ("plain", "plain"), ("a, b", "\"a, b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("=SUM(A1)", "'=SUM(A1)"), ("-1", "'-1"), ("@cmd", "'@cmd"), ("line\nbreak", "line break"),
    ])
    func csvMailFields(text: String, field: String) {
        #expect(CSVRenderer.mailField(text) == field)
    }

    @Test func csvRowsAreRFC4180() {
        let csv = CSVRenderer().render(ReportFixture.report, context: ReportFixture.context)
        #expect(csv.hasSuffix("\r\n"))
        #expect(csv.components(separatedBy: "\r\n").count - 1 == 5)
        #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test(arguments: [
        ("a\u{1B}[2Jb", "a [2Jb"), ("tab\there", "tab here"), ("  many   spaces \n", "many spaces"),
        ("rtl\u{202E}txt", "rtl txt"), ("c1\u{85}x", "c1 x"), ("Björn", "Björn"),
    ])
    func terminalTextIsCleaned(raw: String, clean: String) {
        #expect(MailText.line(raw) == clean)
    }
}

@Suite struct ReportPieceTests {
    @Test(arguments: [
        ([-1.0, -0.5, 0, 0.5, 1], "▁▃▅▆█"), ([], ""), ([0.0], "▅"), ([2.0, -3.0, .nan], "█▁▅"),
    ])
    func sparklineUsesAFixedScale(values: [Double], line: String) {
        #expect(Sparkline.render(values) == line)
    }

    @Test func longSparklinesAreAveragedToFit() {
        let values = (0..<100).map { $0 < 50 ? 1.0 : -1.0 }
        let line = Sparkline.render(values)
        #expect(line.count == 40)
        #expect(line == String(repeating: "█", count: 20) + String(repeating: "▁", count: 20))
    }

    @Test(arguments: [
        ("We are DISAPPOINTED, frankly.", ["disappointed"], ["We are ", "[DISAPPOINTED]", ", frankly."]),
        ("I know nothing, no.", ["no"], ["I know nothing, ", "[no]", "."]),
        ("take our business elsewhere now", ["our business", "take our"], ["[take our business]", " elsewhere now"]),
        ("Verðið er of hátt.", ["of hátt"], ["Verðið er ", "[of hátt]", "."]),
        ("nothing here", ["absent"], ["nothing here"]),
        ("accepts no liability for loss", ["no", "liability", "loss"], ["accepts ", "[no liability]", " for ", "[loss]"]),
    ])
    func countedWordsAreFoundAtWordBoundaries(sentence: String, terms: [String], pieces: [String]) {
        let found = TermHighlighter.pieces(sentence, terms: terms).map { $0.marked ? "[\($0.text)]" : $0.text }
        #expect(found == pieces)
    }

    @Test(arguments: [
        ("2026-03-09T00:00:00Z", "9 Mar 2026"), ("2026-12-31T23:59:59Z", "31 Dec 2026"), ("1969-12-31T23:00:00Z", "31 Dec 1969"),
    ])
    func humanDatesAreUTCAndEnglish(iso: String, text: String) {
        #expect(ReportDates.day(ReportFixture.date(iso)) == text)
    }

    @Test(arguments: [(0.456, "+0.46"), (-0.8, "−0.80"), (0.004, "0.00"), (-0.05, "−0.05"), (1, "+1.00")])
    func toneValuesAreSigned(value: Double, text: String) {
        #expect(ReportDigest.signed(value) == text)
    }

    @Test(arguments: [(12.0, "12"), (12.34, "12.3"), (-0.05, "-0.1"), (0.04, "0"), (99.96, "100")])
    func svgNumbersHaveOneDecimal(value: Double, text: String) {
        #expect(SVGChart.number(value) == text)
    }
}

@Suite struct ReportFilterTests {
    static let report = ReportFixture.report

    @Test func defaultShowsFlaggedThreadsOnly() {
        let filtered = ReportFilter().apply(Self.report)
        #expect(filtered.threads.map(\.id) == ["bw1@brightwaterhome.co.uk", "ba1@gmail.com", "x1@evil.example"])
        #expect(filtered.accounts.count == 4)
    }

    @Test func allKeepsHealthyThreads() {
        #expect(ReportFilter(includeHealthy: true).apply(Self.report).threads.count == 4)
    }

    @Test(arguments: [
        ("brightwaterhome.co.uk", ["bw1@brightwaterhome.co.uk"]), ("BRIGHTWATER HOME LTD", ["bw1@brightwaterhome.co.uk"]),
        ("Björn Ágústsson", ["ba1@gmail.com"]), ("nobody.example", []),
    ])
    func accountByKeyOrName(name: String, threads: [String]) {
        let filtered = ReportFilter(account: name).apply(Self.report)
        #expect(filtered.threads.map(\.id) == threads)
        #expect(filtered.accounts.count == (threads.isEmpty ? 0 : 1))
    }

    @Test func minimumSeverityDropsFlagsAndThenThreads() {
        let filtered = ReportFilter(minimumSeverity: .critical).apply(Self.report)
        #expect(filtered.threads.map(\.id) == ["bw1@brightwaterhome.co.uk"])
        #expect(filtered.threads[0].flags.map(\.kind) == [.escalation])
        #expect(filtered.accounts[0].flags.map(\.kind) == [.escalation])
    }

    @Test(arguments: [
        ("2026-08-01T00:00:00Z", nil, ["ba1@gmail.com", "x1@evil.example"]),
        (nil, "2026-06-01T00:00:00Z", ["bw1@brightwaterhome.co.uk"]),
        ("2026-04-01T00:00:00Z", "2026-06-30T00:00:00Z", ["bw1@brightwaterhome.co.uk", "ba1@gmail.com"]),
    ] as [(String?, String?, [String])])
    func windowKeepsThreadsWithActivityInside(since: String?, until: String?, threads: [String]) {
        let filter = ReportFilter(since: since.map(ReportFixture.date), until: until.map(ReportFixture.date))
        #expect(filter.apply(Self.report).threads.map(\.id) == threads)
    }

    /// The hostile account's only flag is an `info` one.
    @Test(arguments: [(Severity.info, true), (.warning, false), (.critical, false)])
    func failOnComparesSeverities(severity: Severity, found: Bool) {
        #expect(ReportFilter(account: "evil.example").apply(Self.report).hasFlags(atLeast: severity) == found)
        #expect(Self.report.hasFlags(atLeast: severity))
    }

    /// `keeps` names exactly the threads `apply` keeps, whatever the filter.
    @Test func keepsAgreesWithApply() {
        let filters = [
            ReportFilter(), ReportFilter(includeHealthy: true), ReportFilter(account: "brightwaterhome.co.uk"),
            ReportFilter(account: "BRIGHTWATER HOME LTD"), ReportFilter(account: "bjorn.agustsson@gmail.com"),
            ReportFilter(includeHealthy: true, account: "nobody.example"), ReportFilter(minimumSeverity: .critical),
            ReportFilter(minimumSeverity: .warning), ReportFilter(since: ReportFixture.date("2026-08-01T00:00:00Z")),
            ReportFilter(includeHealthy: true, until: ReportFixture.date("2026-06-01T00:00:00Z")),
        ]
        let accounts = Dictionary(uniqueKeysWithValues: Self.report.accounts.map { ($0.account.key, $0.account) })
        var kept: Set<[String]> = []
        for filter in filters {
            let expected = filter.apply(Self.report).threads.map(\.id)
            #expect(Self.report.threads.filter { filter.keeps($0, of: accounts[$0.account]) }.map(\.id) == expected)
            kept.insert(expected)
        }
        #expect(kept.count >= 5, "the filters keep different threads")
        // A thread whose account is not in the report is kept only without an account filter.
        let stray = Self.report.threads[0]
        #expect(ReportFilter(includeHealthy: true).keeps(stray, of: nil))
        #expect(!ReportFilter(includeHealthy: true, account: "nobody.example").keeps(stray, of: nil))
    }

    @Test func failOnIgnoresFilteredFlags() {
        let filtered = ReportFilter(account: "bjorn.agustsson@gmail.com").apply(Self.report)
        #expect(filtered.hasFlags(atLeast: .warning))
        #expect(!filtered.hasFlags(atLeast: .critical))
    }
}

@Suite struct ISODateTests {
    /// Digits written by hand read as `String(format:)` writes them, over the years mail carries,
    /// the edges of days, leap days, and years a hostile header can give.
    @Test func datesAreWrittenAsFormattingWritesThem() {
        func formatted(_ date: Date) -> String {
            let seconds = Int(date.timeIntervalSince1970.rounded(.down))
            let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
            let secondOfDay = seconds - days * 86_400
            let (year, month, day) = DocumentJSON.civilDate(fromDays: days)
            return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day,
                          secondOfDay / 3600, (secondOfDay % 3600) / 60, secondOfDay % 60)
        }
        var moments: [Double] = [0, -1, 86_399, 86_400, 951_782_400, 1_790_000_000.75, -62_135_596_800, -62_135_596_801,
                                 253_402_300_799, 253_402_300_800, -80_000_000_000, 1e12]
        var state: UInt64 = 99
        for _ in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            moments.append(Double(Int64(bitPattern: state >> 20) % 70_000_000_000) + 0.5)
        }
        for moment in moments {
            let date = Date(timeIntervalSince1970: moment)
            #expect(DocumentJSON.isoDate(date) == formatted(date), "\(moment)")
        }
        #expect(DocumentJSON.isoDate(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    }
}
