import RapportResources

/// The phrases that tell where the author's own words end in a mail: attribution lines
/// ("On … wrote:"), original-message separators, quoted header fields, sign-offs, mobile footers
/// and disclaimer openings, in every language the file covers.
///
/// They are data (`Lexicons/reply-cues.txt`, format in `Lexicons/README.md`) so a language can be
/// added without touching code. Each line is `kind<TAB>pattern`; see `Kind` for what each kind
/// is compared with and `CuePattern` for the pattern syntax.
struct ReplyCues: Sendable {
    /// What a cue marks, and so which text it is compared with.
    enum Kind: String, CaseIterable, Sendable {
        /// One to three lines introducing quoted text, read as one line: `on *wrote:`.
        case attribution
        /// A line opening the original message, read without its `-`, `_`, `=`, `*` and `:`
        /// decoration: `original message`.
        case separator
        /// A line opening a forwarded message, read like a separator: `forwarded message`.
        case forward
        /// Field names of a quoted header block, read before the `:` (`from`, `frá`, `von`, `de`).
        case headerFrom = "header-from"
        case headerDate = "header-date"
        case headerTo = "header-to"
        case headerCc = "header-cc"
        case headerSubject = "header-subject"
        /// A whole line closing the message, read without trailing punctuation: `best regards`.
        case signoff
        /// A whole line added by a mail app, read without a trailing `<link>`: `sent from my *`.
        case mobile
        /// The start of a legal notice paragraph; the pattern must end with `*`.
        case disclaimer

        /// The kind's place among all kinds.
        var number: Int {
            switch self {
            case .attribution: 0
            case .separator: 1
            case .forward: 2
            case .headerFrom: 3
            case .headerDate: 4
            case .headerTo: 5
            case .headerCc: 6
            case .headerSubject: 7
            case .signoff: 8
            case .mobile: 9
            case .disclaimer: 10
            }
        }
    }

    /// The field a quoted header line carries; a block needs `from` and one more to count.
    enum HeaderField: Sendable {
        case from, date, to, cc, subject
    }

    /// Name of the shipped file inside `Lexicons/`.
    static let fileName = "reply-cues.txt"

    /// Longest pattern accepted: cues are short phrases, and the bound keeps matching cheap.
    static let maximumPatternLength = 200

    /// Each kind's patterns at its `number`: a dictionary keyed by kind hashed the kind's name
    /// each time a line was asked about.
    private var patterns = [PatternSet?](repeating: nil, count: Kind.allCases.count)

    /// The shipped cues. A shipped file that does not parse is a build defect, so it traps.
    static let `default`: ReplyCues = {
        guard let text = DefaultResources.text(fileName) else {
            preconditionFailure("\(fileName) is not embedded in RapportResources")
        }
        do {
            return try ReplyCues(text: text, file: fileName)
        } catch {
            preconditionFailure("the shipped \(error)")
        }
    }()

    /// Parses the text of a cue file. Blank lines and lines starting with `#` are skipped; any
    /// other line must be `kind<TAB>pattern`, or the error names `file:line: reason`.
    init(text: String, file: String) throws {
        var seen: [String: Int] = [:]
        for (offset, rawLine) in MailLines.split(text).enumerated() {
            let lineNumber = offset + 1
            if rawLine.allSatisfy(\.isWhitespace) || rawLine.hasPrefix("#") { continue }
            func failure(_ reason: String) -> ReplyCuesError {
                ReplyCuesError(file: file, line: lineNumber, reason: reason)
            }
            let fields = rawLine.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else {
                throw failure(fields.count == 1 ? "expected kind<TAB>pattern, found no TAB" : "more than one TAB")
            }
            guard let kind = Kind(rawValue: String(fields[0])) else {
                throw failure("unknown kind '\(fields[0].prefix(40))'")
            }
            let pattern = String(fields[1])
            if let reason = Self.problem(with: pattern, kind: kind) { throw failure(reason) }
            let key = "\(kind.rawValue)\t\(CueText.folded(pattern))"
            if let earlier = seen[key] { throw failure("duplicate of line \(earlier)") }
            seen[key] = lineNumber
            var set = patterns[kind.number] ?? PatternSet()
            set.insert(CuePattern(pattern))
            patterns[kind.number] = set
        }
    }

