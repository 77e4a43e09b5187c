import RapportModel

/// Reads meeting notes people export as HTML (Confluence, OneNote, Word "Save as HTML"). The
/// heuristics are documented with examples in `Samples/notes/README.md`; in short:
/// - title: `<title>` (Confluence's "Space : Page" loses the space), else the first heading;
/// - date: a `Date:` line, heading or label cell, else a `<meta>` date, else a date in the title or
///   the first heading, else a paragraph holding only a date near the top; a time-only paragraph
///   or a `Time:` line completes a date without a time;
/// - sections: headings, `Label:` lines, lone labels and label cells whose text is a cue word
///   (`Lexicons/note-cues.txt`) open attendee, decision, action, next-step, risk, agenda and
///   summary sections until the next one;
/// - attendees: the items of an attendee section or label cell, or an `Attendees: a, b` line, with
///   `mailto:` links giving addresses; with no attendee section, every `mailto:` link;
/// - speaker turns: `Name: text` lines, lines starting with a bold name, two-column tables whose
///   first column is a name (or whose header names a speaker column), and `<dt>`/`<dd>` pairs;
/// - action items: owner from `Owner:` labels, a leading `Name:`, a part that is only a name, or
///   an owner column; due date from `Due:` labels, a due column, or the first date in the item.
struct HTMLNoteReader {
    let cues: NoteCues

    func read(_ root: MarkupElement) -> NoteContent {
        let extracted = HTMLNoteBlockExtractor(root: root)
        var interpreter = HTMLNoteInterpreter(cues: cues, extracted: extracted)
        interpreter.run(collectingSegments: false)
        interpreter.finishMetadata()
        interpreter.run(collectingSegments: true)
        return interpreter.content
    }
}

/// Walks the blocks of one note twice: first for what the note says about itself (title, date,
/// attendees), then for its text, so that speakers and owners can be matched to attendees listed
/// anywhere in the note.
private struct HTMLNoteInterpreter {
    let cues: NoteCues
    let extracted: HTMLNoteBlockExtractor
    var content = NoteContent()

    private var people: NoteAttendeeParser { NoteAttendeeParser(cues: cues) }
    private var dates: NoteDateParser { NoteDateParser(cues: cues) }

    private enum Section: Equatable {
        case preamble
        case general
        case attendees
        case absent
        /// Decisions, actions, next steps or risks, with the name to prefix items with.
        case items(NoteCues.Kind, label: String)
        /// After a heading such as "Dagsetning" or a lone "Date:": the next block is its value.
        case value(NoteCues.Kind)
    }

    private struct TableColumns {
        var owner: Int?
        var due: Int?
        var speaker: Int?
        var said: Int?
        var sectionLabel: String?
    }

    private var section = Section.preamble
    private var collecting = false
    private var tables: [Int: TableColumns] = [:]
    private var seenTables: Set<Int> = []
    private var pendingTerm: String?
    private var sawAttendeeSection = false

    // Date candidates, strongest first.
    private var labelledDate: NoteDate?
    private var metaDate: NoteDate?
    private var titleDate: NoteDate?
    private var standaloneDate: NoteDate?
    private var standaloneTime: (hour: Int, minute: Int, offset: Int?)?
    private var firstHeading: String?
    private var labelledTitle: String?

    init(cues: NoteCues, extracted: HTMLNoteBlockExtractor) {
        self.cues = cues
        self.extracted = extracted
    }

    mutating func run(collectingSegments: Bool) {
        collecting = collectingSegments
        section = .preamble
        tables = [:]
        seenTables = []
        pendingTerm = nil
        for block in extracted.blocks { process(block) }
    }

