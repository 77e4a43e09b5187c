import Foundation
import RapportModel

/// Splits text into words and sentences without `enumerateSubstrings` (unavailable on Linux):
/// a loop over UTF-8 bytes with an ASCII class table, and Foundation's `CharacterSet` classes for
/// the other scalars.
///
/// Contractions (`don't`, `isn’t`), hyphenated compounds (`follow-up`), numbers and money
/// (`$1,200.50`, `€1.200,50`, `3.5%`), e-mail addresses, URLs, emoticons, emoji, hashtags and
/// runs of `!`/`?` each come out as one token.
public struct Tokenizer: Sendable {
    public let abbreviations: AbbreviationList

    public init(abbreviations: AbbreviationList = .default) {
        self.abbreviations = abbreviations
    }

    /// The tokenizer with the shipped English and Icelandic abbreviations.
    public static let `default` = Tokenizer()

    /// Every token of the text, in order.
    public func tokens(_ text: String) -> [Token] {
        withUTF8(text) { bytes in
            var buffer = TokenBuffer()
            scan(bytes, into: &buffer)
            return buffer.tokens.map { makeToken($0, bytes: bytes, buffer: buffer) }
        }
    }

    func makeToken(_ raw: RawToken, bytes: UnsafeBufferPointer<UInt8>, buffer: TokenBuffer) -> Token {
        Token(
            kind: raw.kind,
            text: String(decoding: UnsafeBufferPointer(rebasing: bytes[raw.start..<raw.end]), as: UTF8.self),
            normalized: buffer.normalizedString(raw),
            utf8Range: raw.start..<raw.end,
            isAllCaps: raw.flags.contains(.allCaps)
        )
    }

    /// Tokenizes UTF-8 bytes into `buffer` (which is cleared first).
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, into buffer: inout TokenBuffer) {
        // The arrays are taken out of the buffer (so they stay uniquely referenced) and truncated
        // keeping their storage: through `removeLast(_:)` for the tokens, one by one for the few
        // marked ones, without the generic `replaceSubrange` of `removeAll(keepingCapacity:)`.
        var tokens: [RawToken] = []
        var marked: [Int] = []
        swap(&tokens, &buffer.tokens)
        swap(&marked, &buffer.marked)
        if !tokens.isEmpty { tokens.removeLast(tokens.count) }
        while marked.popLast() != nil {}
        // Normalising never grows text by more than half (İ → i̇ is the worst case), so the
        // scanner writes through a pointer into storage sized once, which later texts reuse.
        let capacity = TokenScanner.normalizedCapacity(for: bytes.count)
        if buffer.normalized.count < capacity {
            buffer.normalized.append(contentsOf: repeatElement(0, count: capacity - buffer.normalized.count))
        }
        // The scanner reads its tables through pointers: copies of the arrays would be retained
        // and released for every text.
        var sawAllCapsWord = false
        var sawOtherWord = false
        buffer.normalizedCount = buffer.normalized.withUnsafeMutableBufferPointer { normalized in
            withUnsafeTemporaryAllocation(of: RawToken.self, capacity: TokenScanner.batchSize) { batch in
                abbreviations.table.withReader { abbreviations in
                    CharacterClassifier.ascii.withUnsafeBufferPointer { ascii in
                        Emoticons.startsEmoticon.withUnsafeBufferPointer { startsEmoticon in
                            var scanner = TokenScanner(
                                bytes: bytes, abbreviations: abbreviations, ascii: ascii,
                                startsEmoticon: startsEmoticon, normalized: normalized, tokens: tokens,
                                marked: marked, batch: batch.baseAddress!)
                            tokens = []
                            marked = []
                            scanner.run()
                            scanner.flushBatch()
                            tokens = scanner.tokens
                            marked = scanner.marked
                            sawAllCapsWord = scanner.sawAllCapsWord
                            sawOtherWord = scanner.sawOtherWord
                            return scanner.normalizedCount
                        }
                    }
                }
            }
        }
        buffer.tokens = tokens
        buffer.marked = marked
        buffer.hasAllCapsWord = sawAllCapsWord
        buffer.hasOtherWord = sawOtherWord
    }
}

/// Runs `body` over the contiguous UTF-8 bytes of a string (native strings already are).
func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    return Array(text.utf8).withUnsafeBufferPointer(body)
}

// MARK: - Scanner

