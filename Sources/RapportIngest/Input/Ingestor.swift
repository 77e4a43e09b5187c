import Foundation
import RapportModel
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Something read from the inputs: a document, or a problem met on the way.
public enum IngestEvent: Sendable {
    case document(Document)
    case diagnostic(Diagnostic)
}


/// Makes, once per thread, the work `IngestOptions.prepare` does on each document on that thread.
/// The work may take from its document what its result now carries (the text, once scored): the
/// memory is then freed on the thread that made it, and `read(_:emit:prepared:)` gets the document
/// as the work left it.
public typealias DocumentPreparation = @Sendable () -> (inout Document) -> any Sendable

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
    /// Threads parsing an mbox file's messages. Events come out in the same order, with the same
    /// content, whatever the number; standard input is always read on one.
    public var parallelism = 1
    /// Work to do on each document of an mbox parsed on several threads (`parallelism` above 1),
    /// on the thread that parsed it, so that it needs no second pass over every thread. Called
    /// once per thread for a function used on that thread only; its results reach
    /// `read(_:emit:prepared:)`. Other documents are not prepared.
    public var prepare: DocumentPreparation?

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
            return try run.read(inputs)
        }
    }

    /// `read`, handing each document `options.prepare` was run on to `prepared` with what it
    /// gave, in its place among the events; documents it was not run on (single messages,
    /// notes, every document when `prepare` is nil) go to `emit` as `read` hands them.
    @discardableResult
    public func read(
        _ inputs: [String], emit: (IngestEvent) throws -> Void, prepared: (Document, any Sendable) throws -> Void
    ) throws -> IngestSummary {
        try withoutActuallyEscaping(emit) { emit in
            try withoutActuallyEscaping(prepared) { prepared in
                var run = Run(ingestor: self, emit: emit)
                run.emitPrepared = prepared
                return try run.read(inputs)
            }
        }
    }

    /// Reads one file from `position`, a message boundary an earlier read reported, for scans that
    /// continue where they stopped: an mbox that grew is read from its old end, one whose reading
    /// was interrupted from its last stored message. From offset 0 the format is detected as
    /// `read` does; from any other offset the bytes are read as the rest of an mbox.
    ///
    /// `emit` gets documents and diagnostics in file order, exactly as `read` would give them
    /// (offsets and message numbers counted from the start of the file); `messageEnded` follows
    /// the events of each message with the position just past it, where a later read may start.
    /// A single message or note ends at the end of the file (a file that is not mail holds no
    /// message but still reports its end).
    ///
    /// With `parallelism` above 1, mbox messages are parsed that many at a time on as many
    /// threads; events and positions are the same, in the same order, as with one.
    @discardableResult
    public func readFile(
        _ path: String, from position: FilePosition = FilePosition(), parallelism: Int = 1,
        emit: (IngestEvent) throws -> Void, messageEnded: (FilePosition) throws -> Void
    ) throws -> IngestSummary {
        try withoutActuallyEscaping(emit) { emit in
            try withoutActuallyEscaping(messageEnded) { messageEnded in
                var run = Run(ingestor: self, emit: emit)
                try run.readFile(path, from: position, parallelism: max(1, parallelism), messageEnded: messageEnded)
                return run.summary
            }
        }
    }

    /// The files `read` would open for these paths, in the order it would open them (directories
    /// walked with the same rules), and a diagnostic for each path that is missing or cannot be
    /// listed. Standard input (`-`) is not a file and is left out.
    public static func files(in inputs: [String]) -> (files: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        func visit(_ path: String, isDirectory: Bool) {
            guard isDirectory else { files.append(path); return }
            guard let entries = Run.visibleEntries(of: path) else {
                diagnostics.append(Diagnostic(.error, "input.unreadable", "directory cannot be listed", at: SourceLocation(file: path)))
                return
            }
            for entry in entries { visit(entry.path, isDirectory: entry.isDirectory) }
        }
        for input in inputs where input != "-" {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(.error, "input.missing", "no such file or directory", at: SourceLocation(file: input)))
                continue
            }
            visit(input, isDirectory: isDirectory.boolValue)
        }
        return (files, diagnostics)
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