    /// Settles title, date, id and account from the first pass.
    mutating func finishMetadata() {
        for (name, value) in extracted.metas {
            switch name {
            case "date", "dcterms.created", "dc.date", "created", "meeting-date", "rapport-date",
                "article:published_time":
                if metaDate == nil { metaDate = dates.firstDate(in: value)?.date }
            case "author", "dc.creator", "rapport-organiser":
                if content.organiser == nil { content.organiser = people.person(value, links: []) }
            case "rapport-note-id", "note-id":
                content.id = value.nonEmpty
            case "account", "rapport-account":
                content.account = content.account ?? value.nonEmpty
            default:
                continue
            }
        }
        if content.organiser == nil, let author = extracted.author {
            content.organiser = people.person(author, links: extracted.links)
        }
        content.title = labelledTitle ?? Self.title(from: extracted.title, firstHeading: firstHeading)
        if let title = content.title, titleDate == nil { titleDate = dates.firstDate(in: title)?.date }
        if titleDate == nil, let firstHeading { titleDate = dates.firstDate(in: firstHeading)?.date }
        var date = labelledDate ?? metaDate ?? titleDate ?? standaloneDate
        if date?.hasTime == false, let time = standaloneTime {
            date?.hour = time.hour
            date?.minute = time.minute
            date?.offset = time.offset
        }
        content.date = date
        if let organiser = content.organiser,
            let listed = content.attendees.first(where: {
                $0.address.lowercasedFast() == organiser.address.lowercasedFast()
                    || ($0.name != nil && $0.name == organiser.name)
            })
        {
            content.organiser = listed
        }
        if !sawAttendeeSection {
            for link in extracted.links {
                let name = link.text.contains("@") ? nil : link.text.nonEmpty
                if let person = NoteParticipant.make(name: name, email: link.address) { content.addAttendee(person) }
            }
        }
    }

    /// `<title>`, else the first heading. Confluence writes "Space : Page" in both; the space's
    /// name (before the first " : ") is dropped.
    private static func title(from title: String?, firstHeading: String?) -> String? {
        guard let title = title ?? firstHeading else { return nil }
        if let separator = title.firstRange(of: " : ") {
            return title[separator.upperBound...].trimmingSpaces.nonEmpty ?? title
        }
        return title
    }

    // MARK: - Blocks

    private mutating func process(_ block: HTMLNoteBlock) {
        switch block.kind {
        case .heading:
            heading(block)
        case .row(let table, let header):
            row(block, table: table, header: header)
        case .term:
            if case .items = section {
                textBlock(block)
            } else if people.looksLikeName(block.text.trimmingColon) {
                pendingTerm = block.text.trimmingColon
            } else {
                textBlock(block)
            }
        case .definition:
            if let speaker = pendingTerm, section != .attendees {
                turn(speaker: speaker, text: block.text)
            } else {
                textBlock(block)
            }
        case .paragraph, .listItem:
            pendingTerm = nil
            textBlock(block)
        }
    }

    private mutating func heading(_ block: HTMLNoteBlock) {
        pendingTerm = nil
        let text = block.text
        if let kind = cues.kind(of: text), kind.opensSection {
            open(kind, label: text.trimmingColon)
            return
        }
        if let kind = cues.kind(of: text), Self.metadataKinds.contains(kind) {
            section = .value(kind)
            return
        }
        if let (kind, rest) = label(of: text), !kind.opensSection, metadata(kind, rest, block: block) { return }
        if firstHeading == nil {
            firstHeading = text
            return
        }
        section = .general
    }

    private mutating func open(_ kind: NoteCues.Kind, label: String) {
        switch kind {
        case .attendees:
            section = .attendees
            sawAttendeeSection = true
        case .absent:
            section = .absent
        case .decisions, .actions, .nextSteps, .risks:
            section = .items(kind, label: label)
        default:
            section = .general
        }
    }

    /// Cue kinds that label one value (a date, an account) rather than open a section.
    private static let metadataKinds: Set<NoteCues.Kind> = [
        .title, .date, .time, .account, .organiser, .thread, .location,
    ]

    private mutating func textBlock(_ block: HTMLNoteBlock) {
        let text = block.text
        if case .value(let kind) = section {
            section = .general
            if metadata(kind, text, block: block) { return }
        }
        if let kind = cues.kind(of: text) {
            if kind.opensSection {
                open(kind, label: text.trimmingColon)
                return
            }
            if Self.metadataKinds.contains(kind) {
                section = .value(kind)
                return
            }
        }
        if let bold = block.leadingBold, let kind = cues.kind(of: bold), kind.opensSection,
            text.hasPrefix(bold)
        {
            open(kind, label: bold.trimmingColon)
            let rest = String(text.dropFirst(bold.count)).trimmingColon.trimmingSpaces
            if !rest.isEmpty { sectionText(rest, block: block) }
            return
        }
        if let (kind, rest) = label(of: text) {
            if kind.opensSection {
                open(kind, label: String(text.prefix { $0 != ":" }).trimmingSpaces)
                if !rest.isEmpty { sectionText(rest, block: block, inline: true) }
                return
            }
            if metadata(kind, rest, block: block) { return }
        }
        if section == .preamble {
            // OneNote repeats the page title as the first paragraph.
            if text == extracted.title || text == content.title { return }
            if let date = dates.wholeDate(text) {
                if standaloneDate == nil { standaloneDate = date }
                return
            }
            if let time = dates.wholeTime(text) {
                if standaloneTime == nil { standaloneTime = time }
                return
            }
        }
        sectionText(text, block: block)
    }

