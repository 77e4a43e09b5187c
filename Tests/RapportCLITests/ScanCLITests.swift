import Foundation
import Testing
import RapportStore
import RapportTestSupport

/// Runs `rapport scan` and `rapport report` as a nightly job would, in a folder of its own.
final class ScanWorkspace {
    let url: URL
    var db: String { url.appendingPathComponent("store/rapport.sqlite").path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-scan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Copies `Samples/` subfolders into `mail/`.
    func copySamples(_ names: [String]) throws {
        for name in names {
            let target = url.appendingPathComponent("mail").appendingPathComponent(name)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Fixtures.samples.appendingPathComponent(name), to: target)
        }
    }

    /// A process with the clock pinned, so JSON and HTML output compare byte for byte.
    func process(_ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = url
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1790000000"
        environment["NO_COLOR"] = "1"
        process.environment = environment
        return process
    }

    func run(_ arguments: [String]) throws -> CLI.Result {
        let process = process(arguments)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Both pipes are drained at once so that neither can fill up and stall the child.
        let errors = Collected()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errors.data = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errors.data, as: UTF8.self))
    }

    /// Bytes read on another thread, handed over once the group is done.
    private final class Collected: @unchecked Sendable {
        var data = Data()
    }

    /// Writes an mbox of `copies` copies of the sample mboxes, each copy with its own Message-IDs
    /// (as `Benchmarks/make_mbox.py` does), so every copy is a set of threads of its own.
    func writeLargeMbox(_ name: String, copies: Int) throws -> String {
        var output: [UInt8] = []
        for copy in 0..<copies {
            for sample in ["mbox/thunderbird-ari-accounts.mbox", "mbox/gmail-takeout-gudrun.mbox"] {
                output += Self.suffixingIDs(try Fixtures.bytes("Samples/" + sample), with: Array(".c\(copy)".utf8))
                while output.suffix(2) != [0x0A, 0x0A] { output.append(0x0A) }
            }
        }
        let path = path(name)
        try Data(output).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// `<local@domain>` becomes `<local{suffix}@domain>` everywhere in the message.
    static func suffixingIDs(_ bytes: [UInt8], with suffix: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 64)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), let close = bytes[(index + 1)...].prefix(200).firstIndex(of: UInt8(ascii: ">")) {
                let inner = bytes[(index + 1)..<close]
                if let at = inner.firstIndex(of: UInt8(ascii: "@")), at > index + 1,
                   !inner.contains(where: { $0 == 0x20 || $0 == 0x0A || $0 == UInt8(ascii: "<") }) {
                    result += bytes[index..<at] + suffix + bytes[at...close]
                    index = close + 1
                    continue
                }
            }
            result.append(bytes[index])
            index += 1
        }
        return result
    }
}

@Suite(.serialized) struct ScanCLITests {
    @Test func scanThenReportGivesWhatAnalyzeGives() throws {
        let workspace = try ScanWorkspace()
        try workspace.copySamples(["mbox", "eml", "maildir", "notes"])
        let scan = try workspace.run(["scan", "mail", "--db", workspace.db, "--format", "json", "--all"])
        #expect(scan.status == 0, "\(scan.stderr)")
        let extract = try workspace.run(["extract", "mail", "--no-threads"])
        let counts = try #require(extract.stderr.firstMatch(of: /read (\d+) inputs, (\d+) messages/))
        #expect(scan.stderr.contains("rapport: scan 1: \(counts.1) files read; \(counts.2) messages"), "\(scan.stderr)")
        let analyze = try workspace.run(["analyze", "mail", "--format", "json", "--all"])
        let report = try workspace.run(["report", "--db", workspace.db, "--format", "json", "--all"])
        #expect(report.status == 0)
        #expect(report.stdout == analyze.stdout, "the store renders exactly what analyze computes from the mail")
        #expect(scan.stdout == analyze.stdout, "a first scan shows everything with --all")
        for format in ["text", "html"] {
            let fromStore = try workspace.run(["report", "--db", workspace.db, "--format", format])
            let fromMail = try workspace.run(["analyze", "mail", "--format", format])
            #expect(fromStore.stdout == fromMail.stdout, "\(format)")
        }
    }

