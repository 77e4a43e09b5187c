import RapportModel

/// Reads the people in `From`, `To`, `Cc` and similar headers.
///
/// The value is first cut into RFC 5322 tokens (atoms, quoted strings, comments, domain literals
/// and specials), then into mailbox units at top-level commas and semicolons, with group names
/// (`Team:`) dropped; each unit yields its angle address or the bare addresses in it. A lone
/// local name (`root`, `<nsb>`) is kept as an address without a domain, as old and local mail
/// writes it; junk yields nothing.
enum AddressParser {
    /// RFC 5322 address lists, with the obsolete forms and common breakage of real mail.
    ///
    /// - Display names: quoted (escapes, commas inside), unquoted, with encoded words decoded by
    ///   `decodeWords`; trimmed, inner whitespace collapsed, surrounding quotes removed; a name
    ///   equal to the address is dropped. With no name, a comment (`jon@x.is (Jón Jónsson)`)
    ///   serves as one.
    /// - Addresses: angle (`<a@b>`, obsolete route `<@relay:a@b>`, `<mailto:a@b>`, missing `>`)
    ///   or bare (several in a unit when separated only by spaces); comments and whitespace inside
    ///   them are dropped; the domain is lower-cased, the local part kept.
    /// - Lists: commas or semicolons, empty entries and trailing separators skipped; groups give
    ///   their members, empty groups give nothing.
    static func parse(_ value: String, decodeWords: (String) -> String = { $0 }) -> [Participant] {
        parse(value, decodeWords: decodeWords, embedded: false)
    }

    /// `parse` with the value read as `Character`s even when it is ASCII (tests hold the two
    /// readings equal).
    static func parseByCharacters(_ value: String, decodeWords: (String) -> String = { $0 }) -> [Participant] {
        parse(value, decodeWords: decodeWords, embedded: false, byCharacters: true)
    }

    /// `embedded`: the value is itself the inside of a quoted string or bracket; addresses
    /// embedded in it are not looked for again, so `[[[[…a@b` costs one pass, not one per bracket.
    fileprivate static func parse(
        _ value: String, decodeWords: (String) -> String, embedded: Bool, byCharacters: Bool = false
    ) -> [Participant] {
        let tokens = AddressTokenizer.tokens(in: value, byCharacters: byCharacters)
        var participants: [Participant] = []
        for unit in units(of: tokens) {
            participants += MailboxUnit(tokens: unit, isEmbedded: embedded).participants(decodeWords: decodeWords)
        }
        return participants
    }

    /// Splits tokens at top-level `,` and `;`, dropping group names (the tokens before a `:`).
    ///
    /// Inside `<…>` separators do not split, except that a `,` in an angle address that is not an
    /// obsolete route (`<@a,@b:x@y>`) means the `>` was forgotten.
    private static func units(of tokens: [AddressToken]) -> [[AddressToken]] {
        var units: [[AddressToken]] = []
        var current: [AddressToken] = []
        var route = RouteState.outsideAngle
        func flush() {
            if !current.isEmpty { units.append(current) }
            current = []
            route = .outsideAngle
        }
        for token in tokens {
            switch token.kind {
            case .special("<") where route == .outsideAngle:
                current.append(token)
                route = .angleOpened
            case .special(">"):
                current.append(token)
                route = .outsideAngle
            case .special(","), .special(";"):
                if route == .openRoute, token.kind == .special(",") {
                    current.append(token)
                } else {
                    flush()
                }
            case .special(":") where route == .outsideAngle:
                current = []
            default:
                current.append(token)
                route.advance(past: token)
            }
        }
        flush()
        return units
    }

    /// Where the tokenizer stands relative to an obsolete route (`<@relay,@relay:a@b>`), kept up to
    /// date token by token so that a list with many commas is still read in linear time.
    private enum RouteState: Equatable {
        case outsideAngle
        /// Just after `<`, with only comments since.
        case angleOpened
        /// Inside `<@relay,@relay` before the route's closing `:`.
        case openRoute
        /// Inside an angle address that is not, or no longer, an open route.
        case insideAngle

