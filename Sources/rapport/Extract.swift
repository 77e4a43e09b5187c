import ArgumentParser

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print every document read from the inputs as one JSON object per line (NDJSON)."
    )

    @Argument(help: "Files, directories or - for standard input.")
    var inputs: [String] = ["-"]

    func run() throws {}
}
