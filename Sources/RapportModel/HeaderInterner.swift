/// Makes equal strings and participant lists in the headers of many documents share one copy.
/// A mailbox names the same few hundred people, message ids and subjects over and over (every
/// reply repeats its thread's references and addresses); a header kept for every message of a
/// large mailbox otherwise holds its own copy of each, and those copies were most of what
/// `analyze` keeps per message. Equal values stay equal, so nothing that reads them changes.
public struct HeaderInterner {
    private var strings: Set<String> = []
    private var participantLists: Set<[Participant]> = []
    private var participants: Set<Participant> = []

    public init() {}

    public mutating func intern(_ document: Document) -> Document {
        var document = document
        document.id = string(document.id)
        document.subject = document.subject.map { string($0) }
        document.from = participantList(document.from)
        document.to = participantList(document.to)
        document.cc = participantList(document.cc)
        document.inReplyTo = document.inReplyTo.map { string($0) }
        document.references = document.references.map { string($0) }
        document.account = document.account.map { string($0) }
        document.language = document.language.map { string($0) }
        document.source.file = string(document.source.file)
        return document
    }

    private mutating func string(_ text: String) -> String {
        strings.insert(text).memberAfterInsert
    }

    private mutating func participantList(_ list: [Participant]) -> [Participant] {
        guard !list.isEmpty else { return [] }
        if let known = participantLists.firstIndex(of: list) { return participantLists[known] }
        let shared = list.map { participant($0) }
        participantLists.insert(shared)
        return shared
    }

    private mutating func participant(_ person: Participant) -> Participant {
        if let known = participants.firstIndex(of: person) { return participants[known] }
        var shared = person
        shared.name = person.name.map { string($0) }
        shared.address = string(person.address)
        shared.organisation = person.organisation.map { string($0) }
        shared.role = person.role.map { string($0) }
        participants.insert(shared)
        return shared
    }
}
