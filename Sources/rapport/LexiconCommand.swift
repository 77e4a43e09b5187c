import ArgumentParser
import Foundation
import RapportLanguage

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Check lexicon files, or list the lexicons in force.",
        subcommands: [Check.self, List.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Validate lexicon files: syntax, categories, weights, duplicates, conflicting weights, unreachable terms.",
            discussion: """
                Without paths, checks the shipped lexicons. Problems are printed as FILE:LINE: SEVERITY: REASON. \
                Exits with 1 when any error was found (warnings alone exit 0).
                """
        )

        @Argument(help: "Lexicon files (FORMAT:PATH to force a format: rapport, vader, afinn, nrc, liwc).")
        var paths: [String] = []

        @Flag(help: "Check the files together with the shipped lexicons (for duplicates across them).")
        var withDefaults = false

        func run() throws {
            var files: [(lexicon: Lexicon, issues: [LexiconIssue])] = []
            if paths.isEmpty || withDefaults { files = LexiconSet.embeddedFiles() }
            for path in paths { files.append(try LexiconFile.parse(path)) }
            let issues = LexiconCheck().issues(files)
            for issue in issues { print(issue.description) }
            let errors = issues.filter { $0.severity == .error }.count
            let entries = files.map(\.lexicon.entries.count).reduce(0, +)
            print(
                "\(files.count) file\(files.count == 1 ? "" : "s"), \(entries) entries: "
                    + "\(errors) error\(errors == 1 ? "" : "s"), \(issues.count - errors) warning\(issues.count - errors == 1 ? "" : "s")"
            )
            if errors > 0 { throw ExitCode(1) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the lexicons in force, in load order (later files win), with entries per category."
        )

        @OptionGroup var lexiconOptions: LexiconOptions

        func run() throws {
            let set = try lexiconOptions.lexiconSet()
            for lexicon in set.lexicons {
                let counts = Dictionary(grouping: lexicon.entries, by: \.category).mapValues(\.count)
                let language = lexicon.language?.rawValue ?? "any"
                print("\(lexicon.file)\t\(language)\t\(lexicon.format.rawValue)\t\(lexicon.entries.count) entries")
                for (category, count) in counts.sorted(by: { $0.key < $1.key }) {
                    print("  \(category)\t\(count)")
                }
            }
            for language in [LanguageCode.english, .icelandic] {
                print("\(language.rawValue): \(set.matcher(for: language).termCount) distinct terms")
            }
        }
    }
}

/// `--lexicon PATH` (repeatable) and `--no-default-lexicons`, shared by the commands that score.
struct LexiconOptions: ParsableArguments {
    @Option(
        name: .customLong("lexicon"),
        help: "Add a lexicon file, loaded after the shipped ones so its entries win (FORMAT:PATH forces a format).")
    var lexicons: [String] = []

    @Flag(help: "Use only the --lexicon files, not the shipped lexicons.")
    var noDefaultLexicons = false

    func lexiconSet() throws -> LexiconSet {
        let extra = try lexicons.map { path -> Lexicon in
            let (lexicon, issues) = try LexiconFile.parse(path)
            if issues.contains(where: { $0.severity == .error }) {
                for issue in issues { StandardError.write("rapport: \(issue)\n") }
                throw ExitStatus.usage
            }
            return lexicon
        }
        if lexicons.isEmpty && !noDefaultLexicons { return .default }
        return noDefaultLexicons ? LexiconSet(extra) : LexiconSet.default.adding(extra)
    }

    func scorer() throws -> Scorer {
        if lexicons.isEmpty && !noDefaultLexicons { return .default }
        return Scorer(lexicons: try lexiconSet())
    }
}

/// Reads a lexicon named on the command line, in the format its prefix names or detected from
/// its name and content.
enum LexiconFile {
    static func parse(_ argument: String) throws -> (lexicon: Lexicon, issues: [LexiconIssue]) {
        var path = argument
        var format: Lexicon.Format?
        if let colon = argument.firstIndex(of: ":"), let named = Lexicon.Format(rawValue: String(argument[..<colon])),
            !FileManager.default.fileExists(atPath: argument)
        {
            format = named
            path = String(argument[argument.index(after: colon)...])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            StandardError.write("rapport: cannot read lexicon \(path)\n")
            throw ExitStatus.unreadableInput
        }
        let text: String
        do {
            text = try Lexicon.text(ofFile: data, file: path)
        } catch let error as LexiconError {
            return (Lexicon(file: path, language: nil, entries: []), error.issues)
        }
        let chosen = format ?? Lexicon.detectFormat(text: text, file: path)
        return Lexicon.parse(text: text, file: path, format: chosen)
    }
}
