import Foundation
import GRDB
import RapportModel

/// How a scan run begins.
public struct ScanStart: Hashable, Sendable {
    public var kind: ScanRecord.Kind
    public var inputs: [String]
    public var toolVersion: String
    public var scoringFingerprint: String
    public var startedAt: Date

    public init(kind: ScanRecord.Kind, inputs: [String], toolVersion: String, scoringFingerprint: String, startedAt: Date) {
        self.kind = kind
        self.inputs = inputs
        self.toolVersion = toolVersion
        self.scoringFingerprint = scoringFingerprint
        self.startedAt = startedAt
    }
}

/// A document read from the mail, with its key and score, ready to be stored.
public struct NewDocument: Sendable {
    public let document: Document
    public let key: DocumentKey
    public let score: StoredScore
    /// The document's stored JSON, encoded where the document was made (a scan's scoring
    /// threads) rather than by the store's one writer.
    let body: String

    public init(document: Document, key: DocumentKey, score: StoredScore) throws {
        self.document = document
        self.key = key
        self.score = score
        body = try DocumentRecord.body(of: document)
    }
}

/// What one transaction of a scan stores: documents, how far their files have been read, and
/// counts. A batch may span many small files (a Maildir) or part of one large mbox.
public struct ScanBatch: Sendable {
    public var documents: [NewDocument]
    /// The state of each file the batch read from, after it: where reading can resume if the
    /// process dies now.
    public var files: [FileRecord]
    public var counts: ScanCounts

    public init(documents: [NewDocument], files: [FileRecord], counts: ScanCounts) {
        self.documents = documents
        self.files = files
        self.counts = counts
    }
}

public struct BatchResult: Hashable, Sendable {
    public var added: Int
    public var duplicates: Int
}

/// A document as stored, with its row id and score.
public struct StoredDocument: Sendable {
    public var rowID: Int64
    public var document: Document
    public var score: StoredScore?
    /// The scan that first stored it.
    public var scan: Int64
}

/// What threading and inferring our domains need of a stored document: ids, subject, date and
/// addresses (no display names), with the content hash in place of the text (threading uses the
/// text only to break ties).
public struct ThreadingEntry: Sendable {
    public var rowID: Int64
    public var document: Document
    /// The scan that first stored it.
    public var scan: Int64
}

extension ScanStore {
    // MARK: - Scan runs

    /// Starts a scan run, or resumes the one a killed process left `running`, so that a resumed
    /// scan ends exactly as an uninterrupted one would (same scan number for every flag).
    public func beginScan(_ start: ScanStart) throws -> (scan: ScanRecord, resumed: Bool) {
        try write { db in
            if let running = try ScanRecord.filter(ScanRecord.Columns.status == ScanRecord.Status.running.rawValue)
                .order(ScanRecord.Columns.id.desc).fetchOne(db) {
                var inputs = running.inputs
                for input in start.inputs where !inputs.contains(input) { inputs.append(input) }
                let kind: ScanRecord.Kind = running.kind == .rescore || start.kind == .rescore ? .rescore : .scan
                try db.execute(sql: "UPDATE scan SET runs = runs + 1, inputs = ?, kind = ?, scoringFingerprint = ? WHERE id = ?",
                               arguments: [try StoreJSON.encode(inputs), kind.rawValue, start.scoringFingerprint, running.id])
                return (try ScanRecord.fetchOne(db, key: running.id)!, true)
            }
            try db.execute(sql: """
                INSERT INTO scan (kind, status, startedAt, runs, inputs, toolVersion, scoringFingerprint)
                VALUES (?, 'running', ?, 1, ?, ?, ?)
                """, arguments: [start.kind.rawValue, start.startedAt, try StoreJSON.encode(start.inputs),
                                 start.toolVersion, start.scoringFingerprint])
            return (try ScanRecord.fetchOne(db, key: db.lastInsertedRowID)!, false)
        }
    }

    public func scan(_ id: Int64) throws -> ScanRecord? {
        try read { db in try ScanRecord.fetchOne(db, key: id) }
    }

