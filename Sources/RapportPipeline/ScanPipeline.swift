import Foundation
import RapportIngest
import RapportLanguage
import RapportModel
import RapportStore

/// Tuning and policy for one scan.
public struct ScanSettings: Sendable {
    /// Threads for parsing and scoring.
    public var parallelism = AvailableCores.count
    /// A batch (one transaction) is written once it holds this many documents…
    public var batchDocuments = 400
    /// …or once this many bytes of mail have been read for it.
    public var batchBytes = 8 << 20
    public var toolVersion: String
    /// Recompute every score made with other lexicons or rules, then assess everything again.
    public var rescore = false
    /// The moment unanswered questions are measured against; nil for the newest message date.
    public var asOf: Date?
    public var clock: @Sendable () -> Date = { Date() }

    public init(toolVersion: String) {
        self.toolVersion = toolVersion
    }
}

/// Something a scan wants the user to know while it runs.
public enum ScanEvent: Sendable {
    /// A problem met reading the input (or a file that vanished, shrank or changed).
    case diagnostic(Diagnostic)
    /// A sentence about the scan itself (resumed, scores made with other lexicons).
    case notice(String)
    case progress(ScanProgress)
}

/// How far a scan has got, for a progress line.
public struct ScanProgress: Hashable, Sendable {
    public var filesDone: Int
    public var filesTotal: Int
    public var messages: Int
    public var bytesDone: Int
    public var bytesTotal: Int
    public var elapsed: TimeInterval

    /// Megabytes per second so far.
    public var rate: Double { elapsed > 0 ? Double(bytesDone) / 1_048_576 / elapsed : 0 }

    /// Seconds left at the rate so far, or nil before there is a rate.
    public var remaining: TimeInterval? {
        guard bytesDone > 0, elapsed > 0 else { return nil }
        return Double(bytesTotal - bytesDone) / (Double(bytesDone) / elapsed)
    }
}

/// What a finished scan reports.
public struct ScanResult: Sendable {
    public var scan: ScanRecord
    /// True when this run finished a scan an earlier, interrupted run began.
    public var resumed: Bool
    /// Flag changes this scan made, most severe first.
    public var changes: [FlagChange]
    /// Inputs that could not be read at all (missing, unreadable).
    public var unreadable: Int
}

/// `rapport scan`: files → documents → scores → store → threads → assessment of what changed.
///
/// Work is committed in batches, each one transaction holding documents, scores, how far each
/// file was read and the counts, so that killing the process at any moment loses at most the
/// batch in progress; the next scan resumes the same scan number from the committed state and
/// ends with exactly the store an uninterrupted scan would have written.
public struct ScanPipeline: Sendable {
    public var store: ScanStore
    public var scorer: Scorer
    public var assessor: any ScanAssessor
    public var settings: ScanSettings

    public init(store: ScanStore, scorer: Scorer, assessor: any ScanAssessor, settings: ScanSettings) {
        self.store = store
        self.scorer = scorer
        self.assessor = assessor
        self.settings = settings
    }

    public func run(_ inputs: [String], events: (ScanEvent) -> Void) throws -> ScanResult {
        let lock = store.path == ":memory:" ? nil : try ScanLock(storePath: store.path)
        defer { withExtendedLifetime(lock) {} }
        let fingerprint = ScoringFingerprint.of(scorer, toolVersion: settings.toolVersion)
        let roots = inputs.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let (scan, resumed) = try store.beginScan(ScanStart(
            kind: settings.rescore ? .rescore : .scan, inputs: roots, toolVersion: settings.toolVersion,
            scoringFingerprint: fingerprint, startedAt: settings.clock()))
        if resumed {
            events(.notice("scan \(scan.id) was interrupted; carrying on from what it stored"))
        }
        let scorer = ParallelScorer(scorer: scorer, parallelism: settings.parallelism)

        if scan.kind == .rescore {
            try rescore(scan: scan.id, fingerprint: fingerprint, scorer: scorer)
        } else {
            let stale = try store.scoreFingerprints().filter { $0.key != fingerprint }.values.reduce(0, +)
            if stale > 0 {
                events(.notice("\(stale) stored document\(stale == 1 ? " was" : "s were") scored with other lexicons or rules; `rapport scan --rescore` scores them again"))
            }
        }

        let unreadable = try withoutActuallyEscaping(events) { events in
            var reader = ScanReader(store: store, scan: scan.id, fingerprint: fingerprint, scorer: scorer,
                                    settings: settings, events: events)
            try reader.read(roots)
            return reader.unreadable
        }

        let assessment = try ScanAssessment(store: store, assessor: assessor, scan: scan.id, asOf: settings.asOf,
                                            everything: scan.kind == .rescore, parallelism: settings.parallelism).run()
        let changes = try store.finishScan(
            scan.id, assessment: assessment, at: settings.clock(), parallelism: settings.parallelism)
        return ScanResult(scan: try store.scan(scan.id) ?? scan, resumed: resumed, changes: changes,
                          unreadable: unreadable)
    }

