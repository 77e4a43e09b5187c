import Foundation
import RapportModel

/// What makes a stored document the same as one read again: its Message-ID plus a hash of what
/// the message says. The copy in the sent folder and the one in the inbox (different files,
/// offsets and transport headers, same message) share a key and are stored once; a message that
/// reuses an id with other content is kept as a second document.
public struct DocumentKey: Hashable, Sendable {
    public var messageID: String
    public var contentHash: String

    public init(messageID: String, contentHash: String) {
        self.messageID = messageID
        self.contentHash = contentHash
    }

    /// The key of a document as read. Where it was read (`source`), and what later stages add
    /// (`thread`, `language`), do not count.
    public init(_ document: Document) {
        messageID = document.id
        contentHash = Self.contentHash(of: document)
    }

    static func contentHash(of document: Document) -> String {
        var hash = StableHash()
        func field(_ tag: UInt8, _ text: String?) {
            hash.combine([0x1E, tag])
            if let text { hash.combine(text) } else { hash.combine([0x00]) }
        }
        func participants(_ tag: UInt8, _ list: [Participant]) {
            for person in list {
                field(tag, person.name)
                field(tag, person.address)
                field(tag, person.organisation)
                field(tag, person.role)
            }
        }
        field(1, document.kind.rawValue)
        field(2, document.subject)
        field(3, document.date.map { String($0.timeIntervalSince1970.bitPattern, radix: 16) })
        participants(4, document.from)
        participants(5, document.to)
        participants(6, document.cc)
        field(7, document.inReplyTo)
        for reference in document.references { field(8, reference) }
        field(9, document.account)
        field(10, document.text)
        for segment in document.segments {
            field(11, segment.speaker)
            field(11, segment.text)
        }
        for attachment in document.attachments {
            field(12, attachment.name)
            field(12, attachment.type)
            field(12, String(attachment.size))
        }
        return hash.hex
    }
}