    /// Handles `Label: value` metadata; false when the label is not metadata.
    private mutating func metadata(_ kind: NoteCues.Kind, _ value: String, block: HTMLNoteBlock) -> Bool {
        switch kind {
        case .date:
            if labelledDate == nil { labelledDate = dates.firstDate(in: value)?.date }
        case .time:
            if standaloneTime == nil { standaloneTime = dates.leadingTime(value) }
        case .title:
            if labelledTitle == nil { labelledTitle = value.nonEmpty }
        case .account:
            if content.account == nil { content.account = value.nonEmpty }
        case .organiser:
            if content.organiser == nil { content.organiser = people.person(value, links: block.links) }
        case .thread:
            let trimmed = value.trimmingSpaces
            if trimmed.contains("@"), !trimmed.contains(" ") {
                content.threadMessageID = content.threadMessageID ?? NoteParticipant.strippingAngleBrackets(trimmed)
            } else if content.threadSubject == nil {
                content.threadSubject = trimmed.nonEmpty
            }
        case .location:
            break
        default:
            return false
        }
        return true
    }

    /// Text in the current section: an attendee, an item, a speaker turn or plain text.
    private mutating func sectionText(_ text: String, block: HTMLNoteBlock, inline: Bool = false) {
        switch section {
        case .attendees:
            let list = inline || block.kind == .paragraph
            if (list ? entries(text) : [text]).allSatisfy(people.looksLikePerson) {
                if !collecting {
                    let found =
                        list
                        ? people.people(inList: text, links: block.links)
                        : [people.person(text, links: block.links)].compactMap { $0 }
                    for person in found { content.addAttendee(person) }
                }
                return
            }
            section = .general
            sectionText(text, block: block)
        case .absent:
            if entries(text).allSatisfy(people.looksLikePerson) { return }
            section = .general
            sectionText(text, block: block)
        case .items(let kind, let label):
            item(text, kind: kind, label: label)
        case .preamble, .general, .value:
            if let (speaker, said) = speakerTurn(text, bold: block.leadingBold) {
                turn(speaker: speaker, text: said)
            } else if collecting {
                content.addSegment(text)
            }
        }
    }

    /// The entries of a one-line list of people, split as `NoteAttendeeParser.people` splits them.
    private func entries(_ text: String) -> [String] {
        NoteAttendeeParser.splitOutsideParentheses(text, at: text.contains(";") ? ";" : ",")
    }

    // MARK: - Turns and items

    private func speakerTurn(_ text: String, bold: String?) -> (String, String)? {
        if let bold, text.hasPrefix(bold) {
            let name = bold.trimmingColon
            let said = String(text.dropFirst(bold.count)).trimmingSpaces.trimmingLeadingPunctuation
            if people.looksLikeName(name), !said.isEmpty { return (name, said) }
        }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let name = text[..<colon].trimmingSpaces
        let said = text[text.index(after: colon)...].trimmingSpaces
        guard !said.isEmpty, people.looksLikeName(name) else { return nil }
        return (name, said)
    }

    private mutating func turn(speaker: String, text: String) {
        guard collecting else { return }
        content.addSegment(speaker: content.resolveSpeaker(speaker), text)
    }

    /// Adds a section item prefixed with the section's name. Action and next-step items get
    /// "owner: …, due: …" in parentheses: from table columns when given, else from the text.
    private mutating func item(
        _ text: String, kind: NoteCues.Kind, label: String, owner: String? = nil, due: String? = nil,
        fromColumns: Bool = false
    ) {
        guard collecting else { return }
        var task = text
        var owner = owner
        var due = due
        if !fromColumns, kind == .actions || kind == .nextSteps {
            let parsed = actionParts(text)
            task = parsed.task
            owner = owner ?? parsed.owner
            due = due ?? parsed.due
        }
        var details: [String] = []
        if let owner { details.append("owner: " + content.resolveSpeaker(owner)) }
        if let due { details.append("due: " + due) }
        content.addSegment(label + ": " + task + (details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")"))
    }

