import Foundation

/// Reads a `DocumentScore` or a `Document` from the JSON their `Codable` conformances write,
/// without `JSONDecoder`: a scan reads back the stored documents and scores of every account that
/// got mail, and decoding them through `Codable` was over half of a re-scan.
///
/// It accepts exactly those shapes (any key order, any whitespace) and throws on anything else, so
/// callers fall back to `JSONDecoder` for JSON it does not know; what it reads equals what
/// `JSONDecoder` reads (numbers are parsed by the standard library, correctly rounded, or, when
/// that gives the same double, by one exact multiplication or division).
public struct StoreJSONReader {
    /// The reason reading stopped, with the byte offset.
    public struct Unreadable: Error, Equatable {
        public var offset: Int
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The score the JSON holds; throws `Unreadable` for JSON of any other shape.
    public static func documentScore(_ json: String) throws -> DocumentScore {
        try read(json) { try $0.documentScore() }
    }

    /// `documentScore` of JSON given as its UTF-8 bytes (as the store keeps it).
    public static func documentScore(utf8 json: UnsafeBufferPointer<UInt8>) throws -> DocumentScore {
        try read(utf8: json) { try $0.documentScore() }
    }

    /// The text of each sentence of the score the JSON holds, in order, the rest of it passed
    /// over unread: all that finding boilerplate needs of a stored score. Throws `Unreadable`
    /// where `documentScore` would not know the shape (then read it whole).
    public static func sentenceTexts(ofScore json: String) throws -> [String] {
        var json = json
        return try json.withUTF8 { try sentenceTexts(ofScoreUTF8: $0) }
    }

    /// `sentenceTexts(ofScore:)` of JSON given as its UTF-8 bytes.
    public static func sentenceTexts(ofScoreUTF8 json: UnsafeBufferPointer<UInt8>) throws -> [String] {
        try read(utf8: json) { reader in
            var texts: [String] = []
            try reader.object(Self.scoreKeys) { reader, key in
                guard key == "sentences" else { return try reader.skipValue() }
                texts = try reader.array { reader in
                    var text: String?
                    try reader.object(Self.sentenceKeys) { reader, key in
                        if key == "text" { text = try reader.string() } else { try reader.skipValue() }
                    }
                    guard let text else { throw reader.unreadable }
                    return text
                }
            }
            return texts
        }
    }

    /// The document the JSON holds; throws `Unreadable` for JSON of any other shape.
    public static func document(_ json: String) throws -> Document {
        try read(json) { try $0.document(headerOnly: false) }
    }

    /// `document` of JSON given as its UTF-8 bytes (as the store keeps it).
    public static func document(utf8 json: UnsafeBufferPointer<UInt8>) throws -> Document {
        try read(utf8: json) { try $0.document(headerOnly: false) }
    }

    /// The document the JSON holds without its text and speaker turns (left empty): what is
    /// read of every document a scan assesses before its account's turn comes. Those values
    /// are passed over, checked as `document` checks them, so that it refuses what `document`
    /// refuses.
    public static func documentHeader(utf8 json: UnsafeBufferPointer<UInt8>) throws -> Document {
        try read(utf8: json) { try $0.document(headerOnly: true) }
    }

    /// The thread report the JSON holds; throws `Unreadable` for JSON of any other shape.
    public static func threadReport(_ json: String) throws -> ThreadReport {
        try read(json) { try $0.threadReport() }
    }

    /// The account report the JSON holds; throws `Unreadable` for JSON of any other shape.
    public static func accountReport(_ json: String) throws -> AccountReport {
        try read(json) { try $0.accountReport() }
    }

    /// The flag the JSON holds; throws `Unreadable` for JSON of any other shape.
    public static func healthFlag(_ json: String) throws -> HealthFlag {
        try read(json) { try $0.healthFlag() }
    }

    private static func read<T>(_ json: String, _ value: (inout StoreJSONReader) throws -> T) throws -> T {
        var json = json
        return try json.withUTF8 { try read(utf8: $0, value) }
    }

