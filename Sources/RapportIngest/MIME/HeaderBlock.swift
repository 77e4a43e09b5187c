/// One header field, unfolded, with its value still as bytes (8-bit headers are common).
struct HeaderField: Sendable, Equatable {
    /// The name as written.
    var name: String
    /// The name lower-cased, for case-insensitive lookup.
    var key: String
    /// The unfolded value: line breaks before continuation lines removed, leading blanks trimmed.
    var rawValue: [UInt8]

    /// The value as text (UTF-8, else windows-1252), not yet RFC 2047-decoded.
    var text: String { RawHeaderText.decode(rawValue) }
}

/// The header section of a message or MIME part.
///
/// Lines end with LF or CRLF. A header line is `name:` with a name of printable ASCII other than
/// `:` (RFC 5322 §2.2; blanks before the colon tolerated), or a continuation starting with a space or tab. The first line that is
/// neither ends the headers there (the body starts at it, as lenient readers do); an empty line
/// ends the headers and is not part of the body. Repeated fields are all kept, in order.
struct HeaderBlock: Sendable, Equatable {
    var fields: [HeaderField] = []
    /// True when the headers ended at a line that was not a header rather than at an empty line.
    var missingSeparator = false

    /// The first field of that name, as text.
    func text(_ name: String) -> String? {
        let key = name.lowercasedFast()
        return fields.first { $0.key == key }?.text
    }

    /// Every field of that name, as text, in order.
    func texts(_ name: String) -> [String] {
        let key = name.lowercasedFast()
        return fields.filter { $0.key == key }.map(\.text)
    }

    /// Parses the header section at the start of `bytes`; returns the headers and the index where
    /// the body starts.
    static func parse(_ bytes: ArraySlice<UInt8>) -> (HeaderBlock, bodyStart: Int) {
        var block = HeaderBlock()
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            var lineEnd = index
            while lineEnd < end, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd < end ? lineEnd + 1 : end
            var contentEnd = lineEnd
            if contentEnd > index, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            if contentEnd == index { return (block, next) }   // the empty separator line
            let first = bytes[index]
            if first == 0x20 || first == 0x09 {
                if block.fields.isEmpty {
                    // A continuation with nothing to continue: lenient readers skip it.
                    index = next
                    continue
                }
                block.fields[block.fields.count - 1].rawValue.append(contentsOf: bytes[index..<contentEnd])
                index = next
                continue
            }
            var nameEnd = index
            while nameEnd < contentEnd, bytes[nameEnd] != 0x3A, bytes[nameEnd] > 0x20, bytes[nameEnd] < 0x7F { nameEnd += 1 }
            var colon = nameEnd
            // RFC 5322 §4.5 (obsolete syntax) allows blanks between the name and the colon.
            while colon < contentEnd, bytes[colon] == 0x20 || bytes[colon] == 0x09 { colon += 1 }
            guard nameEnd > index, colon < contentEnd, bytes[colon] == 0x3A else {
                block.missingSeparator = true
                return (block, index)
            }
            var valueStart = colon + 1
            while valueStart < contentEnd, bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09 { valueStart += 1 }
            let name = String(decoding: bytes[index..<nameEnd], as: UTF8.self)
            block.fields.append(HeaderField(name: name, key: name.lowercasedFast(), rawValue: Array(bytes[valueStart..<contentEnd])))
            index = next
        }
        return (block, end)
    }
}
