import ArgumentParser
import Foundation
import RapportLanguage
import RapportModel
import RapportPipeline
import RapportReport
import RapportStore

struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read mail exports into the store and report what is new or changed since the previous scan.",
        discussion: """
            For a nightly job. The store (--db, else the configuration's database, else \
            ./.rapport/rapport.sqlite) remembers every file and message: files already read are \
            skipped, a grown mbox is read from where it ended, the same message in two exports is \
            stored once, and only the threads and accounts new mail touched are assessed again. \
            A scan that is killed is finished by the next one. The report shows threads whose flags \
            appeared or changed in this scan (--all: everything stored), in any format of analyze. \
            Exit status: 0 done; 1 --fail-on found such flags; 64 bad usage; 65 the store is damaged, \
            not a Rapport store, or from a newer Rapport; 66 an input could not be read; 70 output \
            could not be written; 74 the store cannot be written (disk full, read-only); 75 another \
            scan is running. Docs/scanning.md has a cron example.
            """
    )

    @Argument(help: "Files and directories to scan (mbox, .eml, Maildir, meeting notes).")
    var inputs: [String] = []

    @OptionGroup(title: "Store") var store: StoreOptions
    @OptionGroup(title: "Who is who") var identity: IdentityOptions
    @OptionGroup(title: "What to show") var selection: SelectionOptions
    @OptionGroup(title: "Output") var output: ReportOutputOptions
    @OptionGroup(title: "Lexicons") var lexiconOptions: LexiconOptions

    @Option(help: "The date the analysis speaks of (YYYY-MM-DD, ISO 8601, or now); default: the newest message's date.")
    var asOf: AsOfDate?

    @Flag(help: "Score every stored document again (after changing lexicons or rules) and assess everything; needs no mail.")
    var rescore = false

    @Option(help: "Threads for parsing and scoring (default: one per core it may run on).")
    var jobs: Int?

    /// Documents per transaction; small values let tests interrupt a scan between many batches.
    @Option(help: .hidden)
    var batchSize: Int?

    @Flag(help: "Show the progress line even when standard error is not a terminal.")
    var progress = false

    @Flag(name: .shortAndLong, help: "Also print notes (repaired charsets, grown files) on standard error.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Print no progress, diagnostics or summary on standard error.")
    var quiet = false

    func validate() throws {
        if inputs.isEmpty && !rescore { throw ValidationError("Give the files or folders to scan (or --rescore alone).") }
        if inputs.contains("-") { throw ValidationError("scan reads files, not standard input: use `rapport analyze -` for a pipe.") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if let batchSize, batchSize < 1 { throw ValidationError("--batch-size must be at least 1.") }
    }

    func run() throws {
        let printer = DiagnosticPrinter(verbose: verbose, quiet: quiet)
        let options = AnalyzeOptions(
            ourDomains: identity.domains, configurationFile: identity.config, lexicons: try lexiconOptions.extraLexicons(),
            defaultLexicons: !lexiconOptions.noDefaultLexicons, asOf: asOf?.date)
        let setup: ScanSetup
        let scorer: Scorer
        do {
            setup = try ScanSetup(options: options, database: store.db)
            scorer = try setup.scorer()
        } catch let error as LexiconError {
            for issue in error.issues { StandardError.write("rapport: \(issue)\n") }
            throw ExitStatus.usage
        } catch {
            StandardError.write("rapport: \(error)\n")
            throw ExitStatus.usage
        }

        var settings = ScanSettings(toolVersion: Rapport.configuration.version)
        settings.rescore = rescore
        settings.asOf = asOf?.date
        if let jobs { settings.parallelism = jobs }
        if let batchSize { settings.batchDocuments = batchSize }
        var line = ProgressLine(enabled: !quiet && (progress || isatty(STDERR_FILENO) == 1))
        let started = Date()
        let result: ScanResult
        let scanStore: ScanStore
        do {
            scanStore = try ScanStore.open(at: setup.storePath)
            var assessor = setup.assessor(toolVersion: settings.toolVersion)
            assessor.parallelism = settings.parallelism
            let pipeline = ScanPipeline(store: scanStore, scorer: scorer, assessor: assessor, settings: settings)
            result = try pipeline.run(inputs) { event in
                switch event {
                case .diagnostic(let diagnostic):
                    line.clear()
                    printer.print(diagnostic)
                case .notice(let notice):
                    line.clear()
                    if !quiet { StandardError.write("rapport: \(notice)\n") }
                case .progress(let progress):
                    line.update(progress)
                }
            }
            line.clear()
        } catch {
            line.clear()
            throw StoreFailure.exit(for: error)
        }

        let stored: StoredAssessment?
        do {
            // Showing what changed needs only the threads the changes name.
            let wanted = selection.all ? nil : Set(result.changes.compactMap(\.flag.thread))
            stored = try scanStore.storedAssessment(threads: wanted, parallelism: settings.parallelism)
        } catch {
            throw StoreFailure.exit(for: error)
        }
        let report = stored.map { ScanReport.report($0, selection: selection.all ? .everything : .changed(result.changes)) }
        if !quiet {
            ScanSummary.print(result, store: setup.storePath, seconds: Date().timeIntervalSince(started))
            if let report { identity.announceAssumption(report) }
        }
        guard let stored, let report else {
            if result.unreadable > 0 { throw ExitStatus.unreadableInput }
            return
        }
        let shown = selection.filter.apply(report)
        let subjects = Dictionary(stored.threads.map { ($0.id, $0.subject) }, uniquingKeysWith: { first, _ in first })
        try output.write(shown, parallelism: settings.parallelism, finishing: [.text, .markdown]) { format, text in
            switch format {
            case .text: text + ClearedFlags.text(result.changes, threads: subjects)
            case .markdown: text + ClearedFlags.markdown(result.changes, threads: subjects)
            default: text
            }
        }
        if result.unreadable > 0 { throw ExitStatus.unreadableInput }
        if let failOn = output.failOn, shown.hasFlags(atLeast: failOn.severity) { throw ExitStatus.flagsFound }
    }
}

