import ArgumentParser
import Foundation
import RapportIngest
import RapportLanguage
import RapportModel
import RapportReport

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print every document read from the inputs as one JSON object per line (NDJSON).",
        discussion: """
            Inputs are files (mbox, .eml, meeting notes), directories (read recursively; Maildir \
            folders included) or - for standard input. Formats are detected from content. Problems \
            go to standard error with the file, message number and byte offset; a summary ends the run.
            """
    )

    @Argument(help: "Files, directories, or - for standard input.")
    var inputs: [String] = ["-"]

    @Flag(name: .shortAndLong, help: "Also print notes (repaired charsets, guessed dates) on standard error.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Print no diagnostics or summary.")
    var quiet = false

    @Flag(help: "Write each document as soon as it is read, with thread null: constant memory for any input size.")
    var noThreads = false

    func run() throws {
        let printer = DiagnosticPrinter(verbose: verbose, quiet: quiet)
        let identifier = LanguageIdentifier.default
        var spool = noThreads ? nil : try DocumentSpool()
        var output = StandardOutput()
        let summary = try Ingestor().read(inputs) { event in
            switch event {
            case .document(var document):
                document.language = identifier.identify(document.text).rawValue
                if spool == nil {
                    output.write(DocumentJSON.value(document).serialized())
                    output.write("\n")
                } else {
                    try spool?.append(document)
                }
            case .diagnostic(let diagnostic):
                printer.print(diagnostic)
            }
        }
        try spool?.replay { line in
            output.write(line)
            output.write("\n")
        }
        output.flush()
        printer.printSummary(summary)
        if summary.unreadable > 0 { throw ExitStatus.unreadableInput }
    }
}

/// Holds documents until their threads are known, without keeping their text in memory: each
/// document's JSON goes to a temporary file, and only what threading needs stays in memory.
/// Threads need every message (a reply may come before its parent), so output waits for the end.
struct DocumentSpool {
    private let url: URL
    private let writer: FileHandle
    private var lengths: [Int] = []
    private var keys: [Document] = []
    private var buffer: [UInt8] = []

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-extract-\(UUID().uuidString).ndjson")
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: url.path) else {
            StandardError.write("rapport: cannot create a temporary file in \(url.deletingLastPathComponent().path)\n")
            throw ExitStatus.failure
        }
        writer = handle
    }

    mutating func append(_ document: Document) throws {
        let line = Array(DocumentJSON.value(document).serialized().utf8)
        lengths.append(line.count)
        buffer.append(contentsOf: line)
        if buffer.count >= 1 << 20 { try flush() }
        var key = document
        key.text = StableHash.hex(of: document.text.utf8)
        key.segments = []
        key.attachments = []
        // Threading tells same-subject conversations apart by their correspondents' addresses.
        key.from = document.from.map { Participant(address: $0.address) }
        key.to = document.to.map { Participant(address: $0.address) }
        key.cc = document.cc.map { Participant(address: $0.address) }
        keys.append(key)
    }

    private mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try writer.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Threads the documents, then hands out each JSON line, in input order, with its thread id.
    mutating func replay(_ emit: (String) throws -> Void) throws {
        try flush()
        try writer.close()
        defer { try? FileManager.default.removeItem(at: url) }
        Threader().assignThreads(&keys)
        guard let reader = FileHandle(forReadingAtPath: url.path) else { throw ExitStatus.failure }
        defer { try? reader.close() }
        let nullThreadMember = #","thread":null,"#
        for (index, length) in lengths.enumerated() {
            let data = try reader.read(upToCount: length) ?? Data()
            var line = String(decoding: data, as: UTF8.self)
            // Inside JSON strings every quote is escaped, so the first match is the key itself.
            if let thread = keys[index].thread, let range = line.range(of: nullThreadMember) {
                line.replaceSubrange(range, with: #","thread":"# + JSONValue.string(thread).serialized() + ",")
            }
            try emit(line)
        }
    }
}
