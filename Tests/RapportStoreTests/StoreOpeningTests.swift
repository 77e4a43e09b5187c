import Foundation
import GRDB
import Testing
@testable import RapportStore

/// Opening a store: a new one is created in WAL mode with foreign keys on and every migration
/// recorded; anything that is not a store this version understands is refused and left untouched.
@Suite struct StoreOpeningTests {
    @Test func createsFolderAndStoreInWALModeWithForeignKeys() throws {
        let folder = try TemporaryFolder()
        let path = folder.path(".rapport/rapport.sqlite")
        let store = try ScanStore.open(at: path)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try store.journalMode() == "wal")
        #expect(try store.foreignKeysEnabled())
        #expect(try store.schemaVersion() == 3)
        #expect(try store.appliedMigrations() == ["v1-seen", "v2-health", "v3-history-inputs"])
    }

    @Test func reopeningKeepsWhatWasStored() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("rapport.sqlite")
        do {
            let store = try ScanStore.open(at: path)
            let scan = try store.beginScan(Make.start()).scan
            try store.commit(ScanBatch(documents: [try Make.new(Make.document("m1@x"))], files: [], counts: ScanCounts()),
                             scan: scan.id)
        }
        let reopened = try ScanStore.open(at: path, create: false)
        #expect(try reopened.documentCount() == 1)
        #expect(try reopened.scans().map(\.id) == [1])
    }

    @Test func foreignKeysAreEnforced() throws {
        let store = try ScanStore.inMemory()
        #expect(throws: StoreError.self) {
            try store.write { db in
                try db.execute(sql: "INSERT INTO score (document, fingerprint, sentiment, politeness, scan, body) VALUES (99, 'x', 0, 0, 99, '{}')")
            }
        }
    }

    @Test func missingStoreIsNotCreatedForReading() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("none.sqlite")
        let error = #expect(throws: StoreError.self) { try ScanStore.open(at: path, create: false) }
        #expect(error?.code == .missing)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test(arguments: [
        ("a text file", Array("From anna@x Tue Mar  4 09:15:00 2026\nSubject: hi\n\nmail, not a store\n".utf8), StoreError.Code.foreign),
        ("a truncated SQLite header", Array("SQLite format 3\0".utf8) + [1, 2, 3], .corrupt),
        ("a SQLite header over garbage", Array("SQLite format 3\0".utf8) + (0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }, .corrupt),
    ])
    func refusesFilesThatAreNotStoresAndLeavesThemUntouched(name: String, bytes: [UInt8], code: StoreError.Code) throws {
        let folder = try TemporaryFolder()
        let path = folder.path("rapport.sqlite")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.self, "\(name)") { try ScanStore.open(at: path) }
        #expect(error?.code == code, "\(name)")
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == bytes, "\(name) must not be overwritten")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "\(name)")
    }

    @Test func refusesAnotherProgramsSQLiteDatabase() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("other.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x')") }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.self) { try ScanStore.open(at: path) }
        #expect(error?.code == .foreign)
        #expect(error?.message.contains("not a Rapport store") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func damagedPagesAreReportedAsCorrupt() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("rapport.sqlite")
        do {
            let store = try ScanStore.open(at: path)
            let scan = try store.beginScan(Make.start()).scan
            let documents = try (0..<200).map { try Make.new(Make.document("m\($0)@x", text: String(repeating: "word ", count: 200))) }
            try store.commit(ScanBatch(documents: documents, files: [], counts: ScanCounts()), scan: scan.id)
            _ = try store.writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        }
        // Overwrite every page after the first with garbage, keeping the header intact.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: Int(size) - 4096))
        try handle.close()
        let error = #expect(throws: StoreError.self) {
            let store = try ScanStore.open(at: path)
            _ = try store.snapshot()
        }
        #expect(error?.code == .corrupt)
        #expect(error?.message.contains("damaged") == true)
    }

    @Test func refusesAStoreFromANewerVersion() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("rapport.sqlite")
        do {
            let store = try ScanStore.open(at: path)
            try store.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v4-future'); PRAGMA user_version = 4")
            }
            _ = try store.writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let error = #expect(throws: StoreError.self) { try ScanStore.open(at: path) }
        #expect(error?.code == .newerSchema)
        #expect(error?.message == "this store was written by a newer version of Rapport (schema 4, this version knows 3); upgrade Rapport to use it")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aFolderIsNotAStore() throws {
        let folder = try TemporaryFolder()
        let error = #expect(throws: StoreError.self) { try ScanStore.open(at: folder.url.path) }
        #expect(error?.code == .foreign)
    }

    @Test func anUnwritableLocationIsAClearError() throws {
        // /dev/null is not a folder, for any user (root included), so nothing can be created below it.
        let error = #expect(throws: StoreError.self) { try ScanStore.open(at: "/dev/null/rapport/rapport.sqlite") }
        #expect(error?.code == .notWritable)
        #expect(error?.description == "/dev/null/rapport/rapport.sqlite: the folder for the store cannot be created (check permissions, or choose another place with --db)")
    }

    @Test func anEmptyFileBecomesAStore() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("rapport.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let store = try ScanStore.open(at: path)
        #expect(try store.schemaVersion() == 3)
    }
}

