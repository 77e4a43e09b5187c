import RapportResources

/// Tells English from Icelandic by function words and letters, read from
/// `Lexicons/language-profiles.txt`: short business texts have too few characters for n-gram
/// models, but almost every sentence has a function word (`the`, `og`) or an Icelandic letter
/// (`þ`, `ð`, `æ`).
///
/// Profile format: `language<TAB>word|letter<TAB>item<TAB>weight`, `#` comments; `item` is
/// lower-case. A word scores once per occurrence; a letter once per occurrence in a word that is
/// not itself listed.
public struct LanguageIdentifier: Sendable {
    struct Evidence: Sendable {
        var english = 0.0
        var icelandic = 0.0
    }

    private(set) var words = ByteTable<Evidence>()
    private var letters = LetterWeights()

    /// Below this much evidence for either language the text is `unknown` (one function word
    /// weighs 1 in the shipped profile: one is enough for "Takk!" or "Thanks!").
    public static let minimumEvidence = 1.0
    /// The winner must have this share of all the evidence; mixed texts below it are `unknown`.
    public static let minimumShare = 0.6

    public init() {}

    public init(profiles text: String, file: String) throws {
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let content = line.hasSuffix("\r") ? line.dropLast() : line[...]
            if content.isEmpty || content.hasPrefix("#") { continue }
            let fields = content.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4 else {
                throw DataFileError(
                    file: file, line: lineNumber, reason: "expected language<TAB>word|letter<TAB>item<TAB>weight")
            }
            guard let language = LanguageCode(rawValue: String(fields[0])), language != .unknown else {
                throw DataFileError(file: file, line: lineNumber, reason: "language must be en or is")
            }
            guard let weight = Double(fields[3]), weight > 0 else {
                throw DataFileError(file: file, line: lineNumber, reason: "weight must be a positive number")
            }
            let item = String(fields[2])
            guard !item.isEmpty, item == item.lowercased() else {
                throw DataFileError(file: file, line: lineNumber, reason: "item must be non-empty and lower-case")
            }
            func add(_ evidence: inout Evidence) {
                if language == .english { evidence.english += weight } else { evidence.icelandic += weight }
            }
            switch fields[1] {
            case "word":
                words.update(Array(item.utf8), initial: Evidence()) { add(&$0) }
            case "letter":
                guard item.unicodeScalars.count == 1, let scalar = item.unicodeScalars.first, scalar.value >= 0x80
                else {
                    throw DataFileError(file: file, line: lineNumber, reason: "a letter cue is one non-ASCII letter")
                }
                var evidence = letters[scalar.value] ?? Evidence()
                add(&evidence)
                letters[scalar.value] = evidence
            default:
                throw DataFileError(file: file, line: lineNumber, reason: "kind must be word or letter")
            }
        }
    }

    /// The shipped profile.
    public static let `default`: LanguageIdentifier = {
        guard let text = DefaultResources.text("language-profiles.txt") else { return LanguageIdentifier() }
        return (try? LanguageIdentifier(profiles: text, file: "Lexicons/language-profiles.txt")) ?? LanguageIdentifier()
    }()

    /// The language of a text (a document or one segment of it).
    public func identify(_ text: String, tokenizer: Tokenizer = .default) -> LanguageCode {
        withUTF8(text) { bytes in
            var buffer = TokenBuffer()
            tokenizer.scan(bytes, into: &buffer)
            return identify(buffer, tokens: 0..<buffer.tokens.count)
        }
    }

    /// The evidence for each language, for tools that want to show it.
    public func scores(_ text: String, tokenizer: Tokenizer = .default) -> [LanguageCode: Double] {
        withUTF8(text) { bytes in
            var buffer = TokenBuffer()
            tokenizer.scan(bytes, into: &buffer)
            let evidence = collect(buffer, tokens: 0..<buffer.tokens.count)
            return [.english: evidence.english, .icelandic: evidence.icelandic]
        }
    }

    func identify(_ buffer: TokenBuffer, tokens range: Range<Int>) -> LanguageCode {
        LanguageIdentifier.decide(collect(buffer, tokens: range))
    }

    /// The language the evidence points to, if it is strong and clear enough.
    static func decide(_ evidence: Evidence) -> LanguageCode {
        let total = evidence.english + evidence.icelandic
        let best = max(evidence.english, evidence.icelandic)
        guard best >= LanguageIdentifier.minimumEvidence, evidence.english != evidence.icelandic,
            best / total >= LanguageIdentifier.minimumShare
        else { return .unknown }
        return evidence.english > evidence.icelandic ? .english : .icelandic
    }

    func collect(_ buffer: TokenBuffer, tokens range: Range<Int>) -> Evidence {
        var evidence = Evidence()
        buffer.normalized.withUnsafeBufferPointer { normalized in
            for index in range {
                let token = buffer.tokens[index]
                guard token.kind == .word, token.normalizedEnd > token.normalizedStart else { continue }
                let key = UnsafeBufferPointer(rebasing: normalized[token.normalizedStart..<token.normalizedEnd])
                if let found = words.value(for: key, hash: token.hash) {
                    // A listed word's weight already says what its letters would.
                    evidence.english += found.english
                    evidence.icelandic += found.icelandic
                    continue
                }
                addLetterEvidence(of: key, to: &evidence)
            }
        }
        return evidence
    }

    /// Adds the weights of a word's listed letters, one by one in text order, as `collect` does
    /// for a word that is not itself listed.
    @inline(__always)
    func addLetterEvidence(of word: UnsafeBufferPointer<UInt8>, to evidence: inout Evidence) {
        guard !letters.isEmpty else { return }
        var offset = 0
        while offset < word.count {
            if word[offset] < 0x80 {
                offset += 1
                continue
            }
            let (value, length) = decodeScalar(word, at: offset)
            if let found = letters[value] {
                evidence.english += found.english
                evidence.icelandic += found.icelandic
            }
            offset += length
        }
    }

    /// Whether a word holds a letter the profile weighs.
    func hasWeightedLetter(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        while offset < word.count {
            let (value, length) = decodeScalar(word, at: offset)
            if value >= 0x80, letters[value] != nil { return true }
            offset += length
        }
        return false
    }
}

/// The identifier's letter weights by scalar value: the two-byte UTF-8 range (all of Latin-1
/// and the other European letters) in an array, the rest in a dictionary. `collect` asks for
/// every non-ASCII letter of a text, where `Dictionary`'s hashing showed up in profiles.
struct LetterWeights: Sendable {
    private static let directEnd: UInt32 = 0x800
    private var direct: [LanguageIdentifier.Evidence?] = []
    private var others: [UInt32: LanguageIdentifier.Evidence] = [:]

    var isEmpty: Bool { direct.isEmpty && others.isEmpty }

    subscript(value: UInt32) -> LanguageIdentifier.Evidence? {
        get {
            if value < LetterWeights.directEnd { return value < direct.count ? direct[Int(value)] : nil }
            return others[value]
        }
        set {
            if value < LetterWeights.directEnd {
                if direct.isEmpty { direct = Array(repeating: nil, count: Int(LetterWeights.directEnd)) }
                direct[Int(value)] = newValue
            } else {
                others[value] = newValue
            }
        }
    }
}
