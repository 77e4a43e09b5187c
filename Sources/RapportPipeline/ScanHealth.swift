import Foundation
import RapportHealth
import RapportLanguage
import RapportModel
import RapportStore

/// Assesses scanned documents with `RapportHealth`, as `rapport analyze` does.
public struct HealthScanAssessor: ScanAssessor {
    public let configuration: HealthConfiguration
    /// `--our-domain` values, added to the configured ones.
    public let ourDomainOptions: [String]
    public let settingsFingerprint: String
    /// Threads for assessment; the report is the same for any number.
    public var parallelism = 1

    /// `configurationText` is the configuration file's content (nil without one): a stored
    /// assessment made under other settings is redone in full.
    public init(configuration: HealthConfiguration, ourDomains: [String], configurationText: String?, toolVersion: String) {
        self.configuration = configuration
        ourDomainOptions = ourDomains.map { $0.lowercasedFast() }
        var hash = ContentHasher()
        for part in [toolVersion, configurationText ?? "", ourDomainOptions.sorted().joined(separator: ",")] {
            hash.combine(Array(part.utf8) + [0x1F])
        }
        settingsFingerprint = String(hash.hex.prefix(16))
    }

    public var subjectWindow: TimeInterval { configuration.windows.subjectDays * 86_400 }

    public func ourDomains(in documents: [Document]) -> (domains: [String], assumed: Bool) {
        let analyzer = HealthAnalyzer(configuration: configuration, ourDomains: ourDomainOptions)
        let configured = analyzer.configuration.ourDomains
        if !configured.isEmpty { return (configured, false) }
        return (analyzer.inferredOurDomains(documents), true)
    }

    public func assess(_ documents: [ScanDocument], ourDomains: [String], assumed: Bool, asOf: Date, history: HealthHistoryMemo)
        -> (report: HealthReport, history: HealthHistoryMemo?)
    {
        var analyzer = HealthAnalyzer(configuration: configuration, ourDomains: ourDomainOptions + ourDomains)
        analyzer.parallelism = parallelism
        var (report, memo) = analyzer.assessRemembering(
            documents.map { ScoredDocument(document: $0.document, score: $0.score) }, asOf: asOf, history: history)
        report.ourDomainsAssumed = assumed
        return (report, memo)
    }

    /// Reads each account's texts and scores back from the store as it is assessed.
    public func assess(_ documents: consuming StoredScanDocuments, ourDomains: [String], assumed: Bool, asOf: Date,
                       history: HealthHistoryMemo) throws -> (report: HealthReport, history: HealthHistoryMemo?)
    {
        assess(consume documents, ourDomains: ourDomains, assumed: assumed, asOf: asOf, history: history,
               handsOverThreads: nil)
    }

    /// `assess(_:ourDomains:assumed:asOf:history:)`, each account's thread reports going to
    /// `threads` as soon as it is assessed.
    public func assess(_ documents: consuming StoredScanDocuments, ourDomains: [String], assumed: Bool, asOf: Date,
                       history: HealthHistoryMemo, threads: ThreadRecordSpill) throws
        -> (report: HealthReport, history: HealthHistoryMemo?)
    {
        assess(consume documents, ourDomains: ourDomains, assumed: assumed, asOf: asOf, history: history,
               handsOverThreads: { threads.add($0) })
    }

    private func assess(_ documents: consuming StoredScanDocuments, ourDomains: [String], assumed: Bool, asOf: Date,
                        history: HealthHistoryMemo, handsOverThreads: (@Sendable ([ThreadReport]) -> Void)?)
        -> (report: HealthReport, history: HealthHistoryMemo?)
    {
        var analyzer = HealthAnalyzer(configuration: configuration, ourDomains: ourDomainOptions + ourDomains)
        analyzer.parallelism = parallelism
        analyzer.handsOverThreads = handsOverThreads
        var held = documents.scoredDocuments()
        // Texts decide the canonical order only between documents that share everything else.
        held.keepingTiedTexts()
        var (report, memo) = analyzer.assessRemembering(taking: &held, asOf: asOf, history: history)
        report.ourDomainsAssumed = assumed
        return (report, memo)
    }

    public func threadAccounts(_ documents: [ScanDocument], ourDomains: [String], assumed: Bool, asOf: Date)
        -> [String: String]
    {
        var analyzer = HealthAnalyzer(configuration: configuration, ourDomains: ourDomainOptions + ourDomains)
        analyzer.parallelism = parallelism
        return analyzer.threadAccounts(documents.map(\.document), asOf: asOf)
    }

    public func assess(_ documents: [ScanDocument], ourDomains: [String], assumed: Bool, asOf: Date) -> HealthReport {
        var analyzer = HealthAnalyzer(configuration: configuration, ourDomains: ourDomainOptions + ourDomains)
        analyzer.parallelism = parallelism
        var report = analyzer.assess(documents.map { ScoredDocument(document: $0.document, score: $0.score) }, asOf: asOf)
        report.ourDomainsAssumed = assumed
        return report
    }
}
