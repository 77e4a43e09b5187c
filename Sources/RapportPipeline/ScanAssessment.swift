import Foundation
import RapportIngest
import RapportHealth
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

    /// How far apart same-subject conversations may be and still be one thread (`subject-days`).
    var subjectWindow: TimeInterval { get }

    /// Our organisation's domains: configured, or inferred from every stored document (these
    /// carry addresses, subjects and dates but no text). Decided over the whole store, so that
    /// assessing a few accounts gives the same "us" as assessing all.
    func ourDomains(in documents: [Document]) -> (domains: [String], assumed: Bool)

    /// Assesses whole threads and accounts as of `asOf`.
    func assess(_ documents: [ScanDocument], ourDomains: [String], assumed: Bool, asOf: Date) -> HealthReport

    /// `assess(_:ourDomains:assumed:asOf:history:)` of documents read back from the store: their
    /// headers at once, each account's texts and scores when it is assessed (`StoredScanDocuments`).
    func assess(_ documents: consuming StoredScanDocuments, ourDomains: [String], assumed: Bool, asOf: Date,
                history: HealthHistoryMemo) throws -> (report: HealthReport, history: HealthHistoryMemo?)

    /// `assess(_:ourDomains:assumed:asOf:history:)` of stored documents, handing the thread
    /// reports to `threads` as each account is assessed; the report returned holds no threads.
    func assess(_ documents: consuming StoredScanDocuments, ourDomains: [String], assumed: Bool, asOf: Date,
                history: HealthHistoryMemo, threads: ThreadRecordSpill) throws
        -> (report: HealthReport, history: HealthHistoryMemo?)

    /// The account of each thread of the documents (thread id → account key), as `assess` would
    /// assign it.
    func threadAccounts(_ documents: [ScanDocument], ourDomains: [String], assumed: Bool, asOf: Date) -> [String: String]

    /// `assess`, taking accounts' month-end health from `history` where the inputs are unchanged,
    /// and returning the points for the next scan (nil: this assessor keeps none).
    func assess(_ documents: [ScanDocument], ourDomains: [String], assumed: Bool, asOf: Date, history: HealthHistoryMemo)
        -> (report: HealthReport, history: HealthHistoryMemo?)
}

extension ScanAssessor {
    public var subjectWindow: TimeInterval { Threader().subjectWindow }

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

    /// Assesses as `assess(_:ourDomains:assumed:asOf:history:)` does, then hands all the thread
    /// reports over at once.
    public func assess(_ documents: consuming StoredScanDocuments, ourDomains: [String], assumed: Bool, asOf: Date,
                       history: HealthHistoryMemo, threads: ThreadRecordSpill) throws
        -> (report: HealthReport, history: HealthHistoryMemo?)
    {
        var assessed = try assess(consume documents, ourDomains: ourDomains, assumed: assumed, asOf: asOf,
                                  history: history)
        threads.add(assessed.report.threads)
        assessed.report.threads = []
        return assessed
    }

    /// Reads every document whole, then assesses them as `assess(_:…history:)` does.
    public func assess(_ documents: consuming StoredScanDocuments, ourDomains: [String], assumed: Bool, asOf: Date,
                       history: HealthHistoryMemo) throws -> (report: HealthReport, history: HealthHistoryMemo?)
    {
        assess(try documents.all(), ourDomains: ourDomains, assumed: assumed, asOf: asOf, history: history)
    }
}

/// Re-threads the store and re-assesses what new documents touched: their threads, threads that
/// threading merged or split, and every account those belong to (an account's health needs all
/// its threads). Everything is assessed again when the settings, our domains or the scores
/// changed, or when nothing was assessed before.
struct ScanAssessment {
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

    /// What is to be assessed, decided from the threading entries of the whole store (which
    /// are let go before the assessment reads any text).
    struct Plan {
        /// The rows to assess, each with its new thread.
        var threads: [Int64: String]
        var scope: AssessmentUpdate.Scope
        var history: HealthHistoryMemo
        var threadAssignments: [Int64: String]
        var removedThreads: Set<String>
        var asOf: Date
        var ourDomains: [String]
        var ourDomainsAssumed: Bool
    }

    func run() throws -> AssessmentUpdate? {
        let settings = assessor.settingsFingerprint
        guard let plan = try plan(settings: settings) else { return nil }
        returnFreedMemory()
        let documents = try StoredScanDocuments.read(
            Array(plan.threads.keys), threads: plan.threads, from: store, batchSize: Self.rowsPerBatch, parallelism: parallelism)
        returnFreedMemory()
        // Thread reports go to a temporary file as they are made, to be stored when the scan ends.
        let threads = ThreadRecordSpill()
        // The documents are handed over, headers and all, so that assessment holds the only copy.
        let failure = documents.failure
        let assessed = try assessor.assess(
            consume documents, ourDomains: plan.ourDomains, assumed: plan.ourDomainsAssumed, asOf: plan.asOf,
            history: plan.history, threads: threads)
        try failure.check()
        var scope = plan.scope
        if case .accounts(let accounts) = scope {
            scope = .accounts(accounts.union(assessed.report.accounts.map(\.account.key)))
        }
        var update = AssessmentUpdate(
            scope: scope, threadAssignments: plan.threadAssignments, threads: [],
            accounts: assessed.report.accounts, removedThreads: plan.removedThreads, asOf: plan.asOf,
            ourDomains: plan.ourDomains, ourDomainsAssumed: plan.ourDomainsAssumed, settings: settings)
        update.history = assessed.history
        update.spilledThreads = threads
        return update
    }

