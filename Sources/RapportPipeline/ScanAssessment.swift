import Foundation
import RapportIngest
import RapportLanguage
import RapportModel
import RapportStore

/// A document with its score, as a scan hands it to assessment.
public struct ScanDocument: Sendable {
    public var document: Document
    public var score: DocumentScore

    public init(document: Document, score: DocumentScore) {
        self.document = document
        self.score = score
    }
}

/// What a scan needs from relationship-health analysis. The CLI backs it with `RapportHealth`;
/// tests use small rule sets whose flags are easy to predict.
public protocol ScanAssessor: Sendable {
    /// A hash of everything besides the documents that assessment depends on (configuration,
    /// thresholds, account rules). When it changes, the next scan assesses everything again.
    var settingsFingerprint: String { get }

    /// Our organisation's domains: configured, or inferred from every stored document (these
    /// carry addresses, subjects and dates but no text). Decided over the whole store, so that
    /// assessing a few accounts gives the same "us" as assessing all.
    func ourDomains(in documents: [Document]) -> (domains: [String], assumed: Bool)

    /// Assesses whole threads and accounts as of `asOf`.
    func assess(_ documents: [ScanDocument], ourDomains: [String], assumed: Bool, asOf: Date) -> HealthReport

    /// The account of each thread of the documents (thread id → account key), as `assess` would
    /// assign it.
    func threadAccounts(_ documents: [ScanDocument], ourDomains: [String], assumed: Bool, asOf: Date) -> [String: String]

    /// `assess`, taking accounts' month-end health from `history` where the inputs are unchanged,
    /// and returning the points for the next scan (nil: this assessor keeps none).
    func assess(_ documents: [ScanDocument], ourDomains: [String], assumed: Bool, asOf: Date, history: HealthHistoryMemo)
        -> (report: HealthReport, history: HealthHistoryMemo?)
}

extension ScanAssessor {
    public func threadAccounts(_ documents: [ScanDocument], ourDomains: [String], assumed: Bool, asOf: Date)
        -> [String: String]
    {
        let report = assess(documents, ourDomains: ourDomains, assumed: assumed, asOf: asOf)
        return Dictionary(report.threads.map { ($0.id, $0.account) }, uniquingKeysWith: { first, _ in first })
    }

    public func assess(_ documents: [ScanDocument], ourDomains: [String], assumed: Bool, asOf: Date, history: HealthHistoryMemo)
        -> (report: HealthReport, history: HealthHistoryMemo?)
    {
        (assess(documents, ourDomains: ourDomains, assumed: assumed, asOf: asOf), nil)
    }
}

/// Re-threads the store and re-assesses what new documents touched: their threads, threads that
/// threading merged or split, and every account those belong to (an account's health needs all
/// its threads). Everything is assessed again when the settings, our domains or the scores
/// changed, or when nothing was assessed before.
struct ScanAssessment {
    /// A stored score, read by `StoreJSONReader` (the shape the store writes), else by
    /// `JSONDecoder`.
    static func documentScore(_ stored: StoredScore) throws -> DocumentScore {
        if let score = try? StoreJSONReader.documentScore(stored.body) { return score }
        return try stored.decode(DocumentScore.self)
    }

    /// Stored documents read and decoded per batch when assessing.
    static let rowsPerBatch = 2_000

    let store: ScanStore
    let assessor: any ScanAssessor
    let scan: Int64
    /// `--as-of`; otherwise the newest message date in the store.
    let asOf: Date?
    /// Scores were recomputed (`--rescore`): every thread may have changed.
    let everything: Bool
    /// Threads for decoding stored documents and scores.
    var parallelism = 1