// MARK: - Options

/// `--db FILE`: which store `scan` writes and `report` reads.
struct StoreOptions: ParsableArguments {
    @Option(help: "The store file (default: the configuration's database, else ./.rapport/rapport.sqlite).")
    var db: String?
}

extension ReportOutputOptions {
    /// Renders with the clock and version injected, lets `finish` add to the text of the
    /// `finishing` formats (sections only the store knows, such as cleared flags or an account's
    /// history), then writes it to the file or standard output. The other formats are written as
    /// they are rendered, so that a large report is never held whole as text.
    func write(
        _ report: HealthReport, parallelism: Int = ReportOutputOptions.defaultParallelism,
        finishing: Set<ReportFormat> = [], finish: (ReportFormat, String) -> String = { $1 }
    ) throws {
        let toFile = output != nil && output != "-"
        let context = RenderContext(generatedAt: Self.clock(), version: Rapport.configuration.version,
                                    color: color.enabled(forTerminalOutput: !toFile), parallelism: parallelism)
        func render(_ sink: ([UInt8]) throws -> Void) throws {
            if finishing.contains(format) {
                try sink(Array(finish(format, format.renderer.render(report, context: context)).utf8))
            } else {
                try format.renderer.render(report, context: context, into: sink)
            }
        }
        guard toFile, let output else {
            var standardOutput = StandardOutput()
            try render { standardOutput.write($0) }
            standardOutput.flush()
            return
        }
        do {
            try AtomicFile.write(to: output, render)
        } catch {
            StandardError.write("rapport: cannot write \(output): \((error as NSError).localizedDescription)\n")
            throw ExitStatus.failure
        }
    }
}

