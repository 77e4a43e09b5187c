import Testing

@testable import RapportLanguage

@Suite struct TokenizerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        /// `kind:text` for every token.
        var tokens: [String]
        var testDescription: String { text }
    }

    static func render(_ text: String) -> [String] {
        Tokenizer.default.tokens(text).map { "\($0.kind.rawValue):\($0.text)" }
    }

    @Test(arguments: [
        Case(text: "Hello, world!", tokens: ["word:Hello", "punctuation:,", "word:world", "punctuation:!"]),
        Case(
            text: "I don't know, it isn’t done.",
            tokens: [
                "word:I", "word:don't", "word:know", "punctuation:,", "word:it", "word:isn’t", "word:done",
                "punctuation:.",
            ]),
        Case(text: "A state-of-the-art follow-up", tokens: ["word:A", "word:state-of-the-art", "word:follow-up"]),
        Case(
            text: "Pay $1,200.50 or €1.200,50 or 50€ by 3.5% now",
            tokens: [
                "word:Pay", "money:$1,200.50", "word:or", "money:€1.200,50", "word:or", "money:50€", "word:by",
                "percent:3.5%", "word:now",
            ]),
        Case(
            text: "Mail jon@example.com or see https://example.com/a?b=1.",
            tokens: [
                "word:Mail", "email:jon@example.com", "word:or", "word:see", "url:https://example.com/a?b=1",
                "punctuation:.",
            ]),
        Case(
            text: "(see www.example.is/verð)",
            tokens: [
                "punctuation:(", "word:see", "url:www.example.is/verð", "punctuation:)",
            ]),
        Case(
            text: "Great :) but :-( and <3",
            tokens: [
                "word:Great", "emoticon::)", "word:but", "emoticon::-(", "word:and", "emoticon:<3",
            ]),
        Case(
            text: "Meet at 10:30 :D",
            tokens: ["word:Meet", "word:at", "number:10", "punctuation::", "number:30", "emoticon::D"]),
        Case(text: "Love it 👍🏽😡!", tokens: ["word:Love", "word:it", "emoji:👍🏽", "emoji:😡", "punctuation:!"]),
        Case(text: "WHY?!? Really!!!", tokens: ["word:WHY", "punctuation:?!?", "word:Really", "punctuation:!!!"]),
        Case(text: "Wait... what…", tokens: ["word:Wait", "punctuation:...", "word:what", "punctuation:…"]),
        Case(
            text: "e.g. this, i.e. that, o.s.frv. og t.d. hitt",
            tokens: [
                "word:e.g.", "word:this", "punctuation:,", "word:i.e.", "word:that", "punctuation:,", "word:o.s.frv.",
                "word:og", "word:t.d.", "word:hitt",
            ]),
        Case(
            text: "Þetta er óásættanlegt — ÞÚ veist það.",
            tokens: [
                "word:Þetta", "word:er", "word:óásættanlegt", "punctuation:—", "word:ÞÚ", "word:veist", "word:það",
                "punctuation:.",
            ]),
        Case(text: "@anna thanks #fail 3rd", tokens: ["mention:@anna", "word:thanks", "word:#fail", "number:3rd"]),
        Case(text: "end.Start 2.0 x", tokens: ["word:end", "punctuation:.", "word:Start", "number:2.0", "word:x"]),
        Case(text: "", tokens: []),
        Case(text: " \n\t ", tokens: []),
        Case(text: "- item\n* other", tokens: ["punctuation:-", "word:item", "symbol:*", "word:other"]),
        Case(text: "xD lol", tokens: ["emoticon:xD", "word:lol"]),
        Case(text: "co-operate -- well", tokens: ["word:co-operate", "punctuation:--", "word:well"]),
    ])
    func tokens(_ example: Case) {
        #expect(TokenizerTests.render(example.text) == example.tokens)
    }

    @Test(arguments: [
        ("Don’t", "don't"), ("ÓÁNÆGÐUR", "óánægður"), ("Þórður", "þórður"), ("#Fail", "fail"), ("E.G.", "e.g."),
        ("SOOO", "sooo"), ("😡", "😡"), ("👍🏽", "👍"), ("a\u{301}ætlun", "áætlun"), ("ŁÓDŹ", "łódź"), (":D", ":d"),
    ])
    func normalizedForms(_ text: String, _ normalized: String) {
        let tokens = Tokenizer.default.tokens(text)
        #expect(tokens.count == 1)
        #expect(tokens.first?.normalized == normalized)
    }

    @Test func offsetsPointIntoTheUTF8Text() {
        let text = "Æi, það er “frábært”!"
        for token in Tokenizer.default.tokens(text) {
            let bytes = Array(text.utf8)[token.utf8Range]
            #expect(String(decoding: bytes, as: UTF8.self) == token.text)
        }
    }

    @Test func allCapsNeedsTwoLetters() {
        let tokens = Tokenizer.default.tokens("I said NOT OK, A-ha")
        #expect(tokens.map(\.isAllCaps) == [false, false, true, true, false, false])
    }

    @Test func urlsKeepBalancedParentheses() {
        #expect(
            TokenizerTests.render("(https://en.wikipedia.org/wiki/Foo_(bar))") == [
                "punctuation:(", "url:https://en.wikipedia.org/wiki/Foo_(bar)", "punctuation:)",
            ])
    }

    @Test func notAnEmailWithoutADomainDot() {
        #expect(TokenizerTests.render("me@home") == ["word:me", "mention:@home"])
    }

    @Test func customAbbreviations() throws {
        let list = try AbbreviationList(text: "# test\nabc.\nxyz.\tfinal\n", file: "test.txt")
        #expect(list.count == 2)
        #expect(list.contains("ABC."))
        let tokenizer = Tokenizer(abbreviations: list)
        #expect(tokenizer.tokens("abc. then").map(\.text) == ["abc.", "then"])
        #expect(tokenizer.sentences("See xyz. Then go.").map(\.text) == ["See xyz.", "Then go."])
        #expect(tokenizer.sentences("See abc. Then go.").map(\.text) == ["See abc. Then go."])
    }

    @Test(arguments: [
        ("abc", "test.txt:1: an abbreviation must end with '.' and have no spaces"),
        ("ok.\nabc.\tfinally", "test.txt:2: the only flag after the TAB is 'final'"),
    ])
    func badAbbreviationFiles(_ text: String, _ message: String) {
        #expect(throws: DataFileError.self) { try AbbreviationList(text: text, file: "test.txt") }
        do {
            _ = try AbbreviationList(text: text, file: "test.txt")
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func shippedDataFilesParse() throws {
        #expect(AbbreviationList.default.count > 100)
        #expect(AbbreviationList.default.contains("o.s.frv."))
        #expect(AbbreviationList.default.contains("e.g."))
    }
}

/// Latin-1 letters (U+00C0–U+00FF, all of Icelandic's) are read inside the word loop; what it
/// makes of them must be what reading them scalar by scalar makes: the same token boundaries,
/// normalised forms (the standard lower-casing), flags and hashes, wherever they stand.
@Suite struct LatinLetterTests {
    static let scalars = (0xC0...0xFF).map { Character(Unicode.Scalar($0)!) }

    static func raw(_ text: String) -> [(kind: Token.Kind, normalized: String, flags: RawToken.Flags, hash: UInt64)] {
        withUTF8(text) { bytes in
            var buffer = TokenBuffer()
            Tokenizer.default.scan(bytes, into: &buffer)
            return buffer.tokens.map {
                ($0.kind, buffer.normalizedString($0), $0.flags.subtracting(.spaceBefore), $0.hash)
            }
        }
    }

    @Test(arguments: scalars)
    func readLikeEveryOtherLetter(_ letter: Character) {
        let isLetter = letter != "×" && letter != "÷"
        for text in ["\(letter)", "x\(letter)y", "\(letter)\(letter)\(letter)", "AB\(letter)", "\(letter)ab a12\(letter)"] {
            let tokens = Self.raw(text)
            if isLetter {
                #expect(tokens.count == text.split(separator: " ").count, "\(text)")
                #expect(tokens.map(\.normalized) == text.split(separator: " ").map { $0.lowercased() }, "\(text)")
                for token in tokens {
                    #expect(token.hash == FNV1a.hash(Array(token.normalized.utf8)), "\(text)")
                    // Repeats are counted in ASCII only.
                    #expect(!token.flags.contains(.elongated), "\(text)")
                }
            } else {
                #expect(tokens.contains { $0.kind != .word }, "\(text) splits at \(letter)")
            }
        }
        guard isLetter else { return }
        let upper = letter.isUppercase
        // The same word with its first letter decomposed (read scalar by scalar, then composed)
        // comes out the same, flags included.
        let decomposed = String(letter).decomposedStringWithCanonicalMapping
        if decomposed.unicodeScalars.count > 1 {
            let fast = Self.raw("\(letter)ttur")
            let slow = Self.raw("\(decomposed)ttur")
            #expect(fast.map(\.normalized) == slow.map(\.normalized))
            #expect(fast.map(\.flags.rawValue) == slow.map(\.flags.rawValue))
            #expect(fast.map(\.hash) == slow.map(\.hash))
        }
        let word = Self.raw("\(letter)tt")[0]
        #expect(word.flags.contains(.capitalized) == upper, "\(letter)tt")
        #expect(Self.raw("\(letter)TT")[0].flags.contains(.allCaps) == upper, "\(letter)TT")
        #expect(Self.raw("TT\(letter)")[0].flags.contains(.allCaps) == upper, "TT\(letter)")
    }

    @Test func icelandicSentence() {
        let tokens = Self.raw("ÞETTA er ÓÁSÆTTANLEGT, Þórður! Já ég ætla í bæinn.")
        #expect(tokens.map(\.normalized) == [
            "þetta", "er", "óásættanlegt", "", "þórður", "", "já", "ég", "ætla", "í", "bæinn", "",
        ])
        #expect(tokens[0].flags.contains(.allCaps) && tokens[2].flags.contains(.allCaps))
        #expect(tokens[4].flags.contains(.capitalized) && !tokens[4].flags.contains(.allCaps))
        #expect(tokens[9].flags.contains(.hasLetters) && !tokens[9].flags.contains(.singleLetter))
    }
}