/// A place in a file between two messages: the byte offset and how many messages come before it.
public struct FilePosition: Hashable, Sendable {
    public var offset: Int
    public var messages: Int

    public init(offset: Int = 0, messages: Int = 0) {
        self.offset = offset
        self.messages = messages
    }
}

/// One reading run: holds the summary and the callback.
private struct Run {
    let ingestor: Ingestor
    let emit: (IngestEvent) throws -> Void
    /// Where documents go with what `IngestOptions.prepare` gave, when the caller takes them.
    var emitPrepared: ((Document, any Sendable) throws -> Void)?
    var summary = IngestSummary()

    init(ingestor: Ingestor, emit: @escaping (IngestEvent) throws -> Void) {
        self.ingestor = ingestor
        self.emit = emit
    }

    mutating func read(_ inputs: [String]) throws -> IngestSummary {
        for input in inputs {
            if input == "-" {
                try readStream(FileHandle.standardInput, name: "-")
            } else {
                try readPath(input)
            }
        }
        return summary
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
        guard let entries = Self.visibleEntries(of: path) else {
            summary.unreadable += 1
            try diagnose(.error, "input.unreadable", "directory cannot be listed", at: SourceLocation(file: path))
            return
        }
        for entry in entries {
            if entry.isDirectory {
                try readDirectory(entry.path)
            } else {
                try readFile(entry.path)
            }
        }
    }

