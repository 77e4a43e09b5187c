import Foundation
import RapportLanguage
import RapportResources

/// A word as written and its lower-cased form, for matching cue phrases.
struct CueToken: Hashable, Sendable {
    var text: String
    var folded: String
}

/// Splits text into words for cue matching: runs of letters, digits and apostrophes (curly ones
/// folded to `'`), lower-cased. Reads UTF-8 bytes: ASCII bytes are classified directly, Latin-1
/// letters (`á`, `ð`, `þ`…, all two bytes starting `C3`) are letters, and every other non-ASCII
/// scalar is a letter unless it is a space, punctuation or a symbol. A word of ASCII and Latin-1
/// letters is lower-cased byte by byte (both ranges lower-case by adding 0x20, as
/// `String.lowercased()` does); others through `String.lowercasedFast()`.
enum CueTokenizer {
    static func tokens(_ text: String) -> [CueToken] {
        var text = text
        return text.withUTF8 { bytes in
            var tokens: [CueToken] = []
            // About one word per six bytes of text: grown a few times rather than from one.
            tokens.reserveCapacity(bytes.count / 6 + 1)
            /// Where the current word starts, or -1 between words.
            var start = -1
            /// Only ASCII and Latin-1 letters so far: lower-cased byte by byte.
            var simple = true
            /// A capital seen: the folded form differs from the written one.
            var capitals = false
            /// A curly apostrophe seen: the written form differs from the bytes.
            var curly = false
            // Most words are a run of the text's own bytes: they are cut from it, not copied byte by byte.
            func flush(_ end: Int) {
                defer {
                    start = -1
                    simple = true
                    capitals = false
                    curly = false
                }
                guard start >= 0 else { return }
                if curly {
                    tokens.appendWord(rewriting: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                    return
                }
                var low = start, high = end
                while high > low && bytes[high - 1] == UInt8(ascii: "'") { high -= 1 }
                while low < high && bytes[low] == UInt8(ascii: "'") { low += 1 }
                guard low < high else { return }
                let word = UnsafeBufferPointer(rebasing: bytes[low..<high])
                let written = String(decoding: word, as: UTF8.self)
                let folded = !simple ? written.lowercasedFast() : capitals ? CueTokenizer.folded(word) : written
                tokens.append(CueToken(text: written, folded: folded))
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte &- UInt8(ascii: "A") < 26 {
                        capitals = true
                        if start < 0 { start = index }
                    } else if byte == UInt8(ascii: "'") || isWordScalar(Unicode.Scalar(byte)) {
                        if start < 0 { start = index }
                    } else {
                        flush(index)
                    }
                    index += 1
                    continue
                }
                // Latin-1 letters: C3 80…BF but × (C3 97) and ÷ (C3 B7); C3 80…9E are capitals.
                if byte == 0xC3, index + 1 < bytes.count {
                    let next = bytes[index + 1]
                    if next >= 0x80 && next <= 0xBF && next != 0x97 && next != 0xB7 {
                        if next <= 0x9E { capitals = true }
                        if start < 0 { start = index }
                        index += 2
                        continue
                    }
                }
                let (scalar, length) = CueTokenizer.scalar(in: bytes, at: index)
                if scalar == "\u{2019}" {
                    curly = true
                    if start < 0 { start = index }
                } else if isWordScalar(scalar) {
                    simple = false
                    if start < 0 { start = index }
                } else {
                    flush(index)
                }
                index += length
            }
            flush(bytes.count)
            return tokens
        }
    }

    /// ASCII and Latin-1 capitals lower-cased (both by adding 0x20 to the last byte).
    static func folded(_ word: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: word.count) { buffer in
            var previous: UInt8 = 0
            for (offset, byte) in word.enumerated() {
                if byte &- UInt8(ascii: "A") < 26 || (previous == 0xC3 && byte >= 0x80 && byte <= 0x9E && byte != 0x97) {
                    buffer[offset] = byte | 0x20
                } else {
                    buffer[offset] = byte
                }
                previous = byte
            }
            return word.count
        }
    }

    /// The scalar that starts at `index` of a `String`'s bytes (well-formed UTF-8: the lead
    /// byte gives the length) and its length in bytes.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let byte = bytes[index]
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value)!, length)
    }

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}

