import Foundation
import RapportHealth
import RapportLanguage
import RapportModel

/// Assesses scanned documents with `RapportHealth`, as `rapport analyze` does.
public struct HealthScanAssessor: ScanAssessor {
    public let configuration: HealthConfiguration
    /// `--our-domain` values, added to the configured ones.
    public let ourDomainOptions: [String]
    public let settingsFingerprint: String

    /// `configurationText` is the configuration file's content (nil without one): a stored
    /// assessment made under other settings is redone in full.
    public init(configuration: HealthConfiguration, ourDomains: [String], configurationText: String?, toolVersion: String) {
        self.configuration = configuration
        ourDomainOptions = ourDomains.map { $0.lowercased() }
        var hash = ContentHasher()
        for part in [toolVersion, configurationText ?? "", ourDomainOptions.sorted().joined(separator: ",")] {
            hash.combine(Array(part.utf8) + [0x1F])
        }
        settingsFingerprint = String(hash.hex.prefix(16))
    }

    private var analyzer: HealthAnalyzer { HealthAnalyzer(configuration: configuration, ourDomains: ourDomainOptions) }

    public func ourDomains(in documents: [Document]) -> (domains: [String], assumed: Bool) {
        let configured = analyzer.configuration.ourDomains
        if !configured.isEmpty { return (configured, false) }
        // Inference looks at addresses only; scoring nothing keeps this cheap.
        let report = analyzer.assess(documents.map { ScoredDocument(document: $0, score: DocumentScore(language: .unknown)) },
                                     asOf: nil)
        return (report.ourDomains, true)
    }

    public func assess(_ documents: [ScanDocument], ourDomains: [String], assumed: Bool, asOf: Date) -> HealthReport {
        let analyzer = HealthAnalyzer(configuration: configuration, ourDomains: ourDomainOptions + ourDomains)
        var report = analyzer.assess(documents.map { ScoredDocument(document: $0.document, score: $0.score) }, asOf: asOf)
        report.ourDomainsAssumed = assumed
        return report
    }
}
