import RapportResources

/// Abbreviations whose dots do not end a sentence (`e.g.`, `Mr.`, `t.d.`, `o.s.frv.`), read from
/// the `Lexicons/abbreviations-*.txt` data files.
///
/// File format: one abbreviation per line, lower-case, with its dots; `#` starts a comment. An
/// optional second field `final` (after a TAB) marks an abbreviation that may also end a sentence
/// (`etc.`, `inc.`): a capitalised word after it starts a new one.
public struct AbbreviationList: Sendable {
    /// Lower-cased abbreviation bytes (with dots) → may end a sentence.
    private(set) var table = ByteTable<Bool>()

    public init() {}

    /// Reads abbreviation files; lines that are not abbreviations (no dot at the end) are errors.
    public init(text: String, file: String) throws {
        try add(text: text, file: file)
    }

    public mutating func add(text: String, file: String) throws {
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let content = line.hasSuffix("\r") ? line.dropLast() : line[...]
            if content.isEmpty || content.hasPrefix("#") { continue }
            let fields = content.split(separator: "\t", omittingEmptySubsequences: false)
            let abbreviation = String(fields[0]).lowercased()
            guard abbreviation.hasSuffix("."), abbreviation.count >= 2, !abbreviation.contains(" ") else {
                throw DataFileError(
                    file: file, line: lineNumber, reason: "an abbreviation must end with '.' and have no spaces")
            }
            var isFinal = false
            if fields.count > 1 {
                guard fields.count == 2, fields[1] == "final" else {
                    throw DataFileError(file: file, line: lineNumber, reason: "the only flag after the TAB is 'final'")
                }
                isFinal = true
            }
            table.set(isFinal, for: Array(abbreviation.utf8))
        }
    }

    public var count: Int { table.count }

    public func contains(_ abbreviation: String) -> Bool { table.value(for: abbreviation.lowercased()) != nil }

    /// The English and Icelandic lists shipped in `Lexicons/`.
    public static let `default`: AbbreviationList = {
        var list = AbbreviationList()
        for name in ["abbreviations-en.txt", "abbreviations-is.txt"] {
            guard let text = DefaultResources.text(name) else { continue }
            try? list.add(text: text, file: name)
        }
        return list
    }()
}

/// A problem in one of the small data files (abbreviations, language profiles), located by line.
public struct DataFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { "\(file):\(line): \(reason)" }
}
