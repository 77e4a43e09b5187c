/// Mail content made safe to print: text from a message can hold anything, including terminal
/// escape sequences that would rewrite the user's screen and bidirectional overrides that make
/// text read differently from what it is.
enum MailText {
    /// Control characters (C0, DEL, C1) and bidirectional embedding, override and isolate marks
    /// become spaces; runs of whitespace fold to one space; the ends are trimmed.
    static func line(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) || scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.unicodeScalars.append(" ")
                pendingSpace = false
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }
}
