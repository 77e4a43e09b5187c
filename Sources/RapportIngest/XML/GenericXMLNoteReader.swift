/// The fallback for XML that is not Rapport meeting notes (a CRM export, a calendar item): the
/// text of elements in document order, one segment per element that holds text of its own, plus a
/// title, a date and an account where an element's name says what it holds.
struct GenericXMLNoteReader {
    let cues: NoteCues

    /// Element names (lower-cased, without namespace) that commonly hold a title or a date, beyond
    /// the cue words (`title`, `date`, `subject`, …).
    static let titleNames: Set<String> = ["title", "subject", "heading", "headline", "topic", "summary-title"]
    static let dateNames: Set<String> = [
        "date", "created", "start", "starttime", "start-time", "startdate", "start-date", "datetime", "when",
        "meetingdate", "meeting-date", "timestamp", "dtstart",
    ]

    func read(_ root: MarkupElement) -> NoteContent {
        var content = NoteContent()
        visit(root, into: &content)
        return content
    }

    private func visit(_ element: MarkupElement, into content: inout NoteContent) {
        let name = element.name.lowercasedFast()
        let ownText = element.children.contains {
            if case .text(let text) = $0 { !text.trimmingSpaces.isEmpty } else { false }
        }
        if content.date == nil,
            let value = element.attribute("date") ?? element.attribute("created") ?? element.attribute("start"),
            let date = NoteDateParser(cues: cues).firstDate(in: value)?.date
        {
            content.date = date
        }
        if ownText {
            let text = element.rawText.collapsingSpaces
            let kind = cues.kind(of: name)
            if content.title == nil, Self.titleNames.contains(name) || kind == .title {
                content.title = text
                return
            }
            if content.date == nil, Self.dateNames.contains(name) || kind == .date,
                let date = NoteDateParser(cues: cues).firstDate(in: text)?.date
            {
                content.date = date
                return
            }
            if content.account == nil, kind == .account {
                content.account = text
                return
            }
            content.addSegment(text)
            return
        }
        for child in element.elements { visit(child, into: &content) }
    }
}
