/// Decodes RFC 2047 encoded words (`=?charset?B|Q?text?=`) in an unfolded header value.
///
/// Lenient where real mail is: words are recognised anywhere (also inside quotes and glued to other text), the
/// encoded text may contain spaces, the charset may carry an RFC 2231 language (`utf-8*en`), and an empty or
/// unknown charset is sniffed. Whitespace between adjacent encoded words is removed. Adjacent words in the same
/// charset are decoded as one byte string, because encoders split multi-byte characters across words. Anything
/// that does not parse as a word is left as it is.
enum EncodedWords {
    static func decode(_ value: String) -> String {
        let bytes = Array(value.utf8)
        guard bytes.count >= 8, value.utf8.contains(UInt8(ascii: "?")) else { return value }
        var pieces = parse(bytes)
        guard pieces.contains(where: \.isWord) else { return value }
        dropWhitespaceBetweenWords(&pieces, bytes: bytes)
        return render(pieces, bytes: bytes)
    }

    // MARK: - Pieces

    private enum Piece {
        /// Plain header text, a range of the input bytes.
        case text(Range<Int>)
        /// The decoded bytes of one encoded word and the charset label it declares.
        case word(charset: String, bytes: [UInt8])
        /// A Q word with raw 8-bit characters in it, already decoded: those characters were decoded with the rest
        /// of the header, so only the ASCII around them goes through the word's charset.
        case mixedWord(String)

        var isWord: Bool {
            if case .text = self { false } else { true }
        }
    }

    private static let equals = UInt8(ascii: "=")
    private static let question = UInt8(ascii: "?")

    private static func parse(_ bytes: [UInt8]) -> [Piece] {
        var pieces: [Piece] = []
        var textStart = 0
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == equals, bytes[index + 1] == question,
                  let (word, end) = parseWord(bytes, at: index) else {
                index += 1
                continue
            }
            if textStart < index { pieces.append(.text(textStart..<index)) }
            pieces.append(word)
            index = end
            textStart = end
        }
        if textStart < bytes.count { pieces.append(.text(textStart..<bytes.count)) }
        return pieces
    }

    /// Parses the word starting at the `=?` at `start`; returns it with the index just past its `?=`.
    private static func parseWord(_ bytes: [UInt8], at start: Int) -> (Piece, Int)? {
        var index = start + 2
        let charsetStart = index
        while index < bytes.count, bytes[index] != question {
            if ASCII.isWhitespace(bytes[index]) || bytes[index] == equals { return nil }
            index += 1
        }
        // `?`, the encoding letter, `?`.
        guard index + 2 < bytes.count, bytes[index + 2] == question else { return nil }
        let charsetEnd = index
        let encoding = ASCII.lower(bytes[index + 1])
        guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else { return nil }
        let textStart = index + 3
        index = textStart
        while index + 1 < bytes.count {
            if bytes[index] == question && bytes[index + 1] == equals { break }
            // Another word starting means this one was never closed.
            if bytes[index] == equals && bytes[index + 1] == question
                && !(index + 2 < bytes.count && bytes[index + 2] == equals) {
                return nil
            }
            index += 1
        }
        guard index + 1 < bytes.count else { return nil }
        let encoded = bytes[textStart..<index]
        var label = String(decoding: bytes[charsetStart..<charsetEnd], as: UTF8.self)
        if let star = label.firstIndex(of: "*") { label = String(label[..<star]) }
        if encoding == UInt8(ascii: "b") {
            return (.word(charset: label, bytes: TransferEncoding.decodeBase64(encoded)), index + 2)
        }
        if encoded.allSatisfy({ $0 < 0x80 }) {
            return (.word(charset: label, bytes: decodeQ(encoded)), index + 2)
        }
        return (.mixedWord(decodeMixedQ(encoded, charset: label)), index + 2)
    }

    private static func decodeMixedQ(_ encoded: ArraySlice<UInt8>, charset: String) -> String {
        var text = ""
        var runStart = encoded.startIndex
        while runStart < encoded.endIndex {
            let isRaw = encoded[runStart] >= 0x80
            let runEnd = encoded[runStart...].firstIndex { ($0 >= 0x80) != isRaw } ?? encoded.endIndex
            let run = encoded[runStart..<runEnd]
            text += isRaw
                ? String(decoding: run, as: UTF8.self)
                : Charset.decode(decodeQ(run), charset: charset).text
            runStart = runEnd
        }
        return text
    }

    /// The Q encoding: `_` is a space, `=XY` a byte; a `=` without two hex digits is kept.
    private static func decodeQ(_ encoded: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(encoded.count)
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let byte = encoded[index]
            if byte == equals, index + 2 < encoded.endIndex,
               let high = HexDigit.value(encoded[index + 1]), let low = HexDigit.value(encoded[index + 2]) {
                output.append(high << 4 | low)
                index += 3
                continue
            }
            output.append(byte == UInt8(ascii: "_") ? ASCII.space : byte)
            index += 1
        }
        return output
    }

    // MARK: - Assembly

    /// RFC 2047 §6.2: whitespace that only separates two encoded words is not part of the text.
    private static func dropWhitespaceBetweenWords(_ pieces: inout [Piece], bytes: [UInt8]) {
        guard pieces.count >= 3 else { return }
        var kept: [Piece] = []
        kept.reserveCapacity(pieces.count)
        for (position, piece) in pieces.enumerated() {
            if case .text(let range) = piece, position > 0, position + 1 < pieces.count,
               pieces[position - 1].isWord, pieces[position + 1].isWord, bytes[range].allSatisfy(ASCII.isWhitespace) {
                continue
            }
            kept.append(piece)
        }
        pieces = kept
    }

    private static func render(_ pieces: [Piece], bytes: [UInt8]) -> String {
        var result = ""
        var pendingCharset: String?
        var pendingKey = ""
        var pendingBytes: [UInt8] = []
        func flushWords() {
            guard let charset = pendingCharset else { return }
            result += Charset.decode(pendingBytes, charset: charset).text
            pendingCharset = nil
            pendingBytes.removeAll(keepingCapacity: true)
        }
        for piece in pieces {
            switch piece {
            case .text(let range):
                flushWords()
                result += String(decoding: bytes[range], as: UTF8.self)
            case .mixedWord(let text):
                flushWords()
                result += text
            case .word(let charset, let decoded):
                let key = Charset.canonicalName(charset) ?? charset.lowercasedFast()
                if pendingCharset != nil && key != pendingKey { flushWords() }
                pendingCharset = charset
                pendingKey = key
                pendingBytes += decoded
            }
        }
        flushWords()
        return result
    }
}