        mutating func advance(past token: AddressToken) {
            guard !token.isComment else { return }
            switch self {
            case .angleOpened: self = token.kind == .special("@") ? .openRoute : .insideAngle
            case .openRoute where token.kind == .special(":"): self = .insideAngle
            default: break
            }
        }
    }
}

// MARK: - Tokens

/// One RFC 5322 lexical token, remembering whether whitespace (or a comment) came before it so
/// that display names keep their spacing.
private struct AddressToken: Equatable {
    enum Kind: Equatable {
        /// A run of atom characters (`john`, `=?utf-8?q?J=C3=B3n?=`).
        case atom(String)
        /// The content of a quoted string, escapes resolved.
        case quoted(String)
        /// The content of a comment, escapes resolved, nested parentheses kept.
        case comment(String)
        /// A domain literal with its brackets (`[192.0.2.1]`).
        case literal(String)
        case special(Character)
    }

    var kind: Kind
    var spaceBefore: Bool

    var isComment: Bool {
        if case .comment = kind { return true }
        return false
    }

    /// True for the tokens that can form a local part or a phrase word.
    var isWord: Bool {
        switch kind {
        case .atom, .quoted: return true
        default: return false
        }
    }
}

/// Cuts a header value into `AddressToken`s. Unterminated comments run to the end; an
/// unterminated quote is taken as a stray character and skipped, which recovers
/// `"John <john@example.com>` as the person it obviously is.
private enum AddressTokenizer {
    static func tokens(in value: String, byCharacters: Bool = false) -> [AddressToken] {
        // Most header values are ASCII (encoded words included) without a CR: their bytes are
        // their characters, read without breaking the text into `Character`s (which, with
        // strings made of character slices, was most of reading an address header).
        if !byCharacters, let tokens = value.utf8.withContiguousStorageIfAvailable({ bytes -> [AddressToken]? in
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "\r") }) else { return nil }
            return tokens(in: Array(bytes)) { String(decoding: bytes[$0], as: UTF8.self) }
        }), let tokens {
            return tokens
        }
        let characters = Array(value)
        return tokens(in: characters) { String(characters[$0]) }
    }

    /// The tokens of `units`, the value's characters (or its bytes, for ASCII); `text` gives the
    /// text of a range of them.
    private static func tokens<Unit: AddressUnit>(in characters: [Unit], text: (Range<Int>) -> String)
        -> [AddressToken]
    {
        var tokens: [AddressToken] = []
        var index = 0
        var spaceBefore = false
        // Once a quote runs unterminated to the end, every later quote does too (each later `"`
        // was escaped inside it); remembering that keeps `"\"\"\"…` from costing n² steps.
        var quotesTerminate = true
        while index < characters.count {
            let character = characters[index]
            if character.isSpace {
                spaceBefore = true
                index += 1
                continue
            }
            switch character.ascii {
            case UInt8(ascii: "("):
                let (text, end) = comment(characters, from: index)
                tokens.append(AddressToken(kind: .comment(text), spaceBefore: spaceBefore))
                index = end
                spaceBefore = true
                continue
            case UInt8(ascii: "\""):
                guard quotesTerminate, let (text, end) = quoted(characters, from: index) else {
                    quotesTerminate = false
                    index += 1
                    continue
                }
                tokens.append(AddressToken(kind: .quoted(text), spaceBefore: spaceBefore))
                index = end
            case UInt8(ascii: "["):
                let end = characters[index...].firstIndex { $0.ascii == UInt8(ascii: "]") }.map { $0 + 1 }
                    ?? characters.count
                tokens.append(AddressToken(kind: .literal(text(index..<end)), spaceBefore: spaceBefore))
                index = end
            case UInt8(ascii: ")"), UInt8(ascii: "]"):
                index += 1
            case _ where character.isSpecial:
                tokens.append(AddressToken(kind: .special(character.character), spaceBefore: spaceBefore))
                index += 1
            default:
                let end = atomEnd(characters, from: index)
                tokens.append(AddressToken(kind: .atom(text(index..<end)), spaceBefore: spaceBefore))
                index = end
            }
            spaceBefore = false
        }
        return tokens
    }

    /// The end of an atom; an RFC 2047 encoded word is kept whole even when it holds specials
    /// (`=?utf-8?q?Doe,_John?=` is common, though not allowed).
    private static func atomEnd<Unit: AddressUnit>(_ characters: [Unit], from start: Int) -> Int {
        var index = start
        while index < characters.count {
            if characters[index].ascii == UInt8(ascii: "="), index + 1 < characters.count,
               characters[index + 1].ascii == UInt8(ascii: "?"),
               let end = encodedWordEnd(characters, from: index) {
                index = end
                continue
            }
            let character = characters[index]
            if character.isSpace || character.isSpecial || character.ascii == UInt8(ascii: ")")
                || character.ascii == UInt8(ascii: "]") {
                break
            }
            index += 1
        }
        return max(index, start + 1)
    }

    /// The end of `=?charset?e?text?=` starting at `start`, or nil when it is not one.
    private static func encodedWordEnd<Unit: AddressUnit>(_ characters: [Unit], from start: Int) -> Int? {
        var index = start + 2
        var questionMarks = 0
        while index < characters.count, !characters[index].isSpace {
            if characters[index].ascii == UInt8(ascii: "?") {
                questionMarks += 1
                if questionMarks == 3 {
                    return index + 1 < characters.count && characters[index + 1].ascii == UInt8(ascii: "=")
                        ? index + 2 : nil
                }
            }
            index += 1
        }
        return nil
    }

    private static func comment<Unit: AddressUnit>(_ characters: [Unit], from start: Int) -> (String, Int) {
        var text = ""
        var depth = 0
        var index = start
        while index < characters.count {
            let character = characters[index]
            index += 1
            switch character.ascii {
            case UInt8(ascii: "\\") where index < characters.count:
                characters[index].append(to: &text)
                index += 1
            case UInt8(ascii: "("):
                if depth > 0 { character.append(to: &text) }
                depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return (text, index) }
                character.append(to: &text)
            default:
                character.append(to: &text)
            }
        }
        return (text, index)
    }

    private static func quoted<Unit: AddressUnit>(_ characters: [Unit], from start: Int) -> (String, Int)? {
        // Without a backslash the text is the run up to the closing quote, made at once rather
        // than a character at a time.
        var end = start + 1
        while end < characters.count, characters[end].ascii != UInt8(ascii: "\""), characters[end].ascii != UInt8(ascii: "\\") {
            end += 1
        }
        if end < characters.count, characters[end].ascii == UInt8(ascii: "\"") {
            return (Unit.text(characters[(start + 1)..<end]), end + 1)
        }
        var text = ""
        var index = start + 1
        while index < characters.count {
            let character = characters[index]
            index += 1
            switch character.ascii {
            case UInt8(ascii: "\\") where index < characters.count:
                characters[index].append(to: &text)
                index += 1
            case UInt8(ascii: "\""):
                return (text, index)
            default:
                character.append(to: &text)
            }
        }
        return nil
    }
}

