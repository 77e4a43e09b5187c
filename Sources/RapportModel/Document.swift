import Foundation

/// One email or one meeting note, reduced to what analysis needs: who, when, which conversation,
/// and the words the author wrote in it.
public struct Document: Hashable, Sendable, Codable, Identifiable {
    public enum Kind: String, Hashable, Sendable, Codable {
        case email
        case note
    }

    /// Where the document's date came from, so a guessed date is never mistaken for a real one.
    public enum DateSource: String, Hashable, Sendable, Codable {
        case header
        case received
        case envelope
        case note
        case none
    }

    /// The Message-ID without angle brackets, or a stable synthetic id (`rapport-` + content hash).
    public var id: String
    public var subject: String?
    public var date: Date?
    public var dateSource: DateSource
    // Beside the other one-byte fields, in the padding after the date: a large mailbox's headers
    // are all held at once.
    public var kind: Kind
    public var from: [Participant]
    public var to: [Participant]
    public var cc: [Participant]
    /// The parent's Message-ID, from `In-Reply-To` (or the last `References` entry).
    public var inReplyTo: String?
    public var references: [String]
    /// An account named explicitly by the source (a meeting note's account field), else nil.
    public var account: String?
    /// The id of the thread this document belongs to; filled in by threading.
    public var thread: String?
    /// The language code (`en`, `is`) or nil until language identification has run.
    public var language: String?
    /// The authored text: quoted history, signatures, mobile footers and disclaimers removed.
    public var text: String
    /// How many lines of quoted history were removed from the text.
    public var quoted: Int
    /// Speaker turns, for meeting notes; empty for mail.
    public var segments: [Segment]
    public var attachments: [Attachment]
    public var source: SourceLocation

    public init(
        id: String, kind: Kind = .email, subject: String? = nil, date: Date? = nil,
        dateSource: DateSource = .none, from: [Participant] = [], to: [Participant] = [],
        cc: [Participant] = [], inReplyTo: String? = nil, references: [String] = [],
        account: String? = nil, thread: String? = nil, language: String? = nil, text: String = "", quoted: Int = 0,
        segments: [Segment] = [], attachments: [Attachment] = [], source: SourceLocation
    ) {
        self.id = id
        self.kind = kind
        self.subject = subject
        self.date = date
        self.dateSource = dateSource
        self.from = from
        self.to = to
        self.cc = cc
        self.inReplyTo = inReplyTo
        self.references = references
        self.account = account
        self.thread = thread
        self.language = language
        self.text = text
        self.quoted = quoted
        self.segments = segments
        self.attachments = attachments
        self.source = source
    }
}

/// A speaker's turn in a meeting note (or a section of one).
public struct Segment: Hashable, Sendable, Codable {
    public var speaker: String?
    public var text: String

    public init(speaker: String? = nil, text: String) {
        self.speaker = speaker
        self.text = text
    }
}

/// An attachment, listed but never analysed.
public struct Attachment: Hashable, Sendable, Codable {
    public var name: String?
    public var type: String
    /// The decoded size in bytes.
    public var size: Int

    public init(name: String?, type: String, size: Int) {
        self.name = name
        self.type = type
        self.size = size
    }
}
