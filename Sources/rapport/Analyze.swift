import ArgumentParser
import Foundation
import RapportLanguage
import RapportModel
import RapportPipeline
import RapportReport

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the relationships that are going wrong: flagged threads with evidence, then account health.",
        discussion: """
            Inputs are files, directories or - for standard input, as for extract. Diagnostics and the \
            ingest summary go to standard error; the report goes to standard output or --output. \
            Exit status: 0 done; 1 --fail-on found flags of that severity or worse (in the threads \
            shown); 64 bad usage; 66 an input could not be read (wins over 1); 70 output could not \
            be written. Formats and the JSON schema: Docs/output.md.
            """
    )

    @Argument(help: "Files, directories, or - for standard input.")
    var inputs: [String] = ["-"]

    @OptionGroup(title: "Who is who") var identity: IdentityOptions
    @OptionGroup(title: "What to show") var selection: SelectionOptions
    @OptionGroup(title: "Output") var output: ReportOutputOptions
    @OptionGroup(title: "Lexicons") var lexiconOptions: LexiconOptions

    @Option(help: ArgumentHelp("The date the analysis speaks of (YYYY-MM-DD, ISO 8601, or now); default: the newest message's date.",
                               valueName: "date|now"))
    var asOf: AsOfDate?

    @Option(help: "Threads for parsing and scoring (default: one per core it may run on); the report is the same for any number.")
    var jobs: Int?

    @Flag(name: .shortAndLong, help: "Also print notes (repaired charsets, guessed dates) on standard error.")
    var verbose = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    @Flag(name: .shortAndLong, help: "Print no diagnostics, summary or assumptions on standard error.")
    var quiet = false

    func run() throws {
        let printer = DiagnosticPrinter(verbose: verbose, quiet: quiet)
        var options = AnalyzeOptions(
            ourDomains: identity.domains, configurationFile: identity.config, lexicons: try lexiconOptions.extraLexicons(),
            defaultLexicons: !lexiconOptions.noDefaultLexicons, asOf: asOf?.date)
        if let jobs { options.parallelism = jobs }
        options.shown = selection.filter
        let result: AnalyzeResult
        do {
            result = try Pipeline.analyze(inputs: inputs, options: options)
        } catch let error as LexiconError {
            for issue in error.issues { StandardError.write("rapport: \(issue)\n") }
            throw ExitStatus.usage
        } catch {
            StandardError.write("rapport: \(error)\n")
            throw ExitStatus.usage
        }
        result.diagnostics.forEach(printer.print)
        printer.printSummary(result.summary)
        if !quiet { identity.announceAssumption(result.report) }
        let report = selection.filter.apply(result.report)
        try output.write(report, parallelism: options.parallelism)
        if result.summary.unreadable > 0 { throw ExitStatus.unreadableInput }
        if let failOn = output.failOn, report.hasFlags(atLeast: failOn.severity) { throw ExitStatus.flagsFound }
    }
}

// MARK: - Option groups shared with scan and report

/// `--our-domain` and `--config`: who "us" is and where the accounts are named.
struct IdentityOptions: ParsableArguments {
    @Option(name: .customLong("our-domain"),
            help: ArgumentHelp("A domain of our organisation (repeatable); default: the configuration, else inferred from the mail.",
                               valueName: "domain"))
    var ourDomains: [String] = []

    @Option(help: ArgumentHelp("The configuration file; default: rapport.yml in the current directory, if there is one.",
                               valueName: "file"))
    var config: String?

    /// The domains as given, lower-cased and without a leading `@`.
    var domains: [String] {
        ourDomains.map { domain in
            var domain = domain.lowercasedFast().trimmingCharacters(in: .whitespaces)
            if domain.hasPrefix("@") { domain.removeFirst() }
            return domain
        }
    }

    /// Says on standard error which domain was taken as ours when the mail decided it.
    func announceAssumption(_ report: HealthReport) {
        guard report.ourDomainsAssumed else { return }
        if report.ourDomains.isEmpty {
            StandardError.write("rapport: could not tell which domain is ours; set it with --our-domain\n")
        } else {
            let list = report.ourDomains.joined(separator: ", ")
            StandardError.write("rapport: assumed our domain is \(list) (it sends and receives the most mail); "
                + "set --our-domain or a configuration file to change it\n")
        }
    }
}

