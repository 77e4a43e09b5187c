/// Parses structured header values such as Content-Type and Content-Disposition:
/// RFC 2045 `value; name=token; name="quoted \"string\""`, RFC 2231 continuations (`name*0=`, `name*1*=`) and
/// charset/language (`name*=utf-8''%E2%82%AC`), and the broken forms mail software writes: unquoted values with
/// spaces, RFC 2047 words inside (quoted) values, missing semicolons, duplicate names (the first wins).
///
/// Names are lower-cased; the main value is lower-cased and trimmed; parameter values keep their case. When a
/// parameter comes both plain and in an RFC 2231 form (mailers send both for old readers), the RFC 2231 form wins
/// because it carries the charset.
enum HeaderParameters {
    static func parse(_ headerValue: String) -> (value: String, parameters: [String: String]) {
        let bytes = Array(headerValue.utf8)
        let (value, parametersStart) = scanMainValue(bytes)
        let found = scanParameters(bytes, from: parametersStart)
        return (value, assemble(found))
    }

    // MARK: - Scanning

    /// One `name=value` as written, before RFC 2231 pieces are put together.
    private struct RawParameter {
        var name: String
        var value: String
    }

    private static let semicolon = UInt8(ascii: ";")
    private static let equals = UInt8(ascii: "=")
    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")

    /// The main value runs to the first `;`, or to whitespace followed by what looks like `name=` (a missing
    /// semicolon).
    private static func scanMainValue(_ bytes: [UInt8]) -> (String, Int) {
        var index = skipWhitespace(bytes, from: 0)
        let start = index
        if startsParameter(bytes, at: index) { return ("", index) }
        while index < bytes.count, bytes[index] != semicolon {
            if ASCII.isWhitespace(bytes[index]) {
                let next = skipWhitespace(bytes, from: index)
                if startsParameter(bytes, at: next) {
                    return (text(bytes[start..<index]).lowercasedFast(), next)
                }
                index = next
            } else {
                index += 1
            }
        }
        return (trimmed(text(bytes[start..<index])).lowercasedFast(), index)
    }

    private static func scanParameters(_ bytes: [UInt8], from start: Int) -> [RawParameter] {
        var found: [RawParameter] = []
        var index = start
        while true {
            while index < bytes.count, bytes[index] == semicolon || ASCII.isWhitespace(bytes[index]) { index += 1 }
            guard index < bytes.count else { break }
            let nameStart = index
            while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
            guard index > nameStart else {
                index += 1  // a stray `=` or `"` where a name should be
                continue
            }
            let name = text(bytes[nameStart..<index]).lowercasedFast()
            index = skipWhitespace(bytes, from: index)
            guard index < bytes.count, bytes[index] == equals else { continue }  // a bare word: not a parameter
            index = skipWhitespace(bytes, from: index + 1)
            let value: String
            if index < bytes.count, bytes[index] == quote {
                (value, index) = scanQuoted(bytes, from: index + 1)
            } else {
                (value, index) = scanUnquoted(bytes, from: index)
            }
            found.append(RawParameter(name: name, value: value))
        }
        return found
    }

    /// A quoted string after its opening quote, with backslash escapes removed; an unclosed quote runs to the end.
    private static func scanQuoted(_ bytes: [UInt8], from start: Int) -> (String, Int) {
        var content: [UInt8] = []
        var index = start
        while index < bytes.count, bytes[index] != quote {
            if bytes[index] == backslash, index + 1 < bytes.count { index += 1 }
            content.append(bytes[index])
            index += 1
        }
        return (text(content[...]), min(index + 1, bytes.count))
    }

    /// An unquoted value runs to `;`, keeping inner spaces, but stops before whitespace followed by `name=`.
    private static func scanUnquoted(_ bytes: [UInt8], from start: Int) -> (String, Int) {
        var index = start
        while index < bytes.count, bytes[index] != semicolon {
            if ASCII.isWhitespace(bytes[index]) {
                let next = skipWhitespace(bytes, from: index)
                if startsParameter(bytes, at: next) { return (text(bytes[start..<index]), next) }
                index = next
            } else {
                index += 1
            }
        }
        return (trimmed(text(bytes[start..<index])), index)
    }

    /// Whether a `name=` starts at `index`.
    private static func startsParameter(_ bytes: [UInt8], at start: Int) -> Bool {
        var index = start
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        guard index > start else { return false }
        index = skipWhitespace(bytes, from: index)
        return index < bytes.count && bytes[index] == equals
    }

