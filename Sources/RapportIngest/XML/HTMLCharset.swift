/// Decides which charset to decode an HTML document with, before libxml2 sees it. libxml2 2.9 falls
/// back to Latin-1 for undeclared charsets and silently ignores names it does not know, so the
/// decision is made here and handed to the parser as final.
///
/// Order: a byte-order mark; the charset the caller knows (the MIME `charset` parameter); a
/// `<meta charset>` or `<meta http-equiv="Content-Type">` in the first `prescanLength` bytes;
/// UTF-8 when the bytes are valid UTF-8; windows-1252 otherwise. A Latin-1 label is read as
/// windows-1252 (as browsers do: mail labelled ISO-8859-1 routinely holds `€` and curly quotes);
/// a UTF-8 or ASCII label is trusted only when the bytes are valid UTF-8, else it is a mislabel and
/// windows-1252 is used; labels libxml2 does not know are skipped.
enum HTMLCharset {
    /// How far the `<meta>` prescan looks, as in the HTML standard.
    static let prescanLength = 1024

    static let fallback = "windows-1252"

    static func resolve(_ bytes: [UInt8], declared: String?) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        let isUTF8 = validUTF8(bytes)
        for label in [declared, metaCharset(in: bytes.prefix(prescanLength))] {
            guard let label, let name = usable(label, bytesAreUTF8: isUTF8) else { continue }
            return name
        }
        return isUTF8 ? "UTF-8" : fallback
    }

    /// The libxml2 name to decode with for a declared label, or nil when the label is unusable or
    /// names a charset `CharsetRegistry` does not know.
    private static func usable(_ label: String, bytesAreUTF8: Bool) -> String? {
        let name = label.trimmingASCIIWhitespaceAndQuotes().lowercasedFast()
        switch name {
        case "":
            return nil
        case "utf-8", "utf8", "unicode-1-1-utf-8", "us-ascii", "ascii":
            return bytesAreUTF8 ? "UTF-8" : fallback
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "iso_8859-1", "cp819":
            return fallback
        default:
            // Only charsets the registry knows reach libxml2 and iconv: a label from a stranger's
            // mail should not pick which of the C library's hundreds of converters runs.
            guard let known = Charset.canonicalName(name) else { return nil }
            return LibXML2.knowsEncoding(known) ? known : nil
        }
    }

    /// Finds `charset=` in a `<meta …>` tag, the way the HTML standard's prescan does (simplified:
    /// the first meta tag that names a charset wins; comments are skipped).
    static func metaCharset(in prefix: ArraySlice<UInt8>) -> String? {
        let lowered = prefix.map(ASCII.lower)
        var index = lowered.startIndex
        while index < lowered.endIndex {
            if lowered[index...].starts(with: Array("<!--".utf8)) {
                guard let end = firstIndex(of: Array("-->".utf8), in: lowered, from: index + 4) else { return nil }
                index = end + 3
                continue
            }
            if lowered[index...].starts(with: Array("<meta".utf8)),
                index + 5 < lowered.endIndex, ASCII.isWhitespace(lowered[index + 5]) || lowered[index + 5] == 0x2F
            {
                let tagEnd = lowered[index...].firstIndex(of: 0x3E) ?? lowered.endIndex
                if let charset = charsetValue(in: Array(lowered[index..<tagEnd])) { return charset }
                index = tagEnd
                continue
            }
            index += 1
        }
        return nil
    }

    /// The value after `charset=` inside one tag, up to a quote, space, `;` or `>`.
    private static func charsetValue(in tag: [UInt8]) -> String? {
        guard let start = firstIndex(of: Array("charset".utf8), in: tag, from: 0) else { return nil }
        var index = start + 7
        while index < tag.count, ASCII.isWhitespace(tag[index]) { index += 1 }
        guard index < tag.count, tag[index] == UInt8(ascii: "=") else { return nil }
        index += 1
        while index < tag.count, ASCII.isWhitespace(tag[index]) || tag[index] == 0x22 || tag[index] == 0x27 {
            index += 1
        }
        var end = index
        while end < tag.count, !ASCII.isWhitespace(tag[end]), ![0x22, 0x27, 0x3B, 0x3E, 0x2F].contains(tag[end]) {
            end += 1
        }
        guard end > index else { return nil }
        return String(decoding: tag[index..<end], as: UTF8.self)
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// True when the bytes are UTF-8, allowing one incomplete sequence at the very end (a body cut
    /// at a size limit).
    static func validUTF8(_ bytes: [UInt8]) -> Bool {
        var end = bytes.count
        var back = 0
        while back < 3, end > 0, bytes[end - 1] & 0xC0 == 0x80 {
            end -= 1
            back += 1
        }
        if end > 0, bytes[end - 1] >= 0xC0 {
            let needed = bytes[end - 1] >= 0xF0 ? 3 : bytes[end - 1] >= 0xE0 ? 2 : 1
            end = needed > back ? end - 1 : bytes.count
        } else {
            end = bytes.count
        }
        var decoder = UTF8()
        var iterator = bytes[..<end].makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}

extension String {
    /// Trims ASCII spaces, tabs, line breaks and surrounding quotes, as charset labels carry them.
    fileprivate func trimmingASCIIWhitespaceAndQuotes() -> String {
        let junk: Set<Character> = [" ", "\t", "\r", "\n", "\"", "'"]
        var slice = Substring(self)
        while let first = slice.first, junk.contains(first) { slice.removeFirst() }
        while let last = slice.last, junk.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
