import Foundation
import RapportModel

/// Reads Rapport meeting-notes XML (`Samples/notes/README.md`, schema
/// `Samples/notes/rapport-notes.rng`). Elements are matched by local name, in the Rapport
/// namespace or in none; unknown elements are kept as text, never rejected. Every field of a
/// person, turn or action may be an attribute or a child element of the same name.
struct RapportNoteXMLReader {
    let cues: NoteCues

    /// True for a `meeting` root in the Rapport namespace or in none.
    static func accepts(_ root: MarkupElement) -> Bool {
        root.name == "meeting" && (root.namespace == nil || root.namespace == NoteReader.namespace)
    }

    func read(_ root: MarkupElement, diagnostics: inout NoteDiagnostics) -> NoteContent {
        // `xml:lang` arrives as `lang`: attributes are copied by local name.
        var reading = Reading(cues: cues, language: root.attribute("lang"))
        reading.content.id = Self.field("id", of: root)
        reading.readChildren(of: root, sectionTitle: nil)
        if reading.unknownElements > 0 {
            diagnostics.add(
                .note, "note.unknown-elements",
                "\(reading.unknownElements) element(s) not in the Rapport notes schema were kept as text",
                line: reading.firstUnknownLine)
        }
        if reading.unreadableDate {
            diagnostics.add(
                .warning, "note.date-unreadable", "the note's date could not be read", line: reading.dateLine)
        }
        return reading.content
    }

    /// The value of a field given as an attribute or as a child element.
    fileprivate static func field(_ name: String, of element: MarkupElement) -> String? {
        if let value = element.attribute(name)?.collapsingSpaces.nonEmpty { return value }
        return element.elements.first { $0.name == name }.flatMap { $0.rawText.collapsingSpaces.nonEmpty }
    }

    /// State while walking one document.
    private struct Reading {
        let cues: NoteCues
        let language: String?
        var content = NoteContent()
        var unknownElements = 0
        var firstUnknownLine: Int?
        var unreadableDate = false
        var dateLine: Int?

        init(cues: NoteCues, language: String?) {
            self.cues = cues
            self.language = language.map { String($0.prefix(2)).lowercasedFast() }
        }

        private var parser: NoteDateParser { NoteDateParser(cues: cues) }

        private func field(_ name: String, of element: MarkupElement) -> String? {
            RapportNoteXMLReader.field(name, of: element)
        }

        /// Walks a container (the root, an agenda item, a transcript) in document order. Free text
        /// directly inside an agenda item becomes one segment prefixed with the item's title.
        mutating func readChildren(of element: MarkupElement, sectionTitle: String?) {
            var freeText = ""
            func flush(_ reading: inout Reading) {
                let text = freeText.collapsingSpaces
                freeText = ""
                guard !text.isEmpty else { return }
                reading.content.addSegment(sectionTitle.map { "\($0): \(text)" } ?? text)
            }
            for child in element.children {
                switch child {
                case .text(let text):
                    if sectionTitle != nil { freeText += " " + text }
                case .element(let element):
                    if sectionTitle != nil, ["p", "para", "text", "note"].contains(element.name) {
                        freeText += " " + element.rawText
                        continue
                    }
                    flush(&self)
                    readElement(element, sectionTitle: sectionTitle)
                }
            }
            flush(&self)
        }

        private mutating func readElement(_ element: MarkupElement, sectionTitle: String?) {
            switch element.name {
            case "id":
                content.id = content.id ?? element.rawText.collapsingSpaces.nonEmpty
            case "title":
                content.title = element.rawText.collapsingSpaces.nonEmpty
            case "date":
                readDate(element)
            case "account":
                content.account = element.rawText.collapsingSpaces.nonEmpty
            case "thread":
                let messageID = field("message-id", of: element)
                content.threadMessageID = messageID ?? content.threadMessageID
                content.threadSubject = field("subject", of: element) ?? content.threadSubject
                if messageID == nil, field("subject", of: element) == nil,
                    let text = element.rawText.collapsingSpaces.nonEmpty
                {
                    if text.contains("@") { content.threadMessageID = text } else { content.threadSubject = text }
                }
            case "organiser", "organizer":
                content.organiser = person(element)
            case "attendees":
                for attendee in element.elements where attendee.name == "attendee" {
                    if let person = person(attendee) { content.addAttendee(person) }
                }
            case "attendee":
                if let person = person(element) { content.addAttendee(person) }
            case "agenda", "transcript", "discussion":
                readChildren(of: element, sectionTitle: nil)
            case "item", "section", "topic":
                let title = field("title", of: element)
                readChildren(of: element, sectionTitle: title ?? cues.sectionName(.agenda, language: language))
            case "turn":
                let speaker = field("speaker", of: element)
                content.addSegment(
                    speaker: speaker.map(content.resolveSpeaker), text(of: element, excluding: ["speaker"]))
            case "summary":
                content.addSegment(element.rawText)
            case "decisions", "actions", "risks", "next-steps":
                readItems(element)
            case "decision", "action", "risk", "step":
                readItem(element, label: label(for: element, parentName: nil))
            default:
                unknownElements += 1
                if firstUnknownLine == nil { firstUnknownLine = element.line }
                content.addSegment(element.rawText.collapsingSpaces)
            }
        }

