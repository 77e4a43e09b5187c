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

/// What `rapport report` reads: the latest assessment of every thread and account, flag changes
/// and account histories. Never touches the mail.
extension ScanStore {
    /// Every stored thread's latest assessment, in no particular order.
    public func threadReports() throws -> [ThreadReport] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT body FROM thread ORDER BY id").map {
                try StoreJSON.decode(ThreadReport.self, from: $0)
            }
        }
    }

    /// Every stored account's latest assessment, in no particular order.
    public func accountReports() throws -> [AccountReport] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT body FROM account ORDER BY key").map {
                try StoreJSON.decode(AccountReport.self, from: $0)
            }
        }
    }

    /// The latest completed scan, if any.
    public func latestCompleteScan() throws -> ScanRecord? {
        try read { db in
            try ScanRecord.filter(ScanRecord.Columns.status == ScanRecord.Status.complete.rawValue)
                .order(ScanRecord.Columns.id.desc).fetchOne(db)
        }
    }

    /// Flag changes made by the scans after `scan` (all of them for 0), most severe first.
    public func flagChanges(afterScan scan: Int64) throws -> [FlagChange] {
        try flagChanges(where: "e.scan > ?", scan)
    }

    /// Flag changes made by one scan.
    public func flagChanges(inScan scan: Int64) throws -> [FlagChange] {
        try flagChanges(where: "e.scan = ?", scan)
    }

    /// Flag changes made by scans that started at or after `date`.
    public func flagChanges(since date: Date) throws -> [FlagChange] {
        try flagChanges(where: "e.scan IN (SELECT id FROM scan WHERE startedAt >= ?)", date)
    }

    private func flagChanges(where condition: String, _ argument: some DatabaseValueConvertible & Sendable) throws -> [FlagChange] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT e.change, e.scan, e.severity AS eventSeverity, f.appeared, f.changed, f.cleared, f.body
                FROM flagEvent e JOIN flag f ON f.id = e.flag
                WHERE \(condition) ORDER BY e.scan, f.id
                """, arguments: [argument])
            return try rows.map { row in
                let flag = try StoreJSON.decode(HealthFlag.self, from: row["body"])
                return FlagChange(
                    kind: FlagChange.Kind(rawValue: row["change"]) ?? .changed, scan: row["scan"],
                    severity: Severity(rawValue: row["eventSeverity"]) ?? flag.severity, flag: flag,
                    appeared: row["appeared"], changed: row["changed"], cleared: row["cleared"])
            }.sorted(by: FlagChange.reportOrder)
        }
    }

    /// Finds an account by key or display name, ignoring case.
    public func accountKey(matching name: String) throws -> String? {
        try read { db in
            try String.fetchOne(db, sql: """
                SELECT key FROM account WHERE key = ?1 COLLATE NOCASE OR name = ?1 COLLATE NOCASE ORDER BY key LIMIT 1
                """, arguments: [name])
                ?? String.fetchOne(db, sql: "SELECT DISTINCT account FROM accountHealth WHERE account = ? COLLATE NOCASE",
                                   arguments: [name])
        }
    }

    /// An account's health after each scan that assessed it, oldest first, with that scan's flag changes.
    public func accountHistory(_ key: String) throws -> [AccountHistoryPoint] {
        try read { db in
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
}
