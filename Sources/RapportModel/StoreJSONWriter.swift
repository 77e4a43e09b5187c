import Foundation

/// Writes documents, scores, reports and flags as the JSON `JSONEncoder` writes with
/// `.sortedKeys` and `.withoutEscapingSlashes`, byte for byte, without `JSONEncoder`: a scan
/// stores every document and score it reads and every thread and account it assesses, and
/// encoding them through `Codable` took over a million instructions each.
///
/// The encoder's ways, kept here: members in the byte order of their names, nil optionals left
/// out, numbers as Swift prints them without a trailing `.0`, dates as seconds since 2001,
/// `"` `\` and control characters escaped (`\b \f \n \r \t`, else `\u00xx`), nothing else.
/// Values it cannot write as JSON (a non-finite number) give nil, for `JSONEncoder` to refuse.
public struct StoreJSONWriter {
    private var bytes: [UInt8] = []
    private var finite = true

    private init(capacity: Int) { bytes.reserveCapacity(capacity) }

    public static func document(_ document: Document) -> String? { write { $0.document(document) } }
    public static func documentScore(_ score: DocumentScore) -> String? { write { $0.documentScore(score) } }
    public static func threadReport(_ report: ThreadReport) -> String? { write { $0.threadReport(report) } }
    public static func accountReport(_ report: AccountReport) -> String? { write { $0.accountReport(report) } }
    public static func healthFlag(_ flag: HealthFlag) -> String? { write { $0.healthFlag(flag) } }

    private static func write(_ value: (inout StoreJSONWriter) -> Void) -> String? {
        var writer = StoreJSONWriter(capacity: 1024)
        value(&writer)
        return writer.finite ? String(decoding: writer.bytes, as: UTF8.self) : nil
    }

    // MARK: - The shapes (members in byte order of their names)

    private mutating func document(_ document: Document) {
        object { members in
            members.optional("account", document.account) { $0.string($1) }
            members.member("attachments") { $0.array(document.attachments) { $0.attachment($1) } }
            members.member("cc") { $0.array(document.cc) { $0.participant($1) } }
            members.optional("date", document.date) { $0.date($1) }
            members.member("dateSource") { $0.string(document.dateSource.rawValue) }
            members.member("from") { $0.array(document.from) { $0.participant($1) } }
            members.member("id") { $0.string(document.id) }
            members.optional("inReplyTo", document.inReplyTo) { $0.string($1) }
            members.member("kind") { $0.string(document.kind.rawValue) }
            members.optional("language", document.language) { $0.string($1) }
            members.member("quoted") { $0.int(document.quoted) }
            members.member("references") { $0.array(document.references) { $0.string($1) } }
            members.member("segments") { $0.array(document.segments) { $0.segment($1) } }
            members.member("source") { $0.sourceLocation(document.source) }
            members.optional("subject", document.subject) { $0.string($1) }
            members.member("text") { $0.string(document.text) }
            members.optional("thread", document.thread) { $0.string($1) }
            members.member("to") { $0.array(document.to) { $0.participant($1) } }
        }
    }

    private mutating func participant(_ person: Participant) {
        object { members in
            members.member("address") { $0.string(person.address) }
            members.optional("name", person.name) { $0.string($1) }
            members.optional("organisation", person.organisation) { $0.string($1) }
            members.optional("role", person.role) { $0.string($1) }
        }
    }

    private mutating func segment(_ segment: Segment) {
        object { members in
            members.optional("speaker", segment.speaker) { $0.string($1) }
            members.member("text") { $0.string(segment.text) }
        }
    }

    private mutating func attachment(_ attachment: Attachment) {
        object { members in
            members.optional("name", attachment.name) { $0.string($1) }
            members.member("size") { $0.int(attachment.size) }
            members.member("type") { $0.string(attachment.type) }
        }
    }

