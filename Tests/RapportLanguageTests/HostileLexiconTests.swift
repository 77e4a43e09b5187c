import Foundation
import Testing

@testable import RapportLanguage

/// Lexicon files that are huge, not UTF-8, or written to make matching blow up. A lexicon is a
/// file a user (or a colleague) hands to a nightly job: it gets an error naming its line, and
/// matching stays linear in the text whatever the lexicon holds.
@Suite struct HostileLexiconTests {
    /// `wrd` followed by `index` in base 26, so every term differs (and every stem keeps three
    /// letters).
    static func word(_ index: Int) -> String {
        var letters: [Character] = []
        var rest = index
        repeat {
            letters.append(Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(rest % 26))))
            rest /= 26
        } while rest > 0
        return "wrd" + String(letters)
    }

    @Test func aHugeLexiconKeepsEveryEntry() throws {
        var text = "#!language en\n"
        for index in 0..<50_000 {
            text += "\(Self.word(index))\(index % 7 == 0 ? "*" : "")\t\(index % 2 == 0 ? "-2" : "1.5")\tsentiment\n"
        }
        let (lexicon, issues) = Lexicon.parse(text: text, file: "huge.tsv")
        #expect(issues == [])
        #expect(lexicon.entries.count == 50_000)
        let scorer = Scorer(lexicons: LexiconSet([lexicon]))
        let score = scorer.score("The \(Self.word(2)) arrived.", language: .english)
        #expect(score.sentences.flatMap(\.evidence).map(\.entry) == [Self.word(2)])
    }

    @Test func bytesThatAreNotUTF8AreAnErrorOnTheirLine() throws {
        let bytes = Array("#!language en\ngood\t2\tsentiment\nbad".utf8) + [0xFF, 0xFE] + Array("\t-2\tsentiment\n".utf8)
        #expect(throws: LexiconError(issues: [
            LexiconIssue(file: "latin.tsv", line: 3, reason: "not UTF-8 text; save the file as UTF-8"),
        ])) {
            try Lexicon.text(ofFile: bytes, file: "latin.tsv")
        }
        #expect(try Lexicon.text(ofFile: Array("#!language en\nþakkir\t2\tsentiment\n".utf8), file: "is.tsv")
            == "#!language en\nþakkir\t2\tsentiment\n")
    }

    @Test func phrasesLongerThanTwelveWordsAreRefused() {
        let twelve = Array(repeating: "the", count: 11).joined(separator: " ") + " end"
        let thousands = Array(repeating: "the", count: 3_000).joined(separator: " ") + " end"
        let text = "#!language en\n\(twelve)\t-2\tsentiment\n\(twelve) more\t-2\tsentiment\n\(thousands)\t-2\tsentiment\n"
        let (lexicon, issues) = Lexicon.parse(text: text, file: "phrases.tsv")
        #expect(lexicon.entries.map(\.term) == [twelve])
        #expect(issues.map(\.description) == [
            "phrases.tsv:3: error: a phrase may have at most 12 words",
            "phrases.tsv:4: error: term longer than 256 bytes",
        ])
    }

    @Test func aTermLongerThanAnyWordIsRefused() {
        let text = "#!language en\n\(String(repeating: "a", count: 257))\t1\tsentiment\n\(String(repeating: "a", count: 256))\t1\tsentiment\n"
        let (lexicon, issues) = Lexicon.parse(text: text, file: "long.tsv")
        #expect(lexicon.entries.count == 1)
        #expect(issues.map(\.description) == ["long.tsv:2: error: term longer than 256 bytes"])
    }

    /// The longest phrase allowed, made of the word the text repeats: every token starts a
    /// partial match, which is bounded by the phrase's twelve words. Before the bound, a
    /// 3,000-word phrase over this text took 21 s.
    @Test func aRepetitivePhraseOverARepetitiveTextMatchesOnce() throws {
        let phrase = Array(repeating: "the", count: 11).joined(separator: " ") + " end"
        let (lexicon, issues) = Lexicon.parse(text: "#!language en\n\(phrase)\t-2\tsentiment\nthe the*\t-1\tsentiment\n", file: "p.tsv")
        #expect(issues == [])
        let scorer = Scorer(lexicons: LexiconSet([lexicon]))
        // Matching is greedy from the left and `the the*` takes two tokens at a time, so the
        // phrase can only start at an even token: 20,001 words put its start at 19,990.
        let text = String(repeating: "the ", count: 20_001) + "end"
        let evidence = scorer.score(text, language: .english).sentences.flatMap(\.evidence)
        #expect(evidence.filter { $0.entry == phrase }.count == 1)
    }

    @Test func wildcardsEverywhereAreErrorsNotPatterns() {
        let text = "#!language en\n*\t1\tsentiment\n**\t1\tsentiment\na*b*c\t1\tsentiment\nab*\t1\tsentiment\n"
        let (lexicon, issues) = Lexicon.parse(text: text, file: "stars.tsv")
        #expect(lexicon.entries.isEmpty)
        #expect(issues.map(\.line) == [2, 3, 4, 5])
    }
}
