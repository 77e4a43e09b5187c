import RapportModel

/// Reads the people a note lists: "Anna Jónsdóttir (account manager, Norðurljós hugbúnaður ehf.)
/// <anna@nordurljos.is>", "Jón Sigurðsson – CFO, Árvakur hf.", "sara@northwind.co.uk".
///
/// One entry: an email anywhere (bare, in `<…>`, or from a `mailto:` link whose text is the name);
/// the name first; then details in parentheses or after `–`, `-`, `,` or `|`. A detail ending in a
/// company suffix from the cue file (`ehf.`, `hf.`, `Ltd`) is the organisation; otherwise the
/// first detail is the role and the second the organisation.
struct NoteAttendeeParser {
    let cues: NoteCues

    /// A list on one line ("Attendees: Anna (CFO), Jón og Sara"): entries separated by `;` when
    /// there is one, else by `,` outside parentheses and by "and"/"og"/"&".
    func people(inList text: String, links: [HTMLNoteLink]) -> [Participant] {
        let entries: [String]
        if text.contains(";") {
            entries = text.split(separator: ";").map(String.init)
        } else {
            entries = Self.splitOutsideParentheses(text, at: ",").flatMap(splitAtConjunctions)
        }
        return entries.compactMap { person($0, links: links) }
    }

    /// One entry with its details.
    func person(_ entry: String, links: [HTMLNoteLink]) -> Participant? {
        var rest = entry.collapsingSpaces
        guard !rest.isEmpty else { return nil }
        var email: String?
        var details: [String] = []

        // Parenthesised details.
        while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
            details += rest[rest.index(after: open)..<close].split(separator: ",").map { $0.trimmingSpaces }
            rest = (rest[..<open] + " " + rest[rest.index(after: close)...]).collapsingSpaces
        }
        // The email, wherever it is.
        var words: [String] = []
        for word in rest.split(separator: " ") {
            let candidate = Self.trimmedEmail(String(word))
            if email == nil, let candidate { email = candidate } else { words.append(String(word)) }
        }
        rest = words.joined(separator: " ")
        details = details.filter { detail in
            guard email == nil, let candidate = Self.trimmedEmail(detail) else { return true }
            email = candidate
            return false
        }
        // The name, then details after a separator.
        let parts = Self.splitAtSeparators(rest)
        var name = parts.first.flatMap { $0.nonEmpty }
        details = Array(parts.dropFirst()) + details
        if let link = links.first(where: { link in
            (name.map { $0.lowercasedFast() == link.text.lowercasedFast() } ?? false) || entry.contains(link.address)
        }) {
            email = email ?? link.address
            if name == nil, !link.text.contains("@") { name = link.text.nonEmpty }
        }
        if let found = name, found.contains("@") { name = nil }
        var organisation: String?
        var role: String?
        for detail in details where !detail.isEmpty {
            if organisation == nil, endsWithCompanySuffix(detail) {
                organisation = detail
            } else if role == nil {
                role = detail
            } else if organisation == nil {
                organisation = detail
            }
        }
        return NoteParticipant.make(name: name, email: email, organisation: organisation, role: role)
    }

    /// True when the entry could be a person: an email, or a name (see `looksLikeName`), with or
    /// without details.
    func looksLikePerson(_ entry: String) -> Bool {
        if entry.split(separator: " ").contains(where: { Self.trimmedEmail(String($0)) != nil }) { return true }
        let head = Self.splitAtSeparators(entry.split(separator: "(").first.map(String.init) ?? entry).first ?? ""
        return looksLikeName(head)
    }

    /// A person's name as notes write it: one to four capitalised words (name particles such as
    /// "van" or "de" allowed), or initials ("AJ"), up to 40 characters, and not a cue word.
    func looksLikeName(_ text: String) -> Bool {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty, trimmed.count <= 40, cues.kind(of: trimmed) == nil, cues.month(trimmed) == nil else {
            return false
        }
        let words = trimmed.split(separator: " ")
        guard words.count <= 5 else { return false }
        var capitalised = 0
        for word in words {
            if Self.particles.contains(word.lowercased()) { continue }
            guard let first = word.first, first.isUppercase,
                word.allSatisfy({ $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" || $0 == "’" })
            else { return false }
            capitalised += 1
        }
        return capitalised >= 1 && capitalised <= 4
    }

    static let particles: Set<String> = [
        "van", "von", "de", "der", "den", "la", "le", "da", "di", "del", "af", "bin", "al",
    ]

    // MARK: - Splitting

    private func endsWithCompanySuffix(_ text: String) -> Bool {
        guard let last = text.split(separator: " ").last else { return false }
        return cues.isOrganisationSuffix(last)
    }

    private func splitAtConjunctions(_ text: String) -> [String] {
        var parts: [String] = []
        var current: [Substring] = []
        for word in text.split(separator: " ") {
            if cues.kind(of: word) == .and, !current.isEmpty {
                parts.append(current.joined(separator: " "))
                current = []
            } else {
                current.append(word)
            }
        }
        if !current.isEmpty { parts.append(current.joined(separator: " ")) }
        return parts
    }

    /// Splits at ` – `, ` — `, ` - `, `,` and ` | `, keeping company names such as "Árvakur hf."
    /// whole.
    static func splitAtSeparators(_ text: String) -> [String] {
        var normalised = text
        for separator in [" – ", " — ", " - ", " | "] {
            normalised = normalised.replacing(separator, with: ",")
        }
        return normalised.split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }

    static func splitOutsideParentheses(_ text: String, at separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 }
            if character == ")" { depth = max(0, depth - 1) }
            if character == separator, depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts.map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// The address in a word such as `<anna@x.is>,` or `mailto:anna@x.is`, or nil.
    static func trimmedEmail(_ word: String) -> String? {
        var text = Substring(word.trimmingSpaces)
        if text.lowercased().hasPrefix("mailto:") { text = text.dropFirst(7) }
        let junk: Set<Character> = ["<", ">", ",", ";", ".", "(", ")", "[", "]", "\"", "'"]
        while let first = text.first, junk.contains(first) { text.removeFirst() }
        while let last = text.last, junk.contains(last) { text.removeLast() }
        guard let at = text.firstIndex(of: "@"), at != text.startIndex, text[text.index(after: at)...].contains("."),
            !text.contains(" "), text.filter({ $0 == "@" }).count == 1
        else { return nil }
        return String(text)
    }
}