    private mutating func sourceLocation(_ location: SourceLocation) {
        object { members in
            members.member("file") { $0.string(location.file) }
            members.optional("index", location.index) { $0.int($1) }
            members.optional("line", location.line) { $0.int($1) }
            members.optional("offset", location.offset) { $0.int($1) }
        }
    }

    private mutating func documentScore(_ score: DocumentScore) {
        object { members in
            members.member("categories") { $0.numbers(score.categories) }
            members.member("language") { $0.string(score.language.rawValue) }
            members.member("negative") { $0.double(score.negative) }
            members.member("neutral") { $0.double(score.neutral) }
            members.member("politeness") { $0.double(score.politeness) }
            members.member("positive") { $0.double(score.positive) }
            members.member("sentences") { $0.array(score.sentences) { $0.sentenceScore($1) } }
            members.member("sentiment") { $0.double(score.sentiment) }
        }
    }

    private mutating func sentenceScore(_ sentence: SentenceScore) {
        object { members in
            members.member("categories") { $0.numbers(sentence.categories) }
            members.member("evidence") { $0.array(sentence.evidence) { $0.evidence($1) } }
            members.member("politeness") { $0.double(sentence.politeness) }
            members.member("rules") { $0.array(sentence.rules) { $0.string($1) } }
            members.member("sentiment") { $0.double(sentence.sentiment) }
            members.member("text") { $0.string(sentence.text) }
            members.member("utf8Range") { $0.array([sentence.utf8Range.lowerBound, sentence.utf8Range.upperBound]) { $0.int($1) } }
        }
    }

    private mutating func evidence(_ evidence: Evidence) {
        object { members in
            members.member("baseWeight") { $0.double(evidence.baseWeight) }
            members.member("category") { $0.string(evidence.category) }
            members.member("entry") { $0.string(evidence.entry) }
            members.member("finalWeight") { $0.double(evidence.finalWeight) }
            members.member("rules") { $0.array(evidence.rules) { $0.string($1) } }
            members.member("term") { $0.string(evidence.term) }
        }
    }

    private mutating func threadReport(_ report: ThreadReport) {
        object { members in
            members.member("account") { $0.string(report.account) }
            members.optional("first", report.first) { $0.date($1) }
            members.member("flags") { $0.array(report.flags) { $0.healthFlag($1) } }
            members.member("id") { $0.string(report.id) }
            members.optional("last", report.last) { $0.date($1) }
            members.member("messageIDs") { $0.array(report.messageIDs) { $0.string($1) } }
            members.member("messages") { $0.array(report.messages) { $0.messageAssessment($1) } }
            members.optional("nextStep", report.nextStep) { $0.string($1) }
            members.member("ours") { $0.array(report.ours) { $0.participant($1) } }
            members.member("subject") { $0.string(report.subject) }
            members.member("theirs") { $0.array(report.theirs) { $0.participant($1) } }
            members.member("trajectory") { $0.array(report.trajectory) { $0.double($1) } }
            members.member("waiting") { $0.string(report.waiting.rawValue) }
        }
    }

    private mutating func messageAssessment(_ message: MessageAssessment) {
        object { members in
            members.member("asks") { $0.bool(message.asks) }
            members.optional("author", message.author) { $0.participant($1) }
            members.member("categories") { $0.numbers(message.categoryList) }
            members.optional("date", message.date) { $0.date($1) }
            members.member("document") { $0.string(message.document) }
            members.member("fromUs") { $0.bool(message.fromUs) }
            members.member("politeness") { $0.double(message.politeness) }
            members.member("sentiment") { $0.double(message.sentiment) }
            members.member("words") { $0.int(message.words) }
        }
    }

    private mutating func healthFlag(_ flag: HealthFlag) {
        object { members in
            members.member("account") { $0.string(flag.account) }
            members.member("evidence") { $0.array(flag.evidence) { $0.evidenceQuote($1) } }
            members.member("kind") { $0.string(flag.kind.rawValue) }
            members.optional("negotiation", flag.negotiation) { $0.string($1.rawValue) }
            members.member("reason") { $0.string(flag.reason) }
            members.member("severity") { $0.string(flag.severity.rawValue) }
            members.member("since") { $0.date(flag.since) }
            members.optional("thread", flag.thread) { $0.string($1) }
        }
    }