/// Words and phrases, each with a kind, found in text on word boundaries. A phrase's last word
/// may end in `*` to match every word starting with it (`lögfræðing*`), as in the lexicons.
///
/// File format: `kind<TAB>phrase`, one per line, lower-case; `#` starts a comment line. Lines
/// that break the format are errors naming `file:line`.
struct CueList: Hashable, Sendable {
    struct Cue: Hashable, Sendable {
        var kind: String
        var words: [String]
        /// True when the last word is a stem (`*` removed).
        var stem: Bool
    }

    struct Match: Hashable, Sendable {
        var kind: String
        /// Token positions `lowerBound..<upperBound`.
        var range: Range<Int>
        /// The words as written in the text.
        var text: String
    }

    private(set) var cues: [Cue] = []
    /// Cues by their first word, when it is not a stem.
    private var byFirstWord: [String: [Int]] = [:]
    /// For each first byte, a bit per byte length (up to 63, the last bit for longer) of the
    /// first words in `byFirstWord`: most words start no cue, and this tells so for an ASCII word
    /// without hashing it.
    private var firstWordShapes: [UInt64] = Array(repeating: 0, count: 256)
    /// Cues whose only word is a stem starting with an ASCII letter that is a character on its own
    /// (the next byte is ASCII too), by that byte: a word can start with such a stem only if its
    /// first byte is the same (nothing else is canonically equivalent to a lone ASCII character),
    /// so each word is checked against a few stems, not all of them.
    private var stemsByFirstByte: [[Int]] = Array(repeating: [], count: 128)
    /// The other single-stem cues: checked at every word, since another spelling of their first
    /// character (`o` and a combining mark for `ö`, or the other way round) starts with another byte.
    private var otherStems: [Int] = []
    /// What `mayMatch` needs to rule a text out from its bytes alone.
    private var screen = Screen()

    init(cues: [Cue] = []) {
        for cue in cues { add(cue) }
    }

