/// Reads message-ids from `Message-ID`, `In-Reply-To` and `References` values.
enum MessageIDs {
    /// Every `<…>` in order, without brackets, duplicates removed keeping the first.
    ///
    /// Inside the brackets, folding whitespace and comments are dropped (obsolete syntax allows
    /// `<1234   @   local(blah)  .machine .example>`, and folded `References` sometimes break an
    /// id in two). A `<` whose `>` never comes (another `<` or the end arrives first) gives the
    /// text up to the next whitespace when it holds an `@`. When the value has no `<` at all,
    /// the ids are its whitespace-separated tokens that contain `@`, stripped of surrounding
    /// punctuation, as broken mailers write them bare.
    static func parse(_ value: String) -> [String] {
        var value = value
        if let ids = value.withUTF8({ $0.allSatisfy { $0 < 0x80 } ? parseASCII($0) : nil }) { return ids }
        return parseCharacters(value)
    }

    /// `parse` character by character, for any value (values outside ASCII come here).
    static func parseCharacters(_ value: String) -> [String] {
        var ids = IDList()
        guard value.contains("<") else {
            for token in value.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" })
            where token.contains("@") {
                ids.append(String(token.trimming(["\"", "'", "(", ")", "[", "]"])))
            }
            return ids.values
        }
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<") {
            let afterOpen = rest[rest.index(after: open)...]
            let end = afterOpen.firstIndex { $0 == ">" || $0 == "<" }
            if let end, afterOpen[end] == ">" {
                ids.append(withoutSpaceAndComments(afterOpen[..<end]))
                rest = afterOpen[afterOpen.index(after: end)...]
            } else {
                let token = afterOpen.prefix { !$0.isWhitespace && $0 != "<" }
                if token.contains("@") { ids.append(String(token)) }
                rest = afterOpen[(end ?? afterOpen.endIndex)...]
            }
        }
        return ids.values
    }

    /// `parse` for a value in ASCII (nearly all), over its bytes: in ASCII every character is a
    /// byte (CR LF, one character, is whitespace either way), and `Character.isWhitespace` was
    /// the larger part of reading a message's headers.
    private static func parseASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        @inline(__always) func isSpace(_ byte: UInt8) -> Bool { ASCII.isSpace(byte) }
        @inline(__always) func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        let open = UInt8(ascii: "<"), close = UInt8(ascii: ">"), at = UInt8(ascii: "@")
        var ids = IDList()
        guard bytes.contains(open) else {
            let separators: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: ";")]
            let trimmed: Set<UInt8> = Set("\"'()[]".utf8)
            var index = 0
            while index < bytes.count {
                while index < bytes.count && (isSpace(bytes[index]) || separators.contains(bytes[index])) { index += 1 }
                var end = index
                while end < bytes.count && !isSpace(bytes[end]) && !separators.contains(bytes[end]) { end += 1 }
                if bytes[index..<end].contains(at) {
                    var first = index, last = end
                    while first < last && trimmed.contains(bytes[first]) { first += 1 }
                    while last > first && trimmed.contains(bytes[last - 1]) { last -= 1 }
                    ids.append(string(first..<last))
                }
                index = end
            }
            return ids.values
        }
        var index = 0
        var id: [UInt8] = []
        while let start = bytes[index...].firstIndex(of: open) {
            let afterOpen = start + 1
            let end = bytes[afterOpen...].firstIndex { $0 == close || $0 == open }
            if let end, bytes[end] == close,
                !bytes[afterOpen..<end].contains(where: { isSpace($0) || $0 == UInt8(ascii: "(") })
            {
                // Nothing to leave out (nearly every id): the bytes between the brackets.
                ids.append(string(afterOpen..<end))
                index = end + 1
            } else if let end, bytes[end] == close {
                id.removeAll(keepingCapacity: true)
                var depth = 0
                for byte in bytes[afterOpen..<end] {
                    switch byte {
                    case UInt8(ascii: "("): depth += 1
                    case UInt8(ascii: ")") where depth > 0: depth -= 1
                    case _ where depth > 0 || isSpace(byte): continue
                    default: id.append(byte)
                    }
                }
                ids.append(String(decoding: id, as: UTF8.self))
                index = end + 1
            } else {
                var tokenEnd = afterOpen
                while tokenEnd < bytes.count && !isSpace(bytes[tokenEnd]) && bytes[tokenEnd] != open { tokenEnd += 1 }
                if bytes[afterOpen..<tokenEnd].contains(at) { ids.append(string(afterOpen..<tokenEnd)) }
                index = end ?? bytes.count
            }
        }
        return ids.values
    }

    private static func withoutSpaceAndComments(_ text: Substring) -> String {
        var result = ""
        var depth = 0
        for character in text {
            switch character {
            case "(": depth += 1
            case ")" where depth > 0: depth -= 1
            case _ where depth > 0 || character.isWhitespace: continue
            default: result.append(character)
            }
        }
        return result
    }
}

/// Ids in first-seen order without repeats or empty entries.
private struct IDList {
    private(set) var values: [String] = []
    /// The ids seen, once there are more than a few: a short list is searched instead of hashed.
    private var seen: Set<String> = []
    private static let searched = 16

    mutating func append(_ id: String) {
        guard !id.isEmpty else { return }
        if values.count < Self.searched {
            guard !values.contains(id) else { return }
            values.append(id)
            if values.count == Self.searched { seen = Set(values) }
            return
        }
        guard seen.insert(id).inserted else { return }
        values.append(id)
    }
}

private extension Substring {
    /// `removeLast`, not `dropLast`: on a `Substring` the latter counts the whole text each time,
    /// which made a token ending in a million `)` cost a million squared steps.
    func trimming(_ set: Set<Character>) -> Substring {
        var text = self
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return text
    }
}