    private mutating func evidenceQuote(_ quote: EvidenceQuote) {
        object { members in
            members.optional("author", quote.author) { $0.participant($1) }
            members.optional("date", quote.date) { $0.date($1) }
            members.member("document") { $0.string(quote.document) }
            members.member("sentence") { $0.string(quote.sentence) }
            members.member("terms") { $0.array(quote.terms) { $0.string($1) } }
        }
    }

    private mutating func accountReport(_ report: AccountReport) {
        object { members in
            members.member("account") { writer in
                writer.object { members in
                    members.member("key") { $0.string(report.account.key) }
                    members.member("name") { $0.string(report.account.name) }
                    members.member("type") { $0.string(report.account.type.rawValue) }
                }
            }
            members.member("flags") { $0.array(report.flags) { $0.healthFlag($1) } }
            members.member("health") { $0.int(report.health) }
            members.member("history") {
                $0.array(report.history) { writer, point in
                    writer.object { members in
                        members.member("date") { $0.date(point.date) }
                        members.member("health") { $0.int(point.health) }
                    }
                }
            }
            members.member("threads") { $0.array(report.threads) { $0.string($1) } }
            members.member("trend") { $0.string(report.trend.rawValue) }
        }
    }

    // MARK: - JSON

    /// Writes an object's members, with commas between them.
    private struct Members {
        var writer: StoreJSONWriter
        var first = true

        mutating func member(_ name: StaticString, _ value: (inout StoreJSONWriter) -> Void) {
            writer.bytes.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
            first = false
            writer.bytes.append(UInt8(ascii: "\""))
            writer.bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            writer.bytes.append(UInt8(ascii: "\""))
            writer.bytes.append(UInt8(ascii: ":"))
            value(&writer)
        }

        mutating func optional<T>(_ name: StaticString, _ value: T?, _ write: (inout StoreJSONWriter, T) -> Void) {
            guard let value else { return }
            member(name) { write(&$0, value) }
        }
    }

    private mutating func object(_ body: (inout Members) -> Void) {
        // The writer moves into `members` and back (swapped, not copied).
        var members = Members(writer: StoreJSONWriter(capacity: 0))
        swap(&members.writer, &self)
        body(&members)
        swap(&members.writer, &self)
        if members.first { bytes.append(UInt8(ascii: "{")) }
        bytes.append(UInt8(ascii: "}"))
    }

    private mutating func array<T>(_ values: [T], _ element: (inout StoreJSONWriter, T) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (offset, value) in values.enumerated() {
            if offset > 0 { bytes.append(UInt8(ascii: ",")) }
            element(&self, value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// An object of numbers, members in the byte order of their names.
    private mutating func numbers(_ values: [String: Double]) {
        numbers(values.map { MessageAssessment.Category(name: $0.key, intensity: $0.value) })
    }

    /// An object of numbers from a list of distinct names, members in the byte order of the names.
    private mutating func numbers(_ values: [MessageAssessment.Category]) {
        if values.isEmpty {
            bytes.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
            return
        }
        bytes.append(UInt8(ascii: "{"))
        for (offset, value) in values.sorted(by: { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }).enumerated() {
            if offset > 0 { bytes.append(UInt8(ascii: ",")) }
            string(value.name)
            bytes.append(UInt8(ascii: ":"))
            double(value.intensity)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    private mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    let hex: StaticString = "0123456789abcdef"
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                              hex.utf8Start[Int(byte >> 4)], hex.utf8Start[Int(byte & 0xF)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func double(_ value: Double) {
        guard value.isFinite else {
            finite = false
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    private mutating func date(_ value: Date) { double(value.timeIntervalSinceReferenceDate) }
    private mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }
    private mutating func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }
}
