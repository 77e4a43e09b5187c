/// What a file or stream holds, decided from its first bytes rather than its name.
enum InputFormat: Equatable, Sendable {
    case mbox
    case message
    case note(NoteFormat)
    case unknown

    /// How many bytes `sniff` wants to see (it copes with fewer).
    static let sniffLength = 4096

    static func sniff(_ prefix: ArraySlice<UInt8>) -> InputFormat {
        var start = prefix.startIndex
        if prefix.count >= 3, prefix[start] == 0xEF, prefix[start + 1] == 0xBB, prefix[start + 2] == 0xBF { start += 3 }
        while start < prefix.endIndex, prefix[start] == 0x0A || prefix[start] == 0x0D { start += 1 }
        let body = prefix[start...]
        if body.starts(with: Array("From ".utf8)) { return .mbox }
        if startsWithHeaderField(body) { return .message }
        if let note = NoteReader.sniff(prefix) { return .note(note) }
        return .unknown
    }

    /// Field names of which at least one must appear in the first lines of a message, so that a
    /// `key: value` text file (a README, a log) is not mistaken for mail.
    static let messageFieldNames: Set<String> = [
        "from", "to", "cc", "bcc", "subject", "date", "message-id", "received", "return-path",
        "mime-version", "content-type", "sender", "reply-to", "delivered-to", "in-reply-to", "references",
        "envelope-to", "resent-from", "resent-date", "x-mailer", "user-agent", "dkim-signature", "newsgroups",
        "path", "article", "content-transfer-encoding", "thread-topic", "x-original-to", "status",
    ]

    /// True when the input starts with RFC 5322 header lines (`Name: value`, continuations) up to an
    /// empty line or the end of the sniffed prefix, and at least one of them is a field mail carries.
    static func startsWithHeaderField(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        var sawMailField = false
        var lines = 0
        while index < bytes.endIndex {
            let first = bytes[index]
            if first == 0x0A || first == 0x0D { break }
            var lineEnd = index
            while lineEnd < bytes.endIndex, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            if first != 0x20, first != 0x09 {
                var name = index
                while name < lineEnd, bytes[name] > 0x20, bytes[name] < 0x7F, bytes[name] != 0x3A { name += 1 }
                var colon = name
                while colon < lineEnd, bytes[colon] == 0x20 || bytes[colon] == 0x09 { colon += 1 }
                guard name > index, colon < lineEnd, bytes[colon] == 0x3A else { return lineEnd >= bytes.endIndex && sawMailField }
                let field = String(decoding: bytes[index..<name], as: UTF8.self).lowercasedFast()
                if messageFieldNames.contains(field) || field.hasPrefix("x-") || field.hasPrefix("list-") { sawMailField = true }
            } else if lines == 0 {
                return false
            }
            lines += 1
            index = lineEnd < bytes.endIndex ? lineEnd + 1 : lineEnd
        }
        return sawMailField
    }
}
