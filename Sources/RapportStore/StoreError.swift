import Foundation
import GRDB

/// Why the store could not be opened or written. Messages name the file and the problem, never
/// mail content, and say what the user can do about it.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Hashable, Sendable {
        /// `rapport report` found no store at the path.
        case missing
        /// The file is not a SQLite database, or a SQLite database some other program wrote.
        case foreign
        /// The file is a SQLite database but its pages cannot be read.
        case corrupt
        /// The store was written by a newer Rapport, with a schema this version does not know.
        case newerSchema
        /// The file or its folder cannot be written (permissions, read-only file system).
        case notWritable
        /// The disk (or the database's size limit) is full.
        case diskFull
        /// Another `rapport scan` holds the store.
        case busy
        /// Any other SQLite or file system failure.
        case io
    }

    public var code: Code
    /// The store's path (or `:memory:`).
    public var path: String
    /// A sentence for the user.
    public var message: String
    /// The SQLite or system error behind it, for `--verbose`.
    public var underlying: String?

    public init(_ code: Code, path: String, _ message: String, underlying: String? = nil) {
        self.code = code
        self.path = path
        self.message = message
        self.underlying = underlying
    }

    public var description: String { "\(path): \(message)" }

    /// Maps an error thrown by GRDB or the file system to what it means for the store. A disk that
    /// fills up mid-transaction rolls the transaction back, so "store unchanged" is true to say.
    static func from(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else {
            return StoreError(.io, path: path, "the store could not be used", underlying: "\(error)")
        }
        let detail = "\(error.resultCode): \(error.message ?? "")"
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return StoreError(.corrupt, path: path,
                              "the store is damaged and cannot be read; it was left untouched (restore it from a backup or scan into a new --db)",
                              underlying: detail)
        case .SQLITE_FULL:
            return StoreError(.diskFull, path: path,
                              "the disk is full; the last batch was rolled back and the store is consistent — free space and scan again to continue",
                              underlying: detail)
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return StoreError(.notWritable, path: path,
                              "the store or its folder cannot be written (check permissions, or choose another place with --db)",
                              underlying: detail)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(.busy, path: path, "the store is locked by another process; try again when it has finished",
                              underlying: detail)
        case .SQLITE_IOERR:
            return StoreError(.io, path: path,
                              "the store could not be read or written (an I/O error); it is consistent up to the last finished batch",
                              underlying: detail)
        default:
            return StoreError(.io, path: path, "the store could not be used", underlying: detail)
        }
    }
}