/// What the tokenizer reads a header value as: its `Character`s, or the bytes of an ASCII value
/// (each of which is one character).
fileprivate protocol AddressUnit {
    /// The ASCII value, or nil.
    var ascii: UInt8? { get }
    var isSpace: Bool { get }
    var character: Character { get }
    func append(to text: inout String)
    /// The units as text: what appending each in turn gives.
    static func text(_ units: ArraySlice<Self>) -> String
}

extension AddressUnit {
    /// `(`, `)`, `<`, `>`, `[`, `]`, `:`, `;`, `@`, `,`, `.` and `"`; a switch, where a
    /// `Set<Character>` hashed every character of every address header.
    @inline(__always)
    var isSpecial: Bool {
        guard let ascii else { return false }
        switch ascii {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "@"), UInt8(ascii: ","),
            UInt8(ascii: "."), UInt8(ascii: "\""):
            return true
        default:
            return false
        }
    }
}

extension Character: AddressUnit {
    var ascii: UInt8? { asciiValue }
    var isSpace: Bool { RapportIngest.isSpace(self) }
    var character: Character { self }
    func append(to text: inout String) { text.append(self) }
    static func text(_ units: ArraySlice<Character>) -> String { String(units) }
}

extension UInt8: AddressUnit {
    var ascii: UInt8? { self < 0x80 ? self : nil }
    var isSpace: Bool { ASCII.isSpace(self) }
    var character: Character { Character(Unicode.Scalar(self)) }
    func append(to text: inout String) { text.unicodeScalars.append(Unicode.Scalar(self)) }
    /// Bytes are units only of an ASCII value: each is its own scalar.
    static func text(_ units: ArraySlice<UInt8>) -> String { String(decoding: units, as: UTF8.self) }
}

