import Foundation
import RapportModel

/// Chooses what a report shows: `--all`, `--account`, `--since`, `--until`, `--min-severity`.
///
/// Filtering happens after analysis, so baselines and trends still see all the mail; only the
/// output is narrowed. Renderers and `--fail-on` both work on the filtered report.
public struct ReportFilter: Hashable, Sendable {
    /// Keep threads without flags (`--all`).
    public var includeHealthy: Bool
    /// An account key (domain or address) or account name, compared case-insensitively.
    public var account: String?
    /// Keep threads with activity on or after this moment.
    public var since: Date?
    /// Keep threads with activity on or before this moment.
    public var until: Date?
    /// Flags below this severity are dropped.
    public var minimumSeverity: Severity

    public init(includeHealthy: Bool = false, account: String? = nil, since: Date? = nil, until: Date? = nil,
                minimumSeverity: Severity = .info) {
        self.includeHealthy = includeHealthy
        self.account = account
        self.since = since
        self.until = until
        self.minimumSeverity = minimumSeverity
    }

    public func apply(_ report: HealthReport) -> HealthReport {
        var filtered = report
        let keep = { (flag: HealthFlag) in flag.severity >= minimumSeverity }
        filtered.accounts = report.accounts.filter { matches($0.account) }.map { account in
            var account = account
            account.flags = account.flags.filter(keep)
            return account
        }
        let accounts = Dictionary(report.accounts.map { ($0.account.key, $0.account) }) { first, _ in first }
        filtered.threads = report.threads.compactMap { thread in
            guard keeps(thread, of: accounts[thread.account]) else { return nil }
            var thread = thread
            thread.flags = thread.flags.filter(keep)
            return thread
        }
        return filtered
    }

    /// Whether `apply` keeps `thread`, whose account (nil: none in the report) is `owner`. An
    /// analysis asks this of each thread as its account is assessed, so that a report holds only
    /// the threads it will show.
    public func keeps(_ thread: ThreadReport, of owner: Account?) -> Bool {
        let inAccount = account == nil || owner.map(matches) == true || thread.account.lowercasedFast() == account?.lowercasedFast()
        guard inAccount, overlapsWindow(thread) else { return false }
        return includeHealthy || thread.flags.contains { $0.severity >= minimumSeverity }
    }

    private func matches(_ candidate: Account) -> Bool {
        guard let account else { return true }
        let wanted = account.lowercasedFast()
        return candidate.key.lowercasedFast() == wanted || candidate.name.lowercasedFast() == wanted
    }

    /// True when the thread has a message inside `since…until`; undated threads pass only an open window.
    private func overlapsWindow(_ thread: ThreadReport) -> Bool {
        if since == nil && until == nil { return true }
        guard let first = thread.first ?? thread.last, let last = thread.last ?? thread.first else { return false }
        if let since, last < since { return false }
        if let until, first > until { return false }
        return true
    }
}

extension HealthReport {
    /// True when any thread or account flag is at least this severe (`--fail-on`).
    public func hasFlags(atLeast severity: Severity) -> Bool {
        threads.contains { $0.flags.contains { $0.severity >= severity } }
            || accounts.contains { $0.flags.contains { $0.severity >= severity } }
    }
}