    /// Splits an action item into task, owner and due date. Parts are separated by ` – `, ` - `,
    /// ` | ` or `;`, and a parenthesised group is split at commas; labelled parts (`Owner: …`,
    /// `Due: …`) and parts that are only a name or only a date are taken out of the task text. A
    /// leading `Name:` is the owner. Without a due part, the first date in the task is the due date.
    private func actionParts(_ text: String) -> (task: String, owner: String?, due: String?) {
        var found = ActionDetails()
        var taskParts: [String] = []
        for part in Self.actionPieces(text) {
            switch part {
            case .plain(let piece):
                if taskParts.isEmpty || !classify(piece, into: &found) { taskParts.append(piece) }
            case .group(let pieces):
                var trial = found
                if pieces.allSatisfy({ classify($0, into: &trial) }) {
                    found = trial
                } else {
                    taskParts.append("(" + pieces.joined(separator: ", ") + ")")
                }
            }
        }
        var task = taskParts.joined(separator: " – ").replacing(" – (", with: " (")
        if found.owner == nil, let colon = task.firstIndex(of: ":") {
            let name = task[..<colon].trimmingSpaces
            if people.looksLikeName(name) {
                found.owner = name
                task = task[task.index(after: colon)...].trimmingSpaces
            }
        }
        if found.due == nil { found.due = dates.firstDate(in: task, defaultYear: content.date?.year)?.date.isoDay }
        return (task.isEmpty ? text : task, found.owner, found.due)
    }

    private struct ActionDetails {
        var owner: String?
        var due: String?
    }

    /// Takes a part that is an owner or a due date into `found`; false for task text.
    private func classify(_ piece: String, into found: inout ActionDetails) -> Bool {
        let year = content.date?.year
        if let (kind, rest) = label(of: piece) {
            if kind == .owner, found.owner == nil, !rest.isEmpty {
                found.owner = rest
                return true
            }
            if kind == .due, found.due == nil, !rest.isEmpty {
                found.due = dates.firstDate(in: rest, defaultYear: year)?.date.isoDay ?? rest
                return true
            }
        }
        if found.owner == nil, people.looksLikeName(piece) {
            found.owner = piece
            return true
        }
        if found.due == nil, let date = dates.wholeDate(piece, defaultYear: year) {
            found.due = date.isoDay
            return true
        }
        return false
    }

    private enum ActionPiece {
        case plain(String)
        case group([String])
    }