    /// Parses a cue file; `kinds` limits the allowed kinds (nil accepts any lower-case word).
    init(text: String, file: String, kinds: Set<String>? = nil) throws {
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : String(rawLine)
            let number = offset + 1
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else {
                throw DataFileError(file: file, line: number, reason: "expected kind<TAB>phrase")
            }
            let kind = String(fields[0]), phrase = String(fields[1])
            if let kinds, !kinds.contains(kind) {
                throw DataFileError(file: file, line: number, reason: "unknown kind '\(kind)'")
            }
            guard phrase == phrase.lowercasedFast(), !phrase.isEmpty else {
                throw DataFileError(file: file, line: number, reason: "a phrase must be non-empty and lower-case")
            }
            let stem = phrase.hasSuffix("*")
            let words = CueTokenizer.tokens(stem ? String(phrase.dropLast()) : phrase).map(\.folded)
            guard !words.isEmpty, words.joined(separator: " ") == (stem ? String(phrase.dropLast()) : phrase) else {
                throw DataFileError(file: file, line: number, reason: "a phrase is words separated by single spaces")
            }
            if stem, let last = words.last, last.count < 3 {
                throw DataFileError(file: file, line: number, reason: "a stem keeps at least three letters before '*'")
            }
            add(Cue(kind: kind, words: words, stem: stem))
        }
    }

    /// The embedded file `name`, which the tests prove well-formed.
    static func shipped(_ name: String, kinds: Set<String>) -> CueList {
        guard let text = DefaultResources.text(name), let list = try? CueList(text: text, file: name, kinds: kinds) else {
            preconditionFailure("the shipped cue file \(name) is missing or malformed")
        }
        return list
    }

    private mutating func add(_ cue: Cue) {
        let index = cues.count
        cues.append(cue)
        screen.add(cue)
        if cue.stem && cue.words.count == 1 {
            let bytes = Array(cue.words[0].utf8.prefix(2))
            if bytes.allSatisfy({ $0 < 0x80 }), let first = bytes.first {
                stemsByFirstByte[Int(first)].append(index)
            } else {
                otherStems.append(index)
            }
        } else {
            byFirstWord[cue.words[0], default: []].append(index)
            if let first = cue.words[0].utf8.first { firstWordShapes[Int(first)] |= Self.lengthBit(cue.words[0].utf8.count) }
        }
    }

    /// Every match, longest first at each position; matches do not overlap.
    func matches(in tokens: [CueToken]) -> [Match] {
        var found: [Match] = []
        var position = 0
        while position < tokens.count {
            var best: (cue: Cue, length: Int)?
            func consider(_ index: Int) {
                let cue = cues[index]
                guard let length = matchLength(cue, tokens, at: position) else { return }
                if best == nil || length > best!.length || (length == best!.length && cue.kind < best!.cue.kind) {
                    best = (cue, length)
                }
            }
            let folded = tokens[position].folded
            // An ASCII word equals no other spelling, so its bytes decide; others are looked up.
            let utf8 = folded.utf8
            if let first = utf8.first,
                firstWordShapes[Int(first)] & Self.lengthBit(utf8.count) != 0 || utf8.contains(where: { $0 >= 0x80 }),
                let indices = byFirstWord[folded]
            {
                for index in indices { consider(index) }
            }
            if let first = folded.utf8.first, first < 0x80 {
                for index in stemsByFirstByte[Int(first)] { consider(index) }
            }
            for index in otherStems { consider(index) }
            if let best {
                let range = position..<(position + best.length)
                found.append(Match(kind: best.cue.kind, range: range,
                                   text: tokens[range].map(\.text).joined(separator: " ")))
                position += best.length
            } else {
                position += 1
            }
        }
        return found
    }

    func matches(in text: String) -> [Match] {
        // Most sentences hold no cue: their bytes say so without making a word of them.
        guard mayMatch(text) else { return [] }
        return matches(in: CueTokenizer.tokens(text))
    }

    /// False only when no cue can match in `text`: no word of it is the first word of a cue or
    /// starts with a stem cue's first letter. Words are cut and lower-cased as `CueTokenizer` does;
    /// a word that is not ASCII or Latin-1 letters (another script, a combining mark, a curly
    /// apostrophe) may equal a cue in another spelling, and makes the answer true.
    /// True when `mayMatch` decides on bytes: every cue's opening words are ASCII or Latin-1 letters.
    var isScreened: Bool { screen.usable }

    func mayMatch(_ text: String) -> Bool {
        guard screen.usable else { return true }
        var text = text
        return text.withUTF8 { screen.mayMatch($0) }
    }

    private static func lengthBit(_ count: Int) -> UInt64 { 1 << UInt64(min(count, 63)) }

    private func matchLength(_ cue: Cue, _ tokens: [CueToken], at position: Int) -> Int? {
        guard position + cue.words.count <= tokens.count else { return nil }
        for (offset, word) in cue.words.enumerated() {
            let token = tokens[position + offset].folded
            let isLast = offset == cue.words.count - 1
            if isLast && cue.stem {
                guard token.hasPrefix(word) else { return nil }
            } else if token != word {
                return nil
            }
        }
        return cue.words.count
    }
}

extension CueList {
    /// Hashes of the bytes of the cues' openings: a one-word cue's word, a longer cue's first two
    /// words (its first word alone when the second is a stem), and the first three bytes of a
    /// one-word stem (its first byte, for a shorter one). Bytes decide only where both sides are ASCII or Latin-1 letters (precomposed, so one
    /// spelling each); a list with any other word is never screened.
    struct Screen: Hashable, Sendable {
        /// False once a cue's word is not ASCII or Latin-1 letters.
        private(set) var usable = true
        /// Open addressing on the hash's low bits; 0 marks an empty slot.
        private var openings: [UInt64] = Array(repeating: 0, count: 64)
        private var openingCount = 0
        /// Bytes of the longest word of any cue: a longer word is none of them.
        private var longestWord = 0
        /// First bytes of one-word stems shorter than three bytes.
        private var shortStemStarts: [Bool] = Array(repeating: false, count: 256)
        /// True when a one-word stem of three bytes or more is among the openings.
        private var hasStems = false