    /// Scores again, batch by batch, every stored document scored with other lexicons or rules.
    /// Each batch is a transaction; an interrupted rescore carries on with what is still stale.
    private func rescore(scan: Int64, fingerprint: String, scorer: ParallelScorer) throws {
        var after: Int64 = 0
        while true {
            let batch = try store.documentsToRescore(fingerprint: fingerprint, after: after, limit: settings.batchDocuments)
            guard let last = batch.last else { return }
            // The language is identified again too: the identifier may have changed with the lexicons.
            let scores = scorer.score(batch.map { ($0.document.text, nil) })
            try store.replaceScores(try zip(batch, scores).map { stored, score in
                (stored.rowID, score.language.rawValue, try StoredScore(score, fingerprint: fingerprint))
            }, scan: scan)
            after = last.rowID
        }
    }
}

// MARK: - Reading

/// Reads the input files a scan has to read, batch by batch, into the store.
private struct ScanReader {
    let store: ScanStore
    let scan: Int64
    let fingerprint: String
    let scorer: ParallelScorer
    let settings: ScanSettings
    let events: (ScanEvent) -> Void
    private(set) var unreadable = 0

    /// Documents read and files finished since the last commit.
    private var documents: [Document] = []
    private var finishedFiles: [FileRecord] = []
    private var counts = ScanCounts()
    private var pendingBytes = 0

    private var progress = ScanProgress(filesDone: 0, filesTotal: 0, messages: 0, bytesDone: 0, bytesTotal: 0, elapsed: 0)
    private let started = Date()
    private var lastProgress = Date.distantPast

    init(store: ScanStore, scan: Int64, fingerprint: String, scorer: ParallelScorer, settings: ScanSettings,
         events: @escaping (ScanEvent) -> Void) {
        self.store = store
        self.scan = scan
        self.fingerprint = fingerprint
        self.scorer = scorer
        self.settings = settings
        self.events = events
    }

    private struct Planned {
        var path: String
        var state: FileState
        var record: FileRecord?
        var start: FilePosition
        /// The hash of the bytes before `start`, when the plan made it.
        var hashed: ContentHasher? = nil
    }

    mutating func read(_ roots: [String]) throws {
        let (listed, problems) = Ingestor.files(in: roots)
        var seen = Set<String>()
        let files = listed.filter { seen.insert($0).inserted }   // overlapping inputs name a file once
        for problem in problems {
            unreadable += 1
            events(.diagnostic(problem))
        }
        let present = Set(files)
        let gone = try store.fileRecords().filter { record in
            record.state != .missing && !present.contains(record.path)
                && roots.contains { record.path == $0 || record.path.hasPrefix($0 + "/") }
        }
        var plan = Plan()
        try self.plan(files, gone: gone, into: &plan)
        try reportMissing(gone.filter { !plan.renamed.contains($0.path) }, into: &plan)
        // Checked files are recorded before reading starts, so that a resumed scan neither
        // counts nor reports them twice.
        if !plan.checked.isEmpty || plan.counts != ScanCounts() {
            try store.saveFiles(plan.checked, removing: plan.renamed, counts: plan.counts, scan: scan)
        }

        progress.filesTotal = plan.reads.count
        progress.bytesTotal = plan.reads.reduce(0) { $0 + max(0, $1.state.size - $1.start.offset) }
        for file in plan.reads {
            try read(file)
            progress.filesDone += 1
            report(force: true)
        }
        try commit(current: nil)
    }

    /// What to do with each listed file.
    private struct Plan {
        var reads: [Planned] = []
        /// Records of files checked without reading: unchanged, renamed, gone, shrunk.
        var checked: [FileRecord] = []
        var counts = ScanCounts()
        /// Old paths of renamed Maildir messages.
        var renamed: [String] = []
    }