    func run() throws -> AssessmentUpdate? {
        let previous = try store.assessment()
        let settings = assessor.settingsFingerprint
        if !everything, let previous, previous.settings == settings, try store.documentsAdded(inScan: scan) == 0 {
            return nil   // Nothing new and nothing that changes how mail is read: the assessment stands.
        }
        let entries = try store.threadingEntries()
        guard !entries.isEmpty else { return nil }
        var threaded = entries.map(\.document)
        Threader().assignThreads(&threaded)
        let newThread = threaded.map { $0.thread ?? "" }

        let (domains, assumed) = assessor.ourDomains(in: threaded)
        let full = everything || previous == nil || previous?.settings != settings || previous?.ourDomains != domains
        let asOf = asOf ?? threaded.compactMap(\.date).max() ?? Date(timeIntervalSince1970: 0)

        var assignments: [Int64: String] = [:]
        var movedFrom = Set<String>()
        for (index, entry) in entries.enumerated() where entry.document.thread != newThread[index] {
            assignments[entry.rowID] = newThread[index]
            if let old = entry.document.thread { movedFrom.insert(old) }
        }
        let allNew = Set(newThread)
        let removed = movedFrom.subtracting(allNew)

        func rows(inThreads threads: Set<String>) -> [Int64] {
            entries.indices.filter { threads.contains(newThread[$0]) }.map { entries[$0].rowID }
        }
        /// The documents of these rows in their new threads, with their scores (or, for
        /// `scored: false`, empty ones: finding accounts reads none).
        let byRow = Dictionary(uniqueKeysWithValues: entries.indices.map { (entries[$0].rowID, newThread[$0]) })
        func documents(_ rowIDs: [Int64], scored: Bool = true) throws -> [ScanDocument] {
            // Read and decoded a few thousand rows at a time, in row order: the stored JSON of
            // only one batch is held at once, not that of most of a large store.
            let sorted = rowIDs.sorted()
            var documents: [ScanDocument] = []
            documents.reserveCapacity(sorted.count)
            for start in stride(from: 0, to: sorted.count, by: Self.rowsPerBatch) {
                let batch = Array(sorted[start..<min(start + Self.rowsPerBatch, sorted.count)])
                documents += try store.documents(rowIDs: batch, parallelism: parallelism)
                    .parallelMap(parallelism: parallelism) { stored in
                        Result { () throws -> ScanDocument in
                            var document = stored.document
                            document.thread = byRow[stored.rowID]
                            let score = try scored ? stored.score.map(Self.documentScore) : nil
                            return ScanDocument(document: document, score: score ?? DocumentScore(language: .unknown))
                        }
                    }
                    .map { try $0.get() }
            }
            return documents
        }
        func assess(_ rowIDs: [Int64], history: HealthHistoryMemo? = nil) throws -> (report: HealthReport, history: HealthHistoryMemo?) {
            let documents = try documents(rowIDs)
            guard let history else { return (assessor.assess(documents, ourDomains: domains, assumed: assumed, asOf: asOf), nil) }
            return assessor.assess(documents, ourDomains: domains, assumed: assumed, asOf: asOf, history: history)
        }
        func update(_ assessed: (report: HealthReport, history: HealthHistoryMemo?), scope: AssessmentUpdate.Scope,
                    removed: Set<String>) -> AssessmentUpdate {
            var update = AssessmentUpdate(
                scope: scope, threadAssignments: assignments, threads: assessed.report.threads,
                accounts: assessed.report.accounts, removedThreads: removed, asOf: asOf, ourDomains: domains,
                ourDomainsAssumed: assumed, settings: settings)
            update.history = assessed.history
            return update
        }

        if full {
            return update(try assess(entries.map(\.rowID), history: HealthHistoryMemo()), scope: .everything, removed: [])
        }

        // Threads with documents this scan stored, or whose membership threading changed.
        var touched = Set(entries.indices.filter { entries[$0].scan == scan }.map { newThread[$0] })
        for (index, entry) in entries.enumerated() where assignments[entry.rowID] != nil {
            touched.insert(newThread[index])
        }
        guard !touched.isEmpty || !removed.isEmpty else { return nil }

        // First find the accounts those threads belong to, then assess each account whole.
        var accounts = Set(assessor.threadAccounts(
            try documents(rows(inThreads: touched), scored: false), ourDomains: domains, assumed: assumed, asOf: asOf).values)
        accounts.formUnion(try store.accounts(ofThreads: movedFrom.union(touched)).values)
        let storedThreads = Set(try store.threadIDs(ofAccounts: accounts).keys)
        var threads = touched
        for (index, entry) in entries.enumerated() where storedThreads.contains(entry.document.thread ?? "") {
            threads.insert(newThread[index])
        }
        // The accounts' past months are taken from the last assessment where nothing they were
        // computed from changed.
        let assessed = try assess(rows(inThreads: threads), history: try store.historyInputs(ofAccounts: accounts))
        accounts.formUnion(assessed.report.accounts.map(\.account.key))
        return update(assessed, scope: .accounts(accounts), removed: removed)
    }
}