    /// Every scan run, oldest first.
    public func scans() throws -> [ScanRecord] {
        try read { db in try ScanRecord.order(ScanRecord.Columns.id).fetchAll(db) }
    }

    /// Adds counts to a scan outside a batch (files found unchanged or missing).
    public func addCounts(_ counts: ScanCounts, to scan: Int64) throws {
        try write { db in try counts.add(to: scan, in: db) }
    }

    // MARK: - Files

    public func fileRecord(_ path: String) throws -> FileRecord? {
        try read { db in try FileRecord.fetchOne(db, key: path) }
    }

    public func fileRecords() throws -> [FileRecord] {
        try read { db in try FileRecord.order(FileRecord.Columns.path).fetchAll(db) }
    }

    /// Records files a scan checked without reading (unchanged, gone, renamed) in one
    /// transaction; `removing` drops the records of renamed files' old paths.
    public func saveFiles(_ files: [FileRecord], removing: [String] = [], counts: ScanCounts, scan: Int64) throws {
        try write { db in
            _ = try FileRecord.deleteAll(db, keys: removing)
            try Self.save(files, db)
            try counts.add(to: scan, in: db)
        }
    }

    /// Saves file records, keeping the scan that first read each file.
    private static func save(_ files: [FileRecord], _ db: Database) throws {
        for var file in files {
            if let existing = try FileRecord.fetchOne(db, key: file.path) { file.firstScan = existing.firstScan }
            try file.save(db)
        }
    }

    // MARK: - Documents

    /// The keys among these that are already stored, so a scan scores only what is new.
    public func existingKeys(_ keys: [DocumentKey]) throws -> Set<DocumentKey> {
        try read { db in
            let statement = try db.cachedStatement(sql: "SELECT 1 FROM document WHERE messageId = ? AND contentHash = ?")
            var found = Set<DocumentKey>()
            for key in keys where try Bool.fetchOne(statement, arguments: [key.messageID, key.contentHash]) != nil {
                found.insert(key)
            }
            return found
        }
    }

    /// Stores a batch in one transaction: new documents with their scores (documents already
    /// stored are counted as duplicates and left as they are), the file's progress, and counts.
    @discardableResult
    public func commit(_ batch: ScanBatch, scan: Int64) throws -> BatchResult {
        try write { db in
            var result = BatchResult(added: 0, duplicates: 0)
            let exists = try db.cachedStatement(sql: "SELECT 1 FROM document WHERE messageId = ? AND contentHash = ?")
            // Cached statements with the columns named: a record's own insertion cost more than
            // the row it wrote.
            let insertDocument = try db.cachedStatement(sql: """
                INSERT INTO document (messageId, contentHash, kind, subject, date, fromAddresses, toAddresses,
                    ccAddresses, inReplyTo, referenceIds, thread, language, sourceFile, sourceIndex, sourceOffset, scan, body)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertScore = try db.cachedStatement(sql: """
                INSERT INTO score (document, fingerprint, sentiment, politeness, scan, body) VALUES (?, ?, ?, ?, ?, ?)
                """)
            for item in batch.documents {
                if try Bool.fetchOne(exists, arguments: [item.key.messageID, item.key.contentHash]) != nil {
                    result.duplicates += 1
                    continue
                }
                let record = DocumentRecord(item.document, contentHash: item.key.contentHash, scan: scan, body: item.body)
                try insertDocument.execute(arguments: [
                    record.messageId, record.contentHash, record.kind, record.subject, record.date, record.fromAddresses,
                    record.toAddresses, record.ccAddresses, record.inReplyTo, record.referenceIds, record.thread,
                    record.language, record.sourceFile, record.sourceIndex, record.sourceOffset, record.scan, record.body,
                ])
                try insertScore.execute(arguments: [db.lastInsertedRowID, item.score.fingerprint, item.score.sentiment,
                                                    item.score.politeness, scan, item.score.body])
                result.added += 1
            }
            try Self.save(batch.files, db)
            var counts = batch.counts
            counts.documentsAdded += result.added
            counts.duplicates += result.duplicates
            try counts.add(to: scan, in: db)
            return result
        }
    }

    public func documentCount() throws -> Int {
        try read { db in try DocumentRecord.fetchCount(db) }
    }

    /// How many stored documents were first read from this file.
    public func documentCount(fromFile path: String) throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document WHERE sourceFile = ?", arguments: [path]) ?? 0 }
    }

    /// How many documents a scan stored (across all its runs).
    public func documentsAdded(inScan scan: Int64) throws -> Int {
        try read { db in try DocumentRecord.filter(DocumentRecord.Columns.scan == scan).fetchCount(db) }
    }

    /// Every stored document's threading fields, in row order.
    public func threadingEntries() throws -> [ThreadingEntry] {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, messageId, contentHash, kind, subject, date, fromAddresses, toAddresses, ccAddresses,
                       inReplyTo, referenceIds, thread, sourceFile, sourceIndex, sourceOffset, scan
                FROM document ORDER BY id
                """)
            // Columns by position (in the order selected above): by name, each is a search of the
            // row's column names, and this reads every document of the store.
            var entries: [ThreadingEntry] = []
            // Entries share their repeated addresses, reference ids, subjects and file names: they
            // are held for every document of the store at once.
            var interner = HeaderInterner()
            while let row = try rows.next() {
                var document = Document(
                    id: row[1], kind: Document.Kind(rawValue: row[3]) ?? .email, subject: row[4],
                    date: row[5], from: Self.lines(row[6]).map { Participant(address: $0) },
                    to: Self.lines(row[7]).map { Participant(address: $0) },
                    cc: Self.lines(row[8]).map { Participant(address: $0) },
                    inReplyTo: row[9], references: Self.lines(row[10]),
                    thread: row[11], text: row[2],
                    source: SourceLocation(file: row[12], index: row[13], offset: row[14]))
                document.dateSource = document.date == nil ? .none : .header
                entries.append(ThreadingEntry(rowID: row[0], document: interner.intern(document), scan: row[15]))
            }
            return entries
        }
    }