        /// Opens a stem's hash, so that it differs from a word's of the same bytes.
        static let stemMark: UInt8 = 0x01
        /// A stem is screened on its first three bytes.
        static let stemBytes = 3

        mutating func add(_ cue: Cue) {
            let words = cue.words.prefix(2).map { Array($0.utf8) }
            guard usable, words.allSatisfy({ !$0.isEmpty && Self.isPlain($0) }) else {
                usable = false
                return
            }
            longestWord = max(longestWord, words.map(\.count).max() ?? 0)
            if cue.stem && cue.words.count == 1 && words[0].count < Self.stemBytes {
                shortStemStarts[Int(words[0][0])] = true
                return
            }
            let opening: UInt64
            if cue.stem && cue.words.count == 1 {
                opening = ([Self.stemMark] + words[0].prefix(Self.stemBytes)).reduce(Self.basis, Self.hash)
                hasStems = true
            } else if cue.words.count == 1 || (cue.stem && cue.words.count == 2) {
                opening = words[0].reduce(Self.basis, Self.hash)
            } else {
                opening = Self.pair(words[0].reduce(Self.basis, Self.hash), words[1].reduce(Self.basis, Self.hash))
            }
            if (openingCount + 1) * 2 > openings.count {
                let old = openings.filter { $0 != 0 }
                openings = Array(repeating: 0, count: openings.count * 2)
                for hash in old { insert(hash) }
            }
            insert(Self.finished(opening))
            openingCount += 1
        }

        private mutating func insert(_ hash: UInt64) {
            let mask = openings.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while openings[slot] != 0 && openings[slot] != hash { slot = (slot + 1) & mask }
            openings[slot] = hash
        }

        private func contains(_ hash: UInt64) -> Bool {
            let mask = openings.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while openings[slot] != 0 {
                if openings[slot] == hash { return true }
                slot = (slot + 1) & mask
            }
            return false
        }

