import Foundation
import RapportHealth
import RapportIngest
import RapportLanguage
import RapportModel
import RapportReport
import Synchronization

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
    public var parallelism = AvailableCores.count
    /// What the report will show: threads this filter drops are not kept in the result's report
    /// (whose accounts, flags and health are unchanged). Nil keeps every thread.
    public var shown: ReportFilter?

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
    /// Ingest, identify language and score → thread → assess. Documents are scored as they are
    /// read, a batch at a time, and their texts and scores wait in a temporary file until their
    /// account is assessed; threads need every message (a reply may come before its parent), so
    /// assessment waits for the end of input.
    ///
    /// Throws `ConfigurationError` for a configuration file that cannot be used and
    /// `LexiconError` for a configured lexicon with errors; input problems are diagnostics.
    public static func analyze(inputs: [String], options: AnalyzeOptions) throws -> AnalyzeResult {
        let configuration = try configuration(options)
        let loaded: Scorer?
        let ready = ReadyFlag()
        if options.parallelism > 1 && usesOnlyShippedLexicons(options, configured: configuration.lexicons) {
            // The shipped lexicons are compiled on another thread while the first batch is read
            // (a tenth of a second one thread would otherwise spend alone); `Scorer.default` is
            // a lazily made global, safe to touch from any thread. Lexicons from files are
            // loaded first, so that a bad one stops the run before any input is read.
            DispatchQueue.global().async {
                _ = Scorer.default
                ready.set()
            }
            loaded = nil
        } else {
            loaded = try scorer(options, configured: configuration.lexicons)
            ready.set()
        }
        var scoring = StreamingScorer(parallelism: options.parallelism) { loaded ?? .default }
        // Mbox messages are scored on the threads that parse them, as they are parsed. A batch
        // parsed before the scorer is made is not held up: its documents are scored with the
        // next batches, as documents read on one thread are (the same score either way).
        let input = try read(inputs, parallelism: options.parallelism, prepare: {
            guard ready.isSet else { return { _ in StreamingScorer.Scored?.none } }
            let session = ScoringSession(scorer: loaded ?? .default)
            return { StreamingScorer.prepared(&$0, session: session) }
        }) { document, prepared in
            scoring.add(document, scored: prepared as? StreamingScorer.Scored)
        }
        var documents = scoring.finish()
        // What scoring held is gone; threading should not grow the process around its pages.
        returnFreedMemory()
        documents.keepingTiedTexts()
        let threader = Threader(subjectWindow: configuration.windows.subjectDays * 86_400)
        documents.assignThreads { threader.assignThreads(&$0) }
        documents.forgetReplyLinks()
        // Threading's tables are gone; their pages would otherwise stay with the process.
        returnFreedMemory()
        var analyzer = HealthAnalyzer(configuration: configuration, ourDomains: options.ourDomains)
        analyzer.parallelism = options.parallelism
        if let shown = options.shown { analyzer.keepsThread = { shown.keeps($0, of: $1) } }
        let report = analyzer.assess(taking: &documents, asOf: options.asOf)
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
}

/// Set once, from any thread, when something another thread may go on without is ready.
final class ReadyFlag: Sendable {
    private let value = Atomic(false)

    func set() { value.store(true, ordering: .releasing) }

    var isSet: Bool { value.load(ordering: .acquiring) }
}

/// Scores documents as they are read, with evidence (the quotes need it), recording the language
/// each was read as (identified from the text alone, as a one-thread run does): documents scored
/// already where they were parsed (`scored`) are taken as they are, the others a batch at a time
/// on `parallelism` threads. Each batch's texts and scores go to a `DocumentSpill`; only headers
/// and boilerplate candidates stay in memory.
struct StreamingScorer {
    /// Documents scored together: enough to keep both threads busy, few enough to hold.
    var batchSize = 1_024
    /// Documents scored already (where they were parsed) wait for the spill in batches this large:
    /// each holds its record until then.
    var scoredBatchSize = 256
    let parallelism: Int
    /// Asked once, at the first batch.
    let makeScorer: () -> Scorer
    private var scorer: Scorer?
    private var pending: [(document: Document, scored: Scored?)] = []
    private var pendingScored = 0
    private var headers: [Document] = []
    private var candidates: [[TextDigest]] = []
    private var interner = HeaderInterner()
    private let spill = DocumentSpill()

    init(parallelism: Int, scorer: @escaping () -> Scorer) {
        self.parallelism = max(1, parallelism)
        makeScorer = scorer
    }

    /// What scoring a document leaves in memory: the language it was read in, its boilerplate
    /// candidates and its record for the spill (text, turns, sentences and evidence).
    struct Scored: Sendable {
        var language: String
        var candidates: [TextDigest]
        var record: [UInt8]
    }

    /// Scores a document with evidence (the quotes need it), its language identified from its
    /// text alone, and makes its record: what every thread does with the documents it is given.
    static func scored(_ document: Document, session: ScoringSession) -> Scored {
        let score = session.score(document.text, language: nil)
        let content = ScoredDocuments.Content(text: document.text, segments: document.segments, score: score)
        return Scored(language: score.language.rawValue, candidates: ScoredDocuments.boilerplateCandidates(of: score),
                      record: DocumentSpill.record(content))
    }

    /// `scored`, run where the document was parsed, which then leaves the document its header
    /// alone: its text, turns and sentences are freed on the thread that made them. Freed on the
    /// reading thread instead, each waited for the parsing thread's allocator lock (most of the
    /// thread switches of a two-core run).
    static func prepared(_ document: inout Document, session: ScoringSession) -> Scored {
        let scored = scored(document, session: session)
        keepHeader(of: &document, readIn: scored.language)
        return scored
    }

    /// Leaves a scored document what is kept of it in memory: its header, stamped with the
    /// language it was read in (its text, turns and sentences are in its spill record).
    static func keepHeader(of document: inout Document, readIn language: String) {
        document.language = language
        document.text = ""
        document.segments = []
    }

    /// A document, with its score when it was scored where it was read.
    mutating func add(_ document: Document, scored: Scored? = nil) {
        pending.append((document, scored))
        if scored != nil { pendingScored += 1 }
        if pending.count >= batchSize || pendingScored >= scoredBatchSize { flush() }
    }

    /// Every document added, ready for threading and assessment.
    mutating func finish() -> ScoredDocuments {
        flush()
        let spill = spill
        defer {
            headers = []
            candidates = []
            interner = HeaderInterner()
        }
        return ScoredDocuments(headers: headers, boilerplateCandidates: candidates) { spill.content($0) }
    }

    private mutating func flush() {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        pendingScored = 0
        let scored: [Scored]
        if batch.allSatisfy({ $0.scored != nil }) {
            scored = batch.map { $0.scored! }
        } else {
            if scorer == nil { scorer = makeScorer() }
            let scorer = scorer!
            scored = batch.parallelMap(parallelism: parallelism, state: { ScoringSession(scorer: scorer) }) { session, item in
                item.scored ?? Self.scored(item.document, session: session)
            }
        }
        spill.append(scored.map(\.record))
        for (item, scored) in zip(batch, scored) {
            var header = item.document
            Self.keepHeader(of: &header, readIn: scored.language)
            headers.append(interner.intern(header))
            candidates.append(scored.candidates)
        }
    }
}