        private mutating func readItems(_ section: MarkupElement) {
            let label = field("title", of: section) ?? label(for: section, parentName: section.name)
            for child in section.elements where child.name != "title" {
                readItem(child, label: label)
            }
        }

        /// The section name an item's text is prefixed with: the section's `title`, else the cue
        /// file's name for it in the note's language.
        private func label(for element: MarkupElement, parentName: String?) -> String {
            let kind: NoteCues.Kind
            switch parentName ?? element.name {
            case "decisions", "decision": kind = .decisions
            case "actions", "action": kind = .actions
            case "next-steps", "step": kind = .nextSteps
            default: kind = .risks
            }
            return cues.sectionName(kind, language: language)
        }

        private mutating func readItem(_ item: MarkupElement, label: String) {
            let text = text(of: item, excluding: ["owner", "due"])
            guard !text.isEmpty else { return }
            var details: [String] = []
            if let owner = field("owner", of: item) { details.append("owner: " + content.resolveSpeaker(owner)) }
            if let due = field("due", of: item) {
                details.append("due: " + (parser.firstDate(in: due)?.date.isoDay ?? due))
            }
            content.addSegment(
                label + ": " + text + (details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")"))
        }

        private mutating func readDate(_ element: MarkupElement) {
            let text = element.rawText.collapsingSpaces
            dateLine = element.line
            guard var date = parser.firstDate(in: text)?.date else {
                unreadableDate = !text.isEmpty
                return
            }
            if date.offset == nil, let zone = element.attribute("zone") {
                date.offset = NoteZone.offset(of: zone, on: date)
            }
            content.date = date
        }

        private func person(_ element: MarkupElement) -> Participant? {
            let name =
                field("name", of: element)
                ?? element.children.compactMap {
                    if case .text(let text) = $0 { text } else { nil }
                }.joined(separator: " ").collapsingSpaces.nonEmpty
            return NoteParticipant.make(
                name: name, email: field("email", of: element),
                organisation: field("organisation", of: element) ?? field("organization", of: element),
                role: field("role", of: element)
            )
        }

        /// The element's text without the child elements that carry its fields.
        private func text(of element: MarkupElement, excluding fields: Set<String>) -> String {
            var text = ""
            for child in element.children {
                switch child {
                case .text(let value): text += value
                case .element(let inner) where !fields.contains(inner.name): text += inner.rawText
                case .element: continue
                }
            }
            return text.collapsingSpaces
        }
    }
}

/// Turns a `zone` attribute (an offset such as `+01:00`, or an IANA name such as
/// `Atlantic/Reykjavik`) into seconds east of UTC on a given day.
enum NoteZone {
    static func offset(of zone: String, on date: NoteDate) -> Int? {
        let trimmed = zone.trimmingSpaces
        if let named = NoteDateParser.namedZones[trimmed.lowercasedFast()] { return named }
        if let sign = trimmed.first, sign == "+" || sign == "-" {
            let digits = trimmed.dropFirst().filter(\.isNumber)
            guard digits.count == 4 || digits.count == 2, let value = Int(digits) else { return nil }
            let seconds = digits.count == 4 ? (value / 100) * 3600 + (value % 100) * 60 : value * 3600
            return sign == "+" ? seconds : -seconds
        }
        guard let timeZone = TimeZone(identifier: trimmed) else { return nil }
        return timeZone.secondsFromGMT(
            for: NoteDate(
                year: date.year, month: date.month, day: date.day, hour: date.hour,
                minute: date.minute
            ).instant)
    }
}
