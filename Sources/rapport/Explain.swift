import ArgumentParser
import Foundation
import RapportLanguage
import RapportReport

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how a text was scored: each sentence with its score and the words and rules behind it.",
        discussion: """
            Colour is used on a terminal unless NO_COLOR is set (or --color never). --format json prints one \
            JSON object per text with every sentence and its evidence, for tools.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }
    enum ColorChoice: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @Argument(help: "Texts to explain. Without any, --file or standard input is explained as one text.")
    var texts: [String] = []

    @Option(help: "Explain the text of this file (plain text).")
    var file: String?

    @Option(help: "The language of the texts: auto identifies each one.")
    var language: LanguageChoice = .auto

    @Option(help: "text for people, json for tools.")
    var format: Format = .text

    @Option(help: "Colour the text format.")
    var color: ColorChoice = .auto

    @OptionGroup var lexiconOptions: LexiconOptions

    func validate() throws {
        if !texts.isEmpty && file != nil { throw ValidationError("Give texts as arguments or --file, not both.") }
    }

    func run() throws {
        let scorer = try lexiconOptions.scorer()
        let input: ExplainInput = !texts.isEmpty ? .texts(texts) : .file(file ?? "-")
        let useColor: Bool
        switch color {
        case .always: useColor = true
        case .never: useColor = false
        case .auto: useColor = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
        var output = ByteOutput()
        for (number, item) in try input.load().enumerated() {
            let score = scorer.score(item.text, language: language.code)
            switch format {
            case .json:
                output.append(contentsOf: ExplainJSON.value(item, score).serialized().utf8)
                output.append(UInt8(ascii: "\n"))
            case .text:
                if number > 0 { output.append(UInt8(ascii: "\n")) }
                output.append(contentsOf: ExplainText.render(item, score, color: useColor).utf8)
            }
            output.flushIfFull()
        }
        output.flush()
    }
}

// MARK: - Input

/// What `rapport explain` reads. Plain texts and text files today; a mail file (`.eml`) will be
/// added here, explaining the authored text the ingestion layer extracts from it.
enum ExplainInput {
    case texts([String])
    /// A path, or `-` for standard input; the whole content is one text.
    case file(String)

    struct Item {
        /// Names the text in the output (`text 2`, a file name).
        var label: String
        var text: String
    }

    func load() throws -> [Item] {
        switch self {
        case .texts(let texts):
            return texts.enumerated().map { Item(label: "text \($0.offset + 1)", text: $0.element) }
        case .file(let path):
            let data: Data?
            if path == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                data = FileManager.default.contents(atPath: path)
            }
            guard let data else {
                StandardError.write("rapport: cannot read \(path)\n")
                throw ExitStatus.unreadableInput
            }
            return [Item(label: path == "-" ? "standard input" : path, text: String(decoding: data, as: UTF8.self))]
        }
    }
}

// MARK: - Output

enum ExplainJSON {
    static func value(_ item: ExplainInput.Item, _ score: DocumentScore) -> JSONValue {
        .object([
            ("source", .string(item.label)),
            ("language", .string(score.language.rawValue)),
            ("sentiment", .double(score.sentiment)),
            ("positive", .double(score.positive)),
            ("negative", .double(score.negative)),
            ("neutral", .double(score.neutral)),
            ("categories", categories(score.categories)),
            ("politeness", .double(score.politeness)),
            ("sentences", .array(score.sentences.map(sentence))),
        ])
    }

    static func sentence(_ sentence: SentenceScore) -> JSONValue {
        .object([
            ("text", .string(sentence.text)),
            ("start", .int(sentence.utf8Range.lowerBound)),
            ("end", .int(sentence.utf8Range.upperBound)),
            ("sentiment", .double(sentence.sentiment)),
            ("categories", categories(sentence.categories)),
            ("politeness", .double(sentence.politeness)),
            ("rules", .array(sentence.rules.map(JSONValue.string))),
            (
                "evidence",
                .array(
                    sentence.evidence.map { evidence in
                        .object([
                            ("term", .string(evidence.term)),
                            ("entry", .string(evidence.entry)),
                            ("category", .string(evidence.category)),
                            ("base", .double(evidence.baseWeight)),
                            ("final", .double(evidence.finalWeight)),
                            ("rules", .array(evidence.rules.map(JSONValue.string))),
                        ])
                    })
            ),
        ])
    }

    static func categories(_ values: [String: Double]) -> JSONValue {
        .object(values.sorted { $0.key < $1.key }.map { ($0.key, .double($0.value)) })
    }
}

/// The human format: a header per text, then each sentence with its score and the evidence
/// under it. Green is positive, red negative, dim the modifiers and rules.
enum ExplainText {
    static func render(_ item: ExplainInput.Item, _ score: DocumentScore, color: Bool) -> String {
        let paint = Paint(enabled: color)
        var out = paint.bold(item.label) + "  [\(score.language.rawValue)]  sentiment "
        out += paint.valence(score.sentiment, number(score.sentiment, signed: true))
        out +=
            "  (positive \(number(score.positive)), negative \(number(score.negative)), neutral \(number(score.neutral)))"
        out += "  politeness " + number(score.politeness, signed: true) + "\n"
        if !score.categories.isEmpty {
            out +=
                "  "
                + score.categories.sorted { $0.key < $1.key }.map { "\($0.key) \(number($0.value))" }
                .joined(separator: ", ") + "\n"
        }
        for (index, sentence) in score.sentences.enumerated() {
            let text = sentence.text.replacingOccurrences(of: "\n", with: " ")
            out += "  \(index + 1). " + paint.valence(sentence.sentiment, number(sentence.sentiment, signed: true))
            out += "  \(text)"
            if !sentence.rules.isEmpty { out += "  " + paint.dim("(" + sentence.rules.joined(separator: ", ") + ")") }
            out += "\n"
            let width = sentence.evidence.map { $0.term.count }.max() ?? 0
            for evidence in sentence.evidence {
                let padded = evidence.term + String(repeating: " ", count: width - evidence.term.count)
                if evidence.category.hasPrefix("modifier.") {
                    out +=
                        "       " + paint.dim("\(padded)  \(evidence.category) \(number(evidence.baseWeight))") + "\n"
                    continue
                }
                let isSentiment = evidence.category == "sentiment"
                var line = "       " + (isSentiment ? paint.valence(evidence.finalWeight, padded) : paint.bold(padded))
                line += "  \(evidence.category) " + number(evidence.baseWeight, signed: isSentiment)
                if evidence.finalWeight != evidence.baseWeight {
                    line += " → " + number(evidence.finalWeight, signed: isSentiment)
                }
                if evidence.entry.lowercasedFast() != evidence.term.lowercasedFast() {
                    line += paint.dim("  [\(evidence.entry)]")
                }
                if !evidence.rules.isEmpty { line += "  " + paint.dim(evidence.rules.joined(separator: ", ")) }
                out += line + "\n"
            }
        }
        return out
    }

    /// At most four decimals, as in the JSON.
    static func number(_ value: Double, signed: Bool = false) -> String {
        let text = JSONValue.double(value).serialized()
        return signed && value > 0 && text != "0" ? "+" + text : text
    }

    struct Paint {
        var enabled: Bool
        /// Below this magnitude a valence is shown uncoloured (VADER's neutral band, ±0.05).
        static let neutralBand = 0.05

        func wrap(_ code: String, _ text: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        func bold(_ text: String) -> String { wrap("1", text) }
        func dim(_ text: String) -> String { wrap("2", text) }
        func valence(_ value: Double, _ text: String) -> String {
            if value >= Paint.neutralBand { return wrap("32", text) }
            if value <= -Paint.neutralBand { return wrap("31", text) }
            return text
        }
    }
}
