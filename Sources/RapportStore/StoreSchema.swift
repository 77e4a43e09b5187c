import GRDB

/// The store's schema as named migrations. A released migration is never edited: a change is a
/// new migration appended here, so an older store upgrades in place and a newer one is recognised.
enum StoreSchema {
    /// Written to SQLite's `application_id`, so a Rapport store is told apart from any other
    /// SQLite file ("Rapp" in ASCII).
    static let applicationID: Int32 = 0x5261_7070

    /// The migrations in order; `PRAGMA user_version` records how many have run.
    static let migrationNames = ["v1-seen", "v2-health", "v3-history-inputs"]

    static var version: Int { migrationNames.count }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-seen", migrate: createSeenTables)
        migrator.registerMigration("v2-health", migrate: createHealthTables)
        migrator.registerMigration("v3-history-inputs", migrate: createHistoryInputsTable)
        return migrator
    }

    /// What was read: scan runs, input files with how far they were read, documents and their scores.
    static func createSeenTables(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.create(table: "scan") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("kind", .text).notNull()
            table.column("status", .text).notNull()
            table.column("startedAt", .datetime).notNull()
            table.column("finishedAt", .datetime)
            table.column("runs", .integer).notNull()
            table.column("inputs", .text).notNull()
            table.column("toolVersion", .text).notNull()
            table.column("scoringFingerprint", .text).notNull()
            for counter in ["filesRead", "filesUnchanged", "filesMissing", "bytesRead", "messages", "documentsAdded",
                            "duplicates", "skipped", "rescored"] {
                table.column(counter, .integer).notNull().defaults(to: 0)
            }
        }
        try db.create(table: "file") { table in
            table.primaryKey("path", .text)
            table.column("size", .integer).notNull()
            table.column("modified", .integer).notNull()
            table.column("readTo", .integer).notNull()
            table.column("messages", .integer).notNull()
            table.column("prefixHash", .text).notNull()
            table.column("sampleHash", .text).notNull()
            table.column("state", .text).notNull()
            table.column("firstScan", .integer).notNull().references("scan")
            table.column("lastScan", .integer).notNull().references("scan")
        }
        try db.create(table: "document") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("messageId", .text).notNull()
            table.column("contentHash", .text).notNull()
            table.column("kind", .text).notNull()
            table.column("subject", .text)
            table.column("date", .datetime)
            table.column("fromAddresses", .text).notNull()
            table.column("toAddresses", .text).notNull()
            table.column("ccAddresses", .text).notNull()
            table.column("inReplyTo", .text)
            table.column("referenceIds", .text).notNull()
            table.column("thread", .text)
            table.column("language", .text)
            table.column("sourceFile", .text).notNull()
            table.column("sourceIndex", .integer)
            table.column("sourceOffset", .integer)
            table.column("scan", .integer).notNull().references("scan")
            table.column("body", .text).notNull()
            table.uniqueKey(["messageId", "contentHash"])
        }
        try db.create(index: "document_thread", on: "document", columns: ["thread"])
        try db.create(index: "document_scan", on: "document", columns: ["scan"])
        try db.create(table: "score") { table in
            table.primaryKey("document", .integer).references("document", onDelete: .cascade)
            table.column("fingerprint", .text).notNull()
            table.column("sentiment", .double).notNull()
            table.column("politeness", .double).notNull()
            table.column("scan", .integer).notNull().references("scan")
            table.column("body", .text).notNull()
        }
        try db.execute(sql: "PRAGMA user_version = 1")
    }

    /// What assessment found: threads and accounts as last assessed, each account's health per
    /// scan, and flags with the scans in which they appeared, changed and cleared.
    static func createHealthTables(_ db: Database) throws {
        try db.create(table: "thread") { table in
            table.primaryKey("id", .text)
            table.column("account", .text).notNull()
            table.column("subject", .text).notNull()
            table.column("severity", .text)
            table.column("lastDate", .datetime)
            table.column("messages", .integer).notNull()
            table.column("scan", .integer).notNull().references("scan")
            table.column("body", .text).notNull()
        }
        try db.create(index: "thread_account", on: "thread", columns: ["account"])
        try db.create(table: "account") { table in
            table.primaryKey("key", .text)
            table.column("name", .text).notNull()
            table.column("type", .text).notNull()
            table.column("health", .integer).notNull()
            table.column("trend", .text).notNull()
            table.column("scan", .integer).notNull().references("scan")
            table.column("body", .text).notNull()
        }
        try db.create(table: "accountHealth") { table in
            // No reference to `account`: the history outlives an account that is no longer assessed.
            table.column("account", .text).notNull()
            table.column("scan", .integer).notNull().references("scan")
            table.column("health", .integer).notNull()
            table.column("trend", .text).notNull()
            table.column("openFlags", .integer).notNull()
            table.primaryKey(["account", "scan"])
        }
        try db.create(table: "flag") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("key", .text).notNull()
            table.column("account", .text).notNull()
            table.column("thread", .text)
            table.column("kind", .text).notNull()
            table.column("severity", .text).notNull()
            table.column("since", .datetime).notNull()
            table.column("reason", .text).notNull()
            table.column("appeared", .integer).notNull().references("scan")
            table.column("changed", .integer).references("scan")
            table.column("cleared", .integer).references("scan")
            table.column("body", .text).notNull()
        }
        // One open episode per flag identity; a flag that clears and comes back is a new row.
        try db.execute(sql: "CREATE UNIQUE INDEX flag_open ON flag(key) WHERE cleared IS NULL")
        try db.create(index: "flag_thread", on: "flag", columns: ["thread"])
        try db.create(table: "flagEvent") { table in
            table.column("flag", .integer).notNull().references("flag", onDelete: .cascade)
            table.column("scan", .integer).notNull().references("scan")
            table.column("change", .text).notNull()
            table.column("severity", .text).notNull()
            table.primaryKey(["flag", "scan"])
        }
        try db.create(index: "flagEvent_scan", on: "flagEvent", columns: ["scan"])
        try db.create(table: "assessment") { table in
            table.primaryKey("id", .integer).check { $0 == 1 }
            table.column("scan", .integer).notNull().references("scan")
            table.column("asOf", .double).notNull()
            table.column("ourDomains", .text).notNull()
            table.column("ourDomainsAssumed", .boolean).notNull()
            table.column("settings", .text).notNull()
        }
        try db.execute(sql: "PRAGMA user_version = 2")
    }

    /// Each assessed account's month-end health points with digests of their inputs (JSON of
    /// `HealthHistoryMemo.Point`s), so that the next scan re-scores only the months whose inputs
    /// changed. A store without them (or with stale ones) gives the same report, more slowly.
    static func createHistoryInputsTable(_ db: Database) throws {
        try db.create(table: "accountHistoryInputs") { table in
            table.primaryKey("account", .text)
            table.column("body", .text).notNull()
        }
        try db.execute(sql: "PRAGMA user_version = 3")
    }
}
