/// Reads a `DocumentScore` from the JSON its `Codable` conformance writes, without `JSONDecoder`:
/// a scan reads back the stored scores of every account that got mail, and decoding them
/// through `Codable` was a third of a re-scan.
///
/// It accepts exactly that shape (any key order, any whitespace) and throws on anything else, so
/// callers fall back to `JSONDecoder` for JSON it does not know; what it reads equals what
/// `JSONDecoder` reads (numbers are parsed by the standard library, correctly rounded).
public struct ScoreJSONReader {
    /// The reason reading stopped, with the byte offset.
    public struct Unreadable: Error, Equatable {
        public var offset: Int
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The score the JSON holds; throws `Unreadable` for JSON of any other shape.
    public static func documentScore(_ json: String) throws -> DocumentScore {
        var json = json
        return try json.withUTF8 { bytes in
            var reader = ScoreJSONReader(bytes)
            let score = try reader.documentScore()
            reader.skipSpace()
            guard reader.index == bytes.count else { throw reader.unreadable }
            return score
        }
    }

    // MARK: - The shapes

    private mutating func documentScore() throws -> DocumentScore {
        var score = DocumentScore(language: .unknown)
        try object(keys: ["language", "sentiment", "positive", "negative", "neutral", "categories", "politeness", "sentences"]) { reader, key in
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
        try object(keys: ["text", "utf8Range", "sentiment", "categories", "politeness", "evidence", "rules"]) { reader, key in
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
        try object(keys: ["term", "entry", "category", "baseWeight", "finalWeight", "rules"]) { reader, key in
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

    private mutating func object(_ member: (inout ScoreJSONReader, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if take(UInt8(ascii: "}")) { return }
        repeat {
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
        } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
    }

    /// An object whose members are exactly `keys`, each once; `member` reads each value.
    private mutating func object(keys: [String], _ member: (inout ScoreJSONReader, String) throws -> Void) throws {
        var seen: UInt32 = 0
        try object { reader, key in
            guard let number = keys.firstIndex(of: key), seen & (1 << number) == 0 else { throw reader.unreadable }
            seen |= 1 << number
            try member(&reader, key)
        }
        guard seen == (1 << keys.count) - 1 else { throw unreadable }
    }

    private mutating func array<T>(_ element: (inout ScoreJSONReader) throws -> T) throws -> [T] {
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
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
            guard bytes[index] >= 0x20 else { throw unreadable }
            index += 1
        }
        guard index < bytes.count else { throw unreadable }
        if bytes[index] == UInt8(ascii: "\"") {
            index += 1
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self)
        }
        var result = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: result, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw unreadable }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): result.append(escaped)
                case UInt8(ascii: "b"): result.append(0x08)
                case UInt8(ascii: "f"): result.append(0x0C)
                case UInt8(ascii: "n"): result.append(0x0A)
                case UInt8(ascii: "r"): result.append(0x0D)
                case UInt8(ascii: "t"): result.append(0x09)
                case UInt8(ascii: "u"):
                    var value = try hexQuad()
                    if value >= 0xD800 && value < 0xDC00 {
                        // A high surrogate must be followed by an escaped low one.
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                            bytes[index + 1] == UInt8(ascii: "u")
                        else { throw unreadable }
                        index += 2
                        let low = try hexQuad()
                        guard low >= 0xDC00 && low < 0xE000 else { throw unreadable }
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(value) else { throw unreadable }
                    result.append(contentsOf: String(scalar).utf8)
                default:
                    throw unreadable
                }
            case 0..<0x20:
                throw unreadable
            default:
                result.append(byte)
            }
        }
        throw unreadable
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
        skipSpace()
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                UInt8(ascii: "e"), UInt8(ascii: "E"):
                index += 1
            default:
                guard index > start else { throw unreadable }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            }
        }
        guard index > start else { throw unreadable }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private mutating func double() throws -> Double {
        let text = try numberText()
        guard let value = Double(text), value.isFinite, Self.isJSONNumber(text[...]) else { throw unreadable }
        return value
    }

    private mutating func integer() throws -> Int {
        let text = try numberText()
        guard let value = Int(text) else { throw unreadable }
        return value
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
