import RapportResources

/// The cue words that tell the note readers what a heading or a `Label:` announces, and the month
/// names their date parser knows. Loaded from `Lexicons/note-cues.txt` (its header documents the
/// format), so a user can extend them without touching code.
struct NoteCues: Sendable {
    /// What a cue announces.
    enum Kind: String, Sendable, CaseIterable {
        case title, date, time, attendees, absent, organiser, account, thread, location, agenda, summary
        case decisions, actions
        case nextSteps = "next-steps"
        case risks, owner, due, speaker, said, label
        case organisationSuffix = "org-suffix"
        case and

        /// Kinds that open a section of a note: what follows belongs to it until the next one.
        var opensSection: Bool {
            switch self {
            case .attendees, .absent, .agenda, .summary, .decisions, .actions, .nextSteps, .risks: true
            default: false
            }
        }
    }

    /// Folded phrase → kind.
    private(set) var kinds: [String: Kind] = [:]
    /// Folded month name → 1…12.
    private(set) var months: [String: Int] = [:]
    /// The first phrase given for each kind and language: the name a section gets by default.
    private(set) var sectionNames: [String: String] = [:]
    /// Line numbers of lines that could not be read, for the file's own test.
    private(set) var malformedLines: [Int] = []

    /// The cues shipped in the binary.
    static let shipped = NoteCues(text: DefaultResources.text("note-cues.txt") ?? "")

    init(text: String) {
        var lineNumber = 0
        // Splitting at `isNewline` takes LF and CRLF (one Character in Swift) alike.
        for trimmed in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if fields.count == 4, fields[0] == "month", let number = Int(fields[2]), (1...12).contains(number) {
                months[Self.fold(fields[3])] = number
            } else if fields.count == 3, let kind = Kind(rawValue: fields[0]), !fields[2].isEmpty {
                let key = Self.fold(fields[2])
                kinds[key] = kind
                let nameKey = kind.rawValue + "/" + fields[1]
                if sectionNames[nameKey] == nil { sectionNames[nameKey] = fields[2] }
            } else {
                malformedLines.append(lineNumber)
            }
        }
    }

    /// The kind a label or heading announces (`"Ákvarðanir:"` → `.decisions`), or nil.
    func kind(of label: some StringProtocol) -> Kind? {
        kinds[Self.fold(label)]
    }

    /// The month a name or abbreviation stands for (`"mars"`, `"Mar."` → 3), or nil.
    func month(_ name: some StringProtocol) -> Int? {
        months[Self.fold(name)]
    }

    /// The name a section of `kind` gets in `language` (`en` when that language has none).
    func sectionName(_ kind: Kind, language: String?) -> String {
        sectionNames[kind.rawValue + "/" + (language ?? "en")] ?? sectionNames[kind.rawValue + "/en"] ?? kind.rawValue
    }

    /// True when `word` ends a company name (`ehf.`, `Ltd`).
    func isOrganisationSuffix(_ word: some StringProtocol) -> Bool {
        kinds[Self.fold(word)] == .organisationSuffix || kinds[Self.fold(word) + "."] == .organisationSuffix
    }

    /// Lower-cased, trimmed, without one trailing `:` or `.`, inner whitespace collapsed.
    static func fold(_ text: some StringProtocol) -> String {
        var words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }).joined(
            separator: " ")
        if words.hasSuffix(":") { words.removeLast() }
        while words.hasSuffix(" ") { words.removeLast() }
        if words.count > 1, words.hasSuffix(".") { words.removeLast() }
        return words
    }
}
