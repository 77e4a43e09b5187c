import Foundation
import GRDB
import RapportModel

/// What happened to one flag in one scan.
public struct FlagChange: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case appeared
        /// Its severity or reason changed.
        case changed
        /// The thread or account no longer shows it (or the thread is gone).
        case cleared
    }

    public var kind: Kind
    public var scan: Int64
    /// The severity the flag had after that scan (before clearing, for a cleared flag).
    public var severity: Severity
    /// The flag's latest content.
    public var flag: HealthFlag
    /// The scans in which this episode of the flag appeared, last changed and cleared.
    public var appeared: Int64
    public var changed: Int64?
    public var cleared: Int64?

    public init(kind: Kind, scan: Int64, severity: Severity, flag: HealthFlag, appeared: Int64, changed: Int64?,
                cleared: Int64?) {
        self.kind = kind
        self.scan = scan
        self.severity = severity
        self.flag = flag
        self.appeared = appeared
        self.changed = changed
        self.cleared = cleared
    }
}

/// The result of assessing the threads and accounts a scan touched, stored in the scan's last
/// transaction together with the new thread of every document threading moved.
public struct AssessmentUpdate: Sendable {
    public enum Scope: Hashable, Sendable {
        /// Everything was assessed: whatever is stored and not in the update is gone.
        case everything
        /// Only these accounts (and the threads in the update) were assessed; the rest stands.
        case accounts(Set<String>)
    }

    public var scope: Scope
    /// Row id → thread id, for every document whose thread changed.
    public var threadAssignments: [Int64: String]
    public var threads: [ThreadReport]
    public var accounts: [AccountReport]
    /// Threads that no longer exist (merged into another when a missing link arrived).
    public var removedThreads: Set<String>
    public var asOf: Date
    public var ourDomains: [String]
    public var ourDomainsAssumed: Bool
    public var settings: String
    /// The assessed accounts' month-end points with their input digests, when the assessor keeps
    /// them; stored for those accounts (for all, and only them, when everything was assessed).
    public var history: HealthHistoryMemo?
    /// Assessed threads whose reports went to a temporary file as they were made, stored with
    /// (and as if among) `threads`.
    public var spilledThreads: ThreadRecordSpill?

    public init(scope: Scope, threadAssignments: [Int64: String], threads: [ThreadReport], accounts: [AccountReport],
                removedThreads: Set<String>, asOf: Date, ourDomains: [String], ourDomainsAssumed: Bool, settings: String) {
        self.scope = scope
        self.threadAssignments = threadAssignments
        self.threads = threads
        self.accounts = accounts
        self.removedThreads = removedThreads
        self.asOf = asOf
        self.ourDomains = ourDomains
        self.ourDomainsAssumed = ourDomainsAssumed
        self.settings = settings
    }
}

extension ScanStore {
    /// Ends a scan in one transaction: new threads for moved documents, the assessed threads and
    /// accounts, flags compared with the open ones (appeared, changed, cleared), each assessed
    /// account's health for this scan, and the scan marked complete. Until this commits, the scan
    /// stays `running` and the next `rapport scan` finishes it.
    /// The thread records are made (their reports encoded as JSON) on up to `parallelism`
    /// threads, encoding them was most of its time, a thousand at a time: all of a large
    /// store's at once were the peak of a scan's memory.
    @discardableResult
    public func finishScan(_ scan: Int64, assessment: AssessmentUpdate?, at date: Date, parallelism: Int = 1) throws
        -> [FlagChange]
    {
        let accountRecords = try (assessment?.accounts ?? []).map { try AccountRecord($0, scan: scan) }
        let spilled = try assessment?.spilledThreads?.ordered() ?? []
        let threadRecords: @Sendable (ArraySlice<ThreadReport>) throws -> [ThreadRecord] = { reports in
            try reports.parallelMap(parallelism: parallelism) { report in Result { try ThreadRecord(report, scan: scan) } }
                .map { try $0.get() }
        }
        return try write { db in
            var changes: [FlagChange] = []
            if let assessment {
                changes = try Self.store(assessment, threadRecords, spilled, accountRecords, scan: scan, db)
            }
            try db.execute(sql: "UPDATE scan SET status = 'complete', finishedAt = ? WHERE id = ?", arguments: [date, scan])
            return changes
        }
    }