    /// RFC 2045 token characters, plus `*` for RFC 2231 names, and any 8-bit byte (broken mail has those).
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00...0x20, 0x7F, UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"),
             UInt8(ascii: "@"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "\\"),
             UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "?"),
             UInt8(ascii: "="):
            false
        default:
            true
        }
    }

    private static func skipWhitespace(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, ASCII.isWhitespace(bytes[index]) { index += 1 }
        return index
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func trimmed(_ string: String) -> String {
        let scalars = string.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    // MARK: - RFC 2231

    /// The parts of an RFC 2231 name: `title*` (extended), `title*1` (a continuation), `title*1*` (both).
    private struct ExtendedName {
        var base: String
        var section: Int?
        var isEncoded: Bool

        init?(_ name: String) {
            guard let star = name.firstIndex(of: "*"), star != name.startIndex else { return nil }
            base = String(name[..<star])
            let rest = name[name.index(after: star)...]
            if rest.isEmpty {
                section = nil
                isEncoded = true
                return
            }
            isEncoded = rest.hasSuffix("*")
            let digits = isEncoded ? rest.dropLast() : rest
            guard (1...4).contains(digits.count), digits.allSatisfy(\.isASCII), let number = Int(digits) else {
                return nil
            }
            section = number
        }
    }

    private struct Section {
        var value: String
        var isEncoded: Bool
    }

    private static func assemble(_ found: [RawParameter]) -> [String: String] {
        // Without a `*` in any name (nearly every header) there is nothing of RFC 2231 to put
        // together: the plain parameters, the first of each name, are the result.
        if !found.contains(where: { $0.name.utf8.contains(UInt8(ascii: "*")) }) {
            var result: [String: String] = [:]
            result.reserveCapacity(found.count)
            for parameter in found where result[parameter.name] == nil {
                result[parameter.name] = parameter.value.containsASCII("=?") ? EncodedWords.decode(parameter.value) : parameter.value
            }
            return result
        }
        var plain: [String: String] = [:]
        var extended: [String: String] = [:]
        var sections: [String: [Int: Section]] = [:]
        for parameter in found {
            guard let name = ExtendedName(parameter.name) else {
                if plain[parameter.name] == nil { plain[parameter.name] = parameter.value }
                continue
            }
            if let number = name.section {
                if sections[name.base, default: [:]][number] == nil {
                    sections[name.base, default: [:]][number] = Section(value: parameter.value, isEncoded: name.isEncoded)
                }
            } else if extended[name.base] == nil {
                extended[name.base] = parameter.value
            }
        }
        var result: [String: String] = [:]
        for (name, value) in plain {
            result[name] = value.containsASCII("=?") ? EncodedWords.decode(value) : value
        }
        for (name, parts) in sections {
            result[name] = joinSections(parts)
        }
        for (name, value) in extended {
            result[name] = decodeExtended([Section(value: value, isEncoded: true)])
        }
        return result
    }

    private static func joinSections(_ parts: [Int: Section]) -> String {
        decodeExtended(parts.keys.sorted().map { parts[$0]! })
    }

    /// Joins sections in order: runs of adjacent encoded sections are percent-decoded into one byte string and
    /// decoded in the charset that the first section names (`charset'language'value`), so a character split
    /// across sections joins up; unencoded sections are taken as written.
    private static func decodeExtended(_ sections: [Section]) -> String {
        var result = ""
        var charset: String?
        var pending: [UInt8] = []
        for (position, section) in sections.enumerated() {
            guard section.isEncoded else {
                if !pending.isEmpty { result += Charset.decode(pending, charset: charset).text }
                pending.removeAll()
                result += section.value
                continue
            }
            var value = Substring(section.value)
            if position == 0 {
                let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if pieces.count == 3 {
                    charset = pieces[0].isEmpty ? nil : String(pieces[0])
                    value = pieces[2]
                }
            }
            pending += percentDecoded(value)
        }
        if !pending.isEmpty { result += Charset.decode(pending, charset: charset).text }
        return result
    }

    private static func percentDecoded(_ value: Substring) -> [UInt8] {
        let bytes = Array(value.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = HexDigit.value(bytes[index + 1]), let low = HexDigit.value(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }
}
