import Foundation
import RapportLanguage
import RapportModel

/// Turns scored documents into readings: decides each document's voice and author, removes
/// repeated boilerplate, attributes meeting-note sentences to speakers, and re-adds the sentence
/// scores of what is left.
struct ReadingBuilder: Sendable {
    let directory: AccountDirectory
    let cues: HealthCues

    /// A sentence repeated verbatim at the end of two or more messages from one organisation is a
    /// disclaimer or signature the mail client or server appended, not something anyone said.
    static let boilerplateMinimumWords = 8

    /// Whether each sender of mail is automated, once per sender rather than once per message.
    func automatedSenders(_ documents: [Document]) -> [Participant: Bool] {
        var senders: [Participant: Bool] = [:]
        for document in documents where document.kind == .email {
            guard let author = document.from.first.map(directory.resolved), senders[author] == nil else { continue }
            senders[author] = isAutomated(author)
        }
        return senders
    }

    // MARK: - One document

    /// `automatedSenders` answers `isAutomated` for the senders it knows.
    func reading(
        _ scored: ScoredDocument, boilerplate: [String: Set<TextDigest>], automatedSenders: [Participant: Bool] = [:]
    ) -> Reading {
        let document = scored.document
        let participants = (document.from + document.to + document.cc).map(directory.resolved)
        let author = document.from.first.map(directory.resolved)
        var sentences = scored.score.sentences.map { sentence in
            let request = cues.request(in: sentence.text)
            return ReadSentence(
                text: sentence.text, sentiment: sentence.sentiment, categories: sentence.categories,
                politeness: sentence.politeness, evidence: sentence.evidence, speaker: author,
                asks: request.asks, requestTerms: request.terms)
        }
        var side: Side = author.map { directory.isOurs($0) ? .us : .them } ?? .them
        var voiceAuthor = author
        var changed = false

        if document.kind == .note {
            (sentences, side, voiceAuthor, changed) = noteVoice(document, scored.score, sentences, participants)
        } else if let author, let repeated = boilerplate[senderGroup(author)] {
            let kept = Self.droppingTrailing(sentences) { repeated.contains(Self.normalizedDigest($0.text)) }
            changed = kept.count != sentences.count
            sentences = kept
        }

        let automated = document.kind == .email && author.map { automatedSenders[$0] ?? isAutomated($0) } == true
        var reading = Reading(
            document: document, date: document.date, isNote: document.kind == .note, side: side,
            author: voiceAuthor, automated: automated, sentences: sentences, sentiment: scored.score.sentiment,
            politeness: scored.score.politeness, categories: scored.score.categories,
            words: Self.wordCount(document.text), asks: false, participants: participants)
        if changed {
            let combined = SentenceSums(sentences)
            reading.sentiment = combined.sentiment
            reading.politeness = combined.politeness
            reading.categories = combined.categories
            reading.words = sentences.reduce(0) { $0 + Self.wordCount($1.text) }
        }
        if automated || reading.isNote {
            reading.asks = false
        } else if scored.score.sentences.isEmpty {
            reading.asks = cues.asks(document.text)
        } else {
            reading.asks = sentences.contains(where: \.asks)
        }
        return reading
    }

    /// A meeting note speaks with the counterparty's voice when they spoke in it: only their
    /// turns count then. A note without speaker turns counts as a whole for the meeting's tone,
    /// in their voice when they attended. A note where only we spoke is ours.
    func noteVoice(_ document: Document, _ score: DocumentScore, _ sentences: [ReadSentence],
                   _ participants: [Participant]) -> ([ReadSentence], Side, Participant?, Bool) {
        let organiser = document.from.first.map(directory.resolved)
        let theyAttended = participants.contains { directory.side(of: $0) == .them }
        let speakers = speakerSpans(document, participants)
        guard !sentences.isEmpty, speakers.contains(where: { $0.speaker != nil }) else {
            return (sentences, theyAttended ? .them : .us, organiser, false)
        }
        var attributed = sentences
        for (index, sentence) in score.sentences.enumerated() {
            let start = sentence.utf8Range.lowerBound
            attributed[index].speaker = speakers.last { $0.start <= start }?.speaker
        }
        let theirs = attributed.filter { $0.speaker.map { directory.side(of: $0) == .them } == true }
        guard !theirs.isEmpty else {
            return (attributed, .us, organiser, false)
        }
        let mainSpeaker = Self.mostFrequentSpeaker(theirs.compactMap(\.speaker))
        return (theirs, .them, mainSpeaker, true)
    }