/// A file written whole or not at all: the text goes to a temporary file beside it, which then
/// takes its name, so that a reader never sees half a report and a failed run leaves the old one.
enum AtomicFile {
    static func write(to path: String, _ body: (([UInt8]) throws -> Void) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            var buffer: [UInt8] = []
            try body { piece in
                buffer += piece
                if buffer.count >= 1 << 20 {
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try handle.write(contentsOf: buffer)
            guard rename(temporary.path, path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path,
                                                                NSUnderlyingErrorKey: POSIXError(.init(rawValue: errno) ?? .EIO)])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}

// MARK: - Store failures

/// Exit statuses for a store that cannot be used (sysexits.h values), documented in Docs/scanning.md.
enum StoreFailure {
    /// The store is damaged, not a Rapport store, or written by a newer Rapport.
    static let unusable = ExitCode(65)
    /// The store cannot be written: disk full, read-only location, I/O error.
    static let cannotWrite = ExitCode(74)
    /// Another scan holds the store; try again later.
    static let busy = ExitCode(75)

    /// Prints the error's message and gives the exit status for it.
    static func exit(for error: any Error) -> any Error {
        if let error = error as? ExitCode { return error }
        if let error = error as? ScanError {
            StandardError.write("rapport: \(error)\n")
            return ExitStatus.failure
        }
        guard let error = error as? StoreError else {
            StandardError.write("rapport: \(error)\n")
            return ExitStatus.failure
        }
        StandardError.write("rapport: \(error)\n")
        switch error.code {
        case .missing: return ExitStatus.unreadableInput
        case .foreign, .corrupt, .newerSchema: return unusable
        case .notWritable, .diskFull, .io: return cannotWrite
        case .busy: return busy
        }
    }
}

// MARK: - Progress and summary

/// One line on standard error, rewritten in place: files, messages, MB/s and time left.
struct ProgressLine {
    let enabled: Bool
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    mutating func update(_ progress: ScanProgress) {
        guard enabled, progress.filesTotal > 0 else { return }
        var text = "rapport: scanning file \(min(progress.filesDone + 1, progress.filesTotal)) of \(progress.filesTotal)"
        text += " · \(progress.messages) message\(progress.messages == 1 ? "" : "s")"
        text += " · " + String(format: "%.1f MB/s", progress.rate)
        if let remaining = progress.remaining, progress.elapsed >= 1 {
            let seconds = Int(remaining.rounded())
            text += " · about " + (seconds >= 60 ? "\(seconds / 60) min \(seconds % 60) s" : "\(seconds) s") + " left"
        }
        StandardError.write("\r\u{1B}[2K" + text)
        shown = true
    }

    mutating func clear() {
        guard shown else { return }
        StandardError.write("\r\u{1B}[2K")
        shown = false
    }
}

/// The line a scan ends with on standard error.
enum ScanSummary {
    static func print(_ result: ScanResult, store: String, seconds: TimeInterval) {
        let counts = result.scan.counts
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        var parts: [String] = []
        var files = "\(plural(counts.filesRead, "file")) read"
        if counts.filesUnchanged > 0 { files += ", \(counts.filesUnchanged) unchanged" }
        if counts.filesMissing > 0 { files += ", \(counts.filesMissing) missing or shrunk" }
        parts.append(files)
        parts.append(plural(counts.messages, "message") + String(format: " (%.1f MB)", Double(counts.bytesRead) / 1_048_576))
        var documents = "\(counts.documentsAdded) new document\(counts.documentsAdded == 1 ? "" : "s")"
        if counts.duplicates > 0 { documents += ", \(counts.duplicates) already stored" }
        if counts.skipped > 0 { documents += ", \(counts.skipped) skipped" }
        parts.append(documents)
        if counts.rescored > 0 { parts.append("\(counts.rescored) rescored") }
        let changes = Dictionary(grouping: result.changes, by: \.kind).mapValues(\.count)
        parts.append("flags: \(changes[.appeared] ?? 0) new, \(changes[.changed] ?? 0) changed, \(changes[.cleared] ?? 0) cleared")
        let resumed = result.resumed ? " (resumed)" : ""
        StandardError.write("rapport: scan \(result.scan.id)\(resumed): " + parts.joined(separator: "; ")
            + String(format: " in %.1f s", seconds) + "; store \(store)\n")
    }
}
