import RapportTestSupport
import Testing

@testable import RapportLanguage

@Suite struct LexiconImportTests {
    static func fixture(_ name: String) throws -> String {
        String(decoding: try Fixtures.bytes("Tests/RapportLanguageTests/Fixtures/" + name), as: UTF8.self)
    }

    static func rendered(_ lexicon: Lexicon) -> [String] {
        lexicon.entries.map { "\($0.term)|\($0.category)|\($0.weight)" }
    }

    @Test func vader() throws {
        let (lexicon, issues) = Lexicon.parse(
            text: try Self.fixture("vader-sample.txt"), file: "vader-sample.txt", format: .vader)
        #expect(
            Self.rendered(lexicon) == [
                "delighted|sentiment|2.9", "meh|sentiment|-0.6", ":(|sentiment|-1.9", "off the charts|sentiment|4.0",
            ])
        #expect(
            issues.map(\.description) == [
                "vader-sample.txt:5: warning: expected token<TAB>mean<TAB>sd<TAB>[ratings]"
            ])
        #expect(lexicon.format == .vader)
        #expect(lexicon.language == nil)
    }

    @Test func afinnScalesToFour() throws {
        let (lexicon, issues) = Lexicon.parse(
            text: try Self.fixture("afinn-sample.txt"), file: "afinn", format: .afinn,
            language: .english)
        #expect(
            Self.rendered(lexicon) == [
                "superb|sentiment|4.0", "shoddy|sentiment|-2.4", "not working|sentiment|-2.4",
                "okay|sentiment|0.8",
            ])
        #expect(issues.map(\.line) == [5])
        #expect(lexicon.language == .english)
    }

    @Test func nrcMapsEmotions() throws {
        let (lexicon, issues) = Lexicon.parse(text: try Self.fixture("nrc-sample.txt"), file: "nrc", format: .nrc)
        #expect(
            Self.rendered(lexicon) == [
                "furious|sentiment|-2.0", "furious|conflict.anger|2.0", "cheerful|sentiment|2.0",
                "cheerful|custom.joy|2.0",
                "bittersweet|custom.sadness|2.0",
            ])
        #expect(issues.map(\.line) == [10])
    }

    @Test func liwcReadsHeaderAndStems() throws {
        let (lexicon, issues) = Lexicon.parse(
            text: try Self.fixture("liwc-sample.dic"), file: "liwc-sample.dic", format: .liwc)
        #expect(
            Self.rendered(lexicon) == [
                "happi*|sentiment|2.0", "rage*|sentiment|-2.0", "rage*|conflict.anger|2.0", "deadline*|custom.work|2.0",
            ])
        #expect(
            issues.map(\.description) == [
                "liwc-sample.dic:11: warning: category '02 134/125/464' is not in the header (conditional LIWC categories are not supported)",
                "liwc-sample.dic:12: warning: skipped 'hm*': a stem keeps at least three letters before the '*'",
            ])
    }

    @Test func importedLexiconsScore() throws {
        let vader = try Lexicon.load(
            text: try Self.fixture("vader-sample.txt").replacingOccurrences(of: "broken line\n", with: ""),
            file: "v", format: .vader)
        let scorer = Scorer(lexicons: TestScorer.lexicons.adding([vader]))
        #expect(scorer.score("We are delighted", language: .english).sentiment > 0.5)
        #expect(scorer.score("We are not delighted", language: .english).sentiment < 0)
    }

    @Test(arguments: [
        ("vader-sample.txt", Lexicon.Format.vader), ("afinn-sample.txt", .afinn), ("nrc-sample.txt", .nrc),
        ("liwc-sample.dic", .liwc),
    ])
    func detectsFormats(_ name: String, _ format: Lexicon.Format) throws {
        #expect(Lexicon.detectFormat(text: try Self.fixture(name), file: name) == format)
    }

    @Test func detectsRapportFormat() {
        #expect(Lexicon.detectFormat(text: "# x\n#!language en\ngood\t1\tsentiment\n", file: "a.tsv") == .rapport)
        #expect(Lexicon.detectFormat(text: "%\n1\tposemo\n%\n", file: "a.txt") == .liwc)
    }

    @Test func languageDirectiveOverridesTheDefault() {
        let (lexicon, _) = Lexicon.parse(
            text: "#!language is\nfrábær\t4\n", file: "a", format: .afinn, language: .english)
        #expect(lexicon.language == .icelandic)
        #expect(Self.rendered(lexicon) == ["frábær|sentiment|3.2"])
    }
}
