import RapportTestSupport
import Testing

@testable import RapportLanguage

@Suite struct LexiconFormatTests {
    @Test func readsEntriesWithNotesAndComments() throws {
        let lexicon = try Lexicon.load(
            text: """
                # a comment
                #!language is

                óánægð*\t-2.5\tsentiment\tdissatisfied, every inflection
                hins vegar\t1.5\tmodifier.contrast
                vonbrigði\t2\tconflict.complaint
                """, file: "x.tsv")
        #expect(lexicon.language == .icelandic)
        #expect(
            lexicon.entries == [
                LexiconEntry(
                    term: "óánægð*", weight: -2.5, category: .sentiment, note: "dissatisfied, every inflection", line: 4
                ),
                LexiconEntry(term: "hins vegar", weight: 1.5, category: .contrast, line: 5),
                LexiconEntry(
                    term: "vonbrigði", weight: 2, category: LexiconCategory(rawValue: "conflict.complaint")!, line: 6),
            ])
        #expect(lexicon.entries.map(\.pattern.shape) == [.stem, .phrase, .word])
    }

    @Test(arguments: [
        (
            "#!language en\ngood\t2\n",
            "x.tsv:2: error: expected term<TAB>weight<TAB>category[<TAB>note], found 2 field(s)"
        ),
        ("#!language en\ngood\t2,5\tsentiment", "x.tsv:2: error: weight '2,5' is not a decimal number such as -2.5"),
        ("#!language en\ngood\t2\tsentimental", "x.tsv:2: error: unknown category 'sentimental'"),
        ("#!language en\ngood\t5\tsentiment", "x.tsv:2: error: weight 5 is outside -4…4 for sentiment"),
        ("#!language en\nangry\t-1\tconflict.anger", "x.tsv:2: error: weight -1 is outside 0…4 for conflict.anger"),
        (
            "#!language en\nnot\t0.5\tmodifier.negator",
            "x.tsv:2: error: weight 0.5 is outside -1…0 for modifier.negator"
        ),
        ("#!language en\nGood\t2\tsentiment", "x.tsv:2: error: terms are lower-case"),
        (
            "#!language en\ndon’t\t-1\tsentiment",
            "x.tsv:2: error: write apostrophes as ' (curly ones in text are folded to it)"
        ),
        ("#!language en\nab*\t-1\tsentiment", "x.tsv:2: error: a stem keeps at least three letters before the '*'"),
        ("#!language en\nbad* news\t-1\tsentiment", "x.tsv:2: error: only the last word of a phrase may be a stem"),
        ("#!language en\nbad  news\t-1\tsentiment", "x.tsv:2: error: words of a phrase are separated by single spaces"),
        ("#!language en\n*ful\t1\tsentiment", "x.tsv:2: error: a '*suffix' term is only allowed for modifiers"),
        (
            "#!language en\ngood\t2\tsentiment\ngood\t2\tsentiment",
            "x.tsv:3: error: duplicate of line 2 ('good' sentiment)"
        ),
        (
            "#!language en\ngood\t2\tsentiment\ngood\t1\tsentiment",
            "x.tsv:3: error: conflicting weights for 'good' sentiment: line 2 says 2"
        ),
        ("good\t2\tsentiment", "x.tsv:1: error: missing '#!language en|is|any' before the first entry"),
        ("#!language de\n", "x.tsv:1: error: unknown language 'de'; use en, is or any"),
        ("#!lang en\n", "x.tsv:1: error: unknown directive; the only one is '#!language en|is|any'"),
        (
            "#!language en\ngood\t2\tsentiment\n#!language is",
            "x.tsv:3: error: '#!language' must come once, before the first entry"
        ),
    ])
    func rejectsBadLinesWithFileAndLine(_ text: String, _ message: String) {
        #expect(throws: LexiconError.self) { try Lexicon.load(text: text, file: "x.tsv") }
        let (_, issues) = Lexicon.parse(text: text, file: "x.tsv")
        #expect(issues.map(\.description) == [message])
    }

    @Test func reportsEveryBadLineNotOnlyTheFirst() {
        let (lexicon, issues) = Lexicon.parse(text: "#!language any\nx\n:)\t1\tsentiment\ny\t\tsentiment\n", file: "f")
        #expect(issues.map(\.line) == [2, 4])
        #expect(lexicon.entries.map(\.term) == [":)"])
        #expect(lexicon.language == nil)
    }

    @Test func sameTermInSeveralCategoriesIsFine() throws {
        let lexicon = try Lexicon.load(
            text: "#!language en\nunacceptable\t-3\tsentiment\nunacceptable\t2\tconflict.anger\n", file: "f")
        #expect(lexicon.entries.count == 2)
    }

    @Test func customCategories() {
        #expect(LexiconCategory(rawValue: "custom.joy") != nil)
        #expect(LexiconCategory(rawValue: "custom.") == nil)
        #expect(LexiconCategory(rawValue: "custom.Joy") == nil)
        #expect(LexiconCategory(rawValue: "conflict.anger")?.family == .conflict)
        #expect(LexiconCategory.known.count == 30)
    }
}