    /// The entries of a directory that reading visits, in name order, or nil when it cannot be listed.
    static func visibleEntries(of path: String) -> [(path: String, isDirectory: Bool)]? {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path).sorted() else { return nil }
        let isMaildir = entries.contains("cur") || entries.contains("new")
        var visible: [(path: String, isDirectory: Bool)] = []
        for entry in entries {
            let child = (path as NSString).appendingPathComponent(entry)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory) else { continue }
            if isMaildir, entry == "tmp" { continue }   // Maildir's tmp holds deliveries in progress.
            if entry.hasPrefix(".") {
                // Hidden files and folders are skipped, except Maildir++ subfolders (`.Sent`).
                guard isDirectory.boolValue, Self.isMaildir(child) else { continue }
            }
            visible.append((child, isDirectory.boolValue))
        }
        return visible
    }

    static func isMaildir(_ path: String) -> Bool {
        let manager = FileManager.default
        return manager.fileExists(atPath: (path as NSString).appendingPathComponent("cur"))
            || manager.fileExists(atPath: (path as NSString).appendingPathComponent("new"))
    }

    mutating func readFile(_ path: String) throws {
        if ingestor.options.parallelism > 1 {
            try readFile(path, from: FilePosition(), parallelism: ingestor.options.parallelism, messageEnded: { _ in })
            return
        }
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
        let (head, ended) = try readHead(handle, name: name)
        if head.isEmpty {
            try ignore("input.empty", "empty input", at: SourceLocation(file: name))
            return
        }
        let format = InputFormat.sniff(head.prefix(InputFormat.sniffLength))
        switch format {
        case .mbox:
            try readMbox(first: head, rest: ended ? nil : handle, name: name)
        case .message, .note, .unknown:
            try readSingle(head: head, ended: ended, handle: handle, format: format, name: name)
        }
    }

    /// The first bytes of a stream, enough to sniff its format; `ended` when that was all of it.
    private mutating func readHead(_ handle: FileHandle, name: String) throws -> (head: [UInt8], ended: Bool) {
        var head: [UInt8] = []
        while head.count < InputFormat.sniffLength {
            guard let chunk = try readChunk(handle, name: name) else { return (head, true) }
            head.append(contentsOf: chunk)
        }
        return (head, false)
    }

    /// Reads the rest of a stream that holds one message or note (up to the size limit).
    private mutating func readSingle(head: [UInt8], ended: Bool, handle: FileHandle, format: InputFormat, name: String) throws {
        // Not mail: nothing to buffer, however large the file.
        if format == .unknown { return try readWhole([], format: format, name: name) }
        var bytes = head
        var oversized = false
        while !ended, let chunk = try readChunk(handle, name: name) {
            if bytes.count + chunk.count > ingestor.options.maximumMessageSize {
                oversized = true
                var total = bytes.count + chunk.count
                while let more = try readChunk(handle, name: name) { total += more.count }
                bytes = []
                // A message was found and not read: it counts, so that the summary adds up.
                summary.messages += 1
                try skip("message.oversized", "message of \(total) bytes exceeds the \(ingestor.options.maximumMessageSize)-byte limit; skipped",
                         at: SourceLocation(file: name, offset: 0))
                break
            }
            bytes.append(contentsOf: chunk)
        }
        if !oversized { try readWhole(bytes, format: format, name: name) }
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
    /// Up to `readChunkSize` bytes, read straight into the array (as `FileHandle.read(upToCount:)`
    /// reads, until the size or the end, but without a `Data` to copy from); nil at the end. A
    /// read error loses the chunk and the rest of the input, with a diagnostic.
    private mutating func readChunk(_ handle: FileHandle, name: String) throws -> [UInt8]? {
        let size = max(1, ingestor.options.readChunkSize)
        var failed = false
        let chunk = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let read = systemRead(handle.fileDescriptor, buffer.baseAddress! + count, size - count)
                if read > 0 {
                    count += read
                } else if read == 0 {
                    break
                } else if errno != EINTR {
                    failed = true
                    break
                }
            }
        }
        if failed {
            summary.unreadable += 1
            try diagnose(.error, "input.read-error", "read error; the rest of this input is lost", at: SourceLocation(file: name))
            return nil
        }
        return chunk.isEmpty ? nil : chunk
    }

    /// `read(2)`, named apart from the `read` methods around it.
    private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
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
        try deliver(ingestor.parser.parse(bytes, location: location, envelope: envelope), location: location)
    }

    /// Counts and hands out what parsing one message gave.
    private mutating func deliver(_ output: MessageParser.Output, location: SourceLocation) throws {
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
        for (index, document) in output.documents.enumerated() {
            summary.documents += 1
            if let emitPrepared, index < output.prepared.count {
                try emitPrepared(document, output.prepared[index])
            } else {
                try emit(.document(document))
            }
        }
    }

    // MARK: - Resumable files

    mutating func readFile(
        _ path: String, from position: FilePosition, parallelism: Int, messageEnded: @escaping (FilePosition) throws -> Void
    ) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            summary.unreadable += 1
            try diagnose(.error, "input.unreadable", "file cannot be opened for reading", at: SourceLocation(file: path))
            return
        }
        defer { try? handle.close() }
        summary.files += 1
        var reader = BatchedMboxReader(base: position, parallelism: parallelism, messageEnded: messageEnded,
                                       maximumMessageSize: ingestor.options.maximumMessageSize)
        if position.offset > 0 {
            try handle.seek(toOffset: UInt64(position.offset))
            while let chunk = try readChunk(handle, name: path) { try reader.append(chunk, run: &self, name: path) }
            try reader.finish(run: &self, name: path)
            return
        }
        let (head, ended) = try readHead(handle, name: path)
        if head.isEmpty {
            try ignore("input.empty", "empty input", at: SourceLocation(file: path))
            return
        }
        let format = InputFormat.sniff(head.prefix(InputFormat.sniffLength))
        if format == .mbox {
            try reader.append(head, run: &self, name: path)
            while !ended, let chunk = try readChunk(handle, name: path) { try reader.append(chunk, run: &self, name: path) }
            try reader.finish(run: &self, name: path)
        } else {
            try readSingle(head: head, ended: ended, handle: handle, format: format, name: path)
            try messageEnded(FilePosition(offset: Int(try handle.offset()), messages: format == .unknown ? 0 : 1))
        }
    }

    /// A batch's parsing, run on other threads; `wait` gives its outputs once done.
    private final class ParseJob: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        /// Written once by the parsing thread before `done` is signalled, read after.
        private var outputs: [MessageParser.Output?] = []

        init(_ parse: @escaping @Sendable () -> [MessageParser.Output?]) {
            DispatchQueue.global().async {
                self.outputs = parse()
                self.done.signal()
            }
        }

        func wait() -> [MessageParser.Output?] {
            done.wait()
            return outputs
        }
    }

    /// Frames an mbox sequentially (cheap), parses the framed messages in batches across
    /// threads (expensive) while the next batch is framed, then hands out each message's events
    /// and end in file order.
    private struct BatchedMboxReader {
        /// Messages parsed per batch and thread: enough to keep threads busy (each batch ends
        /// when its slowest message is parsed; 32 left a core idle for a tenth of a large run),
        /// few enough to keep memory small (and `maximumBatchBytes` bounds a batch anyway).
        static let messagesPerThread = 128
        /// A batch is parsed early once it holds this many bytes.
        static let maximumBatchBytes = 16 << 20

        let base: FilePosition
        let parallelism: Int
        let messageEnded: (FilePosition) throws -> Void
        var decoder: MboxDecoder
        /// Framed events not yet handed out; the last message's end is unknown until the next
        /// message (or the end of the file) is seen.
        var pending: [(event: MboxEvent, end: Int?)] = []
        var pendingBytes = 0
        /// Bytes consumed from `base.offset` on.
        var consumed = 0
        /// The batch being parsed while the next one is framed.
        var inFlight: (batch: [(event: MboxEvent, end: Int?)], job: ParseJob)?

        init(base: FilePosition, parallelism: Int, messageEnded: @escaping (FilePosition) throws -> Void,
             maximumMessageSize: Int) {
            self.base = base
            self.parallelism = parallelism
            self.messageEnded = messageEnded
            decoder = MboxDecoder(maximumMessageSize: maximumMessageSize)
        }

        mutating func append(_ chunk: [UInt8], run: inout Run, name: String) throws {
            consumed += chunk.count
            decoder.append(chunk)
            while let event = decoder.next() { try take(event, run: &run, name: name) }
        }

        mutating func finish(run: inout Run, name: String) throws {
            while let event = decoder.finish() { try take(event, run: &run, name: name) }
            if let last = pending.lastIndex(where: { $0.end == nil && Self.isMessage($0.event) }) {
                pending[last].end = base.offset + consumed
            }
            try flush(run: &run, name: name, keepingLast: false)
            if let parsing = inFlight {
                inFlight = nil
                try deliver(parsing.batch, parsing.job.wait(), run: &run, name: name)
            }
        }

        private mutating func take(_ event: MboxEvent, run: inout Run, name: String) throws {
            switch event {
            case .message(let message):
                closePrevious(at: message.offset)
                pendingBytes += message.bytes.count
            case .oversized(_, let offset, _):
                closePrevious(at: offset)
            case .leadingGarbage:
                break
            }
            pending.append((event, nil))
            let messages = pending.count(where: { Self.isMessage($0.event) })
            if messages > Self.messagesPerThread * parallelism || pendingBytes > Self.maximumBatchBytes {
                try flush(run: &run, name: name, keepingLast: true)
            }
        }

        /// A message ends where the next one's separator line begins.
        private mutating func closePrevious(at offset: Int) {
            if let last = pending.lastIndex(where: { Self.isMessage($0.event) }), pending[last].end == nil {
                pending[last].end = base.offset + offset
            }
        }

        private static func isMessage(_ event: MboxEvent) -> Bool {
            if case .leadingGarbage = event { return false }
            return true
        }

        /// Parses and hands out every pending event whose end is known.
        private mutating func flush(run: inout Run, name: String, keepingLast: Bool) throws {
            var ready = pending.count
            if keepingLast, let last = pending.indices.last, pending[last].end == nil, Self.isMessage(pending[last].event) {
                ready = last
            }
            guard ready > 0 else { return }
            let batch = Array(pending[..<ready])
            pending.removeFirst(ready)
            pendingBytes = pending.reduce(0) { total, item in
                if case .message(let message) = item.event { return total + message.bytes.count }
                return total
            }
            guard parallelism > 1 else {
                let outputs = Self.parse(batch, parser: run.ingestor.parser, name: name, base: base, parallelism: 1,
                                         prepare: nil)
                try deliver(batch, outputs, run: &run, name: name)
                return
            }
            // The batch is parsed on other threads while this one frames the next; the batch
            // before it is handed out first, so events keep file order.
            // Prepared on the parsing threads, for a caller that takes what preparing gives.
            let prepare = run.emitPrepared == nil ? nil : run.ingestor.options.prepare
            let job = ParseJob { [base, parallelism, parser = run.ingestor.parser] in
                Self.parse(batch, parser: parser, name: name, base: base, parallelism: parallelism, prepare: prepare)
            }
            if let parsing = inFlight {
                inFlight = nil
                try deliver(parsing.batch, parsing.job.wait(), run: &run, name: name)
            }
            inFlight = (batch, job)
        }

        /// Hands out a parsed batch's events and message ends in file order.
        private func deliver(
            _ batch: [(event: MboxEvent, end: Int?)], _ outputs: [MessageParser.Output?], run: inout Run, name: String
        ) throws {
            for (index, item) in batch.enumerated() {
                switch item.event {
                case .message(let message):
                    run.summary.messages += 1
                    try run.deliver(outputs[index]!, location: location(name, message.index, message.offset))
                case .oversized(let number, let offset, let size):
                    run.summary.messages += 1
                    try run.skip("message.oversized", "message of \(size) bytes exceeds the \(run.ingestor.options.maximumMessageSize)-byte limit; skipped",
                                 at: location(name, number, offset))
                case .leadingGarbage(let offset, let size):
                    try run.diagnose(.warning, "mbox.leading-garbage", "\(size) bytes before the first message do not belong to any message; ignored",
                                     at: SourceLocation(file: name, offset: base.offset + offset))
                    continue
                }
                if let end = item.end {
                    let number: Int
                    switch item.event {
                    case .message(let message): number = message.index
                    case .oversized(let index, _, _): number = index
                    case .leadingGarbage: continue
                    }
                    try messageEnded(FilePosition(offset: end, messages: base.messages + number))
                }
            }
        }

        private func location(_ name: String, _ number: Int, _ offset: Int) -> SourceLocation {
            Self.location(name, base, number, offset)
        }

        private static func location(_ name: String, _ base: FilePosition, _ number: Int, _ offset: Int) -> SourceLocation {
            SourceLocation(file: name, index: base.messages + number, offset: base.offset + offset)
        }

        /// Parses the batch's messages on up to `parallelism` threads, each taking the next one not yet
        /// taken, and prepares their documents there when `prepare` is given.
        private static func parse(
            _ batch: [(event: MboxEvent, end: Int?)], parser: MessageParser, name: String, base: FilePosition,
            parallelism: Int, prepare: DocumentPreparation?
        ) -> [MessageParser.Output?] {
            batch.map(\.event).parallelMap(parallelism: parallelism, state: { prepare?() }) { preparing, event in
                guard case .message(let message) = event else { return nil }
                var output = parser.parse(message.bytes, location: Self.location(name, base, message.index, message.offset),
                                          envelope: message.envelope)
                if let preparing {
                    output.prepared.reserveCapacity(output.documents.count)
                    for index in output.documents.indices {
                        output.prepared.append(preparing(&output.documents[index]))
                    }
                }
                return output
            }
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
