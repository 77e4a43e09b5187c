import Foundation
import RapportLanguage
@testable import RapportHealth
import RapportResources
import RapportTestSupport
import Testing

@Suite struct CueListTests {
    @Test(arguments: [HealthCues.requestFile, HealthCues.roleFile])
    func theShippedListsAreWellFormed(name: String) throws {
        let text = try #require(DefaultResources.text(name))
        let list = try CueList(text: text, file: name)
        #expect(list.cues.count > 50)
    }

    @Test(arguments: [
        ("Could you send the figures by Friday", true),
        ("Please let me know what you think", true),
        ("Gætirðu látið mig vita sem fyrst", true),
        ("Vinsamlegast staðfestið móttöku", true),
        ("Is this still on?", true),
        ("Please find attached the report", false),
        ("We can do Tuesday", false),
        ("Takk fyrir síðast", false),
        ("I scan your documents", false),
    ])
    func asks(text: String, expected: Bool) {
        #expect(HealthCues.default.asks(text) == expected)
    }

    @Test func requestTermsAreReportedAsWritten() {
        #expect(HealthCues.default.requestTerms(in: "Hi! Could you please LET ME KNOW soon?") == ["Could you", "please LET ME KNOW"])
    }

    @Test(arguments: [
        ("I have copied our Chief Executive", HealthCues.Role.executive, "Chief Executive"),
        ("Ragnheiður, lögfræðingi okkar, hefur verið falið málið", .legal, "lögfræðingi"),
        ("Adding Daniel, our CFO", .senior, "CFO"),
        ("general.counsel", .legal, "general counsel"),
        ("no-reply", .automated, "no reply"),
    ])
    func rolesAreFoundStrongestFirst(text: String, role: HealthCues.Role, term: String) {
        let found = HealthCues.default.roles(in: text)
        #expect(found.first?.role == role)
        #expect(found.first?.text == term)
    }

    @Test func longestMatchWinsAndWordsMustBeWhole() throws {
        let list = try CueList(text: "a\tcounsel\nb\tgeneral counsel\nc\tceo*\n", file: "test.txt")
        #expect(list.matches(in: "our General Counsel wrote").map(\.kind) == ["b"])
        #expect(list.matches(in: "the counselling service").map(\.kind) == [])
        #expect(list.matches(in: "CEOs and founders").map(\.text) == ["CEOs"])
    }

