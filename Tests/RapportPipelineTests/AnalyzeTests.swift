import Foundation
import Testing
import RapportModel
import RapportReport
import RapportTestSupport
@testable import RapportPipeline

@Suite struct AnalyzeTests {
    static let samples = [Fixtures.samples.path]
    static let options = AnalyzeOptions(searchDirectory: AnalyzeTests.folderWithoutConfiguration)

    /// An empty folder, so no `rapport.yml` lying around changes what is inferred (the same one
    /// for every run, so that runs leave no folders behind).
    static let folderWithoutConfiguration: String = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-analyze-tests-without-configuration")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }()

    /// Every document read is scored and lands in exactly one thread of the report.
    @Test func everySampleMessageIsInOneThread() throws {
        let result = try Pipeline.analyze(inputs: Self.samples, options: Self.options)
        #expect(result.summary.messages == 135)
        #expect(result.summary.unreadable == 0)
        let ids = result.report.threads.flatMap(\.messageIDs)
        #expect(Set(ids).count == ids.count)
        let read = try Pipeline.read(Self.samples)
        #expect(Set(ids) == Set(read.documents.map(\.id)))
        for thread in result.report.threads {
            #expect(thread.messages.map(\.document) == thread.messageIDs)
        }
    }

    @Test func sameInputGivesTheSameReport() throws {
        let first = try Pipeline.analyze(inputs: Self.samples, options: Self.options)
        let second = try Pipeline.analyze(inputs: Self.samples, options: Self.options)
        #expect(first.report == second.report)
    }

    /// With the filter the report will be shown through, only the threads it shows are kept, and
    /// what it shows is unchanged: accounts, their flags and health, and every kept thread.
    @Test(arguments: [
        ReportFilter(), ReportFilter(includeHealthy: true), ReportFilter(account: "hafbrun.is"),
        ReportFilter(minimumSeverity: .critical), ReportFilter(since: Date(timeIntervalSince1970: 1_788_000_000)),
    ])
    func reportKeepsOnlyTheThreadsShown(filter: ReportFilter) throws {
        let whole = try Pipeline.analyze(inputs: Self.samples, options: Self.options).report
        var options = Self.options
        options.shown = filter
        let kept = try Pipeline.analyze(inputs: Self.samples, options: options).report
        #expect(kept.accounts == whole.accounts)
        #expect(filter.apply(kept) == filter.apply(whole))
        #expect(kept.threads.map(\.id) == filter.apply(whole).threads.map(\.id))
        #expect(kept.threads == whole.threads.filter { thread in kept.threads.contains { $0.id == thread.id } })
        if filter.includeHealthy { #expect(kept == whole) } else { #expect(kept.threads.count < whole.threads.count) }
    }

    @Test func ourDomainIsInferredUnlessGiven() throws {
        let inferred = try Pipeline.analyze(inputs: Self.samples, options: Self.options)
        #expect(inferred.report.ourDomains == ["nordurljos.is"])
        #expect(inferred.report.ourDomainsAssumed)
        var options = Self.options
        options.ourDomains = ["nordurljos.is"]
        let given = try Pipeline.analyze(inputs: Self.samples, options: options)
        #expect(given.report.ourDomains == ["nordurljos.is"])
        #expect(!given.report.ourDomainsAssumed)
    }

    @Test func asOfDefaultsToTheNewestMessage() throws {
        let newest = try Pipeline.analyze(inputs: Self.samples, options: Self.options)
        let dates = try Pipeline.read(Self.samples).documents.compactMap(\.date)
        #expect(newest.report.asOf == dates.max())
        #expect(DocumentJSON.isoDate(newest.report.asOf).hasPrefix("2026-09-30T15:40:"))
        var options = Self.options
        options.asOf = Date(timeIntervalSince1970: 1_798_761_599)   // 2026-12-31T23:59:59Z
        let later = try Pipeline.analyze(inputs: Self.samples, options: options)
        #expect(DocumentJSON.isoDate(later.report.asOf) == "2026-12-31T23:59:59Z")
    }

    /// Two same-subject conversations between the same people, ten days apart, in a folder with
    /// a configuration setting `subject-days` when `days` is given.
    static func sameSubjectFolder(subjectDays days: Int?) throws -> (folder: URL, mail: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-subject-days-\(days ?? 0)")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func message(_ id: String, _ date: String) -> String {
            """
            From olof@alfa.is \(date)
            From: Ólöf <olof@alfa.is>
            To: Anna <anna@vorduberg.is>
            Subject: Budget
            Date: \(date)
            Message-ID: <\(id)@alfa.is>

            Could you send the budget figures for the new season?

            """
        }
        let mail = folder.appendingPathComponent("mail.mbox")
        try (message("one", "Mon, 2 Mar 2026 10:00:00 +0000") + message("two", "Thu, 12 Mar 2026 10:00:00 +0000"))
            .write(to: mail, atomically: true, encoding: .utf8)
        if let days {
            try "windows:\n  subject-days: \(days)\n".write(
                to: folder.appendingPathComponent("rapport.yml"), atomically: true, encoding: .utf8)
        }
        return (folder, mail.path)
    }