    /// The settings of the stored assessment, or nil before the first.
    public func assessment() throws -> AssessmentRecord? {
        try read { db in try AssessmentRecord.fetchOne(db) }
    }

    /// Thread ids (as stored) by account, for the accounts given. Only the two columns are read:
    /// the records' reports, all of most of a large store's threads, took seconds to read.
    public func threadIDs(ofAccounts accounts: Set<String>) throws -> [String: String] {
        try read { db in
            var result: [String: String] = [:]
            let rows = try ThreadRecord.select(ThreadRecord.Columns.id, ThreadRecord.Columns.account)
                .filter(accounts.contains(ThreadRecord.Columns.account)).asRequest(of: Row.self).fetchCursor(db)
            while let row = try rows.next() { result[row[0]] = row[1] as String }
            return result
        }
    }

    /// The account each of these stored threads belongs to.
    public func accounts(ofThreads threads: Set<String>) throws -> [String: String] {
        try read { db in
            var result: [String: String] = [:]
            let rows = try ThreadRecord.select(ThreadRecord.Columns.id, ThreadRecord.Columns.account)
                .filter(threads.contains(ThreadRecord.Columns.id)).asRequest(of: Row.self).fetchCursor(db)
            while let row = try rows.next() { result[row[0]] = row[1] as String }
            return result
        }
    }

    // MARK: - Storing an assessment

    /// Thread records encoded and saved at a time.
    static let threadRecordsPerBatch = 1_000

    /// An assessed thread, held as its report or in the update's spill.
    private enum AssessedThread {
        case held(ThreadReport)
        case spilled(ThreadRecordSpill.Entry)

        var id: String {
            switch self {
            case .held(let report): report.id
            case .spilled(let entry): entry.id
            }
        }

        var flags: [HealthFlag] {
            switch self {
            case .held(let report): report.flags
            case .spilled(let entry): entry.flags
            }
        }

        var order: ThreadReport.OrderKey {
            switch self {
            case .held(let report): report.orderKey
            case .spilled(let entry): entry.order
            }
        }
    }

    private static func store(
        _ update: AssessmentUpdate, _ threadRecords: (ArraySlice<ThreadReport>) throws -> [ThreadRecord],
        _ spilled: [ThreadRecordSpill.Entry], _ accountRecords: [AccountRecord], scan: Int64, _ db: Database
    ) throws -> [FlagChange] {
        // The threads in the report's order, wherever each is held.
        var threads = update.threads.map(AssessedThread.held)
        if !spilled.isEmpty {
            threads += spilled.map(AssessedThread.spilled)
            threads.sort { ThreadReport.reportOrder($0.order, $1.order) }
        }
        let assign = try db.cachedStatement(sql: "UPDATE document SET thread = ? WHERE id = ?")
        for (rowID, thread) in update.threadAssignments.sorted(by: { $0.key < $1.key }) {
            try assign.execute(arguments: [thread, rowID])
        }

        let assessedThreads = Set(threads.map(\.id))
        let assessedAccounts = Set(update.accounts.map(\.account.key))
        switch update.scope {
        case .everything:
            try ThreadRecord.filter(!assessedThreads.contains(ThreadRecord.Columns.id)).deleteAll(db)
            try AccountRecord.filter(!assessedAccounts.contains(AccountRecord.Columns.key)).deleteAll(db)
        case .accounts:
            try ThreadRecord.filter(update.removedThreads.subtracting(assessedThreads).contains(ThreadRecord.Columns.id))
                .deleteAll(db)
        }
        // A thread whose report is what the store holds already is left as it is: a re-scan
        // assesses every thread of the accounts new mail reached, and most of them read the same
        // (nine in ten after a day's mail); rewriting them all was most of what a re-scan wrote.
        let saveThread = try db.cachedStatement(sql: """
            INSERT INTO thread (id, account, subject, severity, lastDate, messages, scan, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET account = excluded.account, subject = excluded.subject,
                severity = excluded.severity, lastDate = excluded.lastDate, messages = excluded.messages,
                scan = excluded.scan, body = excluded.body
            WHERE thread.body IS NOT excluded.body
            """)
        for start in stride(from: 0, to: threads.count, by: Self.threadRecordsPerBatch) {
            let batch = threads[start..<min(start + Self.threadRecordsPerBatch, threads.count)]
            // Held reports are made into records together (on several threads); spilled ones are read back.
            var made = try threadRecords(ArraySlice(batch.compactMap { if case .held(let report) = $0 { report } else { nil } }))[...]
            for thread in batch {
                let record: ThreadRecord
                switch thread {
                case .held:
                    record = made.removeFirst()
                case .spilled(let entry):
                    record = update.spilledThreads!.record(entry, scan: scan)
                }
                try saveThread.execute(arguments: [
                    record.id, record.account, record.subject, record.severity, record.lastDate, record.messages,
                    record.scan, record.body,
                ])
            }
        }
        for record in accountRecords { try record.save(db) }
        try storeHistory(update, assessedAccounts: assessedAccounts, db)

        // The flags the assessment speaks for: those of the assessed and removed threads, and the
        // account-level flags of the assessed accounts.
        var open = try FlagRecord.filter(FlagRecord.Columns.cleared == nil).order(FlagRecord.Columns.id).fetchAll(db)
        if case .accounts(let accounts) = update.scope {
            let threads = assessedThreads.union(update.removedThreads)
            open = open.filter { record in
                if let thread = record.thread { return threads.contains(thread) }
                return accounts.contains(record.account) || assessedAccounts.contains(record.account)
            }
        }
        let current = currentFlags(threads.flatMap(\.flags), update)
        var changes: [FlagChange] = []
        var openByKey = Dictionary(open.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })

