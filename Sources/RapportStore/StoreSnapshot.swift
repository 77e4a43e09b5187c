import GRDB

/// Everything a store knows, as sorted lines of text per table, without what differs from run to
/// run (times, process counts, row ids). Two scans of the same input — one interrupted and
/// resumed, one not; one on two cores, one on one — must give equal snapshots.
public struct StoreSnapshot: Hashable, Sendable {
    public var scans: [String]
    public var files: [String]
    public var documents: [String]
    public var scores: [String]
    public var threads: [String]
    public var accounts: [String]
    public var accountHealth: [String]
    public var flags: [String]
    public var flagEvents: [String]

    /// The tables whose lines differ, for a readable test failure.
    public func differences(from other: StoreSnapshot) -> [String] {
        let pairs: [(String, [String], [String])] = [
            ("scans", scans, other.scans), ("files", files, other.files), ("documents", documents, other.documents),
            ("scores", scores, other.scores), ("threads", threads, other.threads), ("accounts", accounts, other.accounts),
            ("accountHealth", accountHealth, other.accountHealth), ("flags", flags, other.flags),
            ("flagEvents", flagEvents, other.flagEvents),
        ]
        return pairs.compactMap { name, mine, theirs in
            guard mine != theirs else { return nil }
            let missing = Set(theirs).subtracting(mine).count, extra = Set(mine).subtracting(theirs).count
            return "\(name): \(mine.count) vs \(theirs.count) rows, \(extra) only here, \(missing) only there"
        }
    }
}

extension ScanStore {
    public func snapshot() throws -> StoreSnapshot {
        try read { db in
            func lines(_ sql: String) throws -> [String] {
                try Row.fetchAll(db, sql: sql).map { row in
                    row.databaseValues.map { $0.isNull ? "∅" : $0.description }.joined(separator: "\t")
                }.sorted()
            }
            return StoreSnapshot(
                scans: try lines("SELECT id, kind, status, inputs, scoringFingerprint, " + ScanCounts.columns.joined(separator: ", ")
                                 + " FROM scan"),
                files: try lines("SELECT path, size, readTo, messages, prefixHash, sampleHash, state, firstScan, lastScan FROM file"),
                documents: try lines("""
                    SELECT messageId, contentHash, kind, subject, date, fromAddresses, toAddresses, ccAddresses, inReplyTo, referenceIds, thread, language,
                           sourceFile, sourceIndex, sourceOffset, scan, body FROM document
                    """),
                scores: try lines("""
                    SELECT d.messageId, d.contentHash, s.fingerprint, s.sentiment, s.politeness, s.scan, s.body
                    FROM score s JOIN document d ON d.id = s.document
                    """),
                threads: try lines("SELECT id, account, subject, severity, lastDate, messages, scan, body FROM thread"),
                accounts: try lines("SELECT key, name, type, health, trend, scan, body FROM account"),
                accountHealth: try lines("SELECT account, scan, health, trend, openFlags FROM accountHealth"),
                flags: try lines("SELECT key, account, thread, kind, severity, since, reason, appeared, changed, cleared, body FROM flag"),
                flagEvents: try lines("""
                    SELECT f.key, f.appeared, e.scan, e.change, e.severity FROM flagEvent e JOIN flag f ON f.id = e.flag
                    """)
            )
        }
    }
}
