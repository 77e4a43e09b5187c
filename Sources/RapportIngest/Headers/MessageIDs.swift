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
    private var seen: Set<String> = []

    mutating func append(_ id: String) {
        guard !id.isEmpty, seen.insert(id).inserted else { return }
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