@Suite struct CompiledMatcherTests {
    static let lexicons = LexiconSet([
        try! Lexicon.load(
            text: """
                #!language en
                disappoint*\t-2\tsentiment
                disappointed\t-2.4\tsentiment
                problem\t-1.7\tsentiment
                no problem\t1.5\tsentiment
                no problem at all\t2\tsentiment
                per my last email\t-1.5\tsentiment
                per my last email\t2\tconflict.complaint
                take our business elsewhere*\t3\tnegotiation.walkaway
                good\t1.9\tsentiment
                *n't\t-0.74\tmodifier.negator
                :)\t2\tsentiment
                😡\t-3\tsentiment
                follow-up\t0.5\tsentiment
                """, file: "en.tsv"),
        try! Lexicon.load(text: "#!language is\nóánægð*\t-2.5\tsentiment\n", file: "is.tsv"),
    ])

    static func found(_ text: String, _ language: LanguageCode = .english) -> [String] {
        lexicons.matcher(for: language).matches(in: text).map { "\($0.text)=\($0.term)" }
    }

    @Test(arguments: [
        ("We are disappointed", ["disappointed=disappointed"]),
        ("Disappointing, DISAPPOINTMENT", ["Disappointing=disappoint*", "DISAPPOINTMENT=disappoint*"]),
        (
            "No problem at all, no problem, a problem",
            [
                "No problem at all=no problem at all", "no problem=no problem", "problem=problem",
            ]
        ),
        ("As per my last email", ["per my last email=per my last email"]),
        ("per my last", []),
        ("or we take our business elsewhere.", ["take our business elsewhere=take our business elsewhere*"]),
        ("We'll take our business elsewhereish", ["take our business elsewhereish=take our business elsewhere*"]),
        ("It doesn’t work", ["doesn’t=*n't"]),
        ("Good :) 😡", ["Good=good", ":)=:)", "😡=😡"]),
        ("Goooood", ["Goooood=good"]),
        ("a follow-up", ["follow-up=follow-up"]),
    ])
    func longestMatchWins(_ text: String, _ expected: [String]) {
        #expect(CompiledMatcherTests.found(text) == expected)
    }

    @Test func languagesKeepTheirOwnLexicons() {
        #expect(CompiledMatcherTests.found("Ég er óánægður", .icelandic) == ["óánægður=óánægð*"])
        #expect(CompiledMatcherTests.found("Ég er óánægður", .english) == [])
        #expect(CompiledMatcherTests.found("good", .icelandic) == [])
    }

    @Test func laterLexiconsOverrideEarlierEntries() throws {
        let user = try Lexicon.load(text: "#!language any\ngood\t3\tsentiment\n", file: "user.tsv")
        let set = CompiledMatcherTests.lexicons.adding([user])
        let weights = set.matcher(for: .english).matches(in: "good").first?.weights
        #expect(weights == ["sentiment": 3])
        #expect(set.matcher(for: .icelandic).matches(in: "good").first?.weights == ["sentiment": 3])
    }

    @Test func termsCarryAllTheirCategories() {
        let match = CompiledMatcherTests.lexicons.matcher(for: .english).matches(in: "per my last email").first
        #expect(match?.weights == ["sentiment": -1.5, "conflict.complaint": 2])
        #expect(match?.shape == .phrase)
    }
}

/// Simple text (`SimpleText`) is cut and checked on its bytes when lexicons load; the answers
/// must be those of the `Character` path, on every shipped term and on seeded odd ones.
@Suite struct SimpleTermTests {
    static func seededTerms() -> [String] {
        var random = SplitMix64(seed: 17)
        let pieces = [
            "a", "b", "z", "ó", "á", "þ", "ð", "æ", "ö", "Á", "Þ", "A", "Z", "İ", "ǅ", "ß", "1", "'", "-", "*", " ", "  ",
            "\t", "\u{A0}", ".", ":)", "í", "ý", "ȸ", "\u{AD}",
        ]
        return (0..<4_000).map { _ in
            (0..<Int(random.next() % 9)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        }
    }

    static func allTerms() -> [String] {
        LexiconSet.embedded().lexicons.flatMap { $0.entries.map(\.term) } + seededTerms()
    }

    @Test func patternsAreCutAsCharactersCutThem() {
        for term in Self.allTerms() where SimpleText.isSimple(term) {
            #expect(TermPattern(simple: term) == TermPattern(characters: term), "\(term)")
        }
    }

    @Test func problemsAreFoundAsCharactersFindThem() {
        var checked = 0
        for term in Self.allTerms() where SimpleText.isSimple(term) {
            for category in [LexiconCategory.sentiment, .negator] {
                #expect(
                    LexiconParser.simpleTermProblem(term, category: category)
                        == LexiconParser.characterTermProblem(term, category: category), "\(term)")
                checked += 1
            }
        }
        #expect(checked > 10_000)
    }

    @Test func simpleTextIsBelowU0280WithoutCR() {
        #expect(SimpleText.isSimple("óánægð* þjónusta"))
        #expect(SimpleText.isSimple("\u{27F}"))
        #expect(!SimpleText.isSimple("\u{280}"))
        #expect(!SimpleText.isSimple("e\u{301}"))
        #expect(!SimpleText.isSimple("a\r\nb"))
        #expect(!SimpleText.isSimple("don\u{2019}t"))
    }
}
