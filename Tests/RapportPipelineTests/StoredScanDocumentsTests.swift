import Foundation
import Testing
import RapportHealth
import RapportModel
@testable import RapportStore
@testable import RapportPipeline

/// A scan's assessment reads its documents back from the store: headers at once, each account's
/// texts and scores when it is assessed. It must assess exactly what the documents read whole give.
@Suite struct StoredScanDocumentsTests {
    /// A store holding the samples' mail, notes included, scanned once.
    static func scannedSamples(_ folder: ScanFolder) throws -> ScanStore {
        try folder.copySamples(ScanPipelineTests.sampleFolders)
        let store = try ScanStore.open(at: folder.path("store.sqlite"))
        _ = try ScanHarness(store: store).scan([folder.mail])
        return store
    }

    /// Every stored document, decoded whole (its score by `JSONDecoder`), in row order.
    static func decodedWhole(_ store: ScanStore) throws -> [(rowID: Int64, document: ScanDocument)] {
        let rowIDs = try store.threadingEntries().map(\.rowID)
        return try store.documents(rowIDs: rowIDs).map { stored in
            let score = try stored.score?.decode(DocumentScore.self) ?? DocumentScore(language: .unknown)
            return (stored.rowID, ScanDocument(document: stored.document, score: score))
        }
    }

