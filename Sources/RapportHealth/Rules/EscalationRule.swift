import Foundation
import RapportModel

/// `escalation`: the counterparty brings senior or legal people into the conversation, or
/// escalates in so many words.
///
/// A counterparty mail (not the thread's first message) that adds one of their people who was
/// not on any earlier message of the thread escalates when a role cue (`Lexicons/role-cues.txt`)
/// is found in the newcomer's role, name or address, or in the message's words. A counterparty
/// message whose `conflict.escalation` reaches `thresholds.severeHostility` in a negative voice
/// escalates without a newcomer. Critical when a legal person comes in, or an executive in a
/// hostile message; otherwise a warning.
struct EscalationRule: FlagRule {
    let identifier = "escalation"
    let summary = "The counterparty copies in senior or legal people, or escalates the matter."

    struct Event {
        var reading: Int
        var newcomers: [Participant]
        var role: HealthCues.Role?
        var roleText: String?
    }

    func events(in thread: ThreadContext) -> [Event] {
        let readings = thread.readings
        var seen = Set<String>()
        var events: [Event] = []
        for (index, reading) in readings.enumerated() {
            defer { seen.formUnion(reading.participants.map { $0.address.lowercasedFast() }) }
            guard index > 0, reading.side == .them, !reading.isNote, !reading.automated else { continue }
            let newcomers = reading.participants.filter {
                thread.directory.side(of: $0) == .them && !seen.contains($0.address.lowercasedFast())
            }
            var unique: [Participant] = []
            for person in newcomers where !unique.contains(where: { $0.address.lowercasedFast() == person.address.lowercasedFast() }) {
                unique.append(person)
            }
            if !unique.isEmpty, let role = role(of: unique, in: reading, roles: thread.roles(in:)) {
                events.append(Event(reading: index, newcomers: unique, role: role.role, roleText: role.text))
            } else if reading.escalation >= thread.thresholds.severeHostility, reading.sentiment < 0 {
                events.append(Event(reading: index, newcomers: [], role: nil, roleText: nil))
            }
        }
        return events
    }

    /// The strongest role cue about the newcomers: in their own role, name or address, or in a
    /// sentence of the message that names one of them ("I have copied Richard Haines, our Chief
    /// Executive"). A newcomer who wrote the message introduces themselves, so all of it counts.
    func role(
        of newcomers: [Participant], in reading: Reading, roles: (String) -> [(role: HealthCues.Role, text: String)]
    ) -> (role: HealthCues.Role, text: String)? {
        var found: [(role: HealthCues.Role, text: String)] = []
        for person in newcomers {
            let localPart = person.address.split(separator: "@").first.map(String.init) ?? ""
            for text in [person.role ?? "", person.name ?? "", localPart] {
                found += roles(text).filter { $0.role != .automated }
            }
        }
        if found.isEmpty {
            for text in sentences(about: newcomers, in: reading) {
                found += roles(text).filter { $0.role != .automated }
            }
        }
        return found.max { $0.role.rank != $1.role.rank ? $0.role.rank < $1.role.rank : $0.text > $1.text }
    }

    /// The sentences of a message that speak about the newcomers.
    func sentences(about newcomers: [Participant], in reading: Reading) -> [String] {
        let texts = reading.sentences.isEmpty ? [reading.document.text] : reading.sentences.map(\.text)
        let authorIsNew = newcomers.contains { $0.address.lowercasedFast() == reading.author?.address.lowercasedFast() }
        if authorIsNew { return texts }
        return texts.filter { Self.mentions($0, newcomers) }
    }

    /// True when a text names one of the people: a word starting like one of their names (the
    /// first five letters, so inflected Icelandic names such as "Þorstein" for Þorsteinn count).
    static func mentions(_ text: String, _ people: [Participant]) -> Bool {
        let stems = people.flatMap { person in
            CueTokenizer.tokens(person.name ?? "").map(\.folded).filter { $0.count >= 3 }.map { String($0.prefix(5)) }
        }
        guard !stems.isEmpty else { return false }
        return CueTokenizer.tokens(text).contains { token in stems.contains { token.folded.hasPrefix($0) } }
    }

    func flags(in thread: ThreadContext, phrasing: Phrasing) -> [RaisedFlag] {
        let events = thread.accountMemo.escalationEvents(in: thread, events(in:))
        let readings = thread.readings
        guard let first = events.first, let since = readings[first.reading].date else { return [] }
        let severity = events.map { event -> Severity in
            switch event.role {
            case .legal: return .critical
            case .executive: return readings[event.reading].tone < 0 ? .critical : .warning
            default: return .warning
            }
        }.max()!
        let clauses = events.enumerated().map { offset, event -> String in
            let writer = readings[event.reading].author
            let author = phrasing.person(writer)
            let when = readings[event.reading].date.map { " on \(phrasing.day($0))" } ?? ""
            guard !event.newcomers.isEmpty else { return "\(author) escalated the matter\(when)" }
            let role = event.roleText.map { " (\($0))" } ?? ""
            let others = event.newcomers.filter { $0.address.lowercasedFast() != writer?.address.lowercasedFast() }
            guard !others.isEmpty else { return "\(author)\(role) stepped in\(when)" }
            let names = Phrasing.list(others.map { thread.directory.displayName($0) })
            return "\(author) \(offset == 0 ? "copied in" : "brought in") \(names)\(role)\(when)"
        }
        let reason = clauses.joined(separator: ", then ") + "."

        let picker = EvidencePicker(readings: readings, enabled: thread.quotesEvidence)
        let candidates = !thread.quotesEvidence ? [] : events.flatMap { event -> [EvidencePicker.Candidate] in
            let about = Set(sentences(about: event.newcomers, in: readings[event.reading]))
            return picker.candidates(
                in: [event.reading],
                strength: { sentence in
                    let roles = about.contains(sentence.text)
                        ? thread.roles(in: sentence.text).filter { $0.role != .automated } : []
                    return (roles.isEmpty ? 0 : 1) + EvidencePicker.intensity(sentence) { $0 == "conflict.escalation" }
                },
                terms: { sentence in
                    let roles = about.contains(sentence.text)
                        ? thread.roles(in: sentence.text).filter { $0.role != .automated }.map(\.text) : []
                    return EvidencePicker.unique(roles + EvidencePicker.terms(sentence) { $0 == "conflict.escalation" })
                })
        }
        let strongest = events.max { ($0.role?.rank ?? -1) < ($1.role?.rank ?? -1) } ?? first
        let raised = flag(.escalation, severity: severity, thread: thread, since: since, reason: reason,
                          evidence: picker.quotes(candidates))
        return [RaisedFlag(flag: raised, person: strongest.newcomers.first ?? readings[strongest.reading].author,
                           detail: strongest.roleText, businessDays: nil)]
    }
}
