import ArgumentParser
import RapportIngest
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

    func run() throws {
        let printer = DiagnosticPrinter(verbose: verbose, quiet: quiet)
        var documents: [Document] = []
        let summary = try Ingestor().read(inputs) { event in
            switch event {
            case .document(let document): documents.append(document)
            case .diagnostic(let diagnostic): printer.print(diagnostic)
            }
        }
        Threader().assignThreads(&documents)
        var output = StandardOutput()
        for document in documents {
            output.write(DocumentJSON.value(document).serialized())
            output.write("\n")
        }
        output.flush()
        printer.printSummary(summary)
        if summary.unreadable > 0 { throw ExitStatus.unreadableInput }
    }
}
