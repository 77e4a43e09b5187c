/// A sentence of a text: where it is and which tokens it holds.
public struct SentenceSpan: Hashable, Sendable, Codable {
    public var text: String
    /// Byte offsets in the UTF-8 text.
    public var utf8Range: Range<Int>
    /// Indices into `Tokenizer.tokens(_:)` of the same text.
    public var tokenRange: Range<Int>

    public init(text: String, utf8Range: Range<Int>, tokenRange: Range<Int>) {
        self.text = text
        self.utf8Range = utf8Range
        self.tokenRange = tokenRange
    }
}

extension Tokenizer {
    /// The sentences of a text, splitting at `.`, `!`, `?` and ellipses, but not after known
    /// abbreviations, initials or inside numbers and URLs; at blank lines, list items and the
    /// end of short lines (greetings, sign-offs), but not inside paragraphs wrapped by a mail
    /// client.
    public func sentences(_ text: String) -> [SentenceSpan] {
        withUTF8(text) { bytes in
            var buffer = TokenBuffer()
            scan(bytes, into: &buffer)
            return SentenceSplitter.split(buffer, bytes: bytes).map { range in
                let utf8Range = buffer.tokens[range.lowerBound].start..<buffer.tokens[range.upperBound - 1].end
                return SentenceSpan(
                    text: String(decoding: UnsafeBufferPointer(rebasing: bytes[utf8Range]), as: UTF8.self),
                    utf8Range: utf8Range, tokenRange: range
                )
            }
        }
    }
}

/// Finds sentence boundaries in a token stream.
enum SentenceSplitter {
    /// A line shorter than this (in bytes, without trailing spaces) was ended by its author rather
    /// than wrapped by a mail client: clients wrap near 72–78 columns (RFC 3676 suggests at most
    /// 78), so a 40-byte line followed by more text is a greeting, a sign-off or a list line.
    static let shortLineLimit = 40

    /// The sentences of a scanned text, from the tokens and the marked ones the tokenizer listed.
    static func split(_ buffer: TokenBuffer, bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        buffer.tokens.withUnsafeBufferPointer { tokens in
            buffer.marked.withUnsafeBufferPointer { marked in split(tokens, marked: marked, bytes: bytes, into: &spans) }
        }
        return spans
    }

    /// Replaces `spans` with the sentences' token ranges (reusing its storage). `marked` holds
    /// the indices of the marked tokens (`RawToken.isMarked`), the only ones that can end a
    /// sentence or start one: a plain word is neither an end mark nor at the start of a line.
    static func split(
        _ tokens: UnsafeBufferPointer<RawToken>, marked: UnsafeBufferPointer<Int>, bytes: UnsafeBufferPointer<UInt8>,
        into spans: inout [Range<Int>]
    ) {
        // A text has a sentence or two: removing them one by one keeps the storage without the
        // generic `replaceSubrange` that `removeAll(keepingCapacity:)` goes through.
        while spans.popLast() != nil {}
        var start = 0
        var position = 0
        let count = tokens.count
        while position < marked.count {
            let index = marked[position]
            position += 1
            let token = tokens[index]
            if index > start && token.newlinesBefore > 0
                && (token.newlinesBefore >= 2 || startsListItem(tokens, index, bytes)
                    || previousLineIsShort(token, bytes))
            {
                spans.append(start..<index)
                start = index
            }
            if let boundaryKind = terminator(token, bytes) {
                var end = index + 1
                while end < count, !tokens[end].flags.contains(.spaceBefore), isClosing(tokens[end], bytes) { end += 1 }
                if endsSentence(boundaryKind, tokens, before: index, next: end, bytes) {
                    spans.append(start..<end)
                    start = end
                    // The closing marks taken into the sentence are not looked at again.
                    while position < marked.count && marked[position] < end { position += 1 }
                }
            }
        }
        if start < count { spans.append(start..<count) }
        mergeWordless(&spans, tokens)
    }

    enum Terminator { case strong, period, ellipsis, abbreviation }

    static func terminator(_ token: RawToken, _ bytes: UnsafeBufferPointer<UInt8>) -> Terminator? {
        switch token.kind {
        case .punctuation:
            let first = bytes[token.start]
            if first == UInt8(ascii: "!") || first == UInt8(ascii: "?") { return .strong }
            if first == UInt8(ascii: ".") { return token.end - token.start == 1 ? .period : .ellipsis }
            if token.end - token.start == 3 && first == 0xE2 && bytes[token.start + 1] == 0x80
                && bytes[token.start + 2] == 0xA6
            {
                return .ellipsis
            }
            return nil
        case .word where token.flags.contains(.abbreviation):
            return .abbreviation
        default:
            return nil
        }
    }

