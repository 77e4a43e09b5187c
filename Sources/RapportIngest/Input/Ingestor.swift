import Foundation
import RapportModel

/// Something read from the inputs: a document, or a problem met on the way.
public enum IngestEvent: Sendable {
    case document(Document)
    case diagnostic(Diagnostic)
}

/// The counts a run ends with. Every message read is either analysed or skipped with a reason, so
/// `messages == analysed + skipped`.
public struct IngestSummary: Sendable, Equatable {
    /// Files opened (standard input counts as one).
    public var files = 0
    /// Messages and notes found in them (forwarded messages inside them not counted).
    public var messages = 0
    /// Messages that yielded a document.
    public var analysed = 0
    /// Documents produced, including forwarded messages read from inside others.
    public var documents = 0
    /// Messages skipped, by diagnostic code.
    public var skipped: [String: Int] = [:]
    /// Inputs that held no mail or notes (empty files, other text), by diagnostic code.
    public var ignoredFiles: [String: Int] = [:]
    /// Inputs that could not be read at all (missing, unreadable).
    public var unreadable = 0
    /// Diagnostics by severity.
    public var notes = 0
    public var warnings = 0
    public var errors = 0

    public var skippedTotal: Int { skipped.values.reduce(0, +) }

    public init() {}
}

/// Tuning knobs with safe defaults.
public struct IngestOptions: Sendable {
    /// Messages longer than this are skipped with a diagnostic instead of buffered.
    public var maximumMessageSize = 64 << 20
    /// Bytes read from a file at a time.
    public var readChunkSize = 1 << 20

    public init() {}
}

/// Reads files, directories (recursively, Maildir folders included) and standard input, detects
/// each input's format from its content, and hands out documents one at a time.
public struct Ingestor: Sendable {
    public var options: IngestOptions
    var parser = MessageParser()

    public init(options: IngestOptions = IngestOptions()) {
        self.options = options
    }

    /// Reads every input in order; `-` is standard input. Calls `emit` for each document and
    /// diagnostic as soon as it is ready.
    @discardableResult
    public func read(_ inputs: [String], emit: (IngestEvent) throws -> Void) throws -> IngestSummary {
        try withoutActuallyEscaping(emit) { emit in
            var run = Run(ingestor: self, emit: emit)
            for input in inputs {
                if input == "-" {
                    try run.readStream(FileHandle.standardInput, name: "-")
                } else {
                    try run.readPath(input)
                }
            }
            return run.summary
        }
    }

    /// Reads one message or note held in memory (e.g. a test fixture or a single `.eml`).
    @discardableResult
    public func read(bytes: [UInt8], name: String, emit: (IngestEvent) throws -> Void) throws -> IngestSummary {
        try withoutActuallyEscaping(emit) { emit in
            var run = Run(ingestor: self, emit: emit)
            try run.readBuffer(bytes, name: name)
            return run.summary
        }
    }
}

/// One reading run: holds the summary and the callback.
private struct Run {
    let ingestor: Ingestor
    let emit: (IngestEvent) throws -> Void
    var summary = IngestSummary()

    init(ingestor: Ingestor, emit: @escaping (IngestEvent) throws -> Void) {
        self.ingestor = ingestor
        self.emit = emit
    }

    // MARK: - Paths