    private static func read<T>(utf8 bytes: UnsafeBufferPointer<UInt8>, _ value: (inout StoreJSONReader) throws -> T)
        throws -> T
    {
        var reader = StoreJSONReader(bytes)
        let result = try value(&reader)
        reader.skipSpace()
        guard reader.index == bytes.count else { throw reader.unreadable }
        return result
    }

    // MARK: - The shapes

    /// The member names of one shape, with their bytes, so that a member's name is matched where
    /// it stands in the JSON rather than built as a string and compared with each name.
    private struct Keys {
        let names: [String]
        let bytes: [[UInt8]]
        /// The members that must be present: the first `required` names (all by default).
        let required: UInt32
        /// The store writes members in byte order of their names: the first name in that order,
        /// and after each name the one that follows it (-1 after the last). A member name is
        /// compared with the expected one first, and with the others only when that fails.
        let firstInOrder: Int
        let nextInOrder: [Int]

        init(_ names: [String], required: Int? = nil) {
            self.names = names
            bytes = names.map { Array($0.utf8) }
            self.required = (1 << UInt32(required ?? names.count)) - 1
            let order = names.indices.sorted { names[$0].utf8.lexicographicallyPrecedes(names[$1].utf8) }
            var next = [Int](repeating: -1, count: names.count)
            for (position, number) in order.enumerated() where position + 1 < order.count {
                next[number] = order[position + 1]
            }
            firstInOrder = order.first ?? -1
            nextInOrder = next
        }
    }

    private static let scoreKeys = Keys(["language", "sentiment", "positive", "negative", "neutral", "categories", "politeness", "sentences"])
    private static let sentenceKeys = Keys(["text", "utf8Range", "sentiment", "categories", "politeness", "evidence", "rules"])
    private static let evidenceKeys = Keys(["term", "entry", "category", "baseWeight", "finalWeight", "rules"])
    private static let participantKeys = Keys(["address", "name", "organisation", "role"], required: 1)
    private static let segmentKeys = Keys(["text", "speaker"], required: 1)
    private static let attachmentKeys = Keys(["type", "size", "name"], required: 2)
    private static let locationKeys = Keys(["file", "index", "offset", "line"], required: 1)


    private mutating func documentScore() throws -> DocumentScore {
        var score = DocumentScore(language: .unknown)
        try object(Self.scoreKeys) { reader, key in
            switch key {
            case "language":
                guard let language = LanguageCode(rawValue: try reader.string()) else { throw reader.unreadable }
                score.language = language
            case "sentiment": score.sentiment = try reader.double()
            case "positive": score.positive = try reader.double()
            case "negative": score.negative = try reader.double()
            case "neutral": score.neutral = try reader.double()
            case "categories": score.categories = try reader.doubles()
            case "politeness": score.politeness = try reader.double()
            case "sentences": score.sentences = try reader.array { try $0.sentenceScore() }
            default: throw reader.unreadable
            }
        }
        return score
    }

    private mutating func sentenceScore() throws -> SentenceScore {
        var sentence = SentenceScore(
            text: "", utf8Range: 0..<0, sentiment: 0, categories: [:], politeness: 0, evidence: [], rules: [])
        try object(Self.sentenceKeys) { reader, key in
            switch key {
            case "text": sentence.text = try reader.string()
            case "utf8Range":
                let bounds = try reader.array { try $0.integer() }
                guard bounds.count == 2, bounds[0] <= bounds[1] else { throw reader.unreadable }
                sentence.utf8Range = bounds[0]..<bounds[1]
            case "sentiment": sentence.sentiment = try reader.double()
            case "categories": sentence.categories = try reader.doubles()
            case "politeness": sentence.politeness = try reader.double()
            case "evidence": sentence.evidence = try reader.array { try $0.evidence() }
            case "rules": sentence.rules = try reader.array { try $0.string() }
            default: throw reader.unreadable
            }
        }
        return sentence
    }

    private mutating func evidence() throws -> Evidence {
        var evidence = Evidence(term: "", entry: "", category: "", baseWeight: 0, finalWeight: 0, rules: [])
        try object(Self.evidenceKeys) { reader, key in
            switch key {
            case "term": evidence.term = try reader.string()
            case "entry": evidence.entry = try reader.string()
            case "category": evidence.category = try reader.string()
            case "baseWeight": evidence.baseWeight = try reader.double()
            case "finalWeight": evidence.finalWeight = try reader.double()
            case "rules": evidence.rules = try reader.array { try $0.string() }
            default: throw reader.unreadable
            }
        }
        return evidence
    }

