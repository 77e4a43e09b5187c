import Foundation
import Testing
import RapportHealth
import RapportIngest
import RapportLanguage
import RapportModel
import RapportStore
import RapportTestSupport
@testable import RapportPipeline

/// Nightly scans over copies of `Samples/`: idempotent, incremental, deterministic across
/// threads, resumable after an interruption, and never losing what was stored.
@Suite struct ScanPipelineTests {
    static let sampleFolders = ["mbox", "eml", "maildir", "notes"]

    /// Documents `extract` would give for these inputs, with one per distinct key.
    static func distinctDocuments(_ inputs: [String]) throws -> Int {
        var keys = Set<DocumentKey>()
        try Ingestor().read(inputs) { event in
            if case .document(let document) = event { keys.insert(DocumentKey(document)) }
        }
        return keys.count
    }

    @Test func scanningTheSameExportTwiceAddsAndChangesNothing() throws {
        let folder = try ScanFolder()
        try folder.copySamples(Self.sampleFolders)
        let harness = ScanHarness(store: try ScanStore.inMemory())
        let first = try harness.scan([folder.mail])
        let expected = try Self.distinctDocuments([folder.mail])
        #expect(first.result.scan.counts.documentsAdded == expected)
        #expect(first.result.scan.counts.filesRead == Ingestor.files(in: [folder.mail]).files.count)
        #expect(try harness.store.documentCount() == expected)
        #expect(!first.result.changes.isEmpty, "the sample world has hostile threads")
        let before = try harness.store.snapshot()

        let second = try harness.scan([folder.mail])
        #expect(second.result.scan.id == 2)
        #expect(second.result.scan.counts.documentsAdded == 0)
        #expect(second.result.scan.counts.bytesRead == 0)
        #expect(second.result.scan.counts.filesRead == 0)
        #expect(second.result.scan.counts.filesUnchanged == first.result.scan.counts.filesRead)
        #expect(second.result.changes.isEmpty)
        let after = try harness.store.snapshot()
        #expect(after.documents == before.documents)
        #expect(after.scores == before.scores)
        #expect(after.threads == before.threads)
        #expect(after.flags == before.flags)
        #expect(after.flagEvents == before.flagEvents)
        #expect(after.accountHealth == before.accountHealth)
    }

    @Test func theSameMessageInTwoExportsIsStoredOnce() throws {
        let folder = try ScanFolder()
        let source = Fixtures.samples.appendingPathComponent("eml/hafbrun-sla-juni.eml")
        for box in ["inbox", "sent"] {
            try FileManager.default.createDirectory(atPath: folder.path("mail/\(box)"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: URL(fileURLWithPath: folder.path("mail/\(box)/message.eml")))
        }
        let harness = ScanHarness(store: try ScanStore.inMemory())
        let outcome = try harness.scan([folder.mail])
        #expect(outcome.result.scan.counts.documentsAdded == 1)
        #expect(outcome.result.scan.counts.duplicates == 1)
        #expect(outcome.result.scan.counts.filesRead == 2)
        let stored = try harness.store.documents(rowIDs: [1])
        #expect(stored.first?.document.source.file == folder.path("mail/inbox/message.eml"))
    }

    @Test func aGrownMboxIsReadFromWhereItEnded() throws {
        let folder = try ScanFolder()
        let paths = try folder.copySamples(["mbox/thunderbird-ari-accounts.mbox", "eml"])
        let mbox = paths[0]
        let harness = ScanHarness(store: try ScanStore.inMemory())
        let first = try harness.scan([folder.mail])
        let threadsBefore = try harness.store.snapshot().threads

        let appended = try Data(contentsOf: Fixtures.samples.appendingPathComponent("mbox/gmail-takeout-gudrun.mbox"))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: mbox))
        try handle.seekToEnd()
        try handle.write(contentsOf: appended)
        try handle.close()

        let second = try harness.scan([folder.mail])
        #expect(second.result.scan.counts.bytesRead == appended.count, "only the new bytes are read")
        #expect(second.result.scan.counts.messages == 38)
        #expect(second.result.scan.counts.filesRead == 1)
        #expect(second.result.scan.counts.filesUnchanged == first.result.scan.counts.filesRead - 1)
        #expect(second.diagnostics.map(\.code) == ["file.grown"])

        // The store now holds exactly what one scan of the grown files would hold.
        let fresh = ScanHarness(store: try ScanStore.inMemory())
        _ = try fresh.scan([folder.mail])
        let incremental = try harness.store.snapshot(), whole = try fresh.store.snapshot()
        #expect(incremental.documents.map(Self.withoutScan) == whole.documents.map(Self.withoutScan))
        #expect(incremental.scores.map(Self.withoutScan) == whole.scores.map(Self.withoutScan))