/// An older store upgrades in place: a store with only the first migration gains the rest and
/// keeps its data.
@Suite struct StoreMigrationTests {
    @Test func upgradesAStoreWrittenWithTheFirstSchema() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("rapport.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try StoreSchema.migrator.migrate(queue, upTo: "v1-seen")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO scan (kind, status, startedAt, runs, inputs, toolVersion, scoringFingerprint, documentsAdded)
                    VALUES ('scan', 'complete', '2026-05-01 02:00:00.000', 1, '["/mail"]', '0.0.9', 'lex-0', 1);
                    INSERT INTO document (messageId, contentHash, kind, subject, fromAddresses, toAddresses, ccAddresses,
                                          referenceIds, sourceFile, scan, body)
                    VALUES ('old@x', 'h1', 'email', 'Old', '', '', '', '', '/mail/inbox.mbox', 1,
                            '{"attachments":[],"cc":[],"dateSource":"none","from":[],"id":"old@x","kind":"email","quoted":0,"references":[],"segments":[],"source":{"file":"/mail/inbox.mbox"},"text":"Hello.","to":[]}');
                    INSERT INTO score (document, fingerprint, sentiment, politeness, scan, body) VALUES (1, 'lex-0', 0.1, 0, 1, '{}');
                    """)
            }
            #expect(try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 1)
        }
        let store = try ScanStore.open(at: path)
        #expect(try store.schemaVersion() == 3)
        #expect(try store.appliedMigrations() == ["v1-seen", "v2-health", "v3-history-inputs"])
        let documents = try store.documents(rowIDs: [1])
        #expect(documents.map(\.document.id) == ["old@x"])
        #expect(documents.first?.score?.fingerprint == "lex-0")
        #expect(try store.scans().map(\.toolVersion) == ["0.0.9"])
        // The new tables work on the upgraded store.
        let scan = try store.beginScan(Make.start()).scan
        try store.finishScan(scan.id, assessment: Make.update(threads: [Make.thread("old@x")], accounts: [Make.account()]),
                             at: Make.start)
        #expect(try store.threadReports().map(\.id) == ["old@x"])
    }
}

/// Readers are not blocked by a writer: `rapport report` works while `rapport scan` holds a
/// transaction open.
@Suite struct StoreConcurrencyTests {
    @Test func readsWhileAnotherConnectionIsInsideAWriteTransaction() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path("rapport.sqlite")
        let writer = try ScanStore.open(at: path)
        let scan = try writer.beginScan(Make.start()).scan
        try writer.commit(ScanBatch(documents: [try Make.new(Make.document("m1@x"))], files: [], counts: ScanCounts()),
                          scan: scan.id)
        let reader = try ScanStore.open(at: path, create: false)
        let inside = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let writing = Task.detached {
            try writer.write { db in
                try db.execute(sql: "UPDATE scan SET messages = messages + 1")
                inside.signal()
                _ = release.wait(timeout: .now() + 10)
            }
        }
        inside.wait()
        let started = Date()
        let count = try reader.documentCount()
        let scans = try reader.scans()
        let elapsed = Date().timeIntervalSince(started)
        release.signal()
        try await writing.value
        #expect(count == 1)
        #expect(scans.first?.counts.messages == 0, "the reader sees the last committed state")
        #expect(elapsed < 2, "the reader waited \(elapsed) s for the writer")
        #expect(try reader.scans().first?.counts.messages == 1)
    }

    @Test func aSecondScanIsRefusedWhileTheFirstHoldsTheLock() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("rapport.sqlite")
        var first: ScanLock? = try ScanLock(storePath: path)
        let error = #expect(throws: StoreError.self) { try ScanLock(storePath: path) }
        #expect(error?.code == .busy)
        _ = first
        first = nil
        #expect(throws: Never.self) { _ = try ScanLock(storePath: path) }
    }
}

/// A full disk rolls back the batch being written; everything committed before stays readable.
@Suite struct StoreDiskFullTests {
    @Test func aFullDiskFailsCleanlyAndKeepsTheStoreConsistent() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("rapport.sqlite")
        // SQLite reports a database that reaches max_page_count exactly as it reports a full disk.
        let store = try ScanStore.open(at: path, prepare: { db in try db.execute(sql: "PRAGMA max_page_count = 60") })
        let scan = try store.beginScan(Make.start()).scan
        var committed = 0
        var failure: StoreError?
        for batch in 0..<100 {
            let documents = try (0..<5).map {
                try Make.new(Make.document("b\(batch)-\($0)@x", text: String(repeating: "Long text. ", count: 300)))
            }
            do {
                try store.commit(ScanBatch(documents: documents, files: [], counts: ScanCounts()), scan: scan.id)
                committed += documents.count
            } catch let error as StoreError {
                failure = error
                break
            }
        }
        #expect(failure?.code == .diskFull)
        #expect(failure?.message.contains("the store is consistent") == true)
        #expect(committed > 0)
        #expect(try store.documentCount() == committed)
        #expect(try store.scan(scan.id)?.counts.documentsAdded == committed)
        #expect(try store.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
    }
}
