import Foundation
import GRDB

/// One run of `rapport scan` (or `--rescore`): when, over what, with which lexicons, and what it
/// found. A run that was killed stays `running` and is finished by the next scan.
public struct ScanRecord: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, Codable {
        case scan
        /// Scores and flags recomputed from stored text, with or without new input.
        case rescore
    }

    public enum Status: String, Hashable, Sendable, Codable {
        case running
        case complete
    }

    public var id: Int64
    public var kind: Kind
    public var status: Status
    public var startedAt: Date
    public var finishedAt: Date?
    /// How many processes worked on this scan: more than one when a run was interrupted and resumed.
    public var runs: Int
    /// The paths given, in order (a resumed run adds its own).
    public var inputs: [String]
    public var toolVersion: String
    /// A hash of the lexicons and rules the scores were computed with.
    public var scoringFingerprint: String
    public var counts: ScanCounts

    public init(id: Int64, kind: Kind, status: Status, startedAt: Date, finishedAt: Date?, runs: Int, inputs: [String],
                toolVersion: String, scoringFingerprint: String, counts: ScanCounts) {
        self.id = id
        self.kind = kind
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.runs = runs
        self.inputs = inputs
        self.toolVersion = toolVersion
        self.scoringFingerprint = scoringFingerprint
        self.counts = counts
    }
}

/// What a scan did, added up batch by batch in the same transactions that store the batches, so
/// the counts always match what the store holds.
public struct ScanCounts: Hashable, Sendable, Codable {
    /// Files read to their end in this scan (new, grown or changed).
    public var filesRead = 0
    /// Files recognised as already read and skipped.
    public var filesUnchanged = 0
    /// Files that disappeared or shrank since an earlier scan.
    public var filesMissing = 0
    public var bytesRead = 0
    /// Messages and notes read (forwarded messages inside them not counted).
    public var messages = 0
    public var documentsAdded = 0
    /// Documents already in the store (the same message in another export, or read before).
    public var duplicates = 0
    /// Messages that could not be read.
    public var skipped = 0
    /// Stored documents scored again (`--rescore`).
    public var rescored = 0

    public init() {}

    static let columns = ["filesRead", "filesUnchanged", "filesMissing", "bytesRead", "messages", "documentsAdded",
                          "duplicates", "skipped", "rescored"]

    var values: [Int] {
        [filesRead, filesUnchanged, filesMissing, bytesRead, messages, documentsAdded, duplicates, skipped, rescored]
    }

    init(row: Row) {
        filesRead = row["filesRead"]
        filesUnchanged = row["filesUnchanged"]
        filesMissing = row["filesMissing"]
        bytesRead = row["bytesRead"]
        messages = row["messages"]
        documentsAdded = row["documentsAdded"]
        duplicates = row["duplicates"]
        skipped = row["skipped"]
        rescored = row["rescored"]
    }

    /// Adds these counts to a scan's row.
    func add(to scan: Int64, in db: Database) throws {
        let assignments = Self.columns.map { "\($0) = \($0) + ?" }.joined(separator: ", ")
        try db.execute(sql: "UPDATE scan SET \(assignments) WHERE id = ?",
                       arguments: StatementArguments(values.map { Int64($0) } + [scan]))
    }
}

extension ScanRecord: FetchableRecord, TableRecord {
    public static let databaseTableName = "scan"

    public enum Columns {
        public static let id = Column("id")
        public static let status = Column("status")
        public static let startedAt = Column("startedAt")
    }

    public init(row: Row) throws {
        let inputs: String = row["inputs"]
        id = row["id"]
        kind = Kind(rawValue: row["kind"]) ?? .scan
        status = Status(rawValue: row["status"]) ?? .running
        startedAt = row["startedAt"]
        finishedAt = row["finishedAt"]
        runs = row["runs"]
        self.inputs = try JSONDecoder().decode([String].self, from: Data(inputs.utf8))
        toolVersion = row["toolVersion"]
        scoringFingerprint = row["scoringFingerprint"]
        counts = ScanCounts(row: row)
    }
}
