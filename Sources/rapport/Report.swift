import ArgumentParser
import Foundation
import RapportModel
import RapportPipeline
import RapportReport
import RapportStore

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the store's assessment without reading the mail: flagged threads now, what changed, an account's history.",
        discussion: """
            Reads the store `rapport scan` writes (safe while a scan runs). Without --since-scan or \
            --since it shows the flagged threads as of the latest scan (--all: every thread). \
            --account NAME adds that account's health after each scan: a table in text and \
            Markdown, a chart in HTML. Exit status: 0 done; 1 --fail-on found flags; 64 bad usage; \
            65 the store is damaged, not a Rapport store, or from a newer Rapport; 66 no store yet; \
            70 output could not be written.
            """
    )

    @OptionGroup(title: "Store") var store: StoreOptions
    @OptionGroup(title: "Who is who") var identity: IdentityOptions

    @Flag(help: "Include healthy threads, not only flagged ones.")
    var all = false

    @Option(help: "Only this account (its name, domain, or address for free-mail senders), with its history across scans.")
    var account: String?

    @Option(help: "Leave out flags below this severity: info, warning or critical.")
    var minSeverity: Severity = .info

    @Option(help: "Only threads whose flags appeared, changed or cleared in the scans after scan N.")
    var sinceScan: Int64?

    @Option(help: "Only threads whose flags appeared, changed or cleared in scans since this date (YYYY-MM-DD or ISO 8601).")
    var since: ReportDate?

    @OptionGroup(title: "Output") var output: ReportOutputOptions

    @Flag(name: .shortAndLong, help: "Print no notes on standard error.")
    var quiet = false

    func validate() throws {
        if sinceScan != nil && since != nil { throw ValidationError("Give --since-scan or --since, not both.") }
        if let sinceScan, sinceScan < 0 { throw ValidationError("--since-scan takes a scan number (0 for all changes).") }
    }

    func run() throws {
        let setup: ScanSetup
        do {
            setup = try ScanSetup(options: AnalyzeOptions(ourDomains: identity.domains, configurationFile: identity.config),
                                  database: store.db)
        } catch {
            StandardError.write("rapport: \(error)\n")
            throw ExitStatus.usage
        }
        let query: FlagChangeQuery? = sinceScan.map { .afterScan($0) } ?? since.map { .since($0.start) }
        let found: StoredAssessment?
        do {
            found = try ScanStore.open(at: setup.storePath, create: false)
                .storedAssessment(changes: query, account: account, parallelism: setup.options.parallelism)
        } catch {
            throw StoreFailure.exit(for: error)
        }
        guard let stored = found else {
            StandardError.write("rapport: \(setup.storePath): no scan has finished yet; nothing to report\n")
            return
        }
        let loaded = ScanReport.report(stored, selection: stored.changes.map { .changed($0) } ?? .everything)
        if !quiet { announceDomainMismatch(loaded) }

        var history: ScanHistory?
        if let account {
            guard let (key, points) = stored.account else {
                StandardError.write("rapport: no account named \(account) in the store\n")
                throw ExitStatus.usage
            }
            let named = stored.accounts.first { $0.account.key == key }?.account
            history = ScanHistory(account: named ?? Account(key: key, name: key), points: points)
        }
        let subjects = Dictionary(stored.threads.map { ($0.id, $0.subject) }, uniquingKeysWith: { first, _ in first })
        let changes = stored.changes
        let filter = ReportFilter(includeHealthy: all, account: account, minimumSeverity: minSeverity)
        let report = filter.apply(loaded)
        let cleared = (changes ?? []).filter { change in
            account.map { change.flag.account == history?.account.key || change.flag.account.lowercasedFast() == $0.lowercasedFast() } ?? true
        }
        try output.write(report, parallelism: setup.options.parallelism, finishing: [.text, .markdown, .html]) { format, text in
            switch format {
            case .text: text + ClearedFlags.text(cleared, threads: subjects) + (history?.text() ?? "")
            case .markdown: text + ClearedFlags.markdown(cleared, threads: subjects) + (history?.markdown() ?? "")
            case .html: history?.inserted(into: text) ?? text
            default: text
            }
        }
        if let failOn = output.failOn, report.hasFlags(atLeast: failOn.severity) { throw ExitStatus.flagsFound }
    }

    /// `--our-domain` does not change a stored assessment; say so when it differs.
    private func announceDomainMismatch(_ report: HealthReport) {
        let asked = identity.domains
        guard !asked.isEmpty, Set(asked) != Set(report.ourDomains) else { return }
        StandardError.write("rapport: the store was assessed with our domains \(report.ourDomains.joined(separator: ", ")); "
            + "`rapport scan --rescore --our-domain …` assesses it again with others\n")
    }
}
