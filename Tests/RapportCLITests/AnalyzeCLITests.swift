import Foundation
import Testing
import RapportTestSupport

/// `rapport analyze` run as a user would, on `Samples/`.
@Suite(.serialized) struct AnalyzeCLITests {
    static let samples = Fixtures.samples.path

    /// Runs the binary with extra environment variables (the clock, `NO_COLOR`).
    static func run(_ arguments: [String], environment: [String: String] = [:], stdin: [UInt8]? = nil) throws -> CLI.Result {
        try CLI.run(arguments, stdin: stdin, environment: environment)
    }

    static func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("rapport-analyze-\(UUID().uuidString)-\(name)")
    }

    // MARK: - Exit statuses

    @Test func samplesHoldFlagsSoFailOnWarningExitsWith1() throws {
        let result = try Self.run(["analyze", "--quiet", "--fail-on", "warning", Self.samples])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("Relationship health as of 30 Sep 2026\n"))
        #expect(result.stderr == "")
    }

    @Test func withoutFailOnFlagsDoNotChangeTheStatus() throws {
        #expect(try Self.run(["analyze", "--quiet", Self.samples]).status == 0)
    }

    /// The internal consulting unit's two threads are routine and healthy.
    @Test func failOnLooksOnlyAtWhatIsShown() throws {
        let result = try Self.run(["analyze", "--quiet", "--fail-on", "warning", "--account", "nordurljos-radgjof.is", Self.samples])
        #expect(result.status == 0)
    }

    /// The status agrees with the flags the JSON report counts, for each threshold.
    @Test(arguments: ["warning", "critical"])
    func failOnAgreesWithTheFlagsShown(threshold: String) throws {
        let report = try Self.run(["analyze", "--quiet", "--format", "json", Self.samples])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let counts = try #require((json["totals"] as? [String: Any])?["flags"] as? [String: Int])
        let expected = counts["critical", default: 0] + (threshold == "warning" ? counts["warning", default: 0] : 0)
        let result = try Self.run(["analyze", "--quiet", "--fail-on", threshold, Self.samples])
        #expect(result.status == (expected > 0 ? 1 : 0))
        let quieter = try Self.run(["analyze", "--quiet", "--fail-on", threshold, "--min-severity", "critical", Self.samples])
        #expect(quieter.status == (counts["critical", default: 0] > 0 ? 1 : 0))
    }

    @Test func unreadableInputWinsOverFailOn() throws {
        let result = try Self.run(["analyze", "--quiet", "--fail-on", "warning", "/nonexistent/input.mbox", Self.samples])
        #expect(result.status == 66)
        #expect(result.stdout.hasPrefix("Relationship health"))
    }

    @Test(arguments: [
        ["--format", "xml"], ["--since", "2026-10-01", "--until", "2026-09-01"], ["--as-of", "yesterday"],
        ["--fail-on", "info"], ["--min-severity", "urgent"], ["--color", "sometimes"],
    ])
    func badOptionsExitWith64(options: [String]) throws {
        let result = try Self.run(["analyze"] + options + [Self.samples])
        #expect(result.status == 64)
        #expect(result.stdout == "")
    }

    @Test func unwritableOutputExitsWith70() throws {
        let result = try Self.run(["analyze", "--quiet", "-o", "/nonexistent/folder/report.txt", Self.samples])
        #expect(result.status == 70)
        #expect(result.stderr.hasPrefix("rapport: cannot write /nonexistent/folder/report.txt"))
    }

    /// The report file is written whole under another name, then takes its place: an existing
    /// report is replaced, and nothing is left beside it.
    @Test func outputFileIsReplacedWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.json")
        try Data("old report".utf8).write(to: file)
        let result = try Self.run(["analyze", "--quiet", "--format", "json", "-o", file.path, Self.samples])
        #expect(result.status == 0)
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written.hasPrefix("{\n  \"schema\": \"rapport.analyze/1\""))
        #expect(written.hasSuffix("}\n"))
        let stdout = try Self.run(["analyze", "--quiet", "--format", "json", Self.samples]).stdout
        #expect(written.count == stdout.count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
    }

    @Test func missingConfigurationExitsWith64() throws {
        let result = try Self.run(["analyze", "--quiet", "--config", "/nonexistent/rapport.yml", Self.samples])
        #expect(result.status == 64)
        #expect(result.stdout == "")
    }

    // MARK: - Formats and output

    @Test(arguments: [
        ("text", "Relationship health as of 30 Sep 2026\n"), ("json", "{\n  \"schema\": \"rapport.analyze/1\",\n"),
        ("ndjson", "{\"thread\":"), ("csv", "thread,subject,account,account_name,"),
        ("markdown", "# Relationship health as of 30 Sep 2026\n"), ("html", "<!DOCTYPE html>\n"),
    ])
    func everyFormatIsWritten(format: String, start: String) throws {
        let result = try Self.run(["analyze", "--quiet", "--format", format, Self.samples])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix(start))
    }

    @Test func jsonListsEveryMessageOfEveryThreadWithAll() throws {
        let result = try Self.run(["analyze", "--quiet", "--all", "--format", "json", Self.samples])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let threads = try #require(json["threads"] as? [[String: Any]])
        let ids = threads.flatMap { $0["messageIds"] as? [String] ?? [] }
        #expect(Set(ids).count == ids.count, "a message belongs to one thread")
        #expect(ids.count >= 130, "every sample mail is in a thread")
        for thread in threads {
            #expect((thread["messages"] as? [[String: Any]])?.map { $0["id"] as? String } == thread["messageIds"] as? [String])
        }
    }

    @Test func sameInputGivesByteIdenticalOutput() throws {
        for format in ["text", "markdown", "csv", "ndjson"] {
            let first = try Self.run(["analyze", "--quiet", "--all", "--format", format, Self.samples])
            let second = try Self.run(["analyze", "--quiet", "--all", "--format", format, Self.samples])
            #expect(first.stdout == second.stdout, "\(format) differs between runs")
        }
        let pinned = ["SOURCE_DATE_EPOCH": "1790000000"]
        for format in ["json", "html"] {
            let first = try Self.run(["analyze", "--quiet", "--all", "--format", format, Self.samples], environment: pinned)
            let second = try Self.run(["analyze", "--quiet", "--all", "--format", format, Self.samples], environment: pinned)
            #expect(first.stdout == second.stdout, "\(format) differs between runs")
            #expect(first.stdout.contains("2026-09-21T14:13:20Z"))
        }
    }

    @Test func outputFileHoldsWhatStandardOutputWouldShow() throws {
        let file = Self.temporaryFile("report.md")
        defer { try? FileManager.default.removeItem(at: file) }
        let written = try Self.run(["analyze", "--quiet", "--format", "markdown", "-o", file.path, Self.samples])
        let printed = try Self.run(["analyze", "--quiet", "--format", "markdown", Self.samples])
        #expect(written.status == 0)
        #expect(written.stdout == "")
        #expect(String(decoding: try Data(contentsOf: file), as: UTF8.self) == printed.stdout)
    }

    @Test func standardInputReadsLikeAFile() throws {
        let mbox = try Fixtures.bytes("Samples/mbox/thunderbird-ari-accounts.mbox")
        let piped = try Self.run(["analyze", "--quiet", "--all", "-"], stdin: mbox)
        let direct = try Self.run(["analyze", "--quiet", "--all", Fixtures.samples.appendingPathComponent("mbox/thunderbird-ari-accounts.mbox").path])
        #expect(piped.status == 0)
        #expect(piped.stdout == direct.stdout)
    }

    /// Standard output is a pipe here, so `auto` means no colour; `always` wins over `NO_COLOR`.
    @Test func coloursOnlyWhenAskedOrOnATerminal() throws {
        let escape = "\u{1B}["
        let mbox = Fixtures.samples.appendingPathComponent("mbox/thunderbird-ari-accounts.mbox").path
        #expect(!(try Self.run(["analyze", "--quiet", mbox]).stdout.contains(escape)))
        #expect(try Self.run(["analyze", "--quiet", "--color", "always", mbox]).stdout.contains(escape))
        #expect(try Self.run(["analyze", "--quiet", "--color", "always", mbox], environment: ["NO_COLOR": "1"]).stdout.contains(escape))
        #expect(!(try Self.run(["analyze", "--quiet", "--color", "always", "--format", "json", mbox]).stdout.contains(escape)))
        #expect(!(try Self.run(["analyze", "--quiet", "--color", "never", mbox]).stdout.contains(escape)))
    }

    /// Mail text reaches the HTML report only as text, from the real pipeline.
    @Test func htmlShowsAScriptSubjectAsText() throws {
        let mail = """
            From: Eve <eve@evil.example>\r
            To: Ari <ari@nordurljos.is>\r
            Subject: <script>alert(1)</script>\r
            Date: Mon, 7 Sep 2026 10:00:00 +0000\r
            Message-ID: <x1@evil.example>\r
            \r
            Is this <script>document.write(1)</script> <b>working</b>?\r

            """
        let result = try Self.run(["analyze", "--quiet", "--all", "--our-domain", "nordurljos.is", "--format", "html", "-"],
                                  stdin: Array(mail.utf8))
        #expect(result.status == 0)
        #expect(result.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;</h3>"))
        #expect(!result.stdout.contains("<script"))
    }

    // MARK: - Standard error

    @Test func assumedDomainIsNamedOnStandardError() throws {
        let assumed = try Self.run(["analyze", Self.samples])
        #expect(assumed.stderr.contains("rapport: assumed our domain is nordurljos.is (it sends and receives the most mail)"))
        #expect(assumed.stderr.contains(" inputs, 135 messages; analysed 135 (136 documents with forwarded ones); skipped 0;"))
        let given = try Self.run(["analyze", "--our-domain", "NORDURLJOS.is", Self.samples])
        #expect(!given.stderr.contains("assumed"))
        #expect(given.stdout.contains("Our domains: nordurljos.is\n"))
        #expect(try Self.run(["analyze", "--quiet", Self.samples]).stderr == "")
    }

    @Test func asOfMovesTheWaitingTime() throws {
        let account = ["--account", "bjorn.agustsson@gmail.com", "--format", "json", "--quiet", Self.samples]
        let later = try Self.run(["analyze", "--as-of", "2026-12-31"] + account)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(later.stdout.utf8)) as? [String: Any])
        #expect(json["asOf"] as? String == "2026-12-31T23:59:59Z")
    }

    /// A lexicon that makes a common word hostile lowers the scores of the messages using it.
    @Test func lexiconFilesReachTheScorer() throws {
        let lexicon = Self.temporaryFile("hostile.tsv")
        defer { try? FileManager.default.removeItem(at: lexicon) }
        try Data("#!language en\nprinter\t-4\tsentiment\nprinters\t-4\tsentiment\n".utf8).write(to: lexicon)
        let options = ["analyze", "--quiet", "--all", "--format", "json", "--account", "selkieseafoods.co.uk", Self.samples]
        func sentiments(_ result: CLI.Result) throws -> [String: Double] {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let messages = (json["threads"] as? [[String: Any]] ?? []).flatMap { $0["messages"] as? [[String: Any]] ?? [] }
            return Dictionary(uniqueKeysWithValues: messages.compactMap { message in
                (message["id"] as? String).map { ($0, message["sentiment"] as? Double ?? 0) }
            })
        }
        let plain = try sentiments(try Self.run(options))
        let hostile = try sentiments(try Self.run(options + ["--lexicon", lexicon.path]))
        #expect(Set(plain.keys) == Set(hostile.keys))
        #expect(plain.contains { id, score in (hostile[id] ?? 0) < score })
        #expect(!plain.contains { id, score in (hostile[id] ?? 0) > score })
    }
}