    /// The first twelve keys must be present; the optional ones may be missing.
    private static let documentKeys = Keys([
        "id", "kind", "dateSource", "from", "to", "cc", "references", "text", "quoted", "segments", "attachments", "source",
        "subject", "date", "inReplyTo", "account", "thread", "language",
    ], required: 12)

    private mutating func document(headerOnly: Bool) throws -> Document {
        var document = Document(id: "", source: SourceLocation(file: ""))
        try object(Self.documentKeys) { reader, key in
            switch key {
            case "id": document.id = try reader.string()
            case "kind":
                guard let kind = Document.Kind(rawValue: try reader.string()) else { throw reader.unreadable }
                document.kind = kind
            case "dateSource":
                guard let source = Document.DateSource(rawValue: try reader.string()) else { throw reader.unreadable }
                document.dateSource = source
            case "from": document.from = try reader.array { try $0.participant() }
            case "to": document.to = try reader.array { try $0.participant() }
            case "cc": document.cc = try reader.array { try $0.participant() }
            case "references": document.references = try reader.array { try $0.string() }
            case "text":
                if headerOnly { try reader.skipString() } else { document.text = try reader.string() }
            case "quoted": document.quoted = try reader.integer()
            case "segments":
                if headerOnly {
                    _ = try reader.array { _ = try $0.segment(skippingText: true) }
                } else {
                    document.segments = try reader.array { try $0.segment(skippingText: false) }
                }
            case "attachments": document.attachments = try reader.array { try $0.attachment() }
            case "source": document.source = try reader.sourceLocation()
            case "subject": document.subject = try reader.optional { try $0.string() }
            case "date": document.date = try reader.optional { try $0.date() }
            case "inReplyTo": document.inReplyTo = try reader.optional { try $0.string() }
            case "account": document.account = try reader.optional { try $0.string() }
            case "thread": document.thread = try reader.optional { try $0.string() }
            case "language": document.language = try reader.optional { try $0.string() }
            default: throw reader.unreadable
            }
        }
        return document
    }

    private mutating func participant() throws -> Participant {
        var participant = Participant(address: "")
        try object(Self.participantKeys) { reader, key in
            switch key {
            case "address": participant.address = try reader.string()
            case "name": participant.name = try reader.optional { try $0.string() }
            case "organisation": participant.organisation = try reader.optional { try $0.string() }
            case "role": participant.role = try reader.optional { try $0.string() }
            default: throw reader.unreadable
            }
        }
        return participant
    }

    private mutating func segment(skippingText: Bool) throws -> Segment {
        var segment = Segment(text: "")
        try object(Self.segmentKeys) { reader, key in
            switch key {
            case "text":
                if skippingText { try reader.skipString() } else { segment.text = try reader.string() }
            case "speaker": segment.speaker = try reader.optional { try $0.string() }
            default: throw reader.unreadable
            }
        }
        return segment
    }

    private mutating func attachment() throws -> Attachment {
        var attachment = Attachment(name: nil, type: "", size: 0)
        try object(Self.attachmentKeys) { reader, key in
            switch key {
            case "type": attachment.type = try reader.string()
            case "size": attachment.size = try reader.integer()
            case "name": attachment.name = try reader.optional { try $0.string() }
            default: throw reader.unreadable
            }
        }
        return attachment
    }

    private mutating func sourceLocation() throws -> SourceLocation {
        var location = SourceLocation(file: "")
        try object(Self.locationKeys) { reader, key in
            switch key {
            case "file": location.file = try reader.string()
            case "index": location.index = try reader.optional { try $0.integer() }
            case "offset": location.offset = try reader.optional { try $0.integer() }
            case "line": location.line = try reader.optional { try $0.integer() }
            default: throw reader.unreadable
            }
        }
        return location
    }