        // Only the threads the new mail touched were assessed again.
        let reassessed = try harness.store.threadReports().count - threadsBefore.count
        #expect(reassessed > 0)
        let untouched = incremental.threads.filter { threadsBefore.contains($0) }
        #expect(!untouched.isEmpty, "threads of accounts without new mail keep their first assessment")
    }

    /// Drops the scan-number column (second to last in documents and scores) so stores built by
    /// different numbers of scans compare.
    static func withoutScan(_ line: String) -> String {
        var fields = line.components(separatedBy: "\t")
        fields.remove(at: fields.count - 2)
        return fields.joined(separator: "\t")
    }

    @Test func oneThreadAndTwoThreadsStoreTheSame() throws {
        let folder = try ScanFolder()
        try folder.copySamples(Self.sampleFolders)
        let single = ScanHarness(store: try ScanStore.inMemory(), parallelism: 1)
        let double = ScanHarness(store: try ScanStore.inMemory(), parallelism: 2)
        _ = try single.scan([folder.mail])
        _ = try double.scan([folder.mail])
        #expect(try single.store.snapshot() == double.store.snapshot())

        var tiny = ScanHarness(store: try ScanStore.inMemory(), parallelism: 3)
        tiny.settings.batchDocuments = 3
        tiny.settings.batchBytes = 4096
        _ = try tiny.scan([folder.mail])
        #expect(try tiny.store.snapshot() == single.store.snapshot(), "batch size does not change the result")
    }

    @Test func anInterruptedScanResumesToTheSameStore() throws {
        let folder = try ScanFolder()
        try folder.copySamples(Self.sampleFolders)
        let uninterrupted = ScanHarness(store: try ScanStore.inMemory())
        _ = try uninterrupted.scan([folder.mail])
        let expected = try uninterrupted.store.snapshot()

        for stopAfter in [0, 10, 45, 90, 130] {
            let path = folder.path("stop-\(stopAfter).sqlite")
            _ = try ScanStore.open(at: path)   // created and migrated, so the trigger has a table
            do {
                // A trigger fails the transaction that would store one document too many: the
                // scan dies mid-way, with the batches before it committed, as a killed process would.
                let stopping = try ScanStore.open(at: path, prepare: { db in
                    try db.execute(sql: """
                        CREATE TEMP TRIGGER stop BEFORE INSERT ON main.document
                        WHEN (SELECT COUNT(*) FROM main.document) >= \(stopAfter)
                        BEGIN SELECT RAISE(FAIL, 'interrupted'); END
                        """)
                })
                var harness = ScanHarness(store: stopping)
                harness.settings.batchDocuments = 9
                #expect(throws: StoreError.self, "stop after \(stopAfter)") { try harness.scan([folder.mail]) }
            }
            var resumed = ScanHarness(store: try ScanStore.open(at: path))
            resumed.settings.batchDocuments = 9
            let outcome = try resumed.scan([folder.mail])
            #expect(outcome.result.resumed)
            #expect(outcome.result.scan.id == 1)
            #expect(outcome.result.scan.runs == 2)
            let snapshot = try resumed.store.snapshot()
            #expect(snapshot.differences(from: expected) == [], "stop after \(stopAfter)")
        }
    }

    @Test func vanishedAndShrunkFilesAreReportedAndNothingIsLost() throws {
        let folder = try ScanFolder()
        let paths = try folder.copySamples(["mbox/thunderbird-ari-accounts.mbox", "eml/hafbrun-sla-juni.eml"])
        let harness = ScanHarness(store: try ScanStore.inMemory())
        _ = try harness.scan([folder.mail])
        let stored = try harness.store.documentCount()

        try FileManager.default.removeItem(atPath: paths[1])
        let data = try Data(contentsOf: URL(fileURLWithPath: paths[0]))
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: paths[0]))
        let outcome = try harness.scan([folder.mail])
        #expect(outcome.diagnostics.map(\.code).filter { $0.hasPrefix("file.") }.sorted() == ["file.missing", "file.shrunk"])
        let missing = try #require(outcome.diagnostics.first { $0.code == "file.missing" })
        #expect(missing.message == "no longer there (last read in scan 1); the 1 document read from it stay in the store")
        #expect(missing.severity == .warning)
        let shrunk = try #require(outcome.diagnostics.first { $0.code == "file.shrunk" })
        #expect(shrunk.message.hasPrefix("shorter than when last read (\(data.count) → "))
        #expect(outcome.result.scan.counts.filesMissing == 2)
        // Reading the shrunk file again finds its first half (stored already) and a cut-off last
        // message (new); nothing stored before is removed.
        #expect(try harness.store.documentCount() == stored + outcome.result.scan.counts.documentsAdded)
        #expect(outcome.result.scan.counts.documentsAdded <= 1)
        #expect(try harness.store.fileRecord(paths[1])?.state == .missing)

        let again = try harness.scan([folder.mail])
        #expect(again.diagnostics.isEmpty, "a missing file is reported once")
    }

    @Test func maildirMessagesRenamedForTheirFlagsAreRecognised() throws {
        let folder = try ScanFolder()
        try folder.copySamples(["maildir"])
        let harness = ScanHarness(store: try ScanStore.inMemory())
        _ = try harness.scan([folder.mail])
        let manager = FileManager.default
        let cur = folder.path("mail/maildir/cur"), new = folder.path("mail/maildir/new")
        let seen = try #require(try manager.contentsOfDirectory(atPath: cur).sorted().first { $0.hasSuffix(":2,S") })
        try manager.moveItem(atPath: cur + "/" + seen, toPath: cur + "/" + seen.replacingOccurrences(of: ":2,S", with: ":2,RS"))
        let arrived = try #require(try manager.contentsOfDirectory(atPath: new).first)
        try manager.moveItem(atPath: new + "/" + arrived, toPath: cur + "/" + arrived + ":2,S")

        let outcome = try harness.scan([folder.mail])
        #expect(outcome.diagnostics.isEmpty, "renamed messages are neither missing nor new")
        #expect(outcome.result.scan.counts.filesUnchanged == 25)
        #expect(outcome.result.scan.counts.filesRead == 0)
        #expect(outcome.result.scan.counts.bytesRead == 0)
        #expect(try harness.store.fileRecords().count == 25)
        #expect(try harness.store.fileRecord(cur + "/" + arrived + ":2,S")?.firstScan == 1)
    }

    @Test func rescoringRecomputesScoresFromStoredText() throws {
        let folder = try ScanFolder()
        try folder.copySamples(["eml"])
        var harness = ScanHarness(store: try ScanStore.inMemory())
        _ = try harness.scan([folder.mail])
        let count = try harness.store.documentCount()

        harness.settings.toolVersion = "test-2"   // as if the rules had changed
        let noticed = try harness.scan([folder.mail])
        #expect(noticed.notices == ["\(count) stored documents were scored with other lexicons or rules; `rapport scan --rescore` scores them again"])

        harness.settings.rescore = true
        try FileManager.default.removeItem(atPath: folder.mail)   // rescoring does not need the mail
        let rescored = try harness.scan([])
        #expect(rescored.result.scan.kind == .rescore)
        #expect(rescored.result.scan.counts.rescored == count)
        #expect(try harness.store.scoreFingerprints().count == 1)
        #expect(try harness.store.scoreFingerprints().values.first == count)
    }

    @Test func aSecondScanOfTheSameStoreIsRefusedWhileOneRuns() throws {
        let folder = try ScanFolder()
        let path = folder.path("rapport.sqlite")
        let store = try ScanStore.open(at: path)
        let lock = try ScanLock(storePath: path)
        let error = #expect(throws: StoreError.self) { try ScanHarness(store: store).scan([]) }
        #expect(error?.code == .busy)
        withExtendedLifetime(lock) {}
    }
}

/// A scan threads as `analyze` does, with the configured `subject-days`.
@Suite struct ScanSubjectWindowTests {
    @Test(arguments: [(nil, 1), (5, 2)] as [(Int?, Int)])
    func subjectDaysDecideWhatIsOneThread(days: Int?, threads: Int) throws {
        let (folder, mail) = try AnalyzeTests.sameSubjectFolder(subjectDays: days)
        let path = folder.appendingPathComponent("rapport.yml").path
        let text = try? String(contentsOfFile: path, encoding: .utf8)
        let configuration = text == nil ? HealthConfiguration() : try HealthConfiguration.load(path: path)
        var harness = ScanHarness(store: try ScanStore.inMemory())
        harness.assessor = HealthScanAssessor(configuration: configuration, ourDomains: ["vorduberg.is"],
                                              configurationText: text, toolVersion: "test")
        _ = try harness.scan([mail])
        #expect(Set(try harness.store.threadingEntries().compactMap { $0.document.thread }).count == threads)
    }
}
