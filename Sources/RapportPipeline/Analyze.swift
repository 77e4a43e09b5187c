import Foundation
import RapportHealth
import RapportIngest
import RapportLanguage
import RapportModel

/// What `rapport analyze` (and `scan`) asks of the pipeline besides the inputs.
public struct AnalyzeOptions: Sendable {
    /// Our organisation's domains from `--our-domain`, added to the configured ones; with
    /// neither, the analysis infers them from the mail.
    public var ourDomains: [String]
    /// An explicit configuration file (`--config`); without one, `rapport.yml` is looked for in
    /// `searchDirectory`.
    public var configurationFile: String?
    /// Where to look for a configuration file when none is named.
    public var searchDirectory: String
    /// Lexicons from the command line (`--lexicon`), loaded last so their entries win.
    public var lexicons: [Lexicon]
    /// False for `--no-default-lexicons`: only the configured and command-line lexicons count.
    public var defaultLexicons: Bool
    /// The moment the analysis speaks of; nil means the newest message's date.
    public var asOf: Date?
    /// Threads for parsing and scoring; the report is the same for any number.
    public var parallelism = max(1, ProcessInfo.processInfo.activeProcessorCount)

    public init(ourDomains: [String] = [], configurationFile: String? = nil,
                searchDirectory: String = FileManager.default.currentDirectoryPath, lexicons: [Lexicon] = [],
                defaultLexicons: Bool = true, asOf: Date? = nil) {
        self.ourDomains = ourDomains
        self.configurationFile = configurationFile
        self.searchDirectory = searchDirectory
        self.lexicons = lexicons
        self.defaultLexicons = defaultLexicons
        self.asOf = asOf
    }
}

/// Everything one analysis run produced: the report for the renderers, and what the command
/// line tells the user on standard error.
public struct AnalyzeResult: Sendable {
    public var report: HealthReport
    public var summary: IngestSummary
    public var diagnostics: [Diagnostic]

    public init(report: HealthReport, summary: IngestSummary, diagnostics: [Diagnostic]) {
        self.report = report
        self.summary = summary
        self.diagnostics = diagnostics
    }
}

extension Pipeline {
    /// Ingest → thread → identify language and score → assess. Threads need every message (a
    /// reply may come before its parent), so assessment waits for the end of input.
    ///
    /// Throws `ConfigurationError` for a configuration file that cannot be used and
    /// `LexiconError` for a configured lexicon with errors; input problems are diagnostics.
    public static func analyze(inputs: [String], options: AnalyzeOptions) throws -> AnalyzeResult {
        let configuration = try configuration(options)
        let scorer: Scorer
        var input: (documents: [Document], diagnostics: [Diagnostic], summary: IngestSummary)
        if options.parallelism > 1 && usesOnlyShippedLexicons(options, configured: configuration.lexicons) {
            // The shipped lexicons are compiled on another thread while the input is read (a
            // tenth of a second one thread would otherwise spend alone); `Scorer.default` is a
            // lazily made global, safe to touch from any thread, so `scorer` then finds it
            // ready or waits for it. Lexicons from files are loaded first, so that a bad one
            // stops the run before any input is read.
            DispatchQueue.global().async { _ = Scorer.default }
            input = try read(inputs, parallelism: options.parallelism)
            scorer = try self.scorer(options, configured: configuration.lexicons)
        } else {
            scorer = try self.scorer(options, configured: configuration.lexicons)
            input = try read(inputs, parallelism: options.parallelism)
        }
        var documents = input.documents
        input.documents = []
        Threader().assignThreads(&documents)
        var analyzer = HealthAnalyzer(configuration: configuration, ourDomains: options.ourDomains)
        analyzer.parallelism = options.parallelism
        let scored = score(documents, with: scorer, parallelism: options.parallelism)
        documents = []
        let report = analyzer.assess(scored, asOf: options.asOf)
        if options.parallelism > 1 { releaseOnAnotherThread(scored) }
        return AnalyzeResult(report: report, summary: input.summary, diagnostics: input.diagnostics)
    }

    /// The named configuration file, else the one in the search directory, else the defaults.
    static func configuration(_ options: AnalyzeOptions) throws -> HealthConfiguration {
        if let file = options.configurationFile { return try HealthConfiguration.load(path: file) }
        return try HealthConfiguration.find(in: options.searchDirectory) ?? HealthConfiguration()
    }

    static func usesOnlyShippedLexicons(_ options: AnalyzeOptions, configured paths: [String]) -> Bool {
        options.defaultLexicons && paths.isEmpty && options.lexicons.isEmpty
    }

    /// The shipped lexicons, then the configured ones, then the command line's: later files win.
    static func scorer(_ options: AnalyzeOptions, configured paths: [String]) throws -> Scorer {
        let extra = try paths.map(loadLexicon) + options.lexicons
        if extra.isEmpty && options.defaultLexicons { return .default }
        return Scorer(lexicons: options.defaultLexicons ? LexiconSet.default.adding(extra) : LexiconSet(extra))
    }

    static func loadLexicon(_ path: String) throws -> Lexicon {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, line: nil, reason: "the configured lexicon cannot be read")
        }
        let text = try Lexicon.text(ofFile: data, file: path)
        return try Lexicon.load(text: text, file: path, format: Lexicon.detectFormat(text: text, file: path))
    }

    /// Scores every document with evidence (the quotes need it), on `parallelism` threads,
    /// recording the language each was read as. The language is identified from the text alone,
    /// as a one-thread run does.
    static func score(_ documents: [Document], with scorer: Scorer, parallelism: Int = 1) -> [ScoredDocument] {
        let scores = ParallelScorer(scorer: scorer, parallelism: parallelism).score(documents.map { ($0.text, nil) })
        return zip(documents, scores).map { document, score in
            var document = document
            document.language = score.language.rawValue
            return ScoredDocument(document: document, score: score)
        }
    }
}