    private static let threadReportKeys = Keys([
        "id", "subject", "account", "ours", "theirs", "messageIDs", "messages", "flags", "trajectory", "waiting",
        "first", "last", "nextStep",
    ], required: 10)
    private static let messageKeys = Keys([
        "document", "fromUs", "sentiment", "categories", "politeness", "words", "asks", "date", "author",
    ], required: 7)
    private static let flagKeys = Keys([
        "kind", "severity", "account", "since", "reason", "evidence", "negotiation", "thread",
    ], required: 6)
    private static let quoteKeys = Keys(["document", "sentence", "terms", "date", "author"], required: 3)
    private static let accountReportKeys = Keys(["account", "health", "trend", "history", "flags", "threads"])
    private static let accountKeys = Keys(["key", "name", "type"])
    private static let pointKeys = Keys(["date", "health"])

    private mutating func threadReport() throws -> ThreadReport {
        var report = ThreadReport(
            id: "", subject: "", account: "", ours: [], theirs: [], first: nil, last: nil, messageIDs: [], messages: [],
            flags: [], trajectory: [], waiting: .nobody, nextStep: nil)
        try object(Self.threadReportKeys) { reader, key in
            switch key {
            case "id": report.id = try reader.string()
            case "subject": report.subject = try reader.string()
            case "account": report.account = try reader.string()
            case "ours": report.ours = try reader.array { try $0.participant() }
            case "theirs": report.theirs = try reader.array { try $0.participant() }
            case "messageIDs": report.messageIDs = try reader.array { try $0.string() }
            case "messages": report.messages = try reader.array { try $0.messageAssessment() }
            case "flags": report.flags = try reader.array { try $0.healthFlag() }
            case "trajectory": report.trajectory = try reader.array { try $0.double() }
            case "waiting": report.waiting = try reader.enumeration(Waiting.self)
            case "first": report.first = try reader.optional { try $0.date() }
            case "last": report.last = try reader.optional { try $0.date() }
            case "nextStep": report.nextStep = try reader.optional { try $0.string() }
            default: throw reader.unreadable
            }
        }
        return report
    }

    private mutating func messageAssessment() throws -> MessageAssessment {
        var message = MessageAssessment(
            document: "", date: nil, author: nil, fromUs: false, sentiment: 0, categories: [:], politeness: 0, words: 0,
            asks: false)
        try object(Self.messageKeys) { reader, key in
            switch key {
            case "document": message.document = try reader.string()
            case "fromUs": message.fromUs = try reader.bool()
            case "sentiment": message.sentiment = try reader.double()
            case "categories": message.categories = try reader.doubles()
            case "politeness": message.politeness = try reader.double()
            case "words": message.words = try reader.integer()
            case "asks": message.asks = try reader.bool()
            case "date": message.date = try reader.optional { try $0.date() }
            case "author": message.author = try reader.optional { try $0.participant() }
            default: throw reader.unreadable
            }
        }
        return message
    }

    private mutating func healthFlag() throws -> HealthFlag {
        var flag = HealthFlag(kind: .conflict, severity: .info, thread: nil, account: "", since: Date(timeIntervalSinceReferenceDate: 0),
                              reason: "", evidence: [])
        try object(Self.flagKeys) { reader, key in
            switch key {
            case "kind": flag.kind = try reader.enumeration(HealthFlag.Kind.self)
            case "severity": flag.severity = try reader.enumeration(Severity.self)
            case "account": flag.account = try reader.string()
            case "since": flag.since = try reader.date()
            case "reason": flag.reason = try reader.string()
            case "evidence": flag.evidence = try reader.array { try $0.evidenceQuote() }
            case "negotiation": flag.negotiation = try reader.optional { try $0.enumeration(HealthFlag.NegotiationKind.self) }
            case "thread": flag.thread = try reader.optional { try $0.string() }
            default: throw reader.unreadable
            }
        }
        return flag
    }

    private mutating func evidenceQuote() throws -> EvidenceQuote {
        var quote = EvidenceQuote(document: "", date: nil, author: nil, sentence: "", terms: [])
        try object(Self.quoteKeys) { reader, key in
            switch key {
            case "document": quote.document = try reader.string()
            case "sentence": quote.sentence = try reader.string()
            case "terms": quote.terms = try reader.array { try $0.string() }
            case "date": quote.date = try reader.optional { try $0.date() }
            case "author": quote.author = try reader.optional { try $0.participant() }
            default: throw reader.unreadable
            }
        }
        return quote
    }