    /// `subject-days` decides how far apart same-subject conversations may be and still be one thread.
    @Test(arguments: [(nil, 1), (45, 1), (5, 2)] as [(Int?, Int)])
    func subjectDaysDecideWhatIsOneThread(days: Int?, threads: Int) throws {
        let (folder, mail) = try Self.sameSubjectFolder(subjectDays: days)
        var options = AnalyzeOptions(ourDomains: ["vorduberg.is"], searchDirectory: folder.path)
        options.shown = ReportFilter(includeHealthy: true)
        let report = try Pipeline.analyze(inputs: [mail], options: options).report
        #expect(report.threads.count == threads)
        #expect(report.threads.flatMap(\.messageIDs).count == 2)
    }

    @Test func missingConfigurationFileThrows() {
        var options = Self.options
        options.configurationFile = "/nonexistent/rapport.yml"
        #expect(throws: (any Error).self) { try Pipeline.analyze(inputs: Self.samples, options: options) }
    }

    @Test func scoresRecordTheLanguageTheyWereReadIn() throws {
        let read = try Pipeline.read([Fixtures.samples.appendingPathComponent("eml").path])
        var scoring = StreamingScorer(parallelism: 2) { .default }
        scoring.batchSize = 5
        for document in read.documents { scoring.add(document) }
        let held = scoring.finish()
        let scored = (0..<held.count).map(held.scored)
        #expect(scored.count == read.documents.count)
        let languages = Dictionary(scored.map { ($0.document.subject ?? "", $0.document.language ?? "") }) { first, _ in first }
        #expect(languages.values.allSatisfy { ["en", "is"].contains($0) })
        #expect(scored.contains { $0.document.language == "is" && $0.score.language.rawValue == "is" })
        #expect(scored.allSatisfy { $0.document.language == $0.score.language.rawValue })
    }
}

/// Every format on `Samples/` through the real pipeline, against files in
/// `Tests/RapportReportTests/Golden/`; re-record with
/// `RAPPORT_RECORD_GOLDEN=1 swift test --filter AnalyzeGoldenTests`.
@Suite struct AnalyzeGoldenTests {
    static let context = RenderContext(generatedAt: Date(timeIntervalSince1970: 1_790_834_400), version: "golden")

    /// The samples as their README describes them: `Samples/rapport.yml` names the accounts.
    static let report: HealthReport? = try? Pipeline.analyze(
        inputs: [Fixtures.samples.path],
        options: AnalyzeOptions(configurationFile: Fixtures.samples.appendingPathComponent("rapport.yml").path)).report

    @Test(arguments: ReportFormat.allCases)
    func samplesMatchGoldenFile(format: ReportFormat) throws {
        let report = ReportFilter().apply(try #require(Self.report))
        let output = format.renderer.render(report, context: Self.context)
        let url = Fixtures.packageRoot.appendingPathComponent("Tests/RapportReportTests/Golden/samples.\(format.fileExtension)")
        if ProcessInfo.processInfo.environment["RAPPORT_RECORD_GOLDEN"] == "1" {
            try Data(output.utf8).write(to: url)
            return
        }
        let data = try #require(FileManager.default.contents(atPath: url.path),
                                "missing \(url.lastPathComponent): record it with RAPPORT_RECORD_GOLDEN=1")
        let expected = String(decoding: data, as: UTF8.self)
        guard output != expected else { return }
        let lines = output.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let expectedLines = expected.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let line = zip(lines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(lines.count, expectedLines.count)
        let got: Substring = line < lines.count ? lines[line] : "<end of output>"
        let wanted: Substring = line < expectedLines.count ? expectedLines[line] : "<end of file>"
        let column = zip(got, wanted).prefix { $0 == $1 }.count
        let window = { (text: Substring) -> String in String(text.dropFirst(max(0, column - 60)).prefix(160)) }
        let place = "\(url.lastPathComponent) at line \(line + 1), column \(column + 1)"
        Issue.record("differs from \(place):\n  got:      …\(window(got))\n  expected: …\(window(wanted))")
    }
}
