import Foundation
import RapportModel

/// The facts every format states about a report, worked out once so that the formats cannot
/// disagree about them: which account a thread belongs to, who wrote last and for how long a
/// side has been waiting, how many flags of each severity are open.
struct ReportDigest: Sendable {
    let report: HealthReport
    private let accountsByKey: [String: AccountReport]

    init(_ report: HealthReport) {
        self.report = report
        var accounts: [String: AccountReport] = [:]
        for account in report.accounts where accounts[account.account.key] == nil { accounts[account.account.key] = account }
        accountsByKey = accounts
    }

    /// The thread's account as configured or inferred; a bare key when the report has no entry for it.
    func account(of thread: ThreadReport) -> Account {
        accountsByKey[thread.account]?.account ?? Account(key: thread.account, name: thread.account)
    }

    func accountReport(of thread: ThreadReport) -> AccountReport? { accountsByKey[thread.account] }

    var flaggedThreads: [ThreadReport] { report.threads.filter { !$0.flags.isEmpty } }

    /// Flags raised about an account as a whole (its threads' flags are listed with the threads).
    func accountLevelFlags(_ account: AccountReport) -> [HealthFlag] { account.flags.filter { $0.thread == nil } }

    /// Every flag in the report once: the threads' flags, then the account-level ones.
    var allFlags: [HealthFlag] {
        report.threads.flatMap(\.flags) + report.accounts.flatMap(accountLevelFlags)
    }

    /// The thread's newest message, as analysis saw it.
    func lastMessage(of thread: ThreadReport) -> MessageAssessment? { thread.messages.last }

    /// Whole days from the last message to the report's as-of date, when someone is waiting.
    func waitingDays(_ thread: ThreadReport) -> Int? {
        guard thread.waiting != .nobody, let date = lastMessage(of: thread)?.date ?? thread.last else { return nil }
        return ReportDates.daysBetween(date, report.asOf)
    }

    /// `waiting on us for 36 days`, `waiting on them since today`, or `nobody is waiting`.
    func waitingPhrase(_ thread: ThreadReport) -> String {
        let side: String
        switch thread.waiting {
        case .onUs: side = "waiting on us"
        case .onThem: side = "waiting on them"
        case .nobody: return "nobody is waiting"
        }
        guard let days = waitingDays(thread) else { return side }
        return days == 0 ? "\(side) since today" : "\(side) for \(days) day\(days == 1 ? "" : "s")"
    }

    /// `25 Aug 2026 from Björn Ágústsson (theirs)`, from cleaned mail text.
    func lastMessagePhrase(_ thread: ThreadReport) -> String? {
        guard let message = lastMessage(of: thread) else { return nil }
        var phrase = message.date.map(ReportDates.day) ?? "undated"
        if let author = message.author { phrase += " from \(MailText.line(author.displayName))" }
        phrase += message.fromUs ? " (ours)" : " (theirs)"
        return phrase
    }

    /// The account type as people say it (`internal unit`, not `internal`).
    static func typeName(_ type: AccountType) -> String {
        switch type {
        case .internalUnit: "internal unit"
        case .unknown: "—"
        default: type.rawValue
        }
    }

    /// `Brightwater Home Ltd (customer)`.
    func accountPhrase(_ thread: ThreadReport) -> String {
        let account = account(of: thread)
        let name = MailText.line(account.name)
        return account.type == .unknown ? name : "\(name) (\(Self.typeName(account.type)))"
    }

    /// `Richard Haines (Chief Executive)`: the name, or the address, and the role where known.
    static func person(_ participant: Participant) -> String {
        let name = MailText.line(participant.displayName)
        guard let role = participant.role.map(MailText.line), !role.isEmpty else { return name }
        return "\(name) (\(role))"
    }

    /// Counterparty tone at the start and end of the thread: `+0.45 → −0.80`.
    static func toneChange(_ trajectory: [Double]) -> String? {
        guard let first = trajectory.first, let last = trajectory.last else { return nil }
        return trajectory.count == 1 ? signed(first) : "\(signed(first)) → \(signed(last))"
    }

    /// A tone value with its sign and two decimals, e.g. `+0.45`, `−0.80`, `0.00`.
    static func signed(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let magnitude = abs(hundredths)
        let digits = "\(magnitude / 100).\(magnitude % 100 < 10 ? "0" : "")\(magnitude % 100)"
        return hundredths > 0 ? "+" + digits : hundredths < 0 ? "−" + digits : digits
    }

    static func trendArrow(_ trend: Trend) -> String {
        switch trend {
        case .improving: "↗"
        case .stable: "→"
        case .declining: "↘"
        }
    }
}

/// How many flags of each severity, for overviews and totals.
struct SeverityCounts: Hashable {
    var critical = 0
    var warning = 0
    var info = 0

    init(_ flags: [HealthFlag]) {
        for flag in flags {
            switch flag.severity {
            case .critical: critical += 1
            case .warning: warning += 1
            case .info: info += 1
            }
        }
    }

    var total: Int { critical + warning + info }

    /// `2 critical, 1 warning`, or `none`.
    var phrase: String {
        let parts = [(critical, "critical"), (warning, "warning"), (info, "info")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }
}

extension HealthFlag {
    /// `negotiation-issue (price)` style, for prose.
    var displayLabel: String { negotiation.map { "\(kind.rawValue) (\($0.rawValue))" } ?? kind.rawValue }
}
