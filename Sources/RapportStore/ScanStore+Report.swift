import Foundation
import GRDB
import RapportModel

/// One point of an account's history: its health as a scan left it.
public struct AccountHistoryPoint: Hashable, Sendable {
    public var scan: Int64
    /// When that scan started.
    public var date: Date
    public var health: Int
    public var trend: Trend
    public var openFlags: Int
    /// Flags of the account (and its threads) that appeared, changed or cleared in that scan.
    public var appeared: Int
    public var changed: Int
    public var cleared: Int

    public init(scan: Int64, date: Date, health: Int, trend: Trend, openFlags: Int, appeared: Int, changed: Int, cleared: Int) {
        self.scan = scan
        self.date = date
        self.health = health
        self.trend = trend
        self.openFlags = openFlags
        self.appeared = appeared
        self.changed = changed
        self.cleared = cleared
    }
}

/// Which flag changes a report asks for.
public enum FlagChangeQuery: Hashable, Sendable {
    /// Made by the scans after this one (0: all).
    case afterScan(Int64)
    /// Made by this scan.
    case inScan(Int64)
    /// Made by scans that started at or after this moment.
    case since(Date)
}

/// What a report renders, read from one snapshot of the store: a scan that commits meanwhile is
/// seen whole or not at all.
public struct StoredAssessment: Sendable {
    public var assessment: AssessmentRecord
    /// Every thread's and account's latest assessment (of the threads asked for, when the
    /// caller named them).
    public var threads: [ThreadReport]
    public var accounts: [AccountReport]
    /// The flag changes asked for, most severe first; nil when none were asked for.
    public var changes: [FlagChange]?
    /// The account asked for (by key or name) and its health after each scan; nil when none
    /// was asked for or none matched.
    public var account: (key: String, history: [AccountHistoryPoint])?
}

/// What `rapport report` reads: the latest assessment of every thread and account, flag changes
/// and account histories. Never touches the mail.
extension ScanStore {
    /// The stored assessment with the changes and the account history asked for, or nil before
    /// the first scan has finished. With `threads`, only those threads' reports are read (a scan
    /// that shows what changed needs a few of thousands). Thread reports are decoded on up to
    /// `parallelism` threads: decoding them is most of the time a large store takes.
    public func storedAssessment(
        changes query: FlagChangeQuery? = nil, account: String? = nil, threads wanted: Set<String>? = nil,
        parallelism: Int = 1
    ) throws -> StoredAssessment? {
        try read { db in
            guard let assessment = try AssessmentRecord.fetchOne(db) else { return nil }
            var stored = StoredAssessment(
                assessment: assessment, threads: try Self.threadReports(db, wanted: wanted, parallelism: parallelism),
                accounts: try Self.accountReports(db), changes: nil, account: nil)
            if let query { stored.changes = try Self.flagChanges(query, db) }
            if let account, let key = try Self.accountKey(matching: account, db) {
                stored.account = (key, try Self.accountHistory(key, db))
            }
            return stored
        }
    }

    /// Every stored thread's latest assessment, by id.
    public func threadReports() throws -> [ThreadReport] {
        try read { db in try Self.threadReports(db) }
    }

    /// Every stored account's latest assessment, by key.
    public func accountReports() throws -> [AccountReport] {
        try read { db in try Self.accountReports(db) }
    }

    /// The latest completed scan, if any.
    public func latestCompleteScan() throws -> ScanRecord? {
        try read { db in
            try ScanRecord.filter(ScanRecord.Columns.status == ScanRecord.Status.complete.rawValue)
                .order(ScanRecord.Columns.id.desc).fetchOne(db)
        }
    }

    /// Flag changes, most severe first.
    public func flagChanges(_ query: FlagChangeQuery) throws -> [FlagChange] {
        try read { db in try Self.flagChanges(query, db) }
    }

    /// Finds an account by key or display name, ignoring case.
    public func accountKey(matching name: String) throws -> String? {
        try read { db in try Self.accountKey(matching: name, db) }
    }

    /// An account's health after each scan that assessed it, oldest first, with that scan's flag changes.
    public func accountHistory(_ key: String) throws -> [AccountHistoryPoint] {
        try read { db in try Self.accountHistory(key, db) }
    }

