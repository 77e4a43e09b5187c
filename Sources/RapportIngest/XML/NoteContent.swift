import RapportModel

/// What a note reader found in one note, before it becomes a `Document`. The three readers (Rapport
/// XML, generic XML, HTML) fill the same fields, so the mapping to `Document` is written once.
struct NoteContent: Sendable {
    var id: String?
    var title: String?
    var date: NoteDate?
    var account: String?
    /// The organiser or note taker, who becomes the document's `from`.
    var organiser: Participant?
    var attendees: [Participant] = []
    /// A Message-ID (without angle brackets) of the mail thread the meeting belongs to.
    var threadMessageID: String?
    /// The subject of the mail thread the meeting belongs to, used as the subject when the note
    /// has no title of its own.
    var threadSubject: String?
    var segments: [Segment] = []

    /// Adds an attendee, merging with one already listed under the same address or name (an
    /// address learnt later replaces a synthetic one; missing organisation and role are filled).
    mutating func addAttendee(_ person: Participant) {
        if let index = attendees.firstIndex(where: { Self.samePerson($0, person) }) {
            var merged = attendees[index]
            if NoteParticipant.isSynthetic(merged.address), !NoteParticipant.isSynthetic(person.address) {
                merged.address = person.address
            }
            merged.name = merged.name ?? person.name
            merged.organisation = merged.organisation ?? person.organisation
            merged.role = merged.role ?? person.role
            attendees[index] = merged
        } else {
            attendees.append(person)
        }
    }

    private static func samePerson(_ left: Participant, _ right: Participant) -> Bool {
        if left.address.lowercasedFast() == right.address.lowercasedFast() { return true }
        if let leftName = left.name, let rightName = right.name {
            return leftName.lowercasedFast() == rightName.lowercasedFast()
        }
        return false
    }

    /// Adds a segment with its whitespace collapsed; empty text is dropped.
    mutating func addSegment(speaker: String? = nil, _ text: String) {
        let trimmed = text.collapsingSpaces
        guard !trimmed.isEmpty else { return }
        segments.append(Segment(speaker: speaker, text: trimmed))
    }

    /// The full name of the one attendee a short name points at: "Anna" or "AJ" for Anna
    /// Jónsdóttir. Other names are returned as written.
    func resolveSpeaker(_ name: String) -> String {
        let folded = name.lowercasedFast()
        let names = attendees.compactMap(\.name)
        if names.contains(where: { $0.lowercasedFast() == folded }) { return name }
        let byFirstName = names.filter { $0.lowercasedFast().split(separator: " ").first.map(String.init) == folded }
        if byFirstName.count == 1 { return byFirstName[0] }
        if name.count >= 2, name.count <= 3, name.allSatisfy({ $0.isUppercase }) {
            let byInitials = names.filter { NoteParticipant.initials(of: $0) == name }
            if byInitials.count == 1 { return byInitials[0] }
        }
        return name
    }

    func document(bytes: [UInt8], location: SourceLocation) -> Document {
        let messageID = threadMessageID.map(NoteParticipant.strippingAngleBrackets)
        return Document(
            id: id ?? "note-" + StableHash.hex(of: bytes),
            kind: .note,
            subject: title ?? threadSubject,
            date: date?.instant,
            dateSource: date == nil ? .none : .note,
            from: organiser.map { [$0] } ?? [],
            to: attendees,
            inReplyTo: messageID,
            references: messageID.map { [$0] } ?? [],
            account: account,
            text: segments.map(\.text).joined(separator: "\n\n"),
            segments: segments,
            source: location
        )
    }
}

/// Participants named in notes, where most people have no address.
enum NoteParticipant {
    /// A person from the parts a note gives. Without an email the address is synthetic: the
    /// name lower-cased with spaces as dots and no domain ("Anna Jónsdóttir" → "anna.jónsdóttir").
    static func make(name: String?, email: String?, organisation: String? = nil, role: String? = nil) -> Participant? {
        let name = name?.trimmingSpaces.nonEmpty
        let email = email.map(strippingAngleBrackets)?.trimmingSpaces.nonEmpty
        guard let address = email.map(normalisedAddress) ?? name.map(syntheticAddress) else { return nil }
        return Participant(
            name: name, address: address, organisation: organisation?.trimmingSpaces.nonEmpty,
            role: role?.trimmingSpaces.nonEmpty)
    }

    static func syntheticAddress(_ name: String) -> String {
        name.lowercasedFast().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: ".")
    }

    static func isSynthetic(_ address: String) -> Bool { !address.contains("@") }

    /// The address with its domain lower-cased, as `Participant` expects.
    static func normalisedAddress(_ address: String) -> String {
        let trimmed = address.hasPrefix("mailto:") ? String(address.dropFirst(7)) : address
        guard let at = trimmed.lastIndex(of: "@") else { return trimmed }
        return String(trimmed[..<at]) + trimmed[at...].lowercased()
    }

    static func strippingAngleBrackets(_ text: String) -> String {
        var slice = Substring(text.trimmingSpaces)
        if slice.hasPrefix("<") { slice.removeFirst() }
        if slice.hasSuffix(">") { slice.removeLast() }
        return String(slice)
    }

    /// "Anna Jónsdóttir" → "AJ".
    static func initials(of name: String) -> String {
        String(name.split(separator: " ").compactMap(\.first).filter(\.isUppercase))
    }
}

extension StringProtocol {
    /// Without leading and trailing whitespace (including no-break spaces) or line breaks.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }

    /// Runs of whitespace (including no-break spaces and line breaks) as single spaces, trimmed.
    var collapsingSpaces: String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