    /// Where each segment starts in the note's text (segments are joined by a blank line) and
    /// who spoke it.
    func speakerSpans(_ document: Document, _ participants: [Participant]) -> [(start: Int, speaker: Participant?)] {
        var spans: [(Int, Participant?)] = []
        var offset = 0
        for segment in document.segments {
            let speaker = segment.speaker.flatMap { name -> Participant? in
                let lowered = name.lowercasedFast()
                if let known = participants.first(where: { $0.name?.lowercasedFast() == lowered }) { return known }
                return directory.resolved(Participant(name: name, address: lowered))
            }
            spans.append((offset, speaker))
            offset += segment.text.utf8.count + 2
        }
        return spans
    }

    static func mostFrequentSpeaker(_ speakers: [Participant]) -> Participant? {
        guard let address = AccountDirectory.mostFrequentKey(speakers.map(\.address)) else { return nil }
        return speakers.first { $0.address == address }
    }

    func isAutomated(_ participant: Participant) -> Bool {
        let localPart = participant.address.split(separator: "@").first.map(String.init) ?? participant.address
        let words = [localPart, participant.name ?? ""].joined(separator: " ")
        return cues.roles(in: words).contains { $0.role == .automated }
    }

    // MARK: - Boilerplate

    /// The group whose messages share a server's footer: the sender's domain (or address).
    func senderGroup(_ participant: Participant) -> String {
        directory.grouping.key(for: participant)
    }

    /// Per sender group, the long sentences (normalised, digested) found in several of its
    /// messages; `candidates[i]` are document `i`'s (`ScoredDocuments.boilerplateCandidates`).
    /// The groups are found on `parallelism` threads, then counted.
    func boilerplateSentences(_ documents: [Document], candidates: [[TextDigest]], parallelism: Int = 1)
        -> [String: Set<TextDigest>]
    {
        let groups = documents.parallelMap(parallelism: parallelism) { document -> String? in
            guard document.kind == .email, let author = document.from.first else { return nil }
            return senderGroup(directory.resolved(author))
        }
        // Counted per sender group, the groups shared out among the threads by a hash of their
        // name that does not change between runs: each group's count is its own, so the result
        // is the same for any number of threads.
        let shares = max(1, min(parallelism, groups.count / 256))
        let partial = (0..<shares).parallelMap(parallelism: shares) { share -> [String: Set<TextDigest>] in
            // Per sentence, the first message id it was seen in, or nil once a second one had it:
            // "in at least two messages" without keeping every id.
            var seen: [String: [TextDigest: String?]] = [:]
            for index in documents.indices {
                guard let group = groups[index], shares == 1 || Self.share(of: group, among: shares) == share else { continue }
                Self.note(candidates[index], in: documents[index].id, into: &seen[group, default: [:]])
            }
            return seen.compactMapValues { sentences in
                let repeated = Set(sentences.filter { $0.value == nil }.keys)
                return repeated.isEmpty ? nil : repeated
            }
        }
        var boilerplate: [String: Set<TextDigest>] = [:]
        for groups in partial { boilerplate.merge(groups) { first, _ in first } }
        return boilerplate
    }

    private static func note(_ sentences: [TextDigest], in id: String, into seen: inout [TextDigest: String?]) {
        for sentence in sentences {
            Self.seenAgain(in: id, &seen[sentence, default: .some(id)])
        }
    }

    @inline(__always)
    private static func seenAgain(in id: String, _ entry: inout String?) {
        if let first = entry, first != id { entry = nil }
    }

    private static func share(of group: String, among shares: Int) -> Int {
        var hash = StableHash()
        hash.combine(group)
        return Int(hash.value % UInt64(shares))
    }

    static func droppingTrailing(_ sentences: [ReadSentence], where repeated: (ReadSentence) -> Bool) -> [ReadSentence] {
        var end = sentences.count
        while end > 0, repeated(sentences[end - 1]) { end -= 1 }
        return Array(sentences[..<end])
    }