/// One pass over the bytes of one text.
private struct TokenScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let abbreviations: ByteTable<Bool>.Reader
    var tokens: [RawToken]
    /// The indices of the marked tokens (`RawToken.isMarked`).
    var marked: [Int]
    /// Tokens not yet in `tokens`: appended `batchSize` at a time, since each `Array.append`
    /// checks uniqueness and capacity. The batch is small enough to live on the stack.
    let batch: UnsafeMutablePointer<RawToken>
    var batchCount = 0
    static let batchSize = 16
    /// Words with letters seen so far: in capitals (`NOT`), and otherwise.
    var sawAllCapsWord = false
    var sawOtherWord = false
    /// Normalised forms are written here, `normalizedCount` bytes so far.
    let normalized: UnsafeMutableBufferPointer<UInt8>
    var normalizedCount = 0
    /// The class tables (`CharacterClassifier.ascii`, `Emoticons.startsEmoticon`): reading a
    /// global in the byte loop costs a lazy-init check.
    let ascii: UnsafeBufferPointer<CharacterClass>
    let startsEmoticon: UnsafeBufferPointer<Bool>

    var position = 0
    /// Scanners stop here: the end of the text, or the start of a pending URL or e-mail address.
    var limit: Int
    var newlines = 0
    var spaceBefore = false
    /// The start of the next whitespace-delimited chunk worth checking for a URL or an address.
    var candidateChunk = 0
    var special: (start: Int, end: Int, kind: Token.Kind)?

    init(
        bytes: UnsafeBufferPointer<UInt8>, abbreviations: ByteTable<Bool>.Reader,
        ascii: UnsafeBufferPointer<CharacterClass>, startsEmoticon: UnsafeBufferPointer<Bool>,
        normalized: UnsafeMutableBufferPointer<UInt8>,
        tokens: [RawToken], marked: [Int], batch: UnsafeMutablePointer<RawToken>
    ) {
        self.bytes = bytes
        self.abbreviations = abbreviations
        self.ascii = ascii
        self.startsEmoticon = startsEmoticon
        self.normalized = normalized
        self.tokens = tokens
        self.marked = marked
        self.batch = batch
        self.limit = bytes.count
    }

    static func normalizedCapacity(for count: Int) -> Int { count * 2 + 16 }

    @inline(__always)
    mutating func put(_ byte: UInt8) {
        normalized[normalizedCount] = byte
        normalizedCount += 1
    }

    mutating func put(scalar value: UInt32) {
        normalizedCount = write(scalar: value, at: normalizedCount)
    }

    /// Writes the UTF-8 encoding of a scalar at `offset` of the normalised storage; returns the
    /// offset after it.
    func write(scalar value: UInt32, at offset: Int) -> Int {
        switch value {
        case ..<0x80:
            normalized[offset] = UInt8(value)
            return offset + 1
        case ..<0x800:
            normalized[offset] = UInt8(0xC0 | value >> 6)
            normalized[offset + 1] = UInt8(0x80 | value & 0x3F)
            return offset + 2
        case ..<0x10000:
            normalized[offset] = UInt8(0xE0 | value >> 12)
            normalized[offset + 1] = UInt8(0x80 | (value >> 6) & 0x3F)
            normalized[offset + 2] = UInt8(0x80 | value & 0x3F)
            return offset + 3
        default:
            normalized[offset] = UInt8(0xF0 | value >> 18)
            normalized[offset + 1] = UInt8(0x80 | (value >> 12) & 0x3F)
            normalized[offset + 2] = UInt8(0x80 | (value >> 6) & 0x3F)
            normalized[offset + 3] = UInt8(0x80 | value & 0x3F)
            return offset + 4
        }
    }

    mutating func put<C: Collection>(contentsOf bytes: C) where C.Element == UInt8 {
        for byte in bytes { put(byte) }
    }

    @inline(__always)
    func characterClass(at index: Int) -> (CharacterClass, Int) {
        let byte = bytes[index]
        if byte < 0x80 { return (ascii[Int(byte)], 1) }
        let (value, length) = decodeScalar(bytes, at: index)
        return (CharacterClassifier.classify(value), length)
    }

    @inline(__always)
    func classIfAny(at index: Int) -> CharacterClass? {
        index < limit ? characterClass(at: index).0 : nil
    }

    mutating func run() {
        let count = bytes.count
        candidateChunk = findCandidateChunk(from: 0)
        while position < count {
            let byte = bytes[position]
            if byte == UInt8(ascii: " ") {
                spaceBefore = true
                position += 1
                continue
            }
            if let pending = special, position == pending.start {
                emit(pending.kind, pending.start, pending.end, normalizedFrom: normalizedCount)
                position = pending.end
                special = nil
                limit = count
                continue
            }
            if position >= candidateChunk {
                let chunkEnd = examineChunk()
                candidateChunk = findCandidateChunk(from: chunkEnd)
                if special?.start == position { continue }
            }
            // A word starting with an ASCII or Latin-1 letter, the most common token, goes
            // straight to the word scanners (what the class switch below would do, unless it
            // starts an emoticon).
            if startsPlainWord(at: position) {
                scanWords()
                continue
            }
            let (characterClass, length) = characterClass(at: position)
            switch characterClass {
            case .space:
                spaceBefore = true
                position += length
            case .newline:
                spaceBefore = true
                newlines += 1
                position += length
            case .ignorable:
                position += length
            default:
                if byte < 0x80, startsEmoticon[Int(byte)], scanEmoticon() { continue }
                let before = position
                scanToken(characterClass, length)
                // Every token takes at least one character; one that took none would leave the
                // scanner here for ever (a debug build stops to show which).
                assert(position > before, "token scanner made no progress")
                if position <= before { position = before + length }
            }
        }
    }

    mutating func scanToken(_ characterClass: CharacterClass, _ length: Int) {
        let start = position
        switch characterClass {
        case .upper, .lower, .letter:
            scanWord(tokenStart: start, wordStart: start, flags: [])
        case .digit:
            scanNumber(tokenStart: start)
        case .currency where classIfAny(at: start + length) == .digit:
            position += length
            scanNumber(tokenStart: start, money: true)
        case .hash where classIfAny(at: start + 1)?.isLetter == true:
            scanWord(tokenStart: start, wordStart: start + 1, flags: .hashtag)
        case .at where classIfAny(at: start + 1)?.isWordCharacter == true:
            var end = start + 1
            while end < limit, let next = classIfAny(at: end), next.isWordCharacter || bytes[end] == UInt8(ascii: "_") {
                end += self.characterClass(at: end).1
            }
            position = end
            emit(.mention, start, end, normalizedFrom: normalizedCount)
        case .exclamation, .question:
            var end = start
            while end < limit, bytes[end] == UInt8(ascii: "!") || bytes[end] == UInt8(ascii: "?") { end += 1 }
            punctuation(start, end)
        case .period, .hyphen:
            var end = start + length
            while end < limit, bytes[end] == bytes[start] { end += 1 }
            punctuation(start, end)
        case .emoji:
            scanEmoji()
        case .currency, .at, .hash, .symbol, .emojiExtender:
            position = start + length
            emit(.symbol, start, position, normalizedFrom: normalizedCount)
        default:
            punctuation(start, start + length)
        }
    }

    mutating func punctuation(_ start: Int, _ end: Int) {
        position = end
        emit(.punctuation, start, end, normalizedFrom: normalizedCount)
    }

    // MARK: Words

    mutating func scanWord(tokenStart: Int, wordStart: Int, flags initialFlags: RawToken.Flags) {
        let normalizedStart = normalizedCount
        var index = wordStart
        var shape = WordShape()
        var flags = initialFlags
        var needsComposition = false
        // The hash of the normalised form, kept while the word is one run of ASCII letters and
        // digits (most words), so `emit` need not read the bytes again.
        var hash: UInt64? = FNV1a.offsetBasis
        while true {
            var runHash = FNV1a.offsetBasis
            let asciiEnd = shape.scanASCII(
                bytes.baseAddress!, from: index, limit: limit, into: normalized.baseAddress! + normalizedCount,
                hash: &runHash)
            if index == wordStart { hash = runHash }
            normalizedCount += asciiEnd - index
            index = asciiEnd
            // An ASCII byte other than an apostrophe or hyphen ends the word.
            guard index < limit, bytes[index] >= 0x80 || bytes[index] == UInt8(ascii: "'")
                || bytes[index] == UInt8(ascii: "-")
            else { break }
            hash = nil
            guard let next = continueWord(at: index, &shape, &needsComposition) else { break }
            index = next
        }
        if needsComposition { composeNormalized(from: normalizedStart) }
        flags.formUnion(shape.flags(byteCount: index - wordStart))
        if index < limit && bytes[index] == UInt8(ascii: ".") && !flags.contains(.hashtag) {
            let end = matchAbbreviation(wordEnd: index, normalizedStart: normalizedStart, flags: &flags)
            if end != index { hash = nil }
            index = end
        }
        position = index
        if let hash {
            append(.word, tokenStart, index, normalizedFrom: normalizedStart, hash: hash, flags: flags)
        } else {
            emit(.word, tokenStart, index, normalizedFrom: normalizedStart, flags: flags)
        }
    }

    /// Reads the word at `position` (which starts with a letter, `startsPlainWord`), and the
    /// words after it while each is one space away and starts so: for those, the checks of
    /// the main loop come down to this one test (the position is before any pending URL or
    /// address and the next chunk to examine, and no emoticon starts there).
    mutating func scanWords() {
        while true {
            if !scanPlainWord() { scanWord(tokenStart: position, wordStart: position, flags: []) }
            guard position + 1 < limit, position + 1 < candidateChunk, bytes[position] == UInt8(ascii: " ") else {
                return
            }
            guard startsPlainWord(at: position + 1) else { return }
            spaceBefore = true
            position += 1
        }
    }

    /// Whether a word the word scanners take starts at `index` (before `limit`): an ASCII letter
    /// that starts no emoticon, or a Latin-1 letter.
    @inline(__always)
    func startsPlainWord(at index: Int) -> Bool {
        let byte = bytes[index]
        if (byte | 0x20) &- UInt8(ascii: "a") < 26 { return !startsEmoticon[Int(byte)] }
        return byte == Latin1Letter.lead && index + 1 < limit && Latin1Letter.isLetter(bytes[index + 1])
    }

    /// Reads a word at `position` made of ASCII letters and digits and Latin-1 letters only,
    /// which ends at the limit or before an ASCII byte other than an apostrophe or hyphen (most
    /// words, English and Icelandic), read by one small loop. Returns false, having changed
    /// nothing, for any other word, which `scanWord` then reads. Does what `scanWord` does for
    /// such a word.
    mutating func scanPlainWord() -> Bool {
        let start = position
        var shape = WordShape()
        var hash = FNV1a.offsetBasis
        let wordEnd = shape.readASCII(
            bytes.baseAddress!, from: start, limit: limit, into: normalized.baseAddress! + normalizedCount,
            hash: &hash)
        let next = wordEnd < limit ? bytes[wordEnd] : 0
        if next >= 0x80 || next == UInt8(ascii: "'") || next == UInt8(ascii: "-") { return false }
        let normalizedStart = normalizedCount
        normalizedCount += wordEnd - start
        var flags = shape.flags(byteCount: wordEnd - start)
        var end = wordEnd
        if next == UInt8(ascii: ".") {
            end = matchAbbreviation(wordEnd: wordEnd, normalizedStart: normalizedStart, flags: &flags)
        }
        position = end
        if end == wordEnd {
            append(.word, start, end, normalizedFrom: normalizedStart, hash: hash, flags: flags)
        } else {
            emit(.word, start, end, normalizedFrom: normalizedStart, flags: flags)
        }
        return true
    }

    /// Continues a word past its ASCII letters and digits: a non-ASCII letter, digit or mark, or
    /// an inner apostrophe or hyphen before a letter (or digit). Returns where the word goes on,
    /// or nil where it ends. Out of line: most words never get here.
    @inline(never)
    mutating func continueWord(at index: Int, _ shape: inout WordShape, _ needsComposition: inout Bool) -> Int? {
        if bytes[index] >= 0x80 {
            let (value, length) = decodeScalar(bytes, at: index)
            let characterClass = CharacterClassifier.classify(value)
            if characterClass.isWordCharacter {
                shape.breakRun()
                switch characterClass {
                case .upper:
                    shape.addLetter(upper: true)
                    appendLowercased(value)
                case .lower:
                    shape.addLetter(upper: false)
                    put(scalar: value)
                default:
                    if value >= 0x300 && value < 0x370 { needsComposition = true }
                    shape.addCaseless()
                    put(scalar: value)
                }
                return index + length
            }
        }
        let (joiner, joinerLength) = characterClass(at: index)
        if joiner == .apostrophe, classIfAny(at: index + joinerLength)?.isLetter == true {
            put(UInt8(ascii: "'"))
            return index + joinerLength
        }
        if joiner == .hyphen, classIfAny(at: index + joinerLength)?.isWordCharacter == true {
            put(UInt8(ascii: "-"))
            return index + joinerLength
        }
        return nil
    }

    /// Tries `word.` and dotted forms (`e.g.`, `o.s.frv.`) against the abbreviation list; on a
    /// match the normalised form gets the dots and the returned end includes them.
    ///
    /// Candidates are written right after the word's normalised bytes, where a match leaves them
    /// in place; without a match they lie beyond `normalizedCount` and are overwritten later.
    mutating func matchAbbreviation(wordEnd: Int, normalizedStart: Int, flags: inout RawToken.Flags) -> Int {
        // Candidates only grow from `word.`: a word as long as the longest abbreviation is none.
        guard normalizedCount - normalizedStart < abbreviations.longestKey else { return wordEnd }
        var candidateEnd = normalizedCount
        var index = wordEnd
        var best: (end: Int, length: Int, final: Bool)?
        while index < limit && bytes[index] == UInt8(ascii: ".") {
            normalized[candidateEnd] = UInt8(ascii: ".")
            candidateEnd += 1
            index += 1
            let candidate = UnsafeBufferPointer(rebasing: normalized[normalizedStart..<candidateEnd])
            if let isFinal = abbreviations.value(for: candidate, hash: FNV1a.hash(candidate)) {
                best = (index, candidateEnd - normalizedStart, isFinal)
            }
            // Another short lower-level segment (`g` in `e.g.`) may follow.
            var segment = index
            while segment < limit, segment - index < 6, let next = classIfAny(at: segment), next.isLetter {
                let (value, length) = decodeScalar(bytes, at: segment)
                candidateEnd = write(
                    scalar: value < 0x80 && next == .upper ? value | 0x20 : value, at: candidateEnd)
                segment += length
            }
            if segment == index || segment >= limit || bytes[segment] != UInt8(ascii: ".") { break }
            index = segment
        }
        guard let best else { return wordEnd }
        normalizedCount = normalizedStart + best.length
        flags.insert(.abbreviation)
        if best.final { flags.insert(.finalAbbreviation) }
        flags.remove(.singleLetter)
        return best.end
    }

    mutating func appendLowercased(_ value: UInt32) {
        if value >= 0xC0 && value <= 0xDE {
            put(scalar: value + 0x20)
        } else {
            appendLowercaseMapping(value)
        }
    }

    /// Unicode's lower-case mapping, for upper-case letters beyond Latin-1. Kept out of line:
    /// inlined, its resilient `Unicode.Scalar.Properties` costs every word a metadata lookup.
    @inline(never)
    mutating func appendLowercaseMapping(_ value: UInt32) {
        guard let scalar = Unicode.Scalar(value) else { return }
        put(contentsOf: scalar.properties.lowercaseMapping.utf8)
    }

    /// Composes combining marks (`a` + U+0301 → `á`) so decomposed text finds the same entries.
    mutating func composeNormalized(from start: Int) {
        let text = String(decoding: normalized[start..<normalizedCount], as: UTF8.self)
        normalizedCount = start
        put(contentsOf: text.precomposedStringWithCanonicalMapping.utf8)
    }

    // MARK: Numbers

    mutating func scanNumber(tokenStart: Int, money: Bool = false) {
        var index = position
        var kind: Token.Kind = money ? .money : .number
        @inline(__always) func isDigit(_ at: Int) -> Bool {
            at < limit && bytes[at] >= UInt8(ascii: "0") && bytes[at] <= UInt8(ascii: "9")
        }
        if index < limit, bytes[index] >= 0x80 {
            // Digits of other scripts (Arabic-Indic ۳, Devanagari ३) make a number of their own,
            // without separators or units. The ASCII loop below would take none of them, and a
            // token that takes no bytes left the scanner where it was, for ever.
            while index < limit, characterClass(at: index).0 == .digit { index += characterClass(at: index).1 }
            position = index
            emit(kind, tokenStart, index, normalizedFrom: normalizedCount)
            return
        }
        while isDigit(index) { index += 1 }
        while index + 1 < limit, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ","),
            isDigit(index + 1)
        {
            index += 1
            while isDigit(index) { index += 1 }
        }
        if index < limit {
            let (next, length) = characterClass(at: index)
            if bytes[index] == UInt8(ascii: "%") {
                index += 1
                kind = .percent
            } else if next == .currency {
                index += length
                kind = .money
            } else if kind == .number, next == .upper || next == .lower {
                // Ordinals and units written together: 3rd, 10k, 5pm.
                while index < limit, let more = classIfAny(at: index),
                    more == .upper || more == .lower || more == .digit,
                    bytes[index] < 0x80
                {
                    index += 1
                }
            }
        }
        position = index
        emit(kind, tokenStart, index, normalizedFrom: normalizedCount)
    }

    // MARK: Emoticons and emoji

    mutating func scanEmoticon() -> Bool {
        let start = position
        let first = bytes[start]
        // Most bytes that start an emoticon (`:` in `10:30`, `x` in words) are not followed by
        // the second byte of any: that is told by one table look before trying each one.
        guard start + 1 < limit, Emoticons.startsWithPair[Int(first) << 7 | Int(Emoticons.folded(bytes[start + 1]) & 0x7F)],
            bytes[start + 1] < 0x80
        else { return false }
        let beforeIsSpace = start == 0 || bytes[start - 1] <= 0x20
        for emoticon in Emoticons.byFirstByte[Int(first)] {
            let end = start + emoticon.count
            guard end <= limit else { continue }
            var matches = true
            // Letters compare without case, so a lexicon's `:d` and the text's `:D` meet.
            for offset in 0..<emoticon.count
            where Emoticons.folded(bytes[start + offset]) != Emoticons.folded(emoticon[offset]) {
                matches = false
                break
            }
            guard matches else { continue }
            // Letters and digits around an emoticon mean it is part of something else (`10:30`, `:Please`).
            if end < limit, let after = classIfAny(at: end), after.isWordCharacter { continue }
            if Emoticons.letterLed(emoticon) && !beforeIsSpace { continue }
            if start > 0, !beforeIsSpace, ascii[Int(min(bytes[start - 1], 127))].isWordCharacter,
                first != UInt8(ascii: ":") && first != UInt8(ascii: ";")
            {
                continue
            }
            let normalizedStart = normalizedCount
            for byte in emoticon {
                let isUpper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
                put(isUpper ? byte | 0x20 : byte)
            }
            position = end
            emit(.emoticon, start, end, normalizedFrom: normalizedStart)
            return true
        }
        return false
    }

    /// One emoji with its modifiers, variation selectors, keycaps and zero-width-joined parts; a
    /// flag is a pair of regional indicators. The normalised form drops skin tones and selectors.
    mutating func scanEmoji() {
        let start = position
        let normalizedStart = normalizedCount
        var index = start
        var (value, length) = decodeScalar(bytes, at: index)
        let isRegional = (0x1F1E6...0x1F1FF).contains(value)
        put(scalar: value)
        index += length
        if isRegional, index < limit {
            (value, length) = decodeScalar(bytes, at: index)
            if (0x1F1E6...0x1F1FF).contains(value) {
                put(scalar: value)
                index += length
            }
        }
        while index < limit {
            (value, length) = decodeScalar(bytes, at: index)
            if value == 0x200D {
                let next = index + length
                guard next < limit else { break }
                let (joined, joinedLength) = decodeScalar(bytes, at: next)
                guard CharacterClassifier.classify(joined) == .emoji else { break }
                put(scalar: value)
                put(scalar: joined)
                index = next + joinedLength
            } else if value >= 0x80, CharacterClassifier.classify(value) == .emojiExtender {
                let dropped = value == 0xFE0E || value == 0xFE0F || (0x1F3FB...0x1F3FF).contains(value)
                if !dropped { put(scalar: value) }
                index += length
            } else {
                break
            }
        }
        position = index
        emit(.emoji, start, index, normalizedFrom: normalizedStart)
    }

    // MARK: URLs and e-mail addresses

    /// The start of the first whitespace-delimited chunk at or after `start` that holds `@`,
    /// `://` or `www.`, or `Int.max`. A chunk without any of them cannot hold a URL or an
    /// e-mail address, so `examineChunk` is spared for most chunks; `start` must begin a chunk
    /// or lie in whitespace.
    func findCandidateChunk(from start: Int) -> Int {
        let count = bytes.count
        var index = start
        while index < count {
            // Sixteen bytes at a time (SIMD compares), else eight (in one 64-bit word), jumping to
            // the first `@`, `:` or `.`, the bytes cues pivot on.
            if index + 16 <= count {
                let chunk = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: SIMD16<UInt8>.self)
                let offset = SIMDBytes.firstSet(
                    (chunk .== SIMD16<UInt8>(repeating: UInt8(ascii: "@")))
                        .| (chunk .== SIMD16<UInt8>(repeating: UInt8(ascii: ":")))
                        .| (chunk .== SIMD16<UInt8>(repeating: UInt8(ascii: "."))))
                guard offset < 16 else {
                    index += 16
                    continue
                }
                index += offset
            } else if index + 8 <= count {
                let candidates = CharacterClassifier.linkCueCandidates(
                    UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
                guard candidates != 0 else {
                    index += 8
                    continue
                }
                index += UInt64(littleEndian: candidates).trailingZeroBitCount / 8
            }
            let byte = bytes[index]
            let isCue: Bool
            switch byte {
            case UInt8(ascii: "@"):
                isCue = true
            case UInt8(ascii: ":"):
                isCue = index + 2 < count && bytes[index + 1] == UInt8(ascii: "/")
                    && bytes[index + 2] == UInt8(ascii: "/")
            case UInt8(ascii: "."):
                isCue = index >= start + 3 && bytes[index - 1] | 0x20 == UInt8(ascii: "w")
                    && bytes[index - 2] | 0x20 == UInt8(ascii: "w") && bytes[index - 3] | 0x20 == UInt8(ascii: "w")
            default:
                isCue = false
            }
            if isCue {
                var chunkStart = index
                while chunkStart > start && bytes[chunkStart - 1] > 0x20 { chunkStart -= 1 }
                return chunkStart
            }
            index += 1
        }
        return Int.max
    }

    /// Looks at the whitespace-delimited chunk starting here for a URL (`scheme://`, `www.`) or an
    /// e-mail address, which must come out as one token whatever punctuation they hold. Returns
    /// the end of the chunk.
    mutating func examineChunk() -> Int {
        let count = bytes.count
        var end = position
        var at = -1
        var scheme = -1
        while end < count {
            let byte = bytes[end]
            // Letters and most other bytes are above `@`: one comparison passes them.
            if byte > UInt8(ascii: "@") {
                end += 1
                continue
            }
            if byte <= 0x20 { break }
            if byte == UInt8(ascii: "@") && at < 0 { at = end }
            if byte == UInt8(ascii: ":") && scheme < 0 && end + 2 < count
                && bytes[end + 1] == UInt8(ascii: "/") && bytes[end + 2] == UInt8(ascii: "/")
            {
                scheme = end
            }
            end += 1
        }
        if scheme > 0 {
            var start = scheme
            while start > position, isASCIILetter(bytes[start - 1]) { start -= 1 }
            if scheme - start >= 2 {
                setSpecial(start, trimURLEnd(start, end), .url)
                return end
            }
        }
        var lead = position
        while lead < end, bytes[lead] < 0x80, !isASCIILetter(bytes[lead]) { lead += 1 }
        if lead + 4 < end, bytes[lead] | 0x20 == UInt8(ascii: "w"), bytes[lead + 1] | 0x20 == UInt8(ascii: "w"),
            bytes[lead + 2] | 0x20 == UInt8(ascii: "w"), bytes[lead + 3] == UInt8(ascii: ".")
        {
            setSpecial(lead, trimURLEnd(lead, end), .url)
            return end
        }
        if at > position { findEmail(at: at, chunkEnd: end) }
        return end
    }

    mutating func findEmail(at: Int, chunkEnd: Int) {
        func isLocal(_ byte: UInt8) -> Bool {
            isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || "._%+-".utf8.contains(byte)
        }
        func isDomain(_ byte: UInt8) -> Bool {
            isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "-")
        }
        var start = at
        while start > position, isLocal(bytes[start - 1]) { start -= 1 }
        var end = at + 1
        while end < chunkEnd, isDomain(bytes[end]) { end += 1 }
        while end > at + 1, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "-") { end -= 1 }
        guard start < at, let dot = bytes[(at + 1)..<end].lastIndex(of: UInt8(ascii: ".")),
            dot > at + 1, dot < end - 1
        else { return }
        setSpecial(start, end, .email)
    }

    func trimURLEnd(_ start: Int, _ end: Int) -> Int {
        var end = end
        let trailing = Array(".,;:!?'\"]}>".utf8)
        while end > start {
            let last = bytes[end - 1]
            if trailing.contains(last) {
                end -= 1
            } else if last == UInt8(ascii: ")") {
                let opens = bytes[start..<end].filter { $0 == UInt8(ascii: "(") }.count
                let closes = bytes[start..<end].filter { $0 == UInt8(ascii: ")") }.count
                if closes > opens { end -= 1 } else { break }
            } else if end - start > 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80,
                [0x99, 0x9D].contains(bytes[end - 1])
            {
                end -= 3  // a closing curly quote
            } else {
                break
            }
        }
        return end
    }

    mutating func setSpecial(_ start: Int, _ end: Int, _ kind: Token.Kind) {
        special = (start, end, kind)
        limit = start
    }

    @inline(__always)
    func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    // MARK: Emission

    mutating func emit(
        _ kind: Token.Kind, _ start: Int, _ end: Int, normalizedFrom normalizedStart: Int,
        flags: RawToken.Flags = []
    ) {
        var hash = FNV1a.offsetBasis
        for index in normalizedStart..<normalizedCount { hash = FNV1a.combine(hash, normalized[index]) }
        append(kind, start, end, normalizedFrom: normalizedStart, hash: hash, flags: flags)
    }

    /// `emit` for a token whose normalised form (up to `normalizedCount`) has been hashed.
    mutating func append(
        _ kind: Token.Kind, _ start: Int, _ end: Int, normalizedFrom normalizedStart: Int, hash: UInt64,
        flags: RawToken.Flags
    ) {
        var flags = flags
        if spaceBefore { flags.insert(.spaceBefore) }
        if kind == .word && flags.contains(.hasLetters) {
            if flags.contains(.allCaps) { sawAllCapsWord = true } else { sawOtherWord = true }
        }
        let token = RawToken(
            start: start, end: end, normalizedStart: normalizedStart, normalizedEnd: normalizedCount, hash: hash,
            kind: kind, flags: flags, newlinesBefore: UInt8(min(newlines, 255)))
        if token.isMarked { marked.append(tokens.count + batchCount) }
        (batch + batchCount).initialize(to: token)
        batchCount += 1
        if batchCount == TokenScanner.batchSize { flushBatch() }
        newlines = 0
        spaceBefore = false
    }

    mutating func flushBatch() {
        tokens.append(contentsOf: UnsafeBufferPointer(start: batch, count: batchCount))
        batchCount = 0
    }
}