        for (key, flag) in current {
            if var record = openByKey.removeValue(forKey: key) {
                let old = try StoreJSON.healthFlag(record.body)
                guard old != flag else { continue }
                try record.update(with: flag)
                if old.severity != flag.severity || old.reason != flag.reason {
                    record.changed = scan
                    try Self.insert(FlagEventRecord(flag: record.id!, scan: scan, change: .changed, severity: flag.severity.rawValue), db)
                    changes.append(change(.changed, record, flag, scan))
                }
                try record.update(db)
            } else {
                var record = try FlagRecord(flag, key: key, appeared: scan)
                try Self.insert(&record, db)
                try Self.insert(FlagEventRecord(flag: record.id!, scan: scan, change: .appeared, severity: flag.severity.rawValue), db)
                changes.append(change(.appeared, record, flag, scan))
            }
        }
        for var record in openByKey.values.sorted(by: { $0.id! < $1.id! }) {
            record.cleared = scan
            try record.update(db)
            try Self.insert(FlagEventRecord(flag: record.id!, scan: scan, change: .cleared, severity: record.severity), db)
            changes.append(change(.cleared, record, try StoreJSON.healthFlag(record.body), scan))
        }

        // Open flags counted for every account in one pass: a count per account read the whole
        // flag table once for each (a second of a re-scan at 1 GB).
        var openFlags: [String: Int] = [:]
        let counts = try Row.fetchCursor(db, sql: "SELECT account, COUNT(*) FROM flag WHERE cleared IS NULL GROUP BY account")
        while let row = try counts.next() { openFlags[row[0]] = row[1] }
        for report in update.accounts {
            try AccountHealthRecord(account: report.account.key, scan: scan, health: report.health, trend: report.trend,
                                    openFlags: openFlags[report.account.key] ?? 0).save(db)
        }
        try AssessmentRecord(scan: scan, asOf: update.asOf, ourDomains: update.ourDomains,
                             ourDomainsAssumed: update.ourDomainsAssumed, settings: update.settings).save(db)
        return changes.sorted(by: FlagChange.reportOrder)
    }

    /// Replaces the history inputs of the accounts the update speaks for; without a memo they are
    /// dropped, so that no point outlives the assessment that made it.
    private static func storeHistory(_ update: AssessmentUpdate, assessedAccounts: Set<String>, _ db: Database) throws {
        switch update.scope {
        case .everything:
            try db.execute(sql: "DELETE FROM accountHistoryInputs")
        case .accounts(let accounts):
            let statement = try db.cachedStatement(sql: "DELETE FROM accountHistoryInputs WHERE account = ?")
            for account in accounts.union(assessedAccounts).sorted() { try statement.execute(arguments: [account]) }
        }
        guard let history = update.history else { return }
        let insert = try db.cachedStatement(sql: "INSERT OR REPLACE INTO accountHistoryInputs (account, body) VALUES (?, ?)")
        for account in history.accounts.keys.sorted() where assessedAccounts.contains(account) {
            try insert.execute(arguments: [account, try StoreJSON.encode(history.accounts[account]!)])
        }
    }

    /// The stored month-end points of these accounts (all, for nil); an entry that does not read
    /// is left out (its points are computed afresh).
    public func historyInputs(ofAccounts accounts: Set<String>?) throws -> HealthHistoryMemo {
        try read { db in
            var memo = HealthHistoryMemo()
            var rows: [Row] = []
            if let accounts {
                // The accounts asked for only, a few hundred per query.
                let keys = accounts.sorted()
                for start in stride(from: 0, to: keys.count, by: Self.rowsPerQuery) {
                    let batch = Array(keys[start..<min(start + Self.rowsPerQuery, keys.count)])
                    rows += try Row.fetchAll(db, sql: """
                        SELECT account, body FROM accountHistoryInputs WHERE account IN (\(databaseQuestionMarks(count: batch.count)))
                        """, arguments: StatementArguments(batch))
                }
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT account, body FROM accountHistoryInputs")
            }
            for row in rows {
                let account: String = row[0]
                let body: String = row[1]
                if let points = try? StoreJSON.decode([HealthHistoryMemo.Point].self, from: body) {
                    memo.accounts[account] = points
                }
            }
            return memo
        }
    }

    /// Inserts a new flag as `record.insert(db)` would, through one cached statement: a first scan
    /// of a large mailbox inserts thousands, and GRDB made each record's insertion afresh (about a
    /// second at 1 GB).
    private static func insert(_ record: inout FlagRecord, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO flag (key, account, thread, kind, severity, since, reason, appeared, changed, cleared, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [
            record.key, record.account, record.thread, record.kind, record.severity, record.since, record.reason,
            record.appeared, record.changed, record.cleared, record.body,
        ])
        record.id = db.lastInsertedRowID
    }

    /// Inserts a flag event as `event.insert(db)` would, through one cached statement.
    private static func insert(_ event: FlagEventRecord, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO flagEvent (flag, scan, change, severity) VALUES (?, ?, ?, ?)")
        try statement.execute(arguments: [event.flag, event.scan, event.change.rawValue, event.severity])
    }

    /// The assessment's flags by identity, in report order: thread flags, then account-level ones.
    /// A second flag with the same identity (same thread, account and label) gets `#2`, and so on.
    private static func currentFlags(_ threadFlags: [HealthFlag], _ update: AssessmentUpdate) -> [(String, HealthFlag)] {
        var flags = threadFlags
        flags += update.accounts.flatMap { $0.flags.filter { $0.thread == nil } }
        var seen: [String: Int] = [:]
        return flags.map { flag in
            var key = FlagRecord.key(flag)
            let count = seen[key, default: 0] + 1
            seen[key] = count
            if count > 1 { key += "#\(count)" }
            return (key, flag)
        }
    }

    private static func change(_ kind: FlagChange.Kind, _ record: FlagRecord, _ flag: HealthFlag, _ scan: Int64) -> FlagChange {
        FlagChange(kind: kind, scan: scan, severity: Severity(rawValue: record.severity) ?? flag.severity, flag: flag,
                   appeared: record.appeared, changed: record.changed, cleared: record.cleared)
    }
}

extension FlagRecord {
    /// A flag's identity across scans.
    static func key(_ flag: HealthFlag) -> String {
        [flag.account, flag.thread ?? "", flag.label].joined(separator: "\u{1F}")
    }
}

extension FlagChange {
    /// Most severe first, then by scan, account, thread and label, so lists read the same every time.
    static func reportOrder(_ a: FlagChange, _ b: FlagChange) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        if a.scan != b.scan { return a.scan < b.scan }
        return (a.flag.account, a.flag.thread ?? "", a.flag.label, a.kind.rawValue)
            < (b.flag.account, b.flag.thread ?? "", b.flag.label, b.kind.rawValue)
    }
}
