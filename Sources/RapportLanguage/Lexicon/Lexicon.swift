import Foundation

/// One line of a lexicon: a term, its weight and what it signals.
public struct LexiconEntry: Hashable, Sendable, Codable {
    /// The term as written in the file (`disappoint*`, `per my last email`).
    public var term: String
    public var weight: Double
    public var category: LexiconCategory
    public var note: String?
    /// The 1-based line of the entry in its file.
    public var line: Int

    public init(term: String, weight: Double, category: LexiconCategory, note: String? = nil, line: Int = 0) {
        self.term = term
        self.weight = weight
        self.category = category
        self.note = note
        self.line = line
    }

    /// The words of the term and whether its last word is a stem.
    public var pattern: TermPattern { TermPattern(term) }
}

/// The shape of a term: a word, a `stem*`, a `*suffix` (modifiers only, e.g. `*n't`) or a
/// phrase of several words whose last may be a stem.
public struct TermPattern: Hashable, Sendable {
    public enum Shape: String, Hashable, Sendable, Codable { case word, stem, suffix, phrase }

    /// The words without the `*`.
    public var words: [String]
    public var shape: Shape
    /// The last word of a phrase is a stem.
    public var endsWithStem: Bool

    public init(_ term: String) {
        if SimpleText.isSimple(term) { self.init(simple: term) } else { self.init(characters: term) }
    }

    /// The words cut and checked as `Character`s, as any text must be.
    init(characters term: String) {
        var words = term.split(separator: " ").map(String.init)
        if words.count == 1, words[0].hasPrefix("*") {
            self.words = [String(words[0].dropFirst())]
            shape = .suffix
            endsWithStem = false
            return
        }
        endsWithStem = words.last?.hasSuffix("*") ?? false
        if endsWithStem { words[words.count - 1].removeLast() }
        self.words = words
        shape = words.count > 1 ? .phrase : (endsWithStem ? .stem : .word)
    }
}

extension TermPattern {
    /// `init(_:)` for simple text, on its bytes: the same words (a test holds them equal).
    init(simple term: String) {
        var words = term.utf8.split(separator: UInt8(ascii: " ")).map { String(Substring($0)) }
        if words.count == 1, words[0].utf8.first == UInt8(ascii: "*") {
            self.words = [String(words[0].dropFirst())]
            shape = .suffix
            endsWithStem = false
            return
        }
        endsWithStem = words.last?.utf8.last == UInt8(ascii: "*")
        if endsWithStem { words[words.count - 1].removeLast() }
        self.words = words
        shape = words.count > 1 ? .phrase : (endsWithStem ? .stem : .word)
    }
}

/// Text whose every character is one Unicode scalar below U+0280 (ASCII, Latin-1, the Latin
/// extensions and IPA, so every Icelandic letter) other than CR: no character there joins another, and
/// none has another canonical form, so splitting, counting and comparing characters can be done
/// on the bytes and scalars. Loading the lexicons checks most terms this way; other text takes
/// the `Character` path.
enum SimpleText {
    static func isSimple(_ text: String) -> Bool {
        // U+0280 and above start with a byte of 0xCA or more (combining marks with 0xCC).
        text.utf8.allSatisfy { $0 < 0xCA && $0 != 0x0D }
    }
}

/// A problem found in a lexicon file, located by file and line.
public struct LexiconIssue: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable { case warning, error }

    public var file: String
    public var line: Int
    public var reason: String
    public var severity: Severity

    public init(file: String, line: Int, reason: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.reason = reason
        self.severity = severity
    }

    public var description: String { "\(file):\(line): \(severity.rawValue): \(reason)" }
}

/// A lexicon file that could not be loaded; `issues` lists every problem, not only the first.
public struct LexiconError: Error, Hashable, Sendable, CustomStringConvertible {
    public var issues: [LexiconIssue]

    public init(issues: [LexiconIssue]) { self.issues = issues }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

/// The entries of one lexicon file.
public struct Lexicon: Hashable, Sendable {
    /// The formats a lexicon can be read from: Rapport's own, or a public one imported.
    public enum Format: String, Hashable, Sendable, CaseIterable, Codable {
        case rapport, vader, afinn, nrc, liwc
    }