/// The emoticons the tokenizer keeps whole; their sentiment, if any, comes from the lexicons.
enum Emoticons {
    static let all: [String] = [
        ":-)))", ":)))", ":-))", ":))", ":-)", ":)", ":-((", ":((", ":-(", ":(", ":-D", ":D", ";-)", ";)", ";D",
        ":-P", ":P", ":-p", ":p", ":-/", ":/", ":\\", ":-|", ":|", ":'-(", ":'(", ":')", ":-o", ":-O", ":o", ":O",
        ":-*", ":*", ":S", ":s", ":$", ":@", ":]", ":[", "=)", "=(", "=D", "=/", "</3", "<333", "<33", "<3",
        "^_^", "^^", "-_-", ">:-(", ">:(", ">:)", "xD", "XD",
    ]

    /// Emoticons grouped by first byte, longest first so `:-)))` beats `:-)`.
    static let byFirstByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for emoticon in all.sorted(by: { $0.utf8.count > $1.utf8.count }) {
            let bytes = Array(emoticon.utf8)
            table[Int(bytes[0])].append(bytes)
        }
        return table
    }()

    /// Bytes that can start an emoticon, as a table for the hot loop.
    /// Whether some emoticon starts with these two bytes, indexed by `first << 7 | folded(second)`
    /// (every emoticon is ASCII and at least two bytes long).
    static let startsWithPair: [Bool] = {
        var table = [Bool](repeating: false, count: 128 * 128)
        for emoticon in all {
            let bytes = Array(emoticon.utf8)
            table[Int(bytes[0]) << 7 | Int(folded(bytes[1]))] = true
        }
        return table
    }()

    static let startsEmoticon: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for emoticon in all { table[Int(emoticon.utf8.first!)] = true }
        return table
    }()

    @inline(__always)
    static func folded(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    static func letterLed(_ emoticon: [UInt8]) -> Bool {
        emoticon[0] == UInt8(ascii: "x") || emoticon[0] == UInt8(ascii: "X")
    }
}