    /// The lines of a stored list (addresses, references), cut on the UTF-8 bytes: cutting on
    /// `Character`s cost more than the rest of reading a row. A CR would make CR LF one
    /// `Character`, so text holding one is cut as before.
    static func lines(_ text: String) -> [String] {
        if text.isEmpty { return [] }
        var text = text
        // One pass over the contiguous bytes: the generic split of the UTF-8 view cost thousands
        // of instructions a row.
        let cut = text.withUTF8 { bytes -> [String]? in
            var lines: [String] = []
            var start = 0
            for index in bytes.indices {
                switch bytes[index] {
                case UInt8(ascii: "\r"): return nil
                case UInt8(ascii: "\n"):
                    if index > start { lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                    start = index + 1
                default: break
                }
            }
            if bytes.count > start {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            }
            return lines
        }
        return cut ?? text.split(separator: "\n").map(String.init)
    }

    /// Documents read per query by `documents(rowIDs:)` (well below SQLite's limit on parameters).
    static let rowsPerQuery = 500

    /// Whole documents with their scores, in row order. The rows are read in one go and their
    /// JSON decoded on up to `parallelism` threads (decoding is most of the time it takes).
    public func documents(rowIDs: [Int64], parallelism: Int = 1) throws -> [StoredDocument] {
        try documents(rowIDs: rowIDs, parallelism: parallelism) { try $0.decoded() }
    }

    /// `documents(rowIDs:parallelism:)` decoded by `decode`: as much of each row as the caller needs.
    public func documents<T: Sendable>(
        rowIDs: [Int64], parallelism: Int = 1, decode: @Sendable (RawStoredDocument) throws -> T
    ) throws -> [T] {
        let rows = try read { db in
            var rows: [RawStoredDocument] = []
            rows.reserveCapacity(rowIDs.count)
            // A few hundred rows per query, read through a cursor by column position: a query and a
            // copied row per document cost more than decoding it.
            let sorted = rowIDs.sorted()
            let distinct = sorted.indices.filter { $0 == 0 || sorted[$0] != sorted[$0 - 1] }.map { sorted[$0] }
            // Each query's JSON goes into one buffer, sized like the one before it.
            var capacity = 0
            for start in stride(from: 0, to: distinct.count, by: Self.rowsPerQuery) {
                let batch = Array(distinct[start..<min(start + Self.rowsPerQuery, distinct.count)])
                let cursor = try Row.fetchCursor(db, sql: """
                    SELECT d.id, d.body, d.scan, d.thread, s.fingerprint, s.sentiment, s.politeness, s.body
                    FROM document d LEFT JOIN score s ON s.document = d.id
                    WHERE d.id IN (\(databaseQuestionMarks(count: batch.count))) ORDER BY d.id
                    """, arguments: StatementArguments(batch))
                var bytes: [UInt8] = []
                bytes.reserveCapacity(capacity)
                var read: [RawStoredDocument.Columns] = []
                while let row = try cursor.next() { read.append(try RawStoredDocument.Columns(byPosition: row, into: &bytes)) }
                capacity = bytes.count
                let shared = RawStoredDocument.Bytes(bytes)
                rows += read.map { RawStoredDocument($0, bytes: shared) }
            }
            // A row asked for twice is given twice, as asked.
            guard distinct.count < sorted.count else { return rows }
            var repeated: [RawStoredDocument] = []
            var next = 0
            for rowID in sorted {
                while next < rows.count && rows[next].rowID < rowID { next += 1 }
                if next < rows.count && rows[next].rowID == rowID { repeated.append(rows[next]) }
            }
            return repeated
        }
        return try rows.parallelMap(parallelism: parallelism) { row in Result { try decode(row) } }.map { try $0.get() }
    }

    /// Documents whose score was computed with other lexicons or rules (or is missing), after
    /// `rowID`, for `--rescore` in batches.
    public func documentsToRescore(fingerprint: String, after rowID: Int64, limit: Int) throws -> [StoredDocument] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.id, d.body AS documentBody, d.scan AS documentScan, d.thread, s.fingerprint, s.sentiment, s.politeness,
                       s.body
                FROM document d LEFT JOIN score s ON s.document = d.id
                WHERE d.id > ? AND (s.fingerprint IS NULL OR s.fingerprint <> ?)
                ORDER BY d.id LIMIT ?
                """, arguments: [rowID, fingerprint, limit]).map(Self.storedDocument)
        }
    }

    /// Replaces scores (and the language found while scoring) in one transaction.
    public func replaceScores(_ scores: [(rowID: Int64, language: String?, score: StoredScore)], scan: Int64) throws {
        try write { db in
            for item in scores {
                try db.execute(sql: """
                    INSERT INTO score (document, fingerprint, sentiment, politeness, scan, body) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(document) DO UPDATE SET fingerprint = excluded.fingerprint, sentiment = excluded.sentiment,
                        politeness = excluded.politeness, scan = excluded.scan, body = excluded.body
                    """, arguments: [item.rowID, item.score.fingerprint, item.score.sentiment, item.score.politeness,
                                     scan, item.score.body])
                if let record = try DocumentRecord.fetchOne(db, key: item.rowID) {
                    var document = try StoreJSON.decode(Document.self, from: record.body)
                    if document.language != item.language {
                        document.language = item.language
                        try db.execute(sql: "UPDATE document SET language = ?, body = ? WHERE id = ?",
                                       arguments: [item.language, try StoreJSON.encode(document), item.rowID])
                    }
                }
            }
            var counts = ScanCounts()
            counts.rescored = scores.count
            try counts.add(to: scan, in: db)
        }
    }

    /// The fingerprints stored scores were computed with, and how many documents each covers.
    public func scoreFingerprints() throws -> [String: Int] {
        try read { db in
            var result: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT fingerprint, COUNT(*) AS n FROM score GROUP BY fingerprint") {
                result[row["fingerprint"]] = row["n"]
            }
            return result
        }
    }

    private static func storedDocument(_ row: Row) throws -> StoredDocument {
        var document = try StoreJSON.document(row["documentBody"])
        document.thread = row["thread"]
        let fingerprint: String? = row["fingerprint"]
        return StoredDocument(rowID: row["id"], document: document, score: fingerprint == nil ? nil : StoredScore(row: row),
                              scan: row["documentScan"])
    }
}

/// A stored document's row before its JSON is decoded: the document's and its score's JSON as
/// the UTF-8 bytes SQLite holds, so that a caller decodes only what it needs (a header without
/// its text, a score's sentence texts) and no string is made of a whole row first (checking
/// every row's UTF-8 on its way into a `String` was a tenth of a re-scan).
public struct RawStoredDocument: Sendable {
    private let columns: Columns
    /// The JSON of the rows one query read, one buffer for all: two arrays a row cost more to
    /// allocate and free than copying the bytes did.
    private let bytes: Bytes

    public var rowID: Int64 { columns.rowID }
    public var thread: String? { columns.thread }
    /// The scan that first stored it.
    public var scan: Int64 { columns.scan }
    /// The score's fingerprint, sentiment and politeness; nil for an unscored document.
    public var scoreColumns: (fingerprint: String, sentiment: Double, politeness: Double)? { columns.scoreColumns }

    final class Bytes: Sendable {
        let bytes: [UInt8]

        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    /// A row's columns, its JSON appended to a query's buffer.
    struct Columns {
        var rowID: Int64
        var thread: String?
        var scan: Int64
        var scoreColumns: (fingerprint: String, sentiment: Double, politeness: Double)?
        var bodyRange: Range<Int>
        var scoreRange: Range<Int>

        /// A row of `d.id, d.body, d.scan, d.thread, s.fingerprint, s.sentiment, s.politeness, s.body`.
        init(byPosition row: Row, into bytes: inout [UInt8]) throws {
            rowID = row[0]
            bodyRange = try Self.append(row, 1, to: &bytes)
            scan = row[2]
            thread = row[3]
            let fingerprint: String? = row[4]
            scoreColumns = fingerprint.map { ($0, row[5], row[6]) }
            scoreRange = fingerprint == nil ? bytes.count..<bytes.count : try Self.append(row, 7, to: &bytes)
        }

        /// Copies a column's bytes out of SQLite's buffer, as they are.
        private static func append(_ row: Row, _ index: Int, to bytes: inout [UInt8]) throws -> Range<Int> {
            let start = bytes.count
            try row.withUnsafeData(atIndex: index) { data in
                if let data { data.withUnsafeBytes { bytes.append(contentsOf: $0) } }
            }
            return start..<bytes.count
        }
    }

    init(_ columns: Columns, bytes: Bytes) {
        self.columns = columns
        self.bytes = bytes
    }

    /// The document's JSON.
    public func withBody<R>(_ read: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.bytes.withUnsafeBufferPointer { try read(UnsafeBufferPointer(rebasing: $0[columns.bodyRange])) }
    }

    /// The score's JSON (empty for an unscored document).
    public func withScoreBody<R>(_ read: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.bytes.withUnsafeBufferPointer { try read(UnsafeBufferPointer(rebasing: $0[columns.scoreRange])) }
    }

    /// The document, read by `StoreJSONReader` (the shape the store writes), else by `JSONDecoder`,
    /// in its stored thread.
    public func document() throws -> Document {
        var document = try withBody { bytes in
            try (try? StoreJSONReader.document(utf8: bytes))
                ?? StoreJSON.decode(Document.self, from: String(decoding: bytes, as: UTF8.self))
        }
        document.thread = thread
        return document
    }

    /// `document()` without its text and speaker turns; nil when `StoreJSONReader` does not know
    /// the shape (then read the whole document).
    public func header() -> Document? {
        guard var header = withBody({ try? StoreJSONReader.documentHeader(utf8: $0) }) else {
            return nil
        }
        header.thread = thread
        return header
    }

    /// The score as `StoredScore` holds it.
    public var score: StoredScore? {
        scoreColumns.map { columns in
            StoredScore(fingerprint: columns.fingerprint, sentiment: columns.sentiment, politeness: columns.politeness,
                        body: withScoreBody { String(decoding: $0, as: UTF8.self) })
        }
    }

    func decoded() throws -> StoredDocument {
        StoredDocument(rowID: rowID, document: try document(), score: score, scan: scan)
    }
}