    private static func actionPieces(_ text: String) -> [ActionPiece] {
        var pieces: [ActionPiece] = []
        var rest = Substring(text)
        func addPlain(_ run: Substring) {
            var normalised = String(run)
            for separator in [" – ", " — ", " - ", " | ", ";"] {
                normalised = normalised.replacing(separator, with: "\u{1F}")
            }
            pieces += normalised.split(separator: "\u{1F}").map { $0.trimmingSpaces }.filter { !$0.isEmpty }.map {
                .plain($0)
            }
        }
        while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
            addPlain(rest[..<open])
            let inside = rest[rest.index(after: open)..<close].split(separator: ",").map { $0.trimmingSpaces }
            if !inside.isEmpty { pieces.append(.group(inside)) }
            rest = rest[rest.index(after: close)...]
        }
        addPlain(rest)
        return pieces
    }

    // MARK: - Tables

    private mutating func row(_ block: HTMLNoteBlock, table: Int, header: Bool) {
        pendingTerm = nil
        let cells = block.cells
        let isFirstRow = seenTables.insert(table).inserted
        if header || (isFirstRow && isHeaderRow(cells)) {
            tables[table] = columns(of: cells)
            return
        }
        if let columns = tables[table] {
            if columns.owner != nil || columns.due != nil {
                actionRow(cells, columns: columns)
                return
            }
            if let speakerColumn = columns.speaker, speakerColumn < cells.count {
                let saidColumn = columns.said ?? (speakerColumn == 0 ? 1 : 0)
                if saidColumn < cells.count, !cells[saidColumn].text.isEmpty {
                    turn(speaker: cells[speakerColumn].text.trimmingColon, text: cells[saidColumn].text)
                    return
                }
            }
        }
        let filled = cells.filter { !$0.text.isEmpty }
        if filled.count == 2, let kind = cues.kind(of: filled[0].text) {
            labelCell(kind, label: filled[0].text.trimmingColon, value: filled[1], block: block)
            return
        }
        if case .items(let kind, let label) = section {
            item(filled.map(\.text).joined(separator: " – "), kind: kind, label: label)
            return
        }
        if filled.count == 2, people.looksLikeName(filled[0].text.trimmingColon), section != .attendees {
            turn(speaker: filled[0].text.trimmingColon, text: filled[1].text)
            return
        }
        if section == .attendees, people.looksLikePerson(filled[0].text) {
            if !collecting, let person = people.person(filled.map(\.text).joined(separator: ", "), links: block.links) {
                content.addAttendee(person)
            }
            return
        }
        if collecting { content.addSegment(block.text) }
    }

    /// A table's first row is its header when at least two cells are cue words and one names an
    /// owner, due date, speaker or what was said (`Action | Owner | Due`, `Mælandi | Ummæli`).
    private func isHeaderRow(_ cells: [HTMLNoteCell]) -> Bool {
        let kinds = cells.compactMap { cues.kind(of: $0.text) }
        return kinds.count >= 2 && kinds.contains { [.owner, .due, .speaker, .said].contains($0) }
    }

    private func columns(of cells: [HTMLNoteCell]) -> TableColumns {
        var columns = TableColumns()
        for (index, cell) in cells.enumerated() {
            switch cues.kind(of: cell.text) {
            case .owner: columns.owner = columns.owner ?? index
            case .due, .date: columns.due = columns.due ?? index
            case .speaker: columns.speaker = columns.speaker ?? index
            case .said: columns.said = columns.said ?? index
            case .some(let kind) where kind.opensSection: columns.sectionLabel = cell.text.trimmingColon
            default: continue
            }
        }
        return columns
    }

    private mutating func actionRow(_ cells: [HTMLNoteCell], columns: TableColumns) {
        let owner = columns.owner.flatMap { $0 < cells.count ? cells[$0].text.nonEmpty : nil }
        let dueText = columns.due.flatMap { $0 < cells.count ? cells[$0].text.nonEmpty : nil }
        let due = dueText.map { dates.firstDate(in: $0, defaultYear: content.date?.year)?.date.isoDay ?? $0 }
        let task = cells.enumerated().filter { $0.offset != columns.owner && $0.offset != columns.due }
            .map(\.element.text).filter { !$0.isEmpty }.joined(separator: " – ")
        guard !task.isEmpty else { return }
        let kind: NoteCues.Kind
        let label: String
        if case .items(let sectionKind, let sectionLabel) = section {
            (kind, label) = (sectionKind, sectionLabel)
        } else {
            (kind, label) = (.actions, columns.sectionLabel ?? cues.sectionName(.actions, language: "en"))
        }
        item(task, kind: kind, label: label, owner: owner, due: due, fromColumns: true)
    }

    /// Confluence's page-properties table: a label cell and a value cell.
    private mutating func labelCell(_ kind: NoteCues.Kind, label: String, value: HTMLNoteCell, block: HTMLNoteBlock) {
        if kind.opensSection {
            let previous = section
            open(kind, label: label)
            let lines = value.lines.isEmpty ? [value.text] : value.lines
            for line in lines {
                let lineBlock = HTMLNoteBlock(
                    kind: .listItem(depth: 1), text: line, links: value.links, line: block.line)
                sectionText(line, block: lineBlock)
            }
            section = previous
            return
        }
        if metadata(kind, value.text, block: HTMLNoteBlock(kind: .paragraph, text: value.text, links: value.links)) {
            return
        }
        sectionText(label + ": " + value.text, block: block)
    }

    // MARK: - Labels

    /// Splits `Label: value` when the label (at most 40 characters) is a cue word.
    private func label(of text: String) -> (NoteCues.Kind, String)? {
        guard let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) <= 40,
            let kind = cues.kind(of: text[..<colon])
        else { return nil }
        return (kind, text[text.index(after: colon)...].trimmingSpaces)
    }
}

extension String {
    /// Without a trailing `:` and surrounding spaces.
    fileprivate var trimmingColon: String {
        var text = trimmingSpaces
        while text.hasSuffix(":") { text.removeLast() }
        return text.trimmingSpaces
    }

    /// Without leading `:`, `–`, `-` and spaces (after a bold speaker name).
    fileprivate var trimmingLeadingPunctuation: String {
        String(drop { $0 == ":" || $0 == "–" || $0 == "-" || $0 == "—" || $0.isWhitespace })
    }
}