    @Test func aSecondScanReportsNothingNewAndFailOnStaysQuiet() throws {
        let workspace = try ScanWorkspace()
        try workspace.copySamples(["eml"])
        let first = try workspace.run(["scan", "mail", "--db", workspace.db, "--fail-on", "critical"])
        #expect(first.status == 1, "new critical flags")
        #expect(first.stdout.contains("CRITICAL"))
        let second = try workspace.run(["scan", "mail", "--db", workspace.db, "--fail-on", "critical"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("0 flagged threads shown"))
        #expect(second.stderr.contains("rapport: scan 2: 0 files read, 7 unchanged; 0 messages (0.0 MB); 0 new documents; flags: 0 new, 0 changed, 0 cleared"))
        let all = try workspace.run(["scan", "mail", "--db", workspace.db, "--all", "--fail-on", "critical"])
        #expect(all.status == 1, "--all shows (and judges) every open flag")
        let since = try workspace.run(["report", "--db", workspace.db, "--since-scan", "1", "--format", "markdown"])
        #expect(since.status == 0)
        #expect(since.stdout.contains("0 flagged threads") || !since.stdout.contains("critical"), "\(since.stdout)")
    }

    @Test func theProgressLineIsShownOnATerminalOrWhenAskedFor() throws {
        let workspace = try ScanWorkspace()
        try workspace.copySamples(["eml"])
        let piped = try workspace.run(["scan", "mail", "--db", workspace.path("a.sqlite")])
        #expect(!piped.stderr.contains("scanning"), "standard error is a pipe here")
        let asked = try workspace.run(["scan", "mail", "--db", workspace.path("b.sqlite"), "--progress"])
        #expect(asked.stderr.contains("\r\u{1B}[2Krapport: scanning file 7 of 7 · 7 messages · "))
        #expect(asked.stderr.contains("\r\u{1B}[2Krapport: scan 1: 7 files read"), "the line is cleared before the summary")
        let quiet = try workspace.run(["scan", "mail", "--db", workspace.path("c.sqlite"), "--progress", "--quiet"])
        #expect(quiet.stderr.isEmpty)
    }

    @Test func theDefaultStoreLivesInDotRapport() throws {
        let workspace = try ScanWorkspace()
        try workspace.copySamples(["eml/hafbrun-sla-juni.eml"])
        let result = try workspace.run(["scan", "mail", "--quiet"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(FileManager.default.fileExists(atPath: workspace.path(".rapport/rapport.sqlite")))
        let report = try workspace.run(["report", "--account", "hafbrun.is"])
        #expect(report.status == 0)
        #expect(report.stdout.contains("after each scan\n  scan  date"))
    }

    @Test func badStoresGetClearErrorsAndDocumentedExitCodes() throws {
        let workspace = try ScanWorkspace()
        try workspace.copySamples(["eml/hafbrun-sla-juni.eml"])
        let foreign = workspace.path("notes.txt")
        try Data("not a database\n".utf8).write(to: URL(fileURLWithPath: foreign))
        let refused = try workspace.run(["scan", "mail", "--db", foreign])
        #expect(refused.status == 65)
        #expect(refused.stderr == "rapport: \(foreign): this file is not a Rapport store (not a SQLite database); it was left untouched (give another --db)\n")
        #expect(try String(contentsOfFile: foreign, encoding: .utf8) == "not a database\n")

        let damaged = workspace.path("damaged.sqlite")
        try Data(Array("SQLite format 3\0".utf8) + [UInt8](repeating: 0x5A, count: 4096)).write(to: URL(fileURLWithPath: damaged))
        let corrupt = try workspace.run(["report", "--db", damaged])
        #expect(corrupt.status == 65)
        #expect(corrupt.stderr.contains("the store is damaged and cannot be read; it was left untouched"))

        let unwritable = try workspace.run(["scan", "mail", "--db", "/dev/null/rapport.sqlite"])
        #expect(unwritable.status == 74)
        #expect(unwritable.stderr.contains("cannot be created (check permissions, or choose another place with --db)"))

        let missing = try workspace.run(["report", "--db", workspace.path("none.sqlite")])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no store here yet; run `rapport scan` first"))

        let stdin = try workspace.run(["scan", "-"])
        #expect(stdin.status == 64)
    }

    @Test func aSecondScanIsTurnedAwayWhileOneRuns() throws {
        let workspace = try ScanWorkspace()
        let path = workspace.db
        try FileManager.default.createDirectory(atPath: workspace.path("store"), withIntermediateDirectories: true)
        let lock = try ScanLock(storePath: path)
        let busy = try workspace.run(["scan", Fixtures.samples.appendingPathComponent("eml").path, "--db", path])
        #expect(busy.status == 75)
        #expect(busy.stderr.contains("another `rapport scan` is writing to this store"))
        withExtendedLifetime(lock) {}
    }

    @Test func reportReadsWhileAScanWrites() throws {
        let workspace = try ScanWorkspace()
        try workspace.copySamples(["eml"])
        let first = try workspace.run(["scan", "mail", "--db", workspace.db, "--quiet"])
        #expect(first.status == 0)
        let expected = try workspace.run(["report", "--db", workspace.db, "--format", "json"])
        _ = try workspace.writeLargeMbox("mail/big.mbox", copies: 3)

        let scan = workspace.process(["scan", "mail", "--db", workspace.db, "--batch-size", "10", "--quiet"])
        scan.standardOutput = FileHandle.nullDevice
        scan.standardError = FileHandle.nullDevice
        try scan.run()
        var reads: [String] = []
        while scan.isRunning {
            let started = Date()
            let report = try workspace.run(["report", "--db", workspace.db, "--format", "json"])
            #expect(report.status == 0, "\(report.stderr)")
            #expect(Date().timeIntervalSince(started) < 10, "a reader waited for the writer")
            reads.append(report.stdout)
        }
        scan.waitUntilExit()
        #expect(scan.terminationStatus == 0)
        let final = try workspace.run(["report", "--db", workspace.db, "--format", "json"])
        #expect(final.stdout != expected.stdout, "the second scan found new flags")
        #expect(reads.allSatisfy { $0 == expected.stdout || $0 == final.stdout },
                "readers see the last finished scan, never half of one")
        #expect(reads.contains(expected.stdout), "no report ran while the scan was writing")
    }

    /// The crash test: kill a real scan with SIGKILL at several moments, scan again, and compare
    /// the store with one an uninterrupted scan wrote.
    @Test func killingAScanAtAnyMomentThenScanningAgainGivesTheUninterruptedStore() throws {
        let workspace = try ScanWorkspace()
        try workspace.copySamples(["eml", "maildir"])
        _ = try workspace.writeLargeMbox("mail/big.mbox", copies: 2)
        let arguments = ["scan", "mail", "--batch-size", "25", "--quiet", "--format", "json", "--all"]

        let reference = workspace.path("reference.sqlite")
        let started = Date()
        let clean = try workspace.run(arguments + ["--db", reference])
        let duration = Date().timeIntervalSince(started)
        #expect(clean.status == 0 || clean.status == 1, "\(clean.stderr)")
        let expected = try ScanStore.open(at: reference, create: false).snapshot()
        let expectedReport = try workspace.run(["report", "--db", reference, "--format", "json", "--all"]).stdout
        #expect(!expected.documents.isEmpty)

        var interrupted: [String] = []
        for (number, fraction) in [0.15, 0.4, 0.65, 0.9].enumerated() {
            let db = workspace.path("killed-\(number).sqlite")
            let process = workspace.process(arguments + ["--db", db])
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(duration * fraction * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // A kill that came after the scan had finished (while it printed) leaves nothing to resume.
            let finished = FileManager.default.fileExists(atPath: db)
                && (try? ScanStore.open(at: db, create: false).scans().map(\.status)) == [.complete]
            if !finished {
                let documents = (try? ScanStore.open(at: db, create: false).documentCount()) ?? 0
                interrupted.append("\(fraction): \(documents) of \(expected.documents.count) documents stored")
                let resumed = try workspace.run(arguments + ["--db", db])
                #expect(resumed.status == clean.status, "kill at \(fraction): \(resumed.stderr)")
            }
            let store = try ScanStore.open(at: db, create: false)
            #expect(try store.snapshot().differences(from: expected) == [], "kill at \(fraction) of the scan")
            #expect(try store.scans().map(\.status) == [.complete])
            let report = try workspace.run(["report", "--db", db, "--format", "json", "--all"])
            #expect(report.stdout == expectedReport, "kill at \(fraction)")
        }
        #expect(interrupted.count >= 2, "most kills must land while the scan runs: \(interrupted)")
    }
}
