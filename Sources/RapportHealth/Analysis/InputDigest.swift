import Foundation
import RapportModel

/// A 128-bit digest of assessment inputs, the same in every run (unlike `Hasher`), for the
/// history memo: two lanes of multiply-and-fold over eight bytes at a time. Not cryptographic;
/// inputs are our own readings, and a change anywhere in them changes the digest.
///
/// Every value is written with its length or a tag, so that no two different sequences of
/// values feed the same words.
struct InputDigest {
    private var first: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var second: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    mutating func word(_ value: UInt64) {
        first = (first ^ value) &* 0xFF51_AFD7_ED55_8CCD
        first ^= first >> 32
        second = (second ^ value) &* 0xC4CE_B9FE_1A85_EC53
        second ^= second >> 29
    }

    mutating func bytes(_ buffer: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 8 <= buffer.count {
            word(UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < buffer.count {
            tail |= UInt64(buffer[offset]) << shift
            shift += 8
            offset += 1
        }
        word(tail)
        word(UInt64(buffer.count))
    }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { bytes(UnsafeRawBufferPointer($0)) }
    }

    mutating func optional(_ text: String?) {
        if let text {
            word(1)
            string(text)
        } else {
            word(0)
        }
    }

    mutating func int(_ value: Int) { word(UInt64(bitPattern: Int64(value))) }
    mutating func double(_ value: Double) { word(value.bitPattern) }
    mutating func bool(_ value: Bool) { word(value ? 1 : 0) }

    mutating func date(_ value: Date?) {
        if let value {
            word(1)
            double(value.timeIntervalSinceReferenceDate)
        } else {
            word(0)
        }
    }

    mutating func strings(_ texts: [String]) {
        int(texts.count)
        for text in texts { string(text) }
    }

    /// In key order, so that the digest does not depend on the dictionary's order.
    mutating func numbers(_ values: [String: Double]) {
        int(values.count)
        // Most sentences carry one category or none: nothing to sort, nothing to allocate.
        if values.count == 1, let (key, value) = values.first {
            string(key)
            double(value)
            return
        }
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            string(key)
            double(value)
        }
    }

    /// Both lanes, for keeping many digests in little memory.
    var value: TextDigest { TextDigest(first: first, second: second) }

    /// Thirty-two lower-case hex digits.
    var hex: String {
        func digits(_ value: UInt64) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }
        return digits(first) + digits(second)
    }
}

/// A 128-bit `InputDigest` of a text: stands in for the text where only equality matters and
/// millions of texts would otherwise be kept.
public struct TextDigest: Hashable, Sendable {
    let first: UInt64
    let second: UInt64

    public init(_ text: String) {
        var digest = InputDigest()
        digest.string(text)
        self = digest.value
    }

    init(first: UInt64, second: UInt64) {
        self.first = first
        self.second = second
    }
}

// MARK: - What goes in

extension InputDigest {
    mutating func participant(_ person: Participant?) {
        guard let person else { return word(0) }
        word(1)
        optional(person.name)
        string(person.address)
        optional(person.organisation)
        optional(person.role)
    }

    mutating func participants(_ people: [Participant]) {
        int(people.count)
        for person in people { participant(person) }
    }

    mutating func document(_ document: Document) {
        string(document.id)
        string(document.kind.rawValue)
        optional(document.subject)
        date(document.date)
        string(document.dateSource.rawValue)
        participants(document.from)
        participants(document.to)
        participants(document.cc)
        optional(document.inReplyTo)
        strings(document.references)
        optional(document.account)
        optional(document.thread)
        optional(document.language)
        string(document.text)
        int(document.quoted)
        int(document.segments.count)
        for segment in document.segments {
            optional(segment.speaker)
            string(segment.text)
        }
        int(document.attachments.count)
        for attachment in document.attachments {
            optional(attachment.name)
            string(attachment.type)
            int(attachment.size)
        }
        string(document.source.file)
        for number in [document.source.index, document.source.offset, document.source.line] {
            if let number {
                word(1)
                int(number)
            } else {
                word(0)
            }
        }
    }

    mutating func evidence(_ evidence: Evidence) {
        string(evidence.term)
        string(evidence.entry)
        string(evidence.category)
        double(evidence.baseWeight)
        double(evidence.finalWeight)
        strings(evidence.rules)
    }

    mutating func sentence(_ sentence: ReadSentence) {
        string(sentence.text)
        double(sentence.sentiment)
        numbers(sentence.categories)
        double(sentence.politeness)
        int(sentence.evidence.count)
        for index in sentence.evidence.indices { evidence(sentence.evidence[index]) }
        participant(sentence.speaker)
        bool(sentence.asks)
        strings(sentence.requestTerms)
    }

    /// Every field of the reading.
    mutating func reading(_ reading: Reading) {
        document(reading.document)
        date(reading.date)
        bool(reading.isNote)
        word(reading.side == .us ? 1 : 2)
        participant(reading.author)
        bool(reading.automated)
        int(reading.sentences.count)
        // By index: iterating copied every sentence (and retained its strings) on the way.
        for index in reading.sentences.indices { sentence(reading.sentences[index]) }
        double(reading.sentiment)
        double(reading.politeness)
        numbers(reading.categories)
        int(reading.words)
        bool(reading.asks)
        participants(reading.participants)
    }
}
