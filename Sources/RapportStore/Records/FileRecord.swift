import Foundation
import GRDB

/// An input file as the store last saw it: enough to recognise it cheaply next time, and to carry
/// on reading an mbox from where it ended.
public struct FileRecord: Hashable, Sendable {
    public enum State: String, Hashable, Sendable, Codable {
        /// Read to the end as it was then.
        case complete
        /// Reading stopped after `readTo` bytes (the scan was interrupted); resume there.
        case partial
        /// Gone (or shrunk) at the last scan; its documents stay in the store.
        case missing
    }

    /// The absolute path.
    public var path: String
    /// The size when last read to its end (or when reading stopped).
    public var size: Int
    /// The modification time, in nanoseconds since 1970.
    public var modified: Int64
    /// Every message that ends at or before this byte offset is stored.
    public var readTo: Int
    /// How many messages those bytes held, so numbering continues where reading resumes.
    public var messages: Int
    /// A hash of bytes `0..<readTo`: a grown file is read from `readTo` only if this still matches.
    public var prefixHash: String
    /// A hash of the first and last 64 KiB of `0..<readTo`: the cheap check for an unchanged file.
    public var sampleHash: String
    public var state: State
    /// The scan that first read the file, and the last one that read or checked it.
    public var firstScan: Int64
    public var lastScan: Int64

    public init(path: String, size: Int, modified: Int64, readTo: Int, messages: Int, prefixHash: String,
                sampleHash: String, state: State, firstScan: Int64, lastScan: Int64) {
        self.path = path
        self.size = size
        self.modified = modified
        self.readTo = readTo
        self.messages = messages
        self.prefixHash = prefixHash
        self.sampleHash = sampleHash
        self.state = state
        self.firstScan = firstScan
        self.lastScan = lastScan
    }
}

extension FileRecord: Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "file"

    public enum Columns {
        public static let path = Column(CodingKeys.path)
        public static let state = Column(CodingKeys.state)
    }
}
