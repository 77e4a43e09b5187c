/// Cuts a decoded body into lines. LF ends a line, and so does CRLF (the CR is dropped); a CR
/// that is not followed by LF is not a line break and stays in the line.
enum MailLines {
    static func split(_ body: String) -> [Substring] {
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
        var scalars = line.unicodeScalars.drop { CueText.isSpace($0) || CueText.isInvisible($0) }.makeIterator()
        switch scalars.next() {
        case nil: self = .blank
        case ">": self = scalars.next() == ":" ? .text : .quoted
        default: self = .text
        }
    }
}
