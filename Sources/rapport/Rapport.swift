import ArgumentParser

@main
struct Rapport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "Reads mail and meeting notes and tells you which relationships are going wrong, and why.",
        version: "0.1.0",
        subcommands: [Extract.self, Score.self, Explain.self, LexiconCommand.self, Analyze.self, Scan.self, Report.self]
    )
}