// MARK: - Mailboxes

/// The tokens between two list separators: one angle address with its phrase, or one or more
/// bare addresses.
private struct MailboxUnit {
    var tokens: [AddressToken]
    /// True when the unit comes from inside a quoted string or bracket already.
    var isEmbedded: Bool

    func participants(decodeWords: (String) -> String) -> [Participant] {
        if let open = tokens.firstIndex(where: { $0.kind == .special("<") }) {
            return angleParticipant(open: open, decodeWords: decodeWords).map { [$0] } ?? []
        }
        let bare = bareParticipants(decodeWords: decodeWords)
        if !bare.isEmpty { return bare }
        if !isEmbedded, let embedded = embeddedParticipant(decodeWords: decodeWords) { return [embedded] }
        // A lone local name (`From: root`, `To: nsb (Nathaniel)`): a mailbox on the sender's host.
        let words = tokens.filter { !$0.isComment }
        if !words.contains(where: { $0.kind == .special("@") }), let local = Self.localOnly(words[...]) {
            let name = Self.firstComment(in: tokens[...])
            return [Self.participant(name: name, address: local, decodeWords: decodeWords)]
        }
        return []
    }

    /// A dot-atom local part standing alone (no domain), or nil when the tokens are anything else.
    private static func localOnly(_ tokens: ArraySlice<AddressToken>) -> String? {
        var text = ""
        var expectWord = true
        for token in tokens where !token.isComment {
            switch token.kind {
            case .atom(let atom) where expectWord:
                if token.spaceBefore, !text.isEmpty { return nil }
                text += atom
                expectWord = false
            case .special(".") where !expectWord:
                text += "."
                expectWord = true
            default:
                return nil
            }
        }
        guard !text.isEmpty, !expectWord, !text.hasPrefix("=?") else { return nil }
        return text
    }

    /// An address written inside quotes or brackets by broken mailers: `"a@example.com"`, or
    /// Outlook's `Name [mailto:a@example.com]`.
    private func embeddedParticipant(decodeWords: (String) -> String) -> Participant? {
        for (index, token) in tokens.enumerated() {
            var inner: Substring
            switch token.kind {
            case .quoted(let text): inner = Substring(text)
            case .literal(let text): inner = text.dropFirst().prefix { $0 != "]" }
            default: continue
            }
            guard inner.contains("@") else { continue }
            if inner.lowercased().hasPrefix("mailto:") { inner = inner.dropFirst(7) }
            let found = AddressParser.parse(String(inner), decodeWords: decodeWords, embedded: true)
            guard found.count == 1, let person = found.first else { continue }
            if person.name != nil { return person }
            return Self.participant(name: Self.phraseText(tokens[..<index]), address: person.address, decodeWords: decodeWords)
        }
        return nil
    }

    private func angleParticipant(open: Int, decodeWords: (String) -> String) -> Participant? {
        let close = tokens[(open + 1)...].firstIndex { $0.kind == .special(">") } ?? tokens.count
        var angle = tokens[(open + 1)..<close].filter { !$0.isComment }
        if let routeEnd = angle.lastIndex(where: { $0.kind == .special(":") || $0.kind == .special("<") }) {
            angle.removeSubrange(...routeEnd)
        }
        let address: String
        if let at = angle.lastIndex(where: { $0.kind == .special("@") }) {
            guard let found = Self.address(local: angle[..<at], domain: angle[(at + 1)...]) else { return nil }
            address = found
        } else {
            // `"Nathaniel Borenstein" <nsb>`: a local mailbox of the sender's own host.
            guard let local = Self.localOnly(angle[...]) else { return nil }
            address = local
        }
        let phrase = tokens[..<open]
        let name = Self.phraseText(phrase)
            ?? Self.firstComment(in: phrase)
            ?? Self.firstComment(in: tokens[min(close + 1, tokens.count)...])
        return Self.participant(name: name, address: address, decodeWords: decodeWords)
    }