    /// Where the entries came from (a path or an embedded name), used in messages.
    public var file: String
    /// The language the entries are for, or nil for any language.
    public var language: LanguageCode?
    public var format: Format
    public var entries: [LexiconEntry]

    public init(file: String, language: LanguageCode?, format: Format = .rapport, entries: [LexiconEntry]) {
        self.file = file
        self.language = language
        self.format = format
        self.entries = entries
    }

    /// A lexicon file's bytes as text. A lexicon is data people edit by hand: a stray byte from
    /// another encoding is an error naming its line, not a word silently turned into `�`.
    public static func text(ofFile bytes: some Collection<UInt8>, file: String) throws -> String {
        let bytes = Array(bytes)
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var line = 1
        for piece in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if String(validating: piece, as: UTF8.self) == nil { break }
            line += 1
        }
        throw LexiconError(issues: [LexiconIssue(file: file, line: line, reason: "not UTF-8 text; save the file as UTF-8")])
    }

    /// Reads a file in Rapport's format, throwing every problem (`file:line: reason`) when any
    /// line is wrong.
    public static func load(text: String, file: String) throws -> Lexicon {
        let (lexicon, issues) = parse(text: text, file: file)
        if issues.contains(where: { $0.severity == .error }) { throw LexiconError(issues: issues) }
        return lexicon
    }

    /// Reads a file in Rapport's format, keeping the good lines and listing the problems.
    public static func parse(text: String, file: String) -> (Lexicon, [LexiconIssue]) {
        var parser = LexiconParser(file: file)
        parser.parse(text)
        return (Lexicon(file: file, language: parser.language, entries: parser.entries), parser.issues)
    }
}

/// Reads Rapport's tab-separated format line by line.
struct LexiconParser {
    let file: String
    var language: LanguageCode?
    var sawLanguage = false
    var entries: [LexiconEntry] = []
    var issues: [LexiconIssue] = []
    /// (term, category) → line of its first entry, for duplicate detection.
    var seen: [TermCategoryKey: (line: Int, weight: Double)] = [:]
    /// A line's fields, kept between lines so cutting one allocates nothing.
    private var fields: [Substring] = []
    /// The last category read, as written, since a file lists many entries of one category.
    private var lastCategory: (text: Substring, category: LexiconCategory)?

    init(file: String) { self.file = file }

    mutating func parse(_ text: String) {
        var lineNumber = 0
        // Lines are cut at each newline byte in turn: splitting by `Character` costs more than
        // the rest of loading a lexicon, and splitting the bytes into an array of views made one
        // view per line first.
        var lineStart = text.startIndex
        var atEnd = false
        while !atEnd {
            let lineEnd = text.utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
            var line = text[lineStart..<lineEnd]
            if lineEnd == text.endIndex { atEnd = true } else { lineStart = text.utf8.index(after: lineEnd) }
            lineNumber += 1
            if line.hasSuffix("\r") { line = line.dropLast() }
            if lineNumber == 1 && line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.hasPrefix("#!") {
                directive(line, lineNumber)
                continue
            }
            if line.hasPrefix("#") || line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            if !sawLanguage {
                error(lineNumber, "missing '#!language en|is|any' before the first entry")
                sawLanguage = true
            }
            entry(line, lineNumber)
        }
    }

