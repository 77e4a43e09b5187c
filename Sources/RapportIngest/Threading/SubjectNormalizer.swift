import RapportResources

/// Reduces subjects to the words a conversation keeps, so that `RE: [EXT] Fwd: Budget` and
/// `budget` compare equal when threading joins conversations by subject.
enum SubjectNormalizer {
    /// The subject with reply/forward prefixes (with counts such as `Re[2]:`, `Re(3):`, any case,
    /// repeated), gateway tags (`[EXTERNAL]`, `(EXT)`, `*SPAM*`) and list names (`[list-name]`)
    /// removed from its start and a `(fwd)` from its end, whitespace collapsed, lower-cased.
    static func normalize(_ subject: String) -> String {
        split(subject).text
    }

    /// The normalised subject and whether a reply/forward marker was removed from it.
    static func split(_ subject: String, markers: SubjectMarkers = .standard) -> NormalizedSubject {
        var rest = Substring(subject).unicodeScalars
        var isReplyOrForward = false
        while true {
            rest = rest.drop(while: \.properties.isWhitespace)
            guard let first = rest.first else { break }
            if first == "[", let close = rest.firstIndex(of: "]"),
               rest[rest.index(after: close)...].contains(where: { !$0.properties.isWhitespace }) {
                rest = rest[rest.index(after: close)...]
            } else if first == "(" || first == "*", let (tag, after) = enclosed(rest, closing: first == "(" ? ")" : "*"),
                      markers.isTag(tag) {
                rest = after
            } else if let (marker, after) = markerBeforeColon(rest), markers.isPrefix(marker) || markers.isTag(marker) {
                isReplyOrForward = isReplyOrForward || markers.isPrefix(marker)
                rest = after
            } else {
                break
            }
        }
        var text = collapsedLowercase(Substring(rest))
        if text.hasSuffix("(fwd)") {
            text = collapsedLowercase(Substring(text.dropLast(5)))
            isReplyOrForward = true
        }
        return NormalizedSubject(text: text, isReplyOrForward: isReplyOrForward)
    }

    private typealias Scalars = Substring.UnicodeScalarView

    /// The text between the opening character and `closing`, and what follows it.
    private static func enclosed(_ text: Scalars, closing: Unicode.Scalar) -> (String, Scalars)? {
        let inner = text.dropFirst()
        guard let close = inner.firstIndex(of: closing) else { return nil }
        return (String(Substring(inner[..<close])), inner[inner.index(after: close)...])
    }

    /// The text before the first colon (ASCII or full-width), without a count such as `[2]` or
    /// `(3)`, and what follows the colon; nil when there is no colon in the first few words.
    private static func markerBeforeColon(_ text: Scalars) -> (String, Scalars)? {
        let longestMarker = 40
        guard let colon = text.prefix(longestMarker).firstIndex(where: { $0 == ":" || $0 == "\u{FF1A}" }) else {
            return nil
        }
        var marker = text[..<colon]
        while let last = marker.last, last.properties.isWhitespace { marker = marker.dropLast() }
        if let last = marker.last, last == "]" || last == ")",
           let open = marker.lastIndex(of: last == "]" ? "[" : "("),
           marker[marker.index(after: open)..<marker.index(before: marker.endIndex)].allSatisfy({ ("0"..."9").contains($0) }) {
            marker = marker[..<open]
            while let last = marker.last, last.properties.isWhitespace { marker = marker.dropLast() }
        }
        return (String(Substring(marker)), text[text.index(after: colon)...])
    }

    /// Lower-cased with whitespace runs collapsed to one space and trimmed; an ASCII fast path,
    /// because threading normalises every subject of an archive.
    private static func collapsedLowercase(_ text: Substring) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            var pendingSpace = false
            for byte in text.utf8 {
                if ASCII.isWhitespace(byte) || byte == 0x0B || byte == 0x0C {
                    pendingSpace = !bytes.isEmpty
                } else {
                    if pendingSpace { bytes.append(ASCII.space) }
                    pendingSpace = false
                    bytes.append(ASCII.lower(byte))
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercasedFast()
    }
}

/// A subject reduced for comparison.
struct NormalizedSubject: Hashable, Sendable {
    /// Lower-cased, prefixes and tags removed, whitespace collapsed.
    var text: String
    /// True when a reply or forward prefix (not merely a tag) was removed.
    var isReplyOrForward: Bool
}

/// The reply/forward prefixes and gateway tags to remove, read from `subject-prefixes.txt`
/// (format described in the file's header).
struct SubjectMarkers: Sendable {
    private var prefixes: Set<String> = []
    private var tags: Set<String> = []

    /// The list shipped in `Lexicons/subject-prefixes.txt`.
    static let standard = SubjectMarkers(text: DefaultResources.text("subject-prefixes.txt") ?? "")

    /// Reads `prefix VALUE` and `tag VALUE` lines; other lines are ignored.
    init(text: String) {
        for line in text.split(whereSeparator: \.isNewline) {
            let entry = line.trimmedOfWhitespace()
            guard !entry.isEmpty, !entry.hasPrefix("#"), let space = entry.firstIndex(where: \.isWhitespace) else {
                continue
            }
            let value = entry[space...].trimmedOfWhitespace().lowercased()
            guard !value.isEmpty else { continue }
            switch entry[..<space].lowercased() {
            case "prefix": prefixes.insert(value)
            case "tag": tags.insert(value)
            default: continue
            }
        }
    }

    func isPrefix(_ marker: String) -> Bool { prefixes.contains(marker.lowercasedFast()) }

    func isTag(_ marker: String) -> Bool {
        tags.contains(marker.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercasedFast())
    }
}

private extension Substring {
    func trimmedOfWhitespace() -> Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