    private mutating func accountReport() throws -> AccountReport {
        var report = AccountReport(account: Account(key: "", name: ""), health: 0, trend: .stable, history: [], flags: [],
                                   threads: [])
        try object(Self.accountReportKeys) { reader, key in
            switch key {
            case "account": report.account = try reader.account()
            case "health": report.health = try reader.integer()
            case "trend": report.trend = try reader.enumeration(Trend.self)
            case "history": report.history = try reader.array { try $0.healthPoint() }
            case "flags": report.flags = try reader.array { try $0.healthFlag() }
            case "threads": report.threads = try reader.array { try $0.string() }
            default: throw reader.unreadable
            }
        }
        return report
    }

    private mutating func account() throws -> Account {
        var account = Account(key: "", name: "")
        try object(Self.accountKeys) { reader, key in
            switch key {
            case "key": account.key = try reader.string()
            case "name": account.name = try reader.string()
            case "type": account.type = try reader.enumeration(AccountType.self)
            default: throw reader.unreadable
            }
        }
        return account
    }

    private mutating func healthPoint() throws -> HealthPoint {
        var point = HealthPoint(date: Date(timeIntervalSinceReferenceDate: 0), health: 0)
        try object(Self.pointKeys) { reader, key in
            switch key {
            case "date": point.date = try reader.date()
            case "health": point.health = try reader.integer()
            default: throw reader.unreadable
            }
        }
        return point
    }

    /// A date as `JSONEncoder` writes one by default: seconds since 2001 as a number.
    private mutating func date() throws -> Date {
        Date(timeIntervalSinceReferenceDate: try double())
    }