/// `--all`, `--account`, `--since`, `--until`, `--min-severity`: which threads the report shows.
struct SelectionOptions: ParsableArguments {
    @Flag(help: "Include healthy threads, not only flagged ones.")
    var all = false

    @Option(help: ArgumentHelp("Only this account (its name, domain, or address for free-mail senders).", valueName: "name"))
    var account: String?

    @Option(help: ArgumentHelp("Only threads with messages on or after this date (YYYY-MM-DD or ISO 8601).", valueName: "date"))
    var since: ReportDate?

    @Option(help: ArgumentHelp("Only threads with messages on or before this date (YYYY-MM-DD or ISO 8601).", valueName: "date"))
    var until: ReportDate?

    @Option(help: ArgumentHelp("Leave out flags below this severity.", valueName: "severity"))
    var minSeverity: Severity = .info

    func validate() throws {
        if let since, let until, since.start > until.end {
            throw ValidationError("--since must not be later than --until.")
        }
    }

    var filter: ReportFilter {
        ReportFilter(includeHealthy: all, account: account, since: since?.start, until: until?.end, minimumSeverity: minSeverity)
    }
}

/// `--format`, `--output`, `--color` and `--fail-on`: how the report is written and judged.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: "The report format.")
    var format: ReportFormat = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: "Colour the text format; auto colours a terminal unless NO_COLOR is set.")
    var color: ColorChoice = .auto

    @Option(help: ArgumentHelp("Exit with status 1 when the report holds flags of this severity or worse.", valueName: "severity"))
    var failOn: FailOn?

    /// As many threads as the process may run on, as `--jobs` defaults to.
    static var defaultParallelism: Int { AvailableCores.count }

    /// `SOURCE_DATE_EPOCH` (seconds since 1970), the reproducible-builds convention, pins the
    /// generated-at time so that JSON and HTML reports are byte-identical from run to run.
    static func clock() -> Date {
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int(epoch) {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date()
    }
}

extension LexiconOptions {
    /// The `--lexicon` files alone, for commands whose configuration adds lexicons between the
    /// shipped ones and these. A file with errors is reported and ends the run.
    func extraLexicons() throws -> [Lexicon] {
        try lexicons.map { path in
            let (lexicon, issues) = try LexiconFile.parse(path)
            if issues.contains(where: { $0.severity == .error }) {
                for issue in issues { StandardError.write("rapport: \(issue)\n") }
                throw ExitStatus.usage
            }
            return lexicon
        }
    }
}

// MARK: - Argument types

extension ReportFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

/// `--fail-on warning|critical`.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case warning, critical

    var severity: Severity { self == .warning ? .warning : .critical }
}

/// `--color auto|always|never`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// `auto` colours only a terminal, and only when `NO_COLOR` is unset or empty and `TERM` is not `dumb`.
    func enabled(forTerminalOutput terminal: Bool) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            guard terminal, isatty(STDOUT_FILENO) != 0 else { return false }
            return (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        }
    }
}

/// A day (`2026-09-30`, meaning the whole UTC day) or a moment (`2026-09-30T15:40:00Z`).
struct ReportDate: ExpressibleByArgument {
    /// The first moment the argument covers.
    var start: Date
    /// The last moment it covers: the end of the day for a bare date.
    var end: Date

    init?(argument: String) {
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        let moment = ISO8601DateFormatter()
        moment.formatOptions = [.withInternetDateTime]
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if argument.count == 10, let date = day.date(from: argument) {
            start = date
            end = date.addingTimeInterval(86_399)
        } else if let date = moment.date(from: argument) ?? fractional.date(from: argument) {
            start = date
            end = date
        } else {
            return nil
        }
    }
}

/// `--as-of DATE|now`: a bare date means the end of that UTC day.
struct AsOfDate: ExpressibleByArgument {
    var date: Date

    init?(argument: String) {
        if argument.lowercasedFast() == "now" {
            date = Date()
        } else if let parsed = ReportDate(argument: argument) {
            date = parsed.end
        } else {
            return nil
        }
    }
}
