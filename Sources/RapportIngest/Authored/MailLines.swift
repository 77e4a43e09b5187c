import Foundation

/// Cuts a decoded body into lines. LF ends a line, and so does CRLF (the CR is dropped); a CR
/// that is not followed by LF is not a line break and stays in the line.
enum MailLines {
    /// The lines of a body, split at LF with a CR before it dropped; a body without a final LF
    /// still ends with its last line. Newlines are found in the UTF-8 bytes with `memchr`:
    /// stepping a `String.Index` byte by byte was a noticeable part of reading mail.
    static func split(_ body: String) -> [Substring] {
        let found: [Substring]? = body.utf8.withContiguousStorageIfAvailable { bytes in
            var lines: [Substring] = []
            let utf8 = body.utf8
            let first = utf8.startIndex
            func line(_ start: Int, _ end: Int) -> Substring {
                let end = end > start && bytes[end - 1] == 0x0D ? end - 1 : end
                return body[utf8.index(first, offsetBy: start)..<utf8.index(first, offsetBy: end)]
            }
            guard let base = bytes.baseAddress else { return [body[...]] }
            var start = 0
            while start < bytes.count, let newline = memchr(base + start, 0x0A, bytes.count - start) {
                let end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(newline))
                lines.append(line(start, end))
                start = end + 1
            }
            lines.append(line(start, bytes.count))
            return lines
        }
        return found ?? splitByIndex(body)
    }

    /// `split` over `String.Index`, for a string without contiguous UTF-8 storage.
    static func splitByIndex(_ body: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = body.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == 0x0A {
                lines.append(body[start..<withoutCarriageReturn(utf8, start, index)])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        lines.append(body[start..<withoutCarriageReturn(utf8, start, utf8.endIndex)])
        return lines
    }

    private static func withoutCarriageReturn(
        _ utf8: String.UTF8View, _ start: String.Index, _ end: String.Index
    ) -> String.Index {
        guard end > start else { return end }
        let before = utf8.index(before: end)
        return utf8[before] == 0x0D ? before : end
    }
}

/// What a line is at a glance, before any cue is consulted.
enum LineShape: Equatable, Sendable {
    /// Nothing but whitespace and invisible format characters.
    case blank
    /// Starts with `>` after optional whitespace: a quoted line at any depth (`>`, `>>`, `> >`).
    case quoted
    case text

    /// Looks only as far as the first visible character (and the one after a `>`: `>:` is the
    /// end of an address that a client wrapped, as in `… <jon@x.is` / `>:`, not a quote).
    init(_ line: Substring) {
        // Most lines start with ASCII after ASCII spaces: told from the bytes.
        if let shape = line.utf8.withContiguousStorageIfAvailable({ bytes -> LineShape? in
            var index = 0
            while index < bytes.count, ASCII.isSpace(bytes[index]) { index += 1 }
            guard index == bytes.count || bytes[index] < 0x80 else { return nil }
            if index == bytes.count { return .blank }
            guard bytes[index] == UInt8(ascii: ">") else { return .text }
            // After `>`, a non-ASCII byte could still be part of what follows: `:` alone matters.
            return index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: ":") ? .text : .quoted
        }), let shape {
            self = shape
            return
        }
        var scalars = line.unicodeScalars.drop { CueText.isSpace($0) || CueText.isInvisible($0) }.makeIterator()
        switch scalars.next() {
        case nil: self = .blank
        case ">": self = scalars.next() == ":" ? .text : .quoted
        default: self = .text
        }
    }
}