    // MARK: - Queries

    /// Stored thread reports decoded together: the JSON of only this many is held at once
    /// (all of a large store's took more memory than the decoded reports).
    static let threadReportsPerBatch = 512

    /// Thread reports by id, all of them or those in `wanted`.
    private static func threadReports(_ db: Database, wanted: Set<String>? = nil, parallelism: Int = 1) throws
        -> [ThreadReport]
    {
        var reports: [ThreadReport] = []
        var bodies: [String] = []
        func decode() throws {
            reports += try bodies
                .parallelMap(parallelism: parallelism) { body in Result { try StoreJSON.threadReport(body) } }
                .map { try $0.get() }
            bodies.removeAll(keepingCapacity: true)
        }
        let rows = try Row.fetchCursor(db, sql: "SELECT id, body FROM thread ORDER BY id")
        while let row = try rows.next() {
            if let wanted, !wanted.contains(row["id"] as String) { continue }
            bodies.append(row["body"])
            if bodies.count == threadReportsPerBatch { try decode() }
        }
        try decode()
        return reports
    }

    private static func accountReports(_ db: Database) throws -> [AccountReport] {
        try String.fetchAll(db, sql: "SELECT body FROM account ORDER BY key").map(StoreJSON.accountReport)
    }

    private static func flagChanges(_ query: FlagChangeQuery, _ db: Database) throws -> [FlagChange] {
        let condition: String
        let argument: any DatabaseValueConvertible
        switch query {
        case .afterScan(let scan): (condition, argument) = ("e.scan > ?", scan)
        case .inScan(let scan): (condition, argument) = ("e.scan = ?", scan)
        case .since(let date): (condition, argument) = ("e.scan IN (SELECT id FROM scan WHERE startedAt >= ?)", date)
        }
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.change, e.scan, e.severity AS eventSeverity, f.appeared, f.changed, f.cleared, f.body
            FROM flagEvent e JOIN flag f ON f.id = e.flag
            WHERE \(condition) ORDER BY e.scan, f.id
            """, arguments: [argument])
        return try rows.map { row in
            let flag = try StoreJSON.healthFlag(row["body"])
            return FlagChange(
                kind: FlagChange.Kind(rawValue: row["change"]) ?? .changed, scan: row["scan"],
                severity: Severity(rawValue: row["eventSeverity"]) ?? flag.severity, flag: flag,
                appeared: row["appeared"], changed: row["changed"], cleared: row["cleared"])
        }.sorted(by: FlagChange.reportOrder)
    }

    private static func accountKey(matching name: String, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: """
            SELECT key FROM account WHERE key = ?1 COLLATE NOCASE OR name = ?1 COLLATE NOCASE ORDER BY key LIMIT 1
            """, arguments: [name])
            ?? String.fetchOne(db, sql: "SELECT DISTINCT account FROM accountHealth WHERE account = ? COLLATE NOCASE",
                               arguments: [name])
    }

    private static func accountHistory(_ key: String, _ db: Database) throws -> [AccountHistoryPoint] {
        try Row.fetchAll(db, sql: """
            SELECT h.scan, s.startedAt, h.health, h.trend, h.openFlags,
                (SELECT COUNT(*) FROM flagEvent e JOIN flag f ON f.id = e.flag
                 WHERE e.scan = h.scan AND f.account = h.account AND e.change = 'appeared') AS appeared,
                (SELECT COUNT(*) FROM flagEvent e JOIN flag f ON f.id = e.flag
                 WHERE e.scan = h.scan AND f.account = h.account AND e.change = 'changed') AS changed,
                (SELECT COUNT(*) FROM flagEvent e JOIN flag f ON f.id = e.flag
                 WHERE e.scan = h.scan AND f.account = h.account AND e.change = 'cleared') AS cleared
            FROM accountHealth h JOIN scan s ON s.id = h.scan
            WHERE h.account = ? ORDER BY h.scan
            """, arguments: [key]).map { row in
            AccountHistoryPoint(scan: row["scan"], date: row["startedAt"], health: row["health"],
                                trend: Trend(rawValue: row["trend"]) ?? .stable, openFlags: row["openFlags"],
                                appeared: row["appeared"], changed: row["changed"], cleared: row["cleared"])
        }
    }
}