    @Test func headersLeaveOutTextsAndCarryTheirThreadsAndBoilerplateCandidates() throws {
        let folder = try ScanFolder()
        let store = try Self.scannedSamples(folder)
        let whole = try Self.decodedWhole(store)
        #expect(whole.count > 20)
        let threads = Dictionary(uniqueKeysWithValues: whole.map { ($0.rowID, "thread-\($0.rowID % 3)") })
        // Asked for in reverse, read in batches of 7: row order comes back.
        let stored = try StoredScanDocuments.read(
            whole.map(\.rowID).reversed(), threads: threads, from: store, batchSize: 7, parallelism: 2)
        #expect(stored.headers.count == whole.count)
        #expect(stored.rowIDs == whole.map(\.rowID))
        for (index, (rowID, document)) in whole.enumerated() {
            var expected = document.document
            expected.text = ""
            expected.segments = []
            expected.thread = "thread-\(rowID % 3)"
            #expect(stored.headers[index] == expected)
            #expect(stored.boilerplateCandidates[index] == ScoredDocuments.boilerplateCandidates(of: document.score))
        }
        #expect(stored.boilerplateCandidates.contains { !$0.isEmpty }, "the samples have long sentences")
        #expect(whole.contains { !$0.document.document.segments.isEmpty }, "notes have speaker turns to put back")

        // Contents come back in the order asked, text, turns and score as stored.
        let asked = [3, 0, 3, whole.count - 1]
        let contents = stored.contents(asked)
        #expect(contents.map(\.text) == asked.map { whole[$0].document.document.text })
        #expect(contents.map(\.segments) == asked.map { whole[$0].document.document.segments })
        #expect(contents.map(\.score) == asked.map { whole[$0].document.score })
        try stored.failure.check()
        let all = try stored.all()
        #expect(all.map(\.document) == whole.map { $0.document.document }.enumerated().map { index, document in
            var document = document
            document.thread = stored.headers[index].thread
            return document
        })
        #expect(all.map(\.score) == whole.map(\.document.score))
    }

    /// The scanned samples read back for assessment, an assessor, and what it assesses them with.
    struct Assessing {
        let stored: StoredScanDocuments
        let assessor: HealthScanAssessor
        let domains: [String]
        let assumed: Bool
        let asOf: Date

        init(_ folder: ScanFolder, batchSize: Int) throws {
            let store = try StoredScanDocumentsTests.scannedSamples(folder)
            let entries = try store.threadingEntries()
            let threads = Dictionary(uniqueKeysWithValues: entries.map { ($0.rowID, $0.document.thread ?? "") })
            stored = try StoredScanDocuments.read(
                entries.map(\.rowID), threads: threads, from: store, batchSize: batchSize, parallelism: 2)
            var assessor = HealthScanAssessor(configuration: HealthConfiguration(), ourDomains: [], configurationText: nil,
                                              toolVersion: "test")
            assessor.parallelism = 2
            self.assessor = assessor
            (domains, assumed) = assessor.ourDomains(in: entries.map(\.document))
            asOf = try #require(entries.compactMap(\.document.date).max())
        }
    }

    @Test func assessingFromTheStoreGivesWhatTheWholeDocumentsGive() throws {
        let folder = try ScanFolder()
        let inputs = try Assessing(folder, batchSize: 5)
        let (stored, assessor, domains, assumed, asOf) = (inputs.stored, inputs.assessor, inputs.domains, inputs.assumed, inputs.asOf)
        #expect(!domains.isEmpty)

        let fromStore = try assessor.assess(stored, ourDomains: domains, assumed: assumed, asOf: asOf,
                                            history: HealthHistoryMemo())
        let fromWhole = assessor.assess(try stored.all(), ourDomains: domains, assumed: assumed, asOf: asOf,
                                        history: HealthHistoryMemo())
        #expect(fromStore.report == fromWhole.report)
        #expect(fromStore.history == fromWhole.history)
        #expect(fromStore.report.threads.contains { !$0.flags.isEmpty }, "the sample world has flagged threads")
        #expect(fromStore.report.threads.flatMap(\.flags).contains { !$0.evidence.isEmpty }, "evidence quotes stored text")
    }

    /// Handing thread reports over as accounts are assessed gives the threads the report held,
    /// and the same accounts and history.
    @Test func threadsHandedOverAreTheThreadsTheReportHeld() throws {
        let folder = try ScanFolder()
        let inputs = try Assessing(folder, batchSize: 7)
        let (stored, assessor, domains, assumed, asOf) = (inputs.stored, inputs.assessor, inputs.domains, inputs.assumed, inputs.asOf)
        let whole = try assessor.assess(stored, ourDomains: domains, assumed: assumed, asOf: asOf, history: HealthHistoryMemo())
        let spill = ThreadRecordSpill()
        let handed = try assessor.assess(stored, ourDomains: domains, assumed: assumed, asOf: asOf,
                                         history: HealthHistoryMemo(), threads: spill)
        #expect(handed.report.threads.isEmpty)
        #expect(handed.report.accounts == whole.report.accounts)
        #expect(handed.history == whole.history)
        let spilled = try spill.ordered().map { try StoreJSONReader.threadReport(spill.body($0)) }
        #expect(spilled == whole.report.threads)
        #expect(whole.report.threads.count > 10)
    }

    @Test func aDocumentGoneFromTheStoreVoidsTheAssessmentWithAClearError() throws {
        let folder = try ScanFolder()
        let store = try Self.scannedSamples(folder)
        let entries = try store.threadingEntries()
        let missing = (entries.map(\.rowID).max() ?? 0) + 1_000

        #expect(throws: StoreError.self) {
            try StoredScanDocuments.read([entries[0].rowID, missing], threads: [:], from: store, batchSize: 10, parallelism: 1)
        }

        let stored = StoredScanDocuments(
            headers: [entries[0].document, entries[1].document], boilerplateCandidates: [[], []],
            rowIDs: [entries[0].rowID, missing], store: store, failure: .init())
        let contents = stored.contents([1, 0])
        #expect(contents[0].text == "" && contents[0].score == DocumentScore(language: .unknown))
        #expect(!contents[1].text.isEmpty, "the rows still there are read")
        do {
            try stored.failure.check()
            Issue.record("a document that went missing must void the assessment")
        } catch let error as StoreError {
            #expect(error.code == .corrupt)
            #expect(error.path == store.path)
            #expect(error.message.contains("\(missing)"))
        }
    }
}
