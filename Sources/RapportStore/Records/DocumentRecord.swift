import Foundation
import GRDB
import RapportModel

/// A stored document: its headers as columns for queries and threading, and the whole `Document`
/// (authored text and source included) as JSON.
struct DocumentRecord: Hashable, Sendable {
    var id: Int64?
    var messageId: String
    var contentHash: String
    var kind: String
    var subject: String?
    var date: Date?
    /// Addresses one per line: what threading and inferring our own domains need, without
    /// decoding the body.
    var fromAddresses: String
    var toAddresses: String
    var ccAddresses: String
    var inReplyTo: String?
    /// The `References` ids, one per line (ids cannot hold a line break).
    var referenceIds: String
    /// Set by threading at the end of each scan; nil until then.
    var thread: String?
    var language: String?
    var sourceFile: String
    var sourceIndex: Int?
    var sourceOffset: Int?
    /// The scan that first stored it.
    var scan: Int64
    var body: String

    /// `body`: `body(of: document)`, encoded already (where the document was scored).
    init(_ document: Document, contentHash: String, scan: Int64, body: String) {
        messageId = document.id
        self.contentHash = contentHash
        kind = document.kind.rawValue
        subject = document.subject
        date = document.date
        fromAddresses = document.from.map(\.address).joined(separator: "\n")
        toAddresses = document.to.map(\.address).joined(separator: "\n")
        ccAddresses = document.cc.map(\.address).joined(separator: "\n")
        inReplyTo = document.inReplyTo
        referenceIds = document.references.joined(separator: "\n")
        thread = nil
        language = document.language
        sourceFile = document.source.file
        sourceIndex = document.source.index
        sourceOffset = document.source.offset
        self.scan = scan
        self.body = body
    }

    /// The document's JSON as stored.
    static func body(of document: Document) throws -> String {
        // The thread changes as mail arrives; the column holds it, the body does not.
        var stored = document
        stored.thread = nil
        return try StoreJSON.encode(stored)
    }
}

extension DocumentRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "document"

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let messageId = Column(CodingKeys.messageId)
        static let contentHash = Column(CodingKeys.contentHash)
        static let thread = Column(CodingKeys.thread)
        static let scan = Column(CodingKeys.scan)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A document's score as stored: summary numbers as columns, the full score (sentences and
/// evidence) as JSON. The store does not know the score type, so the pipeline's type (wherever
/// it lives) round-trips through `init(encoding:)` and `decode(_:)`.
public struct StoredScore: Hashable, Sendable {
    /// The lexicon-and-rules hash the score was computed with.
    public var fingerprint: String
    public var sentiment: Double
    public var politeness: Double
    /// The score as JSON with sorted keys.
    public var body: String

    public init<Score: Encodable>(encoding score: Score, fingerprint: String, sentiment: Double, politeness: Double) throws {
        self.fingerprint = fingerprint
        self.sentiment = sentiment
        self.politeness = politeness
        body = try StoreJSON.encode(score)
    }

    public func decode<Score: Decodable>(_ type: Score.Type) throws -> Score {
        try StoreJSON.decode(type, from: body)
    }

    init(fingerprint: String, sentiment: Double, politeness: Double, body: String) {
        self.fingerprint = fingerprint
        self.sentiment = sentiment
        self.politeness = politeness
        self.body = body
    }

    init(row: Row) {
        fingerprint = row["fingerprint"]
        sentiment = row["sentiment"]
        politeness = row["politeness"]
        body = row["body"]
    }
}

/// JSON as the store writes it: sorted keys, so the same value always gives the same bytes and
/// two stores can be compared row by row.
enum StoreJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        if let written = written(value) { return written }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Documents, scores, reports and flags, written by `StoreJSONWriter` (the same bytes as
    /// `JSONEncoder` with these options, several times faster); nil for anything else.
    private static func written(_ value: Any) -> String? {
        switch value {
        case let document as Document: return StoreJSONWriter.document(document)
        case let score as DocumentScore: return StoreJSONWriter.documentScore(score)
        case let report as ThreadReport: return StoreJSONWriter.threadReport(report)
        case let report as AccountReport: return StoreJSONWriter.accountReport(report)
        case let flag as HealthFlag: return StoreJSONWriter.healthFlag(flag)
        default: return nil
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    // The stored reports and flags, read by `StoreJSONReader` (the shape the store writes), else
    // by `JSONDecoder`: a scan reads every account and the changed threads back for its report.

    static func document(_ text: String) throws -> Document {
        try (try? StoreJSONReader.document(text)) ?? decode(Document.self, from: text)
    }

    static func threadReport(_ text: String) throws -> ThreadReport {
        try (try? StoreJSONReader.threadReport(text)) ?? decode(ThreadReport.self, from: text)
    }

    static func accountReport(_ text: String) throws -> AccountReport {
        try (try? StoreJSONReader.accountReport(text)) ?? decode(AccountReport.self, from: text)
    }

    static func healthFlag(_ text: String) throws -> HealthFlag {
        try (try? StoreJSONReader.healthFlag(text)) ?? decode(HealthFlag.self, from: text)
    }
}