    mutating func directive(_ line: Substring, _ lineNumber: Int) {
        let parts = line.dropFirst(2).split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0] == "language" else {
            error(lineNumber, "unknown directive; the only one is '#!language en|is|any'")
            return
        }
        if sawLanguage {
            error(lineNumber, "'#!language' must come once, before the first entry")
            return
        }
        sawLanguage = true
        switch parts[1] {
        case "en": language = .english
        case "is": language = .icelandic
        case "any": language = nil
        default: error(lineNumber, "unknown language '\(parts[1])'; use en, is or any")
        }
    }

    mutating func entry(_ line: Substring, _ lineNumber: Int) {
        // The fields, cut at tabs (an ASCII byte, so the indices are also the text's).
        fields.removeAll(keepingCapacity: true)
        var start = line.startIndex
        while let tab = line.utf8[start...].firstIndex(of: UInt8(ascii: "\t")) {
            fields.append(line[start..<tab])
            start = line.utf8.index(after: tab)
        }
        fields.append(line[start...])
        guard fields.count == 3 || fields.count == 4 else {
            error(lineNumber, "expected term<TAB>weight<TAB>category[<TAB>note], found \(fields.count) field(s)")
            return
        }
        let term = String(fields[0])
        let category: LexiconCategory
        if let last = lastCategory, last.text == fields[2] {
            category = last.category
        } else {
            guard let named = LexiconCategory(rawValue: String(fields[2])) else {
                error(lineNumber, "unknown category '\(fields[2])'")
                return
            }
            category = named
            lastCategory = (fields[2], named)
        }
        guard let weight = LexiconParser.number(fields[1]) else {
            error(lineNumber, "weight '\(fields[1])' is not a decimal number such as -2.5")
            return
        }
        if let problem = LexiconParser.termProblem(term, category: category) {
            error(lineNumber, problem)
            return
        }
        guard category.weightRange.contains(weight) else {
            let range = category.weightRange
            error(
                lineNumber,
                "weight \(fields[1]) is outside \(LexiconParser.format(range.lowerBound))…\(LexiconParser.format(range.upperBound)) for \(category)"
            )
            return
        }
        let note = fields.count == 4 && !fields[3].isEmpty ? String(fields[3]) : nil
        let key = TermCategoryKey(term: term, category: category)
        if let first = seen[key] {
            if first.weight == weight {
                error(lineNumber, "duplicate of line \(first.line) ('\(term)' \(category))")
            } else {
                error(
                    lineNumber,
                    "conflicting weights for '\(term)' \(category): line \(first.line) says \(LexiconParser.format(first.weight))"
                )
            }
            return
        }
        seen[key] = (lineNumber, weight)
        entries.append(LexiconEntry(term: term, weight: weight, category: category, note: note, line: lineNumber))
    }

    mutating func error(_ line: Int, _ reason: String) {
        issues.append(LexiconIssue(file: file, line: line, reason: reason))
    }

    /// A decimal with an optional sign and a `.` (no exponent, no comma), as the format says.
    static func number(_ field: Substring) -> Double? {
        guard !field.isEmpty,
            field.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B }),
            let value = Double(field), value.isFinite
        else { return nil }
        return value
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// Why a term cannot be used, or nil when it is well formed.
    /// The most words a phrase may have. Matching tries a phrase's words one by one at every
    /// token, so an unbounded phrase made scoring quadratic in the text (a 3,000-word phrase
    /// took 21 s over 20,000 words); the longest shipped phrase has 9 words.
    static let maximumPhraseWords = 12
    /// The longest term in bytes: room for a 12-word phrase of long Icelandic words, and no more.
    static let maximumTermBytes = 256

    static func termProblem(_ term: String, category: LexiconCategory) -> String? {
        if term.isEmpty { return "empty term" }
        if term.utf8.count > maximumTermBytes { return "term longer than \(maximumTermBytes) bytes" }
        // One pass over the bytes counts the spaces and tells a plain ASCII word or phrase
        // (lexicons hold thousands): lower-case letters, digits, ' and -, single spaces between
        // words, no '*' but a final one.
        var copy = term
        let (spaces, plain) = copy.withUTF8 { utf8 -> (Int, Bool) in
            var spaces = 0
            var plain = utf8.first != UInt8(ascii: " ") && utf8.last != UInt8(ascii: " ")
            for offset in utf8.indices {
                switch utf8[offset] {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"),
                    UInt8(ascii: "-"):
                    continue
                case UInt8(ascii: " "):
                    spaces += 1
                    if offset == 0 || utf8[offset - 1] == UInt8(ascii: " ") || utf8[offset - 1] == UInt8(ascii: "*") {
                        plain = false
                    }
                default:
                    plain = false
                }
            }
            return (spaces, plain)
        }
        if spaces >= maximumPhraseWords { return "a phrase may have at most \(maximumPhraseWords) words" }
        if plain { return nil }
        if SimpleText.isSimple(term) { return simpleTermProblem(term, category: category) }
        return characterTermProblem(term, category: category)
    }

    /// The checks of `termProblem` after the length and word count, on `Character`s.
    static func characterTermProblem(_ term: String, category: LexiconCategory) -> String? {
        let utf8 = Array(term.utf8)
        // Scalar checks rather than Foundation's string searches.
        let scalars = term.unicodeScalars
        if let first = scalars.first, let last = scalars.last,
            CharacterSet.whitespaces.contains(first) || CharacterSet.whitespaces.contains(last)
        {
            return "term has leading or trailing spaces"
        }
        if zip(utf8, utf8.dropFirst()).contains(where: { $0 == UInt8(ascii: " ") && $1 == UInt8(ascii: " ") }) {
            return "words of a phrase are separated by single spaces"
        }
        if scalars.contains(where: { $0 == "\u{2019}" || $0 == "\u{2018}" }) {
            return "write apostrophes as ' (curly ones in text are folded to it)"
        }
        if term != term.lowercased() && !Emoticons.all.contains(term) { return "terms are lower-case" }
        let words = term.split(separator: " ")
        if words.count == 1 && words[0].hasPrefix("*") {
            guard category.isModifier else { return "a '*suffix' term is only allowed for modifiers" }
            guard words[0].count >= 3, !words[0].dropFirst().contains("*") else {
                return "a suffix needs at least two characters after the '*'"
            }
            return nil
        }
        for (index, word) in words.enumerated() {
            guard let star = word.firstIndex(of: "*") else { continue }
            if index != words.count - 1 { return "only the last word of a phrase may be a stem" }
            if word.index(after: star) != word.endIndex { return "'*' may only end a stem" }
            if word.distance(from: word.startIndex, to: star) < 3 {
                return "a stem keeps at least three letters before the '*'"
            }
        }
        return nil
    }

    /// `termProblem` for simple text (`SimpleText`), on its bytes and scalars: characters are
    /// scalars there, none of them a curly apostrophe. The same answers (a test holds them equal).
    static func simpleTermProblem(_ term: String, category: LexiconCategory) -> String? {
        let scalars = term.unicodeScalars
        if let first = scalars.first, let last = scalars.last,
            CharacterSet.whitespaces.contains(first) || CharacterSet.whitespaces.contains(last)
        {
            return "term has leading or trailing spaces"
        }
        let utf8 = term.utf8
        if zip(utf8, utf8.dropFirst()).contains(where: { $0 == UInt8(ascii: " ") && $1 == UInt8(ascii: " ") }) {
            return "words of a phrase are separated by single spaces"
        }
        let lowerCase = scalars.allSatisfy { scalar in
            scalar.isASCII
                ? !(scalar.value >= 0x41 && scalar.value <= 0x5A) : scalar.properties.lowercaseMapping == String(scalar)
        }
        if !lowerCase && !Emoticons.all.contains(term) { return "terms are lower-case" }
        let words = Array(utf8.split(separator: UInt8(ascii: " ")))
        if words.count == 1 && words[0].first == UInt8(ascii: "*") {
            guard category.isModifier else { return "a '*suffix' term is only allowed for modifiers" }
            // Characters are scalars: the bytes that do not continue one.
            guard words[0].count(where: { $0 & 0xC0 != 0x80 }) >= 3, !words[0].dropFirst().contains(UInt8(ascii: "*"))
            else {
                return "a suffix needs at least two characters after the '*'"
            }
            return nil
        }
        for (index, word) in words.enumerated() {
            guard let star = word.firstIndex(of: UInt8(ascii: "*")) else { continue }
            if index != words.count - 1 { return "only the last word of a phrase may be a stem" }
            if word.index(after: star) != word.endIndex { return "'*' may only end a stem" }
            if word[..<star].count(where: { $0 & 0xC0 != 0x80 }) < 3 {
                return "a stem keeps at least three letters before the '*'"
            }
        }
        return nil
    }
}

/// A (term, category) pair, the unit a lexicon file lists once and a later file can re-weight:
/// the key of the parser's duplicate check and of `LexiconSet.merged`.
struct TermCategoryKey: Hashable {
    var term: String
    var category: LexiconCategory
}
