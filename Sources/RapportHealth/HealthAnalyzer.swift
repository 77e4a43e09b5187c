import Foundation
import RapportLanguage
import RapportModel

/// A document and its scores, the input of analysis.
public struct ScoredDocument: Hashable, Sendable {
    public var document: Document
    /// Scored with full detail: sentences and evidence give the quotes, the asks and the
    /// speakers of meeting notes; with summary detail only whole-document signals remain.
    public var score: DocumentScore

    public init(document: Document, score: DocumentScore) {
        self.document = document
        self.score = score
    }
}

/// Finds the relationships that are going wrong: assesses every thread and account as of a
/// moment, raises flags with reasons and evidence, scores account health and suggests next
/// steps. The same input always gives the same report.
public struct HealthAnalyzer: Sendable {
    public let configuration: HealthConfiguration
    let cues: HealthCues
    /// Threads for building readings and assessing accounts; the report is the same for any number.
    public var parallelism = 1
    /// Which threads the report keeps (given each thread's report and its account), asked as
    /// each account is assessed; nil keeps all. Assessment itself still sees every thread
    /// (baselines, account flags and health, an account's list of threads are unchanged): this
    /// only spares holding the reports of threads that will not be shown.
    public var keepsThread: (@Sendable (ThreadReport, Account) -> Bool)?
    /// Takes the thread reports of each account (those `keepsThread` keeps) as soon as it is
    /// assessed, on the thread that assessed it; the report then holds no threads. A scan stores
    /// them as they come: a large mailbox's thread reports together outweighed all else it held.
    public var handsOverThreads: (@Sendable ([ThreadReport]) -> Void)?

    /// `ourDomains` (e.g. from `--our-domain`) are added to the configured ones.
    public init(configuration: HealthConfiguration = .init(), ourDomains: [String] = []) {
        var configuration = configuration
        for domain in ourDomains.map({ $0.lowercasedFast() }) where !configuration.ourDomains.contains(domain) {
            configuration.ourDomains.append(domain)
        }
        self.configuration = configuration
        self.cues = .default
    }

    /// Assesses the documents as of `asOf` (nil: the newest message's date). Documents dated
    /// after `asOf` are left out, as if not yet written.
    public func assess(_ documents: [ScoredDocument], asOf: Date?) -> HealthReport {
        var held = ScoredDocuments(documents, parallelism: parallelism)
        return assess(&held, asOf: asOf, history: nil).report
    }

    /// `assess` of documents whose texts and scores are loaded account by account. It takes
    /// them over, leaving `documents` empty, so that only one array of their headers is held.
    public func assess(taking documents: inout ScoredDocuments, asOf: Date?) -> HealthReport {
        var taken = ScoredDocuments([])
        swap(&taken, &documents)
        return assess(&taken, asOf: asOf, history: nil).report
    }

    /// `assess`, taking every account's month-end health from `history` where the point's inputs
    /// are unchanged, and returning all points with their digests for the next time. The report is
    /// the same as `assess` gives.
    public func assessRemembering(_ documents: [ScoredDocument], asOf: Date?, history: HealthHistoryMemo)
        -> (report: HealthReport, history: HealthHistoryMemo)
    {
        var held = ScoredDocuments(documents, parallelism: parallelism)
        let (report, memo) = assess(&held, asOf: asOf, history: history)
        return (report, memo ?? HealthHistoryMemo())
    }

    /// `assessRemembering` of documents whose texts and scores are loaded account by account
    /// (a scan's, read back from its store), taken over as `assess(taking:asOf:)` takes them.
    public func assessRemembering(taking documents: inout ScoredDocuments, asOf: Date?, history: HealthHistoryMemo)
        -> (report: HealthReport, history: HealthHistoryMemo)
    {
        var taken = ScoredDocuments([])
        swap(&taken, &documents)
        let (report, memo) = assess(&taken, asOf: asOf, history: history)
        return (report, memo ?? HealthHistoryMemo())
    }