    private func bareParticipants(decodeWords: (String) -> String) -> [Participant] {
        var participants: [Participant] = []
        var phraseStart = 0
        var search = 0
        while let at = tokens[search...].firstIndex(where: { $0.kind == .special("@") }) {
            search = at + 1
            guard let localStart = localPartStart(before: at, notBefore: phraseStart) else { continue }
            let domainEnd = domainEnd(after: at)
            guard let address = Self.address(
                local: tokens[localStart..<at].filter { !$0.isComment },
                domain: tokens[(at + 1)..<domainEnd].filter { !$0.isComment }
            ) else { continue }
            let nextWord = tokens[domainEnd...].firstIndex { !$0.isComment } ?? tokens.count
            let name = Self.phraseText(tokens[phraseStart..<localStart])
                ?? Self.firstComment(in: tokens[domainEnd..<nextWord])
                ?? Self.firstComment(in: tokens[phraseStart..<domainEnd])
            participants.append(Self.participant(name: name, address: address, decodeWords: decodeWords))
            phraseStart = nextWord
            search = domainEnd
        }
        return participants
    }

    /// The first token of the dotted local part ending just before `at`, skipping comments and
    /// never reaching back before `lowerBound` (the tokens of the previous address).
    private func localPartStart(before at: Int, notBefore lowerBound: Int) -> Int? {
        var index = at - 1
        while index >= lowerBound, tokens[index].isComment { index -= 1 }
        guard index >= lowerBound, tokens[index].isWord else { return nil }
        var start = index
        while true {
            var dot = start - 1
            while dot >= lowerBound, tokens[dot].isComment { dot -= 1 }
            guard dot >= lowerBound, tokens[dot].kind == .special(".") else { break }
            var word = dot - 1
            while word >= lowerBound, tokens[word].isComment { word -= 1 }
            guard word >= lowerBound, tokens[word].isWord else { break }
            start = word
        }
        return start
    }

    /// One past the dotted domain starting just after `at`, skipping comments.
    private func domainEnd(after at: Int) -> Int {
        var index = at + 1
        var expectsLabel = true
        var end = at + 1
        while index < tokens.count {
            let token = tokens[index]
            if token.isComment {
                index += 1
                continue
            }
            switch token.kind {
            case .atom where expectsLabel, .literal where expectsLabel:
                expectsLabel = false
                end = index + 1
            case .special(".") where !expectsLabel:
                expectsLabel = true
            default:
                return end
            }
            index += 1
        }
        return end
    }

    // MARK: Text

    /// `local@domain` from the tokens on either side of the `@`, or nil when either side is empty.
    private static func address<Tokens: Collection<AddressToken>>(local: Tokens, domain: Tokens) -> String? {
        var localText = ""
        for token in local {
            switch token.kind {
            case .atom(let text): localText += text
            case .quoted(let text): localText += quotedLocalPart(text)
            case .special("."): localText += "."
            default: return nil
            }
        }
        var domainText = ""
        for token in domain {
            switch token.kind {
            case .atom(let text), .literal(let text): domainText += text.lowercasedFast()
            case .special("."): domainText += "."
            default: return nil
            }
        }
        guard !localText.isEmpty, !domainText.isEmpty, domainText != "." else { return nil }
        return localText + "@" + domainText
    }

    /// A quoted local part loses its quotes when it needs none (`"john"` is `john`).
    private static func quotedLocalPart(_ text: String) -> String {
        let plain = !text.isEmpty && text.allSatisfy { !isSpace($0) && !specials.contains($0) && $0 != "\\" }
        if plain { return text }
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"" + escaped + "\""
    }

    private static let specials: Set<Character> = ["(", ")", "<", ">", "[", "]", ":", ";", "@", ",", "\""]