    mutating func readPath(_ path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            summary.unreadable += 1
            try diagnose(.error, "input.missing", "no such file or directory", at: SourceLocation(file: path))
            return
        }
        if isDirectory.boolValue {
            try readDirectory(path)
        } else {
            try readFile(path)
        }
    }

    mutating func readDirectory(_ path: String) throws {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            summary.unreadable += 1
            try diagnose(.error, "input.unreadable", "directory cannot be listed", at: SourceLocation(file: path))
            return
        }
        let isMaildir = entries.contains("cur") || entries.contains("new")
        for entry in entries {
            let child = (path as NSString).appendingPathComponent(entry)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory) else { continue }
            if isMaildir, entry == "tmp" { continue }   // Maildir's tmp holds deliveries in progress.
            if entry.hasPrefix(".") {
                // Hidden files and folders are skipped, except Maildir++ subfolders (`.Sent`).
                guard isDirectory.boolValue, Self.isMaildir(child) else { continue }
            }
            if isDirectory.boolValue {
                try readDirectory(child)
            } else {
                try readFile(child)
            }
        }
    }

    static func isMaildir(_ path: String) -> Bool {
        let manager = FileManager.default
        return manager.fileExists(atPath: (path as NSString).appendingPathComponent("cur"))
            || manager.fileExists(atPath: (path as NSString).appendingPathComponent("new"))
    }

    mutating func readFile(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            summary.unreadable += 1
            try diagnose(.error, "input.unreadable", "file cannot be opened for reading", at: SourceLocation(file: path))
            return
        }
        defer { try? handle.close() }
        try readStream(handle, name: path)
    }

    // MARK: - Streams

    /// Sniffs the start of the stream, then streams an mbox message by message, or reads a single
    /// message or note whole (up to the size limit).
    mutating func readStream(_ handle: FileHandle, name: String) throws {
        summary.files += 1
        var head: [UInt8] = []
        var ended = false
        while head.count < InputFormat.sniffLength {
            guard let chunk = try readChunk(handle, name: name) else { ended = true; break }
            head.append(contentsOf: chunk)
        }
        if head.isEmpty {
            try ignore("input.empty", "empty input", at: SourceLocation(file: name))
            return
        }
        let format = InputFormat.sniff(head.prefix(InputFormat.sniffLength))
        switch format {
        case .mbox:
            try readMbox(first: head, rest: ended ? nil : handle, name: name)
        case .message, .note, .unknown:
            var bytes = head
            var oversized = false
            while !ended, let chunk = try readChunk(handle, name: name) {
                if bytes.count + chunk.count > ingestor.options.maximumMessageSize {
                    oversized = true
                    var total = bytes.count + chunk.count
                    while let more = try readChunk(handle, name: name) { total += more.count }
                    bytes = []
                    try skip("message.oversized", "message of \(total) bytes exceeds the \(ingestor.options.maximumMessageSize)-byte limit; skipped",
                             at: SourceLocation(file: name, offset: 0))
                    break
                }
                bytes.append(contentsOf: chunk)
            }
            if !oversized { try readWhole(bytes, format: format, name: name) }
        }
    }

    mutating func readBuffer(_ bytes: [UInt8], name: String) throws {
        summary.files += 1
        if bytes.isEmpty {
            try ignore("input.empty", "empty input", at: SourceLocation(file: name))
            return
        }
        let format = InputFormat.sniff(bytes.prefix(InputFormat.sniffLength))
        if format == .mbox {
            try readMbox(first: bytes, rest: nil, name: name)
        } else {
            try readWhole(bytes, format: format, name: name)
        }
    }

    /// The next chunk, or nil at the end; a read error ends the input with a diagnostic.
    private mutating func readChunk(_ handle: FileHandle, name: String) throws -> [UInt8]? {
        let data: Data?
        do {
            data = try handle.read(upToCount: ingestor.options.readChunkSize)
        } catch {
            summary.unreadable += 1
            try diagnose(.error, "input.read-error", "read error; the rest of this input is lost", at: SourceLocation(file: name))
            return nil
        }
        guard let data, !data.isEmpty else { return nil }
        return [UInt8](data)
    }

    mutating func readMbox(first: [UInt8], rest handle: FileHandle?, name: String) throws {
        var decoder = MboxDecoder(maximumMessageSize: ingestor.options.maximumMessageSize)
        decoder.append(first)
        while let event = decoder.next() { try process(event, name: name) }
        if let handle {
            while let chunk = try readChunk(handle, name: name) {
                decoder.append(chunk)
                while let event = decoder.next() { try process(event, name: name) }
            }
        }
        while let event = decoder.finish() { try process(event, name: name) }
    }

    private mutating func process(_ event: MboxEvent, name: String) throws {
        switch event {
        case .message(let message):
            let location = SourceLocation(file: name, index: message.index, offset: message.offset)
            summary.messages += 1
            try parse(message.bytes, location: location, envelope: message.envelope)
        case .oversized(let index, let offset, let size):
            summary.messages += 1
            try skip("message.oversized", "message of \(size) bytes exceeds the \(ingestor.options.maximumMessageSize)-byte limit; skipped",
                     at: SourceLocation(file: name, index: index, offset: offset))
        case .leadingGarbage(let offset, let size):
            try diagnose(.warning, "mbox.leading-garbage", "\(size) bytes before the first message do not belong to any message; ignored",
                         at: SourceLocation(file: name, offset: offset))
        }
    }

    mutating func readWhole(_ bytes: [UInt8], format: InputFormat, name: String) throws {
        let location = SourceLocation(file: name)
        switch format {
        case .mbox:
            try readMbox(first: bytes, rest: nil, name: name)
        case .message:
            summary.messages += 1
            var start = 0
            while start < bytes.count, bytes[start] == 0x0A || bytes[start] == 0x0D { start += 1 }
            if start >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
            try parse(start == 0 ? bytes : Array(bytes[start...]), location: location, envelope: nil)
        case .note(let noteFormat):
            summary.messages += 1
            let result = NoteReader.read(bytes, format: noteFormat, location: location)
            for diagnostic in result.diagnostics { try report(diagnostic) }
            if result.documents.isEmpty {
                try skip("note.empty", "meeting note yielded no text", at: location)
            } else {
                summary.analysed += 1
                for document in result.documents {
                    summary.documents += 1
                    try emit(.document(document))
                }
            }
        case .unknown:
            try ignore("input.not-mail", "not recognised as mail or meeting notes; skipped", at: location)
        }
    }

    private mutating func parse(_ bytes: [UInt8], location: SourceLocation, envelope: String?) throws {
        let output = ingestor.parser.parse(bytes, location: location, envelope: envelope)
        for diagnostic in output.diagnostics where !(output.documents.isEmpty && diagnostic.severity == .error) {
            try report(diagnostic)
        }
        if output.documents.isEmpty {
            let reason = output.diagnostics.first { $0.severity == .error }
                ?? Diagnostic(.error, "message.unreadable", "message could not be read", at: location)
            try skip(reason.code, reason.message, at: location)
            return
        }
        summary.analysed += 1
        for document in output.documents {
            summary.documents += 1
            try emit(.document(document))
        }
    }

    // MARK: - Diagnostics

    /// A file that holds no mail (a README beside an export): counted in the summary, listed as a
    /// note so that `--verbose` names it without cluttering every run.
    private mutating func ignore(_ code: String, _ message: String, at location: SourceLocation) throws {
        summary.ignoredFiles[code, default: 0] += 1
        try diagnose(.note, code, message, at: location)
    }

    private mutating func skip(_ code: String, _ message: String, at location: SourceLocation) throws {
        summary.skipped[code, default: 0] += 1
        try diagnose(.error, code, message, at: location)
    }

    private mutating func diagnose(
        _ severity: Diagnostic.Severity, _ code: String, _ message: String, at location: SourceLocation
    ) throws {
        try report(Diagnostic(severity, code, message, at: location))
    }

    private mutating func report(_ diagnostic: Diagnostic) throws {
        switch diagnostic.severity {
        case .note: summary.notes += 1
        case .warning: summary.warnings += 1
        case .error: summary.errors += 1
        }
        try emit(.diagnostic(diagnostic))
    }
}