    /// Nil when there is nothing to assess again.
    private func plan(settings: String) throws -> Plan? {
        let previous = try store.assessment()
        if !everything, let previous, previous.settings == settings, try store.documentsAdded(inScan: scan) == 0 {
            return nil   // Nothing new and nothing that changes how mail is read: the assessment stands.
        }
        let entries = try store.threadingEntries()
        guard !entries.isEmpty else { return nil }
        var threaded = entries.map(\.document)
        Threader(subjectWindow: assessor.subjectWindow).assignThreads(&threaded)
        let newThread = threaded.map { $0.thread ?? "" }

        let (domains, assumed) = assessor.ourDomains(in: threaded)
        let full = everything || previous == nil || previous?.settings != settings || previous?.ourDomains != domains
        let asOf = asOf ?? threaded.compactMap(\.date).max() ?? Date(timeIntervalSince1970: 0)
        threaded = []

        var assignments: [Int64: String] = [:]
        var movedFrom = Set<String>()
        for (index, entry) in entries.enumerated() where entry.document.thread != newThread[index] {
            assignments[entry.rowID] = newThread[index]
            if let old = entry.document.thread { movedFrom.insert(old) }
        }
        let allNew = Set(newThread)
        let removed = movedFrom.subtracting(allNew)

        /// The rows of these threads, with their new threads.
        func rows(inThreads threads: Set<String>?) -> [Int64: String] {
            var rows: [Int64: String] = [:]
            for (index, entry) in entries.enumerated() where threads?.contains(newThread[index]) ?? true {
                rows[entry.rowID] = newThread[index]
            }
            return rows
        }
        func plan(_ rows: [Int64: String], scope: AssessmentUpdate.Scope, removed: Set<String>, history: HealthHistoryMemo)
            -> Plan
        {
            Plan(threads: rows, scope: scope, history: history, threadAssignments: assignments,
                 removedThreads: removed, asOf: asOf, ourDomains: domains, ourDomainsAssumed: assumed)
        }

        if full {
            return plan(rows(inThreads: nil), scope: .everything, removed: [], history: HealthHistoryMemo())
        }

        // Threads with documents this scan stored, or whose membership threading changed.
        var touched = Set(entries.indices.filter { entries[$0].scan == scan }.map { newThread[$0] })
        for (index, entry) in entries.enumerated() where assignments[entry.rowID] != nil {
            touched.insert(newThread[index])
        }
        guard !touched.isEmpty || !removed.isEmpty else { return nil }

        // First find the accounts those threads belong to, then assess each account whole.
        var accounts = Set(assessor.threadAccounts(
            try documents(rows(inThreads: touched)), ourDomains: domains, assumed: assumed, asOf: asOf).values)
        accounts.formUnion(try store.accounts(ofThreads: movedFrom.union(touched)).values)
        let storedThreads = Set(try store.threadIDs(ofAccounts: accounts).keys)
        var threads = touched
        for (index, entry) in entries.enumerated() where storedThreads.contains(entry.document.thread ?? "") {
            threads.insert(newThread[index])
        }
        // The accounts' past months are taken from the last assessment where nothing they were
        // computed from changed.
        return plan(rows(inThreads: threads), scope: .accounts(accounts), removed: removed,
                    history: try store.historyInputs(ofAccounts: accounts))
    }

    /// The documents of these rows in their new threads, with empty scores: finding accounts
    /// reads none. Read and decoded a few thousand rows at a time, in row order: the stored JSON
    /// of only one batch is held at once, not that of most of a large store.
    private func documents(_ rows: [Int64: String]) throws -> [ScanDocument] {
        let sorted = rows.keys.sorted()
        var documents: [ScanDocument] = []
        documents.reserveCapacity(sorted.count)
        for start in stride(from: 0, to: sorted.count, by: Self.rowsPerBatch) {
            let batch = Array(sorted[start..<min(start + Self.rowsPerBatch, sorted.count)])
            documents += try store.documents(rowIDs: batch, parallelism: parallelism) { stored in
                var document = try stored.document()
                document.thread = rows[stored.rowID]
                return ScanDocument(document: document, score: DocumentScore(language: .unknown))
            }
        }
        return documents
    }
}