    private static func problem(with pattern: String, kind: Kind) -> String? {
        if pattern.isEmpty { return "empty pattern" }
        if pattern.count > maximumPatternLength { return "pattern longer than \(maximumPatternLength) characters" }
        if pattern.first!.isWhitespace || pattern.last!.isWhitespace { return "pattern has leading or trailing spaces" }
        if pattern.lowercasedFast() != pattern { return "pattern must be lower-case" }
        if pattern.contains("**") { return "'**' in pattern" }
        if pattern.allSatisfy({ $0 == "*" || $0 == " " }) { return "pattern matches everything" }
        if kind == .disclaimer, !pattern.hasSuffix("*") { return "disclaimer pattern must end with '*'" }
        if Self.headerFields[kind] != nil, pattern.contains(":") { return "header field names are written without ':'" }
        return nil
    }

    private static let headerFields: [Kind: HeaderField] = [
        .headerFrom: .from, .headerDate: .date, .headerTo: .to, .headerCc: .cc, .headerSubject: .subject,
    ]

    // MARK: - Matching

    func matches(_ kind: Kind, _ text: CueText) -> Bool {
        guard !text.isEmpty else { return false }
        return patterns[kind.number]?.matches(text, anchoredOnly: false) ?? false
    }

    /// False when no cue of `kind` can match a text starting with `first`: a cheap test before
    /// preparing a line further.
    func mayMatch(_ kind: Kind, startingWith first: Unicode.Scalar) -> Bool {
        patterns[kind.number]?.mayMatch(startingWith: first) ?? false
    }

    /// Matches attribution cues; with `anchoredOnly`, only those that start with literal text
    /// (`on *wrote:`), which may begin anywhere in a paragraph.
    func matchesAttribution(_ text: CueText, anchoredOnly: Bool) -> Bool {
        guard !text.isEmpty else { return false }
        return patterns[Kind.attribution.number]?.matches(text, anchoredOnly: anchoredOnly) ?? false
    }

    /// Whether a line starts like an anchored attribution ("On …"), so that joining it with the
    /// next lines is worth trying. Most lines fail here at the cost of a dictionary lookup.
    func mayOpenAttribution(_ firstLine: CueText) -> Bool {
        let scalars = firstLine.scalars
        let start = scalars.firstIndex { !Self.attributionDecoration.contains($0) } ?? scalars.endIndex
        return patterns[Kind.attribution.number]?.hasAnchoredPattern(openingWith: scalars[start...]) ?? false
    }

    /// Dashes and stars some clients put around an attribution (`--- On Wed, … wrote:`); they
    /// are not part of it.
    static let attributionDecoration: ScalarSet = ["-", "*", "_", " "]

    /// The header field a field name (the text before `:`) stands for, if any.
    func headerField(named name: CueText) -> HeaderField? {
        for (kind, field) in Self.headerFields where matches(kind, name) { return field }
        return nil
    }
}

/// The patterns of one kind, sorted so that a text is compared only with those that can match
/// it: literal patterns are looked up, anchored ones are bucketed by their first character.
private struct PatternSet: Sendable {
    private var literals: Set<[Unicode.Scalar]> = []
    private var anchored: [Unicode.Scalar: [CuePattern]] = [:]
    private var floating: [CuePattern] = []
    private var initials = ScalarSet()

    mutating func insert(_ pattern: CuePattern) {
        if let initial = pattern.leadingText.first { initials.insert(initial) }
        if let literal = pattern.literal {
            literals.insert(literal)
        } else if let initial = pattern.leadingText.first {
            anchored[initial, default: []].append(pattern)
        } else {
            floating.append(pattern)
        }
    }

    func matches(_ text: CueText, anchoredOnly: Bool) -> Bool {
        if literals.contains(text.scalars) { return true }
        if let first = text.scalars.first, let bucket = anchored[first], bucket.contains(where: { $0.matches(text) }) {
            return true
        }
        return !anchoredOnly && floating.contains { $0.matches(text) }
    }

    func mayMatch(startingWith first: Unicode.Scalar) -> Bool {
        !floating.isEmpty || initials.contains(first)
    }

    func hasAnchoredPattern(openingWith line: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = line.first, let bucket = anchored[first] else { return false }
        return bucket.contains { line.starts(with: $0.leadingText) }
    }
}

/// A cue file line that cannot be read. Its description is `file:line: reason`; it quotes only
/// the cue file, never mail.
struct ReplyCuesError: Error, Equatable, CustomStringConvertible {
    var file: String
    var line: Int
    var reason: String

    var description: String { "\(file):\(line): \(reason)" }
}