    @Test(arguments: [
        ("a\tone\nb two\n", "test.txt:2: expected kind<TAB>phrase"),
        ("a\tOne\n", "test.txt:1: a phrase must be non-empty and lower-case"),
        ("a\ttwo  words\n", "test.txt:1: a phrase is words separated by single spaces"),
        ("a\tab*\n", "test.txt:1: a stem keeps at least three letters before '*'"),
        ("# fine\n\nz\tword\n", "test.txt:3: unknown kind 'z'"),
    ])
    func malformedLinesNameTheLine(text: String, message: String) {
        #expect {
            try CueList(text: text, file: "test.txt", kinds: ["a"])
        } throws: { error in
            (error as? DataFileError)?.description == message
        }
    }

    /// Every match by trying every cue at every word, as `matches(in:)` did before stems were
    /// looked up by their first byte.
    static func referenceMatches(_ list: CueList, _ text: String) -> [CueList.Match] {
        let tokens = CueTokenizer.tokens(text)
        var found: [CueList.Match] = []
        var position = 0
        while position < tokens.count {
            var best: (kind: String, length: Int)?
            for cue in list.cues where position + cue.words.count <= tokens.count {
                let matched = cue.words.indices.allSatisfy { offset in
                    let token = tokens[position + offset].folded
                    return cue.stem && offset == cue.words.count - 1 ? token.hasPrefix(cue.words[offset]) : token == cue.words[offset]
                }
                let length = cue.words.count
                if matched, best == nil || length > best!.length || (length == best!.length && cue.kind < best!.kind) {
                    best = (cue.kind, length)
                }
            }
            guard let best else { position += 1; continue }
            let range = position..<(position + best.length)
            found.append(CueList.Match(kind: best.kind, range: range, text: tokens[range].map(\.text).joined(separator: " ")))
            position += best.length
        }
        return found
    }

    @Test func stemsLookedUpByFirstByteMatchLikeEveryStemTried() throws {
        // Stems spelled composed and decomposed, starting with ASCII and not, one letter before a mark.
        let custom = try CueList(
            text: "a\tlögfræðing*\nb\tlo\u{308}gma*\nc\tárni*\nd\ta\u{301}sa*\ne\tsolicitor*\nf\tsjálfvirk*\ng\tceo\n"
                + "h\tjo\u{301}n lögmaður\ni\tþórður\nj\tcafe\u{301}\n",
            file: "test.txt")
        let lists = [custom, HealthCues.default.roles, HealthCues.default.requests]
        var texts = [
            "Lögfræðingurinn og LÖGMAÐURINN komu", "lo\u{308}gfræðingur lögmaður Lo\u{308}gmaðurinn",
            "Árni og A\u{301}rnason, Ása og a\u{301}sa", "Solicitors, SOLICITOR and solicitor's letter",
            "Sjálfvirkt svar: sja\u{301}lfvirkur póstur", "Jón Lögmaður og jo\u{301}n lo\u{308}gmaður", "CAFÉ cafe\u{301}", "s\u{301}olicitor and l\u{301}ögfræðingur", "CEO ceo's CEOs",
            "The CFO and our general counsel, forstjórinn og framkvæmdastjóri", "",
        ]
        var generator = SplitMix64(seed: 7)
        let pieces = ["lög", "lo\u{308}g", "fræðing", "sol", "icitor", "á", "a\u{301}", "rni", "sjálf", "virk", "ceo", "s",
                      " ", " ", ", ", "-", "’", "forstjór", "i", "Ö", "CFO", "general", "counsel", "please", "could you"]
        for _ in 0..<400 {
            texts.append((0..<Int(generator.next() % 12)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
        }
        for list in lists {
            for text in texts {
                #expect(list.matches(in: text) == Self.referenceMatches(list, text), "\(text)")
            }
        }
        #expect(custom.matches(in: "Ásamundur, a\u{301}rnis og lo\u{308}gmaðurinn").map(\.kind) == ["d", "c", "b"])
        #expect(custom.matches(in: "Jón lögmaður, ÞÓRÐUR og café").map(\.kind) == ["h", "i", "j"])
    }

    /// Words as the tokenizer read them before Latin-1 letters were lower-cased byte by byte:
    /// scalar by scalar, every word through `String.lowercased()`.
    static func referenceTokens(_ text: String) -> [CueToken] {
        var tokens: [CueToken] = []
        var word = ""
        func flush() {
            var scalars = Array(word.unicodeScalars)
            while scalars.last == "'" { scalars.removeLast() }
            while scalars.first == "'" { scalars.removeFirst() }
            var written = ""
            written.unicodeScalars.append(contentsOf: scalars)
            if !written.isEmpty { tokens.append(CueToken(text: written, folded: written.lowercased())) }
            word = ""
        }
        for scalar in text.unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" {
                word.unicodeScalars.append("'")
            } else if CueTokenizer.isWordScalar(scalar) {
                word.unicodeScalars.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return tokens
    }

    @Test func latinLettersAreFoldedAsStringLowercasingFoldsThem() {
        var texts = (0xC0...0xFF).map { value -> String in
            let letter = String(Unicode.Scalar(UInt32(value))!)
            return "\(letter) x\(letter)y \(letter)\(letter)\(letter) A\(letter)9 \(letter)'s \(letter)\u{301}"
        }
        texts += ["ÞÓRUNN Þórunn þórunn", "ÆGIR’S", "×÷", "a×b c÷d", "Straße STRASSE", "ŒUVRE Œuvre", "ΣΟΦΊΑ",
                  "İstanbul", "ǅemal", "lo\u{308}gmaður LÖGMAÐUR", "''", "'Árni'", "10:30 12,5% 👍🏽 日本語"]
        var generator = SplitMix64(seed: 3)
        let pieces = ["Á", "á", "Ð", "ð", "Þ", "þ", "Æ", "æ", "Ö", "ö", "ß", "×", "÷", "É", "Ÿ", "ÿ", "Œ", "A", "z", "Q",
                      "1", " ", "'", "’", "-", ".", "\u{301}", "Σ", "ü", "Ü", "İ", "日", "👍", "\u{A0}", "ª", "º", "µ"]
        for _ in 0..<2_000 {
            texts.append((0..<Int(generator.next() % 14)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
        }
        for text in texts {
            #expect(CueTokenizer.tokens(text) == Self.referenceTokens(text), "\(text)")
        }
    }

    @Test func aTextTheScreenRulesOutHoldsNoCue() throws {
        let requests = HealthCues.default.requests, roles = HealthCues.default.roles
        #expect(requests.isScreened && roles.isScreened)
        // A stem shorter than three bytes, a two-word cue ending in a stem, three words, apostrophes.
        let custom = CueList(cues: [
            .init(kind: "a", words: ["ab"], stem: true), .init(kind: "b", words: ["head", "off"], stem: true),
            .init(kind: "c", words: ["we", "would", "like"], stem: false), .init(kind: "d", words: ["i'd"], stem: false),
            .init(kind: "e", words: ["ísland"], stem: false), .init(kind: "f", words: ["þórð"], stem: true),
        ])
        #expect(custom.isScreened)
        #expect(!requests.mayMatch("Thanks for the update on Tuesday."))
        #expect(!requests.mayMatch("We can do Tuesday, and we will."))
        #expect(requests.mayMatch("Could you send it?"))
        #expect(requests.mayMatch("''PLEASE'' SEND"))
        #expect(requests.mayMatch("Láttu mig vita"))
        #expect(!requests.mayMatch("Takk fyrir síðast"))
        #expect(requests.mayMatch("Viltu κάτι"))   // another script: not decided on bytes
        #expect(!roles.mayMatch("Thanks, Anna"))
        #expect(roles.mayMatch("Our SOLICITORS wrote"))
        #expect(custom.mayMatch("ABBA") && custom.mayMatch("headoffice, HEAD offset") && custom.mayMatch("'I'D'"))
        #expect(!custom.mayMatch("we could, would like, i'll, Íslandi"))
        #expect(custom.mayMatch("We. Would? like") && custom.mayMatch("ÞÓRÐUR") && custom.mayMatch("Ísland"))

        var generator = SplitMix64(seed: 11)
        let phrases = ["could you", "please let me know", "we'd appreciate", "any update", "láttu mig vita", "hver er staðan",
                       "solicitor", "Lögfræðingi", "chief executive", "no reply", "head off", "we would like", "i'd", "ísland",
                       "þórður", "abba"]
        let pieces = phrases + phrases.map { $0.uppercased() } + [
            "we", "would", "like", "please", "can", "send", "the", "figures", "Tuesday", "thanks", "takk", "fyrir", "í",
            "'", "''", "’", " ", " ", " ", ", ", ". ", "-", "?", "\u{A0}", "\u{301}", "x", "ÞÓR", "ð", "×", "Σ", "1",
            "supercalifragilisticexpialidocious", "''please", "please''",
        ]
        var screened = 0
        for _ in 0..<3_000 {
            let text = (0..<Int(generator.next() % 10)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            for list in [requests, roles, custom] {
                let expected = Self.referenceMatches(list, text)
                #expect(list.matches(in: text) == expected, "\(text)")
                if !list.mayMatch(text) {
                    screened += 1
                    #expect(expected.isEmpty, "\(text)")
                }
            }
        }
        #expect(screened > 1_000)
    }
}
