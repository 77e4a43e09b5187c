import Foundation
import GRDB

/// The nightly-scan store: one SQLite database, owned through one `Sendable` value.
///
/// On disk it is a `DatabasePool` in WAL mode, so `rapport report` reads while `rapport scan`
/// writes; foreign keys are enforced; the schema comes from named migrations run when the store
/// is opened. A file that is not a Rapport store, is damaged, or was written by a newer Rapport
/// is refused before anything is written to it.
public struct ScanStore: Sendable {
    /// The database file, or `:memory:`.
    public let path: String
    let writer: any DatabaseWriter

    /// Opens (and with `create`, creates, with its folder) the store at `path`, upgrading an older
    /// schema in place. `prepare` adjusts the SQLite configuration (tests use it to simulate a
    /// full disk).
    public static func open(
        at path: String, create: Bool = true, prepare: (@Sendable (Database) throws -> Void)? = nil
    ) throws -> ScanStore {
        let existing = try StoreFileCheck.inspect(path)
        if existing == .absent {
            guard create else {
                throw StoreError(.missing, path: path, "no store here yet; run `rapport scan` first (or give --db)")
            }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError(.notWritable, path: path, "the folder for the store cannot be created (check permissions, or choose another place with --db)",
                                 underlying: "\(error)")
            }
        }
        do {
            if existing == .sqlite { try validate(path) }
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(10)
            configuration.label = "rapport-store"
            // In WAL mode NORMAL keeps every commit across a killed process and the store
            // consistent across a power cut, without a sync per batch.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            if let prepare { configuration.prepareDatabase(prepare) }
            let pool = try DatabasePool(path: path, configuration: configuration)
            return try ScanStore(path: path, writer: pool)
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// A store that lives in memory, for tests and for logic that needs no file.
    public static func inMemory() throws -> ScanStore {
        try ScanStore(path: ":memory:", writer: DatabaseQueue())
    }

    /// Wraps a database that is already open, refusing it unless it is empty or a Rapport store
    /// this version understands, then runs the migrations it lacks.
    init(path: String, writer: any DatabaseWriter) throws {
        self.path = path
        self.writer = writer
        do {
            let current = try writer.read { db in
                try Self.checkIdentity(db, path: path)
                return try StoreSchema.migrator.hasCompletedMigrations(db)
            }
            // Only an old or new store is written to here: a reader opening a current store
            // never waits for the lock a running scan holds.
            if !current { try StoreSchema.migrator.migrate(writer) }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// The schema version this store is at (the number of migrations applied).
    public func schemaVersion() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }

    /// The names of the migrations applied, in order.
    public func appliedMigrations() throws -> [String] {
        try read { db in try StoreSchema.migrator.appliedMigrations(db) }
    }

    /// The journal mode SQLite reports (`wal` on disk, `memory` in memory).
    public func journalMode() throws -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    /// Whether SQLite enforces foreign keys on this connection.
    public func foreignKeysEnabled() throws -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false }
    }

    // MARK: - Access

    /// One read, from a consistent snapshot, with errors mapped to `StoreError`.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        do { return try writer.read(body) } catch { throw StoreError.from(error, path: path) }
    }

    /// One transaction: everything in `body` is stored, or nothing is.
    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
        do { return try writer.write(body) } catch { throw StoreError.from(error, path: path) }
    }

    // MARK: - Identity

    /// Opens the file read-only first, so that nothing (not even the switch to WAL mode) is
    /// written to a file that turns out to be someone else's.
    private static func validate(_ path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.read { db in try checkIdentity(db, path: path) }
        try queue.close()
    }

    private static func checkIdentity(_ db: Database, path: String) throws {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        if applicationID == StoreSchema.applicationID {
            let migrator = StoreSchema.migrator
            let superseded = tables.contains("grdb_migrations") ? try migrator.hasBeenSuperseded(db) : false
            if userVersion > StoreSchema.version || superseded {
                throw StoreError(.newerSchema, path: path,
                                 "this store was written by a newer version of Rapport (schema \(userVersion), this version knows \(StoreSchema.version)); upgrade Rapport to use it")
            }
        } else if applicationID != 0 || !tables.isEmpty {
            throw StoreError(.foreign, path: path, "this SQLite database is not a Rapport store; it was left untouched (give another --db)")
        }
    }
}

/// What is at a store's path before SQLite is let near it.
enum StoreFileCheck: Equatable {
    case absent
    /// An empty file: nothing to lose, it becomes a new store.
    case empty
    case sqlite

    /// SQLite files begin with this 16-byte string.
    static let magic = Array("SQLite format 3\0".utf8)

    static func inspect(_ path: String) throws -> StoreFileCheck {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .absent }
        if isDirectory.boolValue {
            throw StoreError(.foreign, path: path, "this is a folder, not a store file (give a file path with --db)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(.notWritable, path: path, "the store cannot be opened for reading (check permissions)")
        }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
        if head.isEmpty { return .empty }
        guard head.starts(with: magic) else {
            throw StoreError(.foreign, path: path, "this file is not a Rapport store (not a SQLite database); it was left untouched (give another --db)")
        }
        guard head.count == 100 else {
            throw StoreError(.corrupt, path: path, "the store is truncated and cannot be read; it was left untouched (restore it from a backup or scan into a new --db)")
        }
        return .sqlite
    }
}