    /// The phrase as written: words joined by single spaces where the input had space, comments
    /// left out; nil when empty.
    private static func phraseText(_ tokens: ArraySlice<AddressToken>) -> String? {
        var text = ""
        for token in tokens {
            let piece: String
            switch token.kind {
            case .atom(let value), .quoted(let value), .literal(let value): piece = value
            case .special(let character): piece = String(character)
            case .comment: continue
            }
            if token.spaceBefore, !text.isEmpty { text += " " }
            text += piece
        }
        return text.isEmpty ? nil : text
    }

    private static func firstComment(in tokens: ArraySlice<AddressToken>) -> String? {
        for token in tokens {
            if case .comment(let text) = token.kind, !text.allSatisfy(isSpace) { return text }
        }
        return nil
    }

    private static func participant(name: String?, address: String, decodeWords: (String) -> String) -> Participant {
        Participant(name: name.flatMap { displayName($0, address: address, decodeWords: decodeWords) }, address: address)
    }

    /// Decoded, whitespace collapsed, surrounding quotes removed; nil when empty or the address.
    private static func displayName(_ raw: String, address: String, decodeWords: (String) -> String) -> String? {
        let name = AddressParser.collapsedName(decodeWords(raw))
        guard !name.isEmpty, name.lowercasedFast() != address.lowercasedFast() else { return nil }
        return name
    }
}

extension AddressParser {
    /// A decoded display name with white space collapsed and surrounding quotes removed;
    /// `byCharacters` reads every name as `Character`s (tests hold the two readings equal).
    static func collapsedName(_ decoded: String, byCharacters: Bool = false) -> String {
        let name: String
        if !byCharacters, let ascii = decoded.utf8.withContiguousStorageIfAvailable({ bytes -> String? in
            guard Self.collapsesByBytes(bytes) else { return nil }
            let collapsed = Array(bytes.split(whereSeparator: \.isSpace).joined(separator: [UInt8(ascii: " ")]))
            return peeled(collapsed) { String(decoding: collapsed[$0], as: UTF8.self) }
        }), let ascii {
            name = ascii
        } else {
            let characters = Array(decoded.split(whereSeparator: isSpace).joined(separator: " "))
            name = peeled(characters) { String(characters[$0]) }
        }
        return name
    }

    /// Whether a name's bytes can stand for its characters: ASCII without a CR (which would make
    /// CR LF one character), and beyond ASCII only the letters of U+00C0–U+027F and U+0380–U+047F
    /// (Latin-1's, Latin Extended, IPA, Greek, Cyrillic: `Þórunn`, `Çelik`, `Ŝtefan`), which are
    /// never white space and never join the character before them, as combining marks do. Nearly
    /// every name, once decoded; reading one as `Character`s cost thousands of instructions.
    static func collapsesByBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                guard byte != UInt8(ascii: "\r") else { return false }
                index += 1
                continue
            }
            guard (0xC3...0xC9).contains(byte) || (0xCE...0xD1).contains(byte), index + 1 < bytes.count,
                  bytes[index + 1] & 0xC0 == 0x80
            else { return false }
            index += 2
        }
        return true
    }

    /// A collapsed name with its surrounding quotes removed, peeled from both ends by index in one
    /// pass: inner whitespace is already collapsed, so only the space a removed quote leaves at
    /// either end needs trimming.
    fileprivate static func peeled<Unit: AddressUnit & Equatable>(_ characters: [Unit], text: (Range<Int>) -> String)
        -> String
    {
        var start = 0
        var end = characters.count
        while end - start >= 2,
            characters[start].ascii == UInt8(ascii: "\"") || characters[start].ascii == UInt8(ascii: "'"),
            characters[end - 1] == characters[start]
        {
            start += 1
            end -= 1
            while start < end, characters[start].isSpace { start += 1 }
            while start < end, characters[end - 1].isSpace { end -= 1 }
        }
        return text(start..<end)
    }
}

/// `Character.isWhitespace`, answered for ASCII without Unicode's property tables (which were a
/// large part of reading address headers). CR LF, one character, reads as its LF.
@inline(__always)
func isSpace(_ character: Character) -> Bool {
    if let ascii = character.asciiValue { return ASCII.isSpace(ascii) }
    return character.isWhitespace
}