    private mutating func plan(_ files: [String], gone: [FileRecord], into plan: inout Plan) throws {
        var renamedFrom = Dictionary(gone.compactMap { record in MaildirName.identity(record.path).map { ($0, record) } },
                                     uniquingKeysWith: { first, _ in first })
        for path in files {
            guard let state = FileState(path: path) else {
                unreadable += 1
                events(.diagnostic(Diagnostic(.error, "input.unreadable", "file cannot be opened for reading", at: SourceLocation(file: path))))
                continue
            }
            let record = try store.fileRecord(path)
            if record == nil, let identity = MaildirName.identity(path), var moved = renamedFrom[identity],
               moved.state == .complete, moved.size == state.size,
               FileState.sampleHash(path: path, length: moved.readTo) == moved.sampleHash {
                // A Maildir message renamed for its flags (seen, replied) or moved from new/ to cur/.
                renamedFrom[identity] = nil
                plan.renamed.append(moved.path)
                moved.path = path
                moved.modified = state.modified
                moved.lastScan = scan
                plan.checked.append(moved)
                plan.counts.filesUnchanged += 1
                continue
            }
            switch FilePlan.decide(path: path, state: state, record: record, scan: scan) {
            case .doneThisScan:
                continue
            case .unchanged:
                guard var record else { continue }
                record.modified = state.modified
                record.state = .complete
                record.lastScan = scan
                plan.checked.append(record)
                plan.counts.filesUnchanged += 1
            case .resume(let offset, let messages, let reason, let hashed):
                if reason == .grown {
                    events(.diagnostic(Diagnostic(.note, "file.grown", "grew since the last scan; reading from byte \(offset)",
                                                  at: SourceLocation(file: path))))
                }
                plan.reads.append(Planned(path: path, state: state, record: record,
                                          start: FilePosition(offset: offset, messages: messages), hashed: hashed))
            case .readAll(let reason):
                if reason == .shrunk, var record {
                    events(.diagnostic(Diagnostic(
                        .warning, "file.shrunk",
                        "shorter than when last read (\(record.readTo) → \(state.size) bytes); read again from the start; documents already stored are kept",
                        at: SourceLocation(file: path))))
                    plan.counts.filesMissing += 1
                    // Recorded as read up to its start, so an interrupted scan resumes it without
                    // reporting it again.
                    record.readTo = 0
                    record.messages = 0
                    record.prefixHash = ContentHasher().hex
                    record.sampleHash = ContentHasher().hex
                    record.state = .partial
                    record.lastScan = scan
                    plan.checked.append(record)
                } else if reason == .changed {
                    events(.diagnostic(Diagnostic(
                        .note, "file.changed", "changed since it was read; read again (documents already stored are recognised)",
                        at: SourceLocation(file: path))))
                }
                plan.reads.append(Planned(path: path, state: state, record: record, start: FilePosition()))
            }
        }
    }

    /// Files the store knows below the scanned paths that are gone now: reported, marked, kept.
    private func reportMissing(_ gone: [FileRecord], into plan: inout Plan) throws {
        for var record in gone {
            let kept = try store.documentCount(fromFile: record.path)
            events(.diagnostic(Diagnostic(
                .warning, "file.missing",
                "no longer there (last read in scan \(record.lastScan)); the \(kept) document\(kept == 1 ? "" : "s") read from it stay in the store",
                at: SourceLocation(file: record.path))))
            record.state = .missing
            record.lastScan = scan
            plan.checked.append(record)
            plan.counts.filesMissing += 1
        }
    }