    private mutating func enumeration<T: RawRepresentable>(_ type: T.Type) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: try string()) else { throw unreadable }
        return value
    }

    private mutating func bool() throws -> Bool {
        skipSpace()
        func literal(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { return false }
            index += count
            return true
        }
        if literal("true") { return true }
        if literal("false") { return false }
        throw unreadable
    }

    /// An object of numbers, such as `categories`.
    private mutating func doubles() throws -> [String: Double] {
        var result: [String: Double] = [:]
        try object { reader, key in
            guard result.updateValue(try reader.double(), forKey: key) == nil else { throw reader.unreadable }
        }
        return result
    }

    // MARK: - JSON

    private var unreadable: Unreadable { Unreadable(offset: index) }

    private mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    private mutating func expect(_ byte: UInt8) throws {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { throw unreadable }
        index += 1
    }

    /// Whether the next byte is `byte`, consumed if so.
    private mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func object(_ member: (inout StoreJSONReader, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if take(UInt8(ascii: "}")) { return }
        repeat {
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
        } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
    }

    /// An object whose members are among `keys`, each once, the required ones present; `member`
    /// reads each value. A member name written with an escape is refused (the store writes none).
    private mutating func object(_ keys: Keys, _ member: (inout StoreJSONReader, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        var seen: UInt32 = 0
        var expected = keys.firstInOrder
        if !take(UInt8(ascii: "}")) {
            repeat {
                let number = try keyNumber(keys, expected: expected)
                expected = keys.nextInOrder[number]
                guard seen & (1 << UInt32(number)) == 0 else { throw unreadable }
                seen |= 1 << UInt32(number)
                try expect(UInt8(ascii: ":"))
                try member(&self, keys.names[number])
            } while take(UInt8(ascii: ","))
            try expect(UInt8(ascii: "}"))
        }
        guard seen & keys.required == keys.required else { throw unreadable }
    }

    /// The position in `keys` of the member name that comes next, `expected` tried first.
    private mutating func keyNumber(_ keys: Keys, expected: Int) throws -> Int {
        try expect(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            guard bytes[index] >= 0x20, bytes[index] != UInt8(ascii: "\\") else { throw unreadable }
            index += 1
        }
        guard index < bytes.count else { throw unreadable }
        let name = UnsafeBufferPointer(rebasing: bytes[start..<index])
        index += 1
        if expected >= 0, Self.same(keys.bytes[expected], name) { return expected }
        // By length and first byte, then the rest: the generic `elementsEqual` cost more than reading the value.
        if let first = name.first {
            for number in keys.bytes.indices {
                let key = keys.bytes[number]
                guard key.count == name.count, key[0] == first else { continue }
                let same = key.withUnsafeBufferPointer { memcmp($0.baseAddress!, name.baseAddress!, name.count) == 0 }
                if same { return number }
            }
        }
        throw unreadable
    }

    private static func same(_ key: [UInt8], _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard key.count == name.count, !name.isEmpty else { return false }
        return key.withUnsafeBufferPointer { memcmp($0.baseAddress!, name.baseAddress!, name.count) == 0 }
    }

    /// A value, or `null` for nil (as `decodeIfPresent` reads it).
    private mutating func optional<T>(_ value: (inout StoreJSONReader) throws -> T) throws -> T? {
        skipSpace()
        if index + 4 <= bytes.count, bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "u"),
            bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l")
        {
            index += 4
            return nil
        }
        return try value(&self)
    }

    /// Passes over one value of any kind, checking only that it is well formed.
    private mutating func skipValue(depth: Int = 0) throws {
        guard depth < 64 else { throw unreadable }
        skipSpace()
        guard index < bytes.count else { throw unreadable }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            index += 1
            while true {
                index = plainEnd(from: index)
                guard index < bytes.count, bytes[index] >= 0x20 else { throw unreadable }
                if bytes[index] == UInt8(ascii: "\"") { break }
                index += 2   // a backslash and the byte it escapes
            }
            index += 1
        case UInt8(ascii: "{"):
            try object { reader, _ in try reader.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            _ = try array { reader in try reader.skipValue(depth: depth + 1) }
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            _ = try bool()
        case UInt8(ascii: "n"):
            let isNull = try optional { reader -> Bool in throw reader.unreadable } == nil
            guard isNull else { throw unreadable }
        default:
            // A number: its bytes, not its value (`documentScore` checks those).
            _ = try numberBytes()
        }
    }

    private mutating func array<T>(_ element: (inout StoreJSONReader) throws -> T) throws -> [T] {
        try expect(UInt8(ascii: "["))
        var result: [T] = []
        if take(UInt8(ascii: "]")) { return result }
        repeat { result.append(try element(&self)) } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
        return result
    }

    private mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        // Most strings have no escapes: their bytes are the string.
        index = plainEnd(from: index)
        guard index < bytes.count else { throw unreadable }
        if bytes[index] == UInt8(ascii: "\"") {
            index += 1
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self)
        }
        var result = Array(bytes[start..<index])
        while index < bytes.count {
            // Texts escape their line breaks: the plain runs between escapes are copied whole.
            let plain = plainEnd(from: index)
            if plain > index {
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<plain]))
                index = plain
                guard index < bytes.count else { break }
            }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: result, as: UTF8.self)
            case UInt8(ascii: "\\"):
                let scalar = try escapedScalar()
                if scalar.isASCII { result.append(UInt8(scalar.value)) } else { result.append(contentsOf: String(scalar).utf8) }
            default:
                throw unreadable   // a control byte
            }
        }
        throw unreadable
    }

    /// Passes over a string, checked as `string()` checks it, without making it.
    private mutating func skipString() throws {
        try expect(UInt8(ascii: "\""))
        while true {
            index = plainEnd(from: index)
            guard index < bytes.count else { throw unreadable }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return
            case UInt8(ascii: "\\"): _ = try escapedScalar()
            default: throw unreadable   // a control byte
            }
        }
    }

    /// The scalar the escape after a backslash stands for.
    private mutating func escapedScalar() throws -> Unicode.Scalar {
        guard index < bytes.count else { throw unreadable }
        let escaped = bytes[index]
        index += 1
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return Unicode.Scalar(escaped)
        case UInt8(ascii: "b"): return "\u{8}"
        case UInt8(ascii: "f"): return "\u{C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            var value = try hexQuad()
            if value >= 0xD800 && value < 0xDC00 {
                // A high surrogate must be followed by an escaped low one.
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else { throw unreadable }
                index += 2
                let low = try hexQuad()
                guard low >= 0xDC00 && low < 0xE000 else { throw unreadable }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(value) else { throw unreadable }
            return scalar
        default:
            throw unreadable
        }
    }

    /// The index of the first byte from `start` on that ends a string's plain run (a quote, a
    /// backslash or a control byte), or the end: sixteen bytes at a time, as a stored text is
    /// most of a row's bytes.
    private func plainEnd(from start: Int) -> Int {
        var index = start
        let count = bytes.count
        if let base = bytes.baseAddress {
            let quote = SIMD16<UInt8>(repeating: UInt8(ascii: "\"")), backslash = SIMD16<UInt8>(repeating: UInt8(ascii: "\\"))
            let space = SIMD16<UInt8>(repeating: 0x20)
            while index + 16 <= count {
                let chunk = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
                let special = (chunk .== quote) .| (chunk .== backslash) .| (chunk .< space)
                let plain = SIMDBytes.firstSet(special)
                index += plain
                if plain < 16 { return index }
            }
        }
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { return index }
            index += 1
        }
        return index
    }

    private mutating func hexQuad() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw unreadable }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw unreadable
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// The text of a JSON number.
    private mutating func numberText() throws -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[try numberBytes()]), as: UTF8.self)
    }

    /// Where the bytes a number can be written with run, consumed; at least one.
    private mutating func numberBytes() throws -> Range<Int> {
        skipSpace()
        let start = index
        scan: while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                UInt8(ascii: "e"), UInt8(ascii: "E"):
                index += 1
            default:
                break scan
            }
        }
        guard index > start else { throw unreadable }
        return start..<index
    }

    private mutating func double() throws -> Double {
        skipSpace()
        if let value = exactDouble() { return value }
        let text = try numberText()
        guard let value = Double(text), value.isFinite, Self.isJSONNumber(text[...]) else { throw unreadable }
        return value
    }

    private mutating func integer() throws -> Int {
        let text = try numberText()
        guard let value = Int(text) else { throw unreadable }
        return value
    }

    /// Powers of ten that a double holds exactly.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ]

    /// A number without an exponent whose digits, read as a whole number, are at most 2^53, with at
    /// most 22 of them after the point: its value is that whole number (exact as a double) divided
    /// by an exact power of ten, and one correctly rounded division gives the double nearest to it,
    /// which is what parsing its text gives (Clinger's fast path). Most scores are such numbers.
    /// Anything else returns nil with nothing consumed, for the general path.
    private mutating func exactDouble() -> Double? {
        let zero = UInt8(ascii: "0")
        var position = index
        let negative = position < bytes.count && bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        var whole: UInt64 = 0
        var digits = 0
        let integerStart = position
        while position < bytes.count, bytes[position] &- zero < 10 {
            guard digits < 18 else { return nil }
            whole = whole &* 10 &+ UInt64(bytes[position] &- zero)
            digits += 1
            position += 1
        }
        let integerDigits = position - integerStart
        guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != zero else { return nil }
        var scale = 0
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            let fractionStart = position
            while position < bytes.count, bytes[position] &- zero < 10 {
                guard digits < 18 else { return nil }
                whole = whole &* 10 &+ UInt64(bytes[position] &- zero)
                digits += 1
                scale += 1
                position += 1
            }
            guard position > fractionStart else { return nil }
        }
        if position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."): return nil
            default: break
            }
        }
        guard whole <= 1 << 53, scale < Self.exactPowersOfTen.count else { return nil }
        let magnitude = Double(whole) / Self.exactPowersOfTen[scale]
        index = position
        return negative ? -magnitude : magnitude
    }

    /// JSON's number grammar, which is stricter than `Double`'s (no `+1`, `.5`, `01` or `inf`).
    static func isJSONNumber(_ text: Substring) -> Bool {
        var bytes = text.utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        func digits() -> Int {
            let count = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        let first = bytes.first
        let integerDigits = digits()
        guard integerDigits > 0, integerDigits == 1 || first != UInt8(ascii: "0") else { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }
}