    /// `TextDigest(normalized(text))`; for ASCII text (most sentences) folded into a buffer on
    /// the stack and digested there, without making the normalised string.
    static func normalizedDigest(_ text: String) -> TextDigest {
        var text = text
        let ascii = text.withUTF8 { bytes -> TextDigest? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, bytes.count)) { buffer -> TextDigest? in
                guard let count = foldedASCII(bytes, into: buffer) else { return nil }
                var digest = InputDigest()
                digest.bytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[..<count])))
                return digest.value
            }
        }
        return ascii ?? TextDigest(normalized(text))
    }

    /// `normalized` of ASCII bytes (lowered and folded in one pass), written into `buffer` (as
    /// long as `bytes`: at most one byte is written per byte read, a space only where spaces
    /// were read); the count written, or nil at the first byte beyond ASCII.
    private static func foldedASCII(_ bytes: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        var count = 0
        var pendingSpace = false
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = count > 0
                continue
            }
            if pendingSpace {
                buffer[count] = UInt8(ascii: " ")
                count += 1
            }
            pendingSpace = false
            buffer[count] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte
            count += 1
        }
        return count
    }

    /// Lower-cased with runs of white space folded to one space, for comparing sentences.
    static func normalized(_ text: String) -> String {
        var text = text
        // ASCII (most sentences) is lowered and folded in one pass over its bytes; the rest is
        // lowered by the standard library first (`lowercased` lowers ASCII letters alone the same).
        let ascii = text.withUTF8 { bytes -> String? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, bytes.count)) { buffer -> String? in
                guard let count = foldedASCII(bytes, into: buffer) else { return nil }
                return String(decoding: buffer[..<count], as: UTF8.self)
            }
        }
        if let ascii { return ascii }
        var lowered = text.lowercasedFast()
        return lowered.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let length = whiteSpaceLength(bytes, at: index)
                if length > 0 {
                    pendingSpace = !result.isEmpty
                    index += length
                    continue
                }
                if pendingSpace { result.append(UInt8(ascii: " ")) }
                pendingSpace = false
                // Copy the whole scalar: its lead byte and any continuation bytes after it.
                result.append(bytes[index])
                index += 1
                while index < bytes.count && bytes[index] & 0xC0 == 0x80 {
                    result.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// The UTF-8 length of the white-space scalar at `index` (Unicode's White_Space: ASCII's,
    /// U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), or 0.
    @inline(__always)
    static func whiteSpaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 1 : 0 }
        let remaining = bytes.count - index
        switch byte {
        case 0xC2:
            return remaining >= 2 && (bytes[index + 1] == 0x85 || bytes[index + 1] == 0xA0) ? 2 : 0
        case 0xE1:
            return remaining >= 3 && bytes[index + 1] == 0x9A && bytes[index + 2] == 0x80 ? 3 : 0
        case 0xE2:
            guard remaining >= 3 else { return 0 }
            let second = bytes[index + 1], third = bytes[index + 2]
            if second == 0x80 && (third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF) { return 3 }
            return second == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3:
            return remaining >= 3 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }

    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) : scalar.properties.isWhitespace
    }

    /// Runs of non-white-space.
    static func wordCount(_ text: String) -> Int {
        var text = text
        // On the bytes: white space by `whiteSpaceLength`, everything else a scalar of a word.
        return text.withUTF8 { bytes in
            var count = 0, inWord = false, index = 0
            while index < bytes.count {
                let space = whiteSpaceLength(bytes, at: index)
                if space > 0 {
                    inWord = false
                    index += space
                    continue
                }
                if !inWord { count += 1 }
                inWord = true
                index += 1
                while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
            }
            return count
        }
    }
}

/// The document-level scores of a subset of sentences, added up the way the scorer adds them:
/// each sentence's normalised score is turned back into its raw sum, the sums are added, and
/// the total is normalised again (VADER's `x / √(x² + α)`).
struct SentenceSums {
    /// The scorer's α for sentiment and categories (VADER's 15).
    static let alpha = 15.0
    /// The scorer's α for politeness.
    static let politenessAlpha = 4.0

    var sentiment: Double
    var politeness: Double
    var categories: [String: Double]

    init(_ sentences: [ReadSentence]) {
        sentiment = Self.normalize(sentences.reduce(0) { $0 + Self.raw($1.sentiment, alpha: Self.alpha) }, alpha: Self.alpha)
        politeness = Self.normalize(
            sentences.reduce(0) { $0 + Self.raw($1.politeness, alpha: Self.politenessAlpha) }, alpha: Self.politenessAlpha)
        var sums: [String: Double] = [:]
        for sentence in sentences {
            for (name, value) in sentence.categories { sums[name, default: 0] += Self.raw(value, alpha: Self.alpha) }
        }
        categories = sums.filter { $0.value > 0 }.mapValues { Self.normalize($0, alpha: Self.alpha) }
    }

    static func normalize(_ sum: Double, alpha: Double) -> Double {
        sum == 0 ? 0 : max(-1, min(1, sum / (sum * sum + alpha).squareRoot()))
    }

    /// The inverse of `normalize`: the raw sum that normalises to `value`.
    static func raw(_ value: Double, alpha: Double) -> Double {
        let clamped = max(-0.9999, min(0.9999, value))
        return clamped * (alpha / (1 - clamped * clamped)).squareRoot()
    }
}