/// Every emoticon the tokenizer knows comes out whole wherever it stands alone, in either case
/// of its letters (a two-byte table rules out the rest before each is tried); abbreviations
/// are found however long the word before them.
@Suite struct EmoticonAndAbbreviationTests {
    @Test(arguments: Emoticons.all)
    func everyEmoticonIsOneToken(_ emoticon: String) {
        for variant in Set([emoticon, emoticon.lowercased(), emoticon.uppercased()]) {
            for text in ["\(variant)", "ok \(variant) fine", "fine \(variant)"] {
                let tokens = Tokenizer.default.tokens(text)
                #expect(tokens.contains { $0.kind == .emoticon && $0.text == variant }, "\(text)")
            }
        }
    }

    @Test func longestAbbreviationStillMatches() {
        var list = AbbreviationList()
        try? list.add(text: "abcdefghij.\nx.y.z.\n", file: "test")
        let tokenizer = Tokenizer(abbreviations: list)
        #expect(tokenizer.tokens("see abcdefghij. Then").map(\.text) == ["see", "abcdefghij.", "Then"])
        #expect(tokenizer.tokens("see abcdefghijk. Then").map(\.text) == ["see", "abcdefghijk", ".", "Then"])
        #expect(tokenizer.tokens("a x.y.z. b").map(\.text) == ["a", "x.y.z.", "b"])
    }
}

/// URLs and addresses are found at any offset of a long line (the search for their cues reads
/// sixteen bytes, then eight, then one at a time).
@Suite struct LinkCueTests {
    @Test func linksAtEveryOffset() {
        for link in ["https://example.com/a", "www.example.is", "jon@example.com"] {
            for length in 0...40 {
                let text = String(repeating: "word ", count: length / 5) + String(repeating: "x", count: length % 5)
                    + " " + link + " then more words here."
                let tokens = Tokenizer.default.tokens(text)
                #expect(tokens.contains { ($0.kind == .url || $0.kind == .email) && $0.text == link }, "\(text)")
            }
        }
    }
}