        /// FNV-1a, a byte at a time.
        static let basis: UInt64 = 0xCBF2_9CE4_8422_2325
        @inline(__always)
        static func hash(_ state: UInt64, _ byte: UInt8) -> UInt64 { (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        /// Two words' hashes made one, for a cue's first two words.
        @inline(__always)
        static func pair(_ first: UInt64, _ second: UInt64) -> UInt64 {
            let mixed = first &* 0x9E37_79B9_7F4A_7C15
            return (mixed << 29 | mixed >> 35) ^ second
        }
        /// A hash as stored: never 0, which marks an empty slot.
        @inline(__always)
        static func finished(_ state: UInt64) -> UInt64 { state == 0 ? 1 : state }

        /// ASCII letters, digits and apostrophes, and Latin-1 letters (`C3 80`…`C3 BF` but `×`, `÷`).
        static func isPlain(_ word: [UInt8]) -> Bool {
            var index = 0
            while index < word.count {
                let byte = word[index]
                if byte < 0x80 {
                    guard byte == UInt8(ascii: "'") || CueTokenizer.isWordScalar(Unicode.Scalar(byte)) else { return false }
                    index += 1
                } else {
                    guard byte == 0xC3, index + 1 < word.count, isLatin1Letter(word[index + 1]) else { return false }
                    index += 2
                }
            }
            return true
        }

        @inline(__always)
        static func isLatin1Letter(_ second: UInt8) -> Bool {
            second >= 0x80 && second <= 0xBF && second != 0x97 && second != 0xB7
        }

        /// How `CueTokenizer` reads each ASCII byte: 0 between words, 1 a lower-case letter or a
        /// digit, 2 a capital, 3 an apostrophe.
        private static let asciiClasses: [UInt8] = (0..<128).map { value in
            let scalar = Unicode.Scalar(UInt8(value))
            if scalar == "'" { return 3 }
            if value >= 0x41 && value <= 0x5A { return 2 }
            return CueTokenizer.isWordScalar(scalar) ? 1 : 0
        }

        /// The screen over a text's bytes, word by word as `CueTokenizer.tokens` cuts them: true
        /// when a word, or a word and the next, opens a cue. Each word is hashed as it is read,
        /// lower-cased and without the apostrophes at its ends (held back until a letter follows).
        func mayMatch(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            Self.asciiClasses.withUnsafeBufferPointer { classes in
                /// The word's bytes so far, apostrophes held back not counted.
                var length = 0
                var pendingApostrophes = 0
                /// The word's first byte, which a short stem's must equal.
                var first: UInt8 = 0
                var alone = Self.basis, stem: UInt64 = 0
                /// The hash of the previous word, when it can open a cue's two words.
                var previous: UInt64?
                @inline(__always) func add(_ byte: UInt8) {
                    alone = Self.hash(alone, byte)
                    if length < Self.stemBytes { stem = Self.hash(stem, byte) }
                    length += 1
                }
                @inline(__always) func letter(_ byte: UInt8) {
                    if length == 0 {
                        first = byte
                        alone = Self.basis
                        stem = Self.hash(Self.basis, Self.stemMark)
                    } else {
                        for _ in 0..<pendingApostrophes { add(UInt8(ascii: "'")) }
                    }
                    pendingApostrophes = 0
                    add(byte)
                }
                /// True when the word just ended could open a cue, alone or after the previous one.
                func ended() -> Bool {
                    defer {
                        length = 0
                        pendingApostrophes = 0
                    }
                    guard length > 0 else { return false }   // Apostrophes alone are no word.
                    if shortStemStarts[Int(first)] { return true }
                    if hasStems && length >= Self.stemBytes && contains(Self.finished(stem)) { return true }
                    guard length <= longestWord else {
                        previous = nil
                        return false
                    }
                    if contains(Self.finished(alone)) { return true }
                    if let previous, contains(Self.finished(Self.pair(previous, alone))) { return true }
                    previous = alone
                    return false
                }
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        switch classes[Int(byte)] {
                        case 1: letter(byte)
                        case 2: letter(byte | 0x20)
                        case 3: pendingApostrophes += 1
                        default: if length > 0 || pendingApostrophes > 0, ended() { return true }
                        }
                        index += 1
                        continue
                    }
                    if byte == 0xC3, index + 1 < bytes.count, Self.isLatin1Letter(bytes[index + 1]) {
                        let next = bytes[index + 1]
                        letter(0xC3)
                        add(next <= 0x9E ? next | 0x20 : next)
                        index += 2
                        continue
                    }
                    let (scalar, length) = CueTokenizer.scalar(in: bytes, at: index)
                    // A curly apostrophe or a letter of another script: not decided on bytes.
                    if scalar == "\u{2019}" || CueTokenizer.isWordScalar(scalar) { return true }
                    if ended() { return true }
                    index += length
                }
                return ended()
            }
        }
    }
}

extension [CueToken] {
    /// Appends a word holding a curly apostrophe: each `’` written as `'`, apostrophes trimmed at
    /// both ends, lower-cased through `String.lowercasedFast()`.
    mutating func appendWord(rewriting bytes: UnsafeBufferPointer<UInt8>) {
        var word: [UInt8] = []
        word.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if index + 2 < bytes.count, bytes[index] == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 {
                word.append(UInt8(ascii: "'"))
                index += 3
            } else {
                word.append(bytes[index])
                index += 1
            }
        }
        var low = 0, high = word.count
        while high > low && word[high - 1] == UInt8(ascii: "'") { high -= 1 }
        while low < high && word[low] == UInt8(ascii: "'") { low += 1 }
        guard low < high else { return }
        let written = String(decoding: word[low..<high], as: UTF8.self)
        append(CueToken(text: written, folded: written.lowercasedFast()))
    }
}

