import Foundation
import RapportModel
import RapportStore

/// Builds the health report that `rapport scan` prints and `rapport report` renders, from the
/// store alone: the latest assessment of every thread and account, narrowed to what changed.
public enum ScanReport {
    /// Which part of the stored assessment to show.
    public enum Selection: Sendable {
        /// Every thread and account as last assessed.
        case everything
        /// Threads whose flags appeared or changed in these changes, and their accounts.
        case changed([FlagChange])
    }

    /// The report of a stored assessment, narrowed to the selection.
    public static func report(_ stored: StoredAssessment, selection: Selection) -> HealthReport {
        var threads = stored.threads
        var accounts = stored.accounts
        if case .changed(let changes) = selection {
            let shown = changes.filter { $0.kind != .cleared }
            let threadIDs = Set(shown.compactMap(\.flag.thread))
            threads = threads.filter { threadIDs.contains($0.id) }
            let accountKeys = Set(threads.map(\.account)).union(shown.filter { $0.flag.thread == nil }.map(\.flag.account))
            accounts = accounts.filter { accountKeys.contains($0.account.key) }
        }
        threads.sort(by: ThreadReport.reportOrder)
        accounts.sort { $0.health != $1.health ? $0.health < $1.health : $0.account.key < $1.account.key }
        return HealthReport(asOf: stored.assessment.asOf, ourDomains: stored.assessment.ourDomains,
                            ourDomainsAssumed: stored.assessment.ourDomainsAssumed, threads: threads, accounts: accounts)
    }
}
