import Foundation
import RapportHealth
import RapportLanguage
import RapportStore

/// What `rapport scan` and `rapport report` take from the command line and the configuration
/// file: the store's location, the scorer and the assessor, resolved as `analyze` resolves them.
public struct ScanSetup: Sendable {
    public var configuration: HealthConfiguration
    /// The configuration file's text, or nil without one: part of the assessment settings.
    public var configurationText: String?
    public var storePath: String
    public var options: AnalyzeOptions

    /// `database` is `--db`; without it the configuration's `database`, else `./.rapport/rapport.sqlite`.
    /// Throws `ConfigurationError` for a configuration file that cannot be used.
    public init(options: AnalyzeOptions, database: String?) throws {
        self.options = options
        configuration = try Pipeline.configuration(options)
        let file = options.configurationFile ?? HealthConfiguration.fileNames
            .map { URL(fileURLWithPath: options.searchDirectory).appendingPathComponent($0).path }
            .first { FileManager.default.fileExists(atPath: $0) }
        configurationText = file.flatMap { FileManager.default.contents(atPath: $0) }.map { String(decoding: $0, as: UTF8.self) }
        storePath = StoreLocation(explicit: database ?? configuration.database, workingDirectory: options.searchDirectory).path
    }

    /// The scorer `analyze` would use. Throws `LexiconError` or `ConfigurationError` for a
    /// configured lexicon that cannot be used.
    public func scorer() throws -> Scorer {
        try Pipeline.scorer(options, configured: configuration.lexicons)
    }

    public func assessor(toolVersion: String) -> HealthScanAssessor {
        var assessor = HealthScanAssessor(
            configuration: configuration, ourDomains: options.ourDomains, configurationText: configurationText,
            toolVersion: toolVersion)
        assessor.parallelism = options.parallelism
        return assessor
    }
}