    static func endsSentence(
        _ kind: Terminator, _ tokens: UnsafeBufferPointer<RawToken>, before index: Int, next: Int,
        _ bytes: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard next < tokens.count else { return true }
        let following = tokens[next]
        let capitalized = following.kind != .word || following.flags.contains(.capitalized)
        switch kind {
        case .strong:
            return true
        case .period:
            // `1. first item`: a list number, not a sentence.
            if index > 0, tokens[index - 1].kind == .number, index == 1 || tokens[index - 1].newlinesBefore > 0 {
                return false
            }
            // `J. Smith`: an initial, not the end of a sentence.
            if index > 0, tokens[index - 1].flags.contains(.singleLetter),
                tokens[index - 1].flags.contains(.capitalized),
                following.flags.contains(.capitalized)
            {
                return false
            }
            return following.flags.contains(.spaceBefore) || following.newlinesBefore > 0 || capitalized
        case .ellipsis:
            return following.newlinesBefore > 0 || (following.kind == .word && following.flags.contains(.capitalized))
        case .abbreviation:
            return following.newlinesBefore >= 2
                || (tokens[index].flags.contains(.finalAbbreviation) && following.kind == .word
                    && following.flags.contains(.capitalized))
        }
    }

    /// Closing quotes and brackets written right after the end mark belong to the sentence.
    static func isClosing(_ token: RawToken, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard token.kind == .punctuation, token.newlinesBefore == 0 else { return false }
        let first = bytes[token.start]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") || first == UInt8(ascii: ")")
            || first == UInt8(ascii: "]")
        {
            return true
        }
        // ” ’ »
        if token.end - token.start >= 2 {
            let (value, _) = decodeScalar(bytes, at: token.start)
            return value == 0x201D || value == 0x2019 || value == 0xBB
        }
        return first == UInt8(ascii: "!") || first == UInt8(ascii: "?")
    }

    /// `- item`, `* item`, `• item`, `1. item`, `2) item` at the start of a line.
    static func startsListItem(
        _ tokens: UnsafeBufferPointer<RawToken>, _ index: Int, _ bytes: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let token = tokens[index]
        let first = bytes[token.start]
        switch token.kind {
        case .punctuation where first == UInt8(ascii: "-") && token.end - token.start == 1:
            return true
        case .symbol:
            if first == UInt8(ascii: "*") { return true }
            let (value, _) = decodeScalar(bytes, at: token.start)
            return value == 0x2022 || value == 0x25CF || value == 0x25E6 || value == 0x25AA || value == 0x2023
        case .number where index + 1 < tokens.count:
            let next = tokens[index + 1]
            let mark = bytes[next.start]
            return next.kind == .punctuation && !next.flags.contains(.spaceBefore)
                && (mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")")) && next.end - next.start == 1
        default:
            return false
        }
    }

    static func previousLineIsShort(_ token: RawToken, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The newline that ends the previous line, then the start of that line.
        var lineEnd = token.start
        while lineEnd > 0 && bytes[lineEnd - 1] != UInt8(ascii: "\n") { lineEnd -= 1 }
        lineEnd -= 1
        while lineEnd > 0 && (bytes[lineEnd - 1] == UInt8(ascii: "\n") || bytes[lineEnd - 1] == UInt8(ascii: "\r")) {
            lineEnd -= 1
        }
        var lineStart = lineEnd
        while lineStart > 0 && bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        var trimmedEnd = lineEnd
        while trimmedEnd > lineStart && bytes[trimmedEnd - 1] <= 0x20 { trimmedEnd -= 1 }
        return trimmedEnd - lineStart < shortLineLimit
    }

    /// A span with no words (a trailing `:)` or `!!!`) joins the sentence before it (or, at the
    /// start, the one after it).
    static func mergeWordless(_ spans: inout [Range<Int>], _ tokens: UnsafeBufferPointer<RawToken>) {
        guard spans.count > 1 else { return }
        func hasWord(_ span: Range<Int>) -> Bool {
            for index in span where tokens[index].kind == .word { return true }
            return false
        }
        var kept = 0
        for index in spans.indices {
            let span = spans[index]
            if kept > 0 && (!hasWord(span) || !hasWord(spans[kept - 1])) {
                spans[kept - 1] = spans[kept - 1].lowerBound..<span.upperBound
            } else {
                spans[kept] = span
                kept += 1
            }
        }
        if kept < spans.count { spans.removeSubrange(kept...) }
    }
}