    /// Arranges `documents` in canonical order in place (the caller's copy should be the only one).
    private func assess(_ documents: inout ScoredDocuments, asOf: Date?, history: HealthHistoryMemo?)
        -> (report: HealthReport, history: HealthHistoryMemo?)
    {
        let moment = asOf ?? documents.headers.compactMap(\.date).max() ?? Date(timeIntervalSince1970: 0)
        // The order is found first, so that the headers are not shared while they are moved.
        let order = Self.canonicalOrder(documents.headers, upTo: moment)
        documents.arrange(order)
        let inScope = documents.headers

        var ourDomains = configuration.ourDomains
        let assumed = ourDomains.isEmpty
        if assumed { ourDomains = inferOurDomains(inScope) }
        let directory = AccountDirectory(ourDomains: ourDomains, configuration: configuration, documents: inScope,
                                         parallelism: parallelism)
        let builder = ReadingBuilder(directory: directory, cues: cues)
        let boilerplate = builder.boilerplateSentences(
            inScope, candidates: documents.boilerplateCandidates, parallelism: parallelism)
        documents.forgetBoilerplateCandidates()
        returnFreedMemory()
        let automatedSenders = builder.automatedSenders(inScope)
        let held = documents
        var session = AnalysisSession(configuration: configuration, cues: cues, directory: directory, asOf: moment)
        session.parallelism = parallelism
        session.history = history
        session.keepsThread = keepsThread
        session.handsOverThreads = handsOverThreads
        session.positionsAreCanonical = true
        // Grouped by headers; each account's readings are built whole when it is assessed.
        let (threads, accounts, memo) = session.reportRemembering(
            inScope, participants: { Self.participants(inScope[$0], directory: directory) }
        ) { positions in
            held.scored(positions).map { builder.reading($0, boilerplate: boilerplate, automatedSenders: automatedSenders) }
        }
        return (HealthReport(asOf: moment, ourDomains: ourDomains, ourDomainsAssumed: assumed, threads: threads,
                             accounts: accounts), memo)
    }

    /// The positions of the documents dated up to `moment` (or undated), in canonical order.
    private static func canonicalOrder(_ documents: [Document], upTo moment: Date) -> [Int] {
        documents.indices.filter { documents[$0].date.map { $0 <= moment } ?? true }
            .sorted { precedes(documents[$0], documents[$1]) }
    }

    /// A document's participants as its reading has them: resolved.
    private static func participants(_ document: Document, directory: AccountDirectory) -> [Participant] {
        (document.from + document.to + document.cc).map(directory.resolved)
    }

    /// The account each thread of the documents belongs to (thread id → account key), as
    /// `assess` of the same documents assigns it, without scoring or assessing anything: a scan
    /// asks this of the threads new mail touched to find the accounts to assess again.
    public func threadAccounts(_ documents: [Document], asOf: Date?) -> [String: String] {
        let moment = asOf ?? documents.compactMap(\.date).max() ?? Date(timeIntervalSince1970: 0)
        let inScope = documents.filter { $0.date.map { $0 <= moment } ?? true }.sorted(by: Self.precedes)
        var ourDomains = configuration.ourDomains
        if ourDomains.isEmpty { ourDomains = inferOurDomains(inScope) }
        let directory = AccountDirectory(ourDomains: ourDomains, configuration: configuration, documents: inScope,
                                         parallelism: parallelism)
        let session = AnalysisSession(configuration: configuration, cues: cues, directory: directory, asOf: moment)
        let groups = session.threadGroups(inScope) { Self.participants(inScope[$0], directory: directory) }
        return Dictionary(uniqueKeysWithValues: groups.map { ($0.id, $0.accountKey) })
    }

    /// The domains `assess` would take for ours when none are configured, as of the newest
    /// message: what it infers from the documents' addresses alone (empty when it cannot tell).
    public func inferredOurDomains(_ documents: [Document]) -> [String] {
        let moment = documents.compactMap(\.date).max() ?? Date(timeIntervalSince1970: 0)
        return inferOurDomains(documents.filter { $0.date.map { $0 <= moment } ?? true }.sorted(by: Self.precedes))
    }

    /// Infers our domain from documents in canonical order.
    private func inferOurDomains(_ documents: [Document]) -> [String] {
        let grouping = AccountGrouping(
            freeMailDomains: AccountGrouping.defaultFreeMailDomains.union(configuration.freeMailDomains))
        return OurDomainInference(grouping: grouping).infer(from: documents).map { [$0] } ?? []
    }

    /// Date order, undated last, then id, then where the document was read and what it says:
    /// a total order, so documents sharing a Message-ID and a date (it happens) still come out
    /// the same way whatever order they went in.
    static func precedes(_ lhs: Document, _ rhs: Document) -> Bool {
        switch (lhs.date, rhs.date) {
        case let (left?, right?) where left != right: return left < right
        case (.some, .none): return true
        case (.none, .some): return false
        default: break
        }
        if lhs.id != rhs.id { return lhs.id < rhs.id }
        let left = (lhs.source.file, lhs.source.index ?? -1, lhs.source.offset ?? -1, lhs.thread ?? "")
        let right = (rhs.source.file, rhs.source.index ?? -1, rhs.source.offset ?? -1, rhs.thread ?? "")
        if left != right { return left < right }
        return lhs.text < rhs.text
    }
}
