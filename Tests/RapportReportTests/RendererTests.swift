import Foundation
import Testing
import RapportModel
@testable import RapportReport

@Suite struct RendererGoldenTests {
    /// Every format on the hand-made report, byte for byte.
    @Test(arguments: ReportFormat.allCases)
    func matchesGoldenFile(format: ReportFormat) throws {
        let output = format.renderer.render(ReportFixture.report, context: ReportFixture.context)
        try GoldenFile.check(output, against: "report.\(format.fileExtension)")
    }

    @Test func colouredTextMatchesGoldenFile() throws {
        var context = ReportFixture.context
        context.color = true
        try GoldenFile.check(TextRenderer().render(ReportFixture.report, context: context), against: "report-color.txt")
    }

    /// Written on several threads, every format gives the golden bytes.
    @Test(arguments: ReportFormat.allCases)
    func severalThreadsGiveTheSameBytes(format: ReportFormat) throws {
        var context = ReportFixture.context
        context.parallelism = 4
        try GoldenFile.check(format.renderer.render(ReportFixture.report, context: context), against: "report.\(format.fileExtension)")
    }

    @Test func parallelPrettyIsPretty() {
        let value = JSONValue.object([
            ("a", .array([.int(1), .object([("b", .array([.string("x"), .null]))]), .array([])])),
            ("c", .array([])), ("d", .array([.bool(true)])), ("e", .object([])), ("f", .string("g")),
        ])
        for parallelism in 1...3 { #expect(value.pretty(parallelism: parallelism) == value.pretty()) }
        #expect(JSONValue.array([.int(1), .int(2)]).pretty(parallelism: 2) == JSONValue.array([.int(1), .int(2)]).pretty())
    }

    /// JSON handed over piece by piece, a few hundred threads at a time, is the whole text: for no
    /// threads, a few, and several pieces' worth, on one thread and on several.
    @Test func streamedJSONIsTheWholeText() {
        var many = ReportFixture.report
        many.threads = (0..<(2 * JSONValue.streamedChunk + 3)).map { index in
            var thread = ReportFixture.report.threads[index % ReportFixture.report.threads.count]
            thread.id += "-\(index)"
            return thread
        }
        var none = ReportFixture.report
        none.threads = []
        for report in [ReportFixture.report, many, none] {
            for parallelism in [1, 3] {
                var context = ReportFixture.context
                context.parallelism = parallelism
                var pieces: [[UInt8]] = []
                JSONRenderer().render(report, context: context) { pieces.append($0) }
                let whole = JSONRenderer().value(report, context: context).pretty() + "\n"
                #expect(String(decoding: pieces.joined(), as: UTF8.self) == whole)
                // At most `streamedChunk` threads, and about `streamedWeight` messages, per piece.
                let messages = report.threads.reduce(0) { $0 + $1.messages.count + 1 }
                #expect(pieces.count >= 2 + (report.threads.count + JSONValue.streamedChunk - 1) / JSONValue.streamedChunk)
                #expect(pieces.count >= 2 + messages / JSONValue.streamedWeight)
            }
        }
        var empty: [[UInt8]] = []
        JSONValue.writePretty([]) { empty.append($0) }
        #expect(empty == [Array("{}".utf8)])
    }

    /// Dictionaries (message categories) iterate in a different order in every process; output must not.
    @Test(arguments: ReportFormat.allCases)
    func sameReportGivesTheSameBytes(format: ReportFormat) {
        var shuffled = ReportFixture.report
        shuffled.threads[0].messages[3].categories = Dictionary(
            uniqueKeysWithValues: shuffled.threads[0].messages[3].categories.shuffled().map { ($0.key, $0.value) })
        let first = format.renderer.render(ReportFixture.report, context: ReportFixture.context)
        let second = format.renderer.render(shuffled, context: ReportFixture.context)
        #expect(first == second)
    }

    @Test func identifiersNameTheirFormats() {
        for format in ReportFormat.allCases {
            #expect(type(of: format.renderer).identifier == format.rawValue)
        }
    }

    /// Only JSON and HTML record when they were made; the others are the same at any time.
    @Test(arguments: ReportFormat.allCases)
    func clockAndVersionAreInjected(format: ReportFormat) {
        let later = RenderContext(generatedAt: ReportFixture.date("2030-01-01T00:00:00Z"), version: "1.2.3")
        let output = format.renderer.render(ReportFixture.report, context: later)
        let recordsProvenance = format == .json || format == .html
        #expect(output.contains("2030-01-01T00:00:00Z") == recordsProvenance)
        #expect(output.contains("1.2.3") == recordsProvenance)
    }

    @Test(arguments: ReportFormat.allCases)
    func emptyReportRenders(format: ReportFormat) {
        let empty = HealthReport(asOf: ReportFixture.date("2026-09-30T00:00:00Z"), ourDomains: [], ourDomainsAssumed: false,
                                 threads: [], accounts: [])
        let expected: [ReportFormat: String] = [
            .text: "Relationship health as of 30 Sep 2026\nOur domains: none\n0 flagged threads shown; flags: none.\n",
            .ndjson: "",
            .csv: "thread,subject,account,account_name,account_type,account_health,severity,flags,top_reason,first,last,messages,waiting,waiting_days,next_step\r\n",
            .markdown: "# Relationship health as of 30 Sep 2026\n\nOur domains: none.\n0 flagged threads shown; flags: none.\n",
        ]
        let output = format.renderer.render(empty, context: ReportFixture.context)
        if let text = expected[format] { #expect(output == text) }
        #expect(!output.contains("Accounts"))
    }
}

@Suite struct JSONShapeTests {
    static func object(_ output: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    }

    @Test func topLevelKeysAndSchema() throws {
        let output = JSONRenderer().render(ReportFixture.report, context: ReportFixture.context)
        let json = try Self.object(output)
        #expect(json["schema"] as? String == "rapport.analyze/1")
        #expect(json["generatedAt"] as? String == "2026-10-01T06:00:00Z")
        #expect(json["asOf"] as? String == "2026-09-30T15:40:00Z")
        #expect(json["ourDomains"] as? [String] == ["nordurljos.is"])
        #expect(json["ourDomainsAssumed"] as? Bool == true)
        #expect((json["generator"] as? [String: Any])?["version"] as? String == "9.9.9-test")
        let totals = try #require(json["totals"] as? [String: Any])
        #expect(totals["threads"] as? Int == 4)
        #expect(totals["flaggedThreads"] as? Int == 3)
        #expect(totals["flags"] as? [String: Int] == ["critical": 1, "warning": 4, "info": 1])
    }

    @Test func everyThreadListsAllItsMessageIDsScoresAndFlags() throws {
        let json = try Self.object(JSONRenderer().render(ReportFixture.report, context: ReportFixture.context))
        let threads = try #require(json["threads"] as? [[String: Any]])
        #expect(threads.map { $0["id"] as? String } == ReportFixture.report.threads.map(\.id))
        for (thread, source) in zip(threads, ReportFixture.report.threads) {
            #expect(thread["messageIds"] as? [String] == source.messageIDs)
            #expect(thread["subject"] as? String == source.subject)
            #expect(thread["account"] as? String == source.account)
            #expect((thread["messages"] as? [[String: Any]])?.count == source.messages.count)
            #expect((thread["flags"] as? [[String: Any]])?.map { $0["label"] as? String } == source.flags.map(\.label))
        }
        let first = threads[0]
        let message = try #require((first["messages"] as? [[String: Any]])?[3])
        #expect(message["categories"] as? [String: Double] ==
                ["conflict.anger": 0.5, "escalation.deadline": 0.3333, "negotiation.walkaway": 0.9])
        let summary = try #require(first["summary"] as? [String: Any])
        #expect(summary["waiting"] as? String == "us")
        #expect(summary["waitingDays"] as? Int == 169)
        #expect(summary["nextStep"] as? String == ReportFixture.brightwaterThread.nextStep)
        #expect((threads[3]["summary"] as? [String: Any])?["waitingDays"] is NSNull)
    }

    @Test func accountsListOnlyTheirOwnFlagsAndCountAllOpenOnes() throws {
        let json = try Self.object(JSONRenderer().render(ReportFixture.report, context: ReportFixture.context))
        let account = try #require((json["accounts"] as? [[String: Any]])?.first)
        #expect(account["band"] as? String == "poor")
        #expect(account["openFlags"] as? [String: Int] == ["critical": 1, "warning": 3, "info": 0])
        #expect((account["flags"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["responsiveness-drop"])
        #expect((account["history"] as? [[String: Any]])?.map { $0["health"] as? Int } == [72, 45, 28])
    }

    @Test func ndjsonIsOneFlagPerLineWithItsThread() throws {
        let output = NDJSONRenderer().render(ReportFixture.report, context: ReportFixture.context)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        let records = try lines.map(Self.object)
        #expect(records.map { $0["label"] as? String } ==
                ["escalation", "conflict", "deteriorating-tone", "unanswered", "negotiation-issue:price", "responsiveness-drop"])
        #expect(records[3]["subject"] as? String == "Afli – tenging við vigt")
        #expect(records[3]["accountName"] as? String == "Björn Ágústsson")
        #expect(records[5]["thread"] is NSNull)
        #expect(records[5]["subject"] is NSNull)
    }
}