    private mutating func read(_ file: Planned) throws {
        guard var hasher = file.hashed.map({ PrefixHasher(path: file.path, continuing: $0) }) ?? PrefixHasher(path: file.path)
        else {
            unreadable += 1
            events(.diagnostic(Diagnostic(.error, "input.unreadable", "file cannot be opened for reading", at: SourceLocation(file: file.path))))
            return
        }
        defer { hasher.close() }
        var end = file.start
        var documentsInMessage = 0
        let summary = try Ingestor().readFile(file.path, from: file.start, parallelism: settings.parallelism) { event in
            switch event {
            case .document(let document):
                documents.append(document)
                documentsInMessage += 1
            case .diagnostic(let diagnostic):
                events(.diagnostic(diagnostic))
            }
        } messageEnded: { position in
            let messages = position.messages - end.messages
            counts.messages += messages
            if messages > 0 && documentsInMessage == 0 { counts.skipped += messages }
            documentsInMessage = 0
            counts.bytesRead += position.offset - end.offset
            pendingBytes += position.offset - end.offset
            progress.messages += messages
            progress.bytesDone += position.offset - end.offset
            end = position
            report(force: false)
            if documents.count >= settings.batchDocuments || pendingBytes >= settings.batchBytes {
                try commit(current: progressRecord(file, end: end, hasher: &hasher, complete: false))
            }
        }
        unreadable += summary.unreadable
        guard summary.unreadable == 0 else { return }
        finishedFiles.append(try progressRecord(file, end: end, hasher: &hasher, complete: true))
        counts.filesRead += 1
        if documents.count >= settings.batchDocuments || pendingBytes >= settings.batchBytes || finishedFiles.count >= settings.batchDocuments {
            try commit(current: nil)
        }
    }

    /// The file's record as of `end`: a message boundary everything before which is in the batch.
    private func progressRecord(_ file: Planned, end: FilePosition, hasher: inout PrefixHasher, complete: Bool) throws -> FileRecord {
        guard let prefix = hasher.advance(to: end.offset),
              let sample = FileState.sampleHash(path: file.path, length: end.offset) else {
            throw ScanError.fileChanged(file.path)
        }
        return FileRecord(
            path: file.path, size: complete ? end.offset : max(end.offset, file.state.size), modified: file.state.modified,
            readTo: end.offset, messages: end.messages, prefixHash: prefix, sampleHash: sample,
            state: complete ? .complete : .partial, firstScan: file.record?.firstScan ?? scan, lastScan: scan)
    }

    /// Scores what is new in the batch and stores it, with the files' progress, in one transaction.
    private mutating func commit(current: FileRecord?) throws {
        let files = finishedFiles + (current.map { [$0] } ?? [])
        guard !documents.isEmpty || !files.isEmpty || counts != ScanCounts() else { return }
        let batch = documents
        let keys = batch.map(DocumentKey.init)
        let existing = try store.existingKeys(keys)
        var seen = Set<DocumentKey>()
        var fresh: [Int] = []
        for (index, key) in keys.enumerated() where !existing.contains(key) && seen.insert(key).inserted {
            fresh.append(index)
        }
        let fingerprint = fingerprint
        // Scored and encoded for the store on the scoring threads; the store only writes.
        let freshKeys = fresh.map { keys[$0] }
        let newDocuments = try scorer.score(fresh.map { batch[$0] }) { position, document, score in
            Result {
                try NewDocument(document: document, key: freshKeys[position],
                                score: StoredScore(score, fingerprint: fingerprint))
            }
        }.map { try $0.get() }
        var stored = counts
        stored.duplicates += keys.count - fresh.count
        try store.commit(ScanBatch(documents: newDocuments, files: files, counts: stored), scan: scan)
        documents.removeAll(keepingCapacity: true)
        finishedFiles.removeAll()
        counts = ScanCounts()
        pendingBytes = 0
    }

    private mutating func report(force: Bool) {
        let now = Date()
        guard force || now.timeIntervalSince(lastProgress) >= 0.2 else { return }
        lastProgress = now
        progress.elapsed = now.timeIntervalSince(started)
        events(.progress(progress))
    }
}

/// Maildir keeps one message per file and renames it when its flags change (`…:2,S` becomes
/// `…:2,RS` once replied to) or when it moves from `new/` to `cur/`; the part before the colon
/// stays. A renamed message is the same file to a scan.
enum MaildirName {
    /// The Maildir folder and the message's unique name, or nil for a file outside `cur/` or `new/`.
    static func identity(_ path: String) -> String? {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        guard ["cur", "new"].contains(folder.lastPathComponent),
              let unique = url.lastPathComponent.split(separator: ":", maxSplits: 1).first else { return nil }
        return folder.deletingLastPathComponent().path + "/" + unique
    }
}

/// Why a scan stopped that is not the store's fault.
public enum ScanError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A file was truncated or replaced while it was being read.
    case fileChanged(String)

    public var description: String {
        switch self {
        case .fileChanged(let path): "\(path): changed while it was being read; scan again"
        }
    }
}
