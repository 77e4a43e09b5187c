import Foundation
import RapportTestSupport
import Testing

@testable import RapportLanguage

/// The bulk path of `rapport score` (`ScoringSession.summarize`, one session for a whole stream)
/// must give exactly what a fresh full score gives, whatever came before in the session.
@Suite struct BulkScoringTests {
    /// Texts that reach every stage: both languages and mixed ones, URLs and addresses, dotted
    /// abbreviations, stretched words, capitals, phrases, modifiers, emoticons, empty lines.
    static let texts: [String] =
        [
            "",
            "   ",
            "Thanks for the quick turnaround, the report looks great.",
            "Per my last email, the invoice is still unpaid and this is the third reminder.",
            "If this is not fixed by Friday we will have to escalate to legal.",
            "We are NOT happy with the delay, but the support team has been VERY helpful!!!",
            "Sooo goooood :-))) but the price is too high compared to the competitor offer?!",
            "No problem at all, happy to help with the follow-up on Monday.",
            "However, the quality has been unacceptable for months and nobody responds.",
            "See https://example.com/a(b)c). or www.test.is, mail jon.smith@example.co.uk. Thanks!",
            "e.g. the U.S. team o.s.frv. etc. Mr. Smith and J. Doe agreed. Then i.e. nothing.",
            "Takk fyrir fundinn í gær, þetta var mjög gagnlegt.",
            "Við erum ekki ánægð með þjónustuna og viljum fá svar strax.",
            "Ef þetta verður ekki lagað munum við leita annað. Kær kveðja!",
            "ÞETTA ER ÓÁSÆTTANLEGT en takk samt fyrir svarið.",
            "Sæl Anna, the invoice is attached. Best regards, Jón",
            "the og",
            "a\u{301}ætlun og þjónusta",
            "İstanbul ẞ ǅ don\u{2019}t isn't won't — well-being …",
            "Love it 👍🏽😡! #fail @anna $1,200.50 €1.200,50 3.5% 50€ 3rd",
            "tab\tquote \" back\\slash \u{2028} line\u{2029}",
            "- item one\n- item two\n\nHi team,\nthe demo was not bad, although the price is terrible.",
            "Good demo but bad price but great support. Super! Super helpful. Why isn't this good?",
        ] + [any ScoringRule].default.flatMap { $0.triggeringExamples + $0.nonTriggeringExamples }

    @Test func summariesEqualFreshFullScores() {
        let session = ScoringSession(scorer: .default)
        for language in [nil, LanguageCode.english, .icelandic] {
            // Twice through, so every text also follows every other in the same session.
            for text in Self.texts + Self.texts.reversed() {
                let fresh = Scorer.default.score(text, language: language, detail: .full)
                #expect(session.summarize(text, language: language) == ScoreSummary(fresh), "\(text)")
                #expect(session.score(text, language: language, detail: .summary) == Self.withoutSentences(fresh))
            }
        }
    }

    @Test func summaryCategoriesAreSortedByName() {
        let summary = ScoringSession(scorer: .default).summarize(
            "Thanks, please send the updated contract; the delay is unacceptable and we will escalate.")
        let names = summary.categories.map(\.name)
        #expect(names.count >= 3)
        #expect(names == names.sorted())
    }

    @Test func identifiesLanguagesAsTheIdentifierDoes() {
        let session = ScoringSession(scorer: .default)
        for text in Self.texts {
            #expect(session.summarize(text).language == LanguageIdentifier.default.identify(text), "\(text)")
        }
    }

    @Test func bytesScoreAsTheirText() {
        let session = ScoringSession(scorer: .default)
        for text in Self.texts {
            var text = text
            let fromBytes = text.withUTF8 { session.summarize(validatingUTF8: $0) }
            #expect(fromBytes == session.summarize(text))
        }
        let invalid: [UInt8] = Array("bad ".utf8) + [0xFF] + Array(" byte".utf8)
        #expect(invalid.withUnsafeBufferPointer { session.summarize(validatingUTF8: $0) } == nil)
    }

    // MARK: UTF-8 validation

    @Test(arguments: [
        ([], true),
        (Array("plain ASCII text longer than eight bytes".utf8), true),
        (Array("Þórður ÓÁNÆGÐUR 👍🏽 €".utf8), true),
        ([0xC2, 0x80], true),
        ([0xDF, 0xBF], true),
        ([0xE0, 0xA0, 0x80], true),
        ([0xED, 0x9F, 0xBF], true),
        ([0xF0, 0x90, 0x80, 0x80], true),
        ([0xF4, 0x8F, 0xBF, 0xBF], true),
        ([0x80], false),
        ([0xBF], false),
        ([0xC0, 0x80], false),
        ([0xC1, 0xBF], false),
        ([0xC2], false),
        ([0xC2, 0x41], false),
        ([0xE0, 0x80, 0x80], false),
        ([0xE0, 0x9F, 0xBF], false),
        ([0xED, 0xA0, 0x80], false),
        ([0xE2, 0x82], false),
        ([0xF0, 0x80, 0x80, 0x80], false),
        ([0xF4, 0x90, 0x80, 0x80], false),
        ([0xF5, 0x80, 0x80, 0x80], false),
        ([0xFF], false),
        (Array("eight ok".utf8) + [0xFF] + Array("then more plain bytes".utf8), false),
        (Array("sixteen bytes ok".utf8) + [0xC3], false),
        (Array("seven b".utf8) + [0xC3, 0xA1] + Array("fine again after".utf8), true),
    ] as [([UInt8], Bool)])
    func validatesUTF8(_ bytes: [UInt8], _ valid: Bool) {
        #expect(bytes.withUnsafeBufferPointer(UTF8Validation.isValid) == valid)
        // Exactly the bytes that decoding keeps unchanged.
        #expect((Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes) == valid)
    }

    /// A score as `.summary` detail gives it.
    static func withoutSentences(_ score: DocumentScore) -> DocumentScore {
        var score = score
        score.sentences = []
        return score
    }
}

/// Rules that only explain (`ScoringRule.onlyExplains`) are skipped when no evidence is made;
/// every shipped rule that says so must indeed change no number.
@Suite struct ExplainingRuleTests {
    /// Says it only explains, yet doubles every weight: only a full score shows it ran.
    struct Doubling: ScoringRule {
        var identifier: String { "doubling" }
        var description: String { "Doubles every weight (a test rule)." }
        var triggeringExamples: [String] { [] }
        var nonTriggeringExamples: [String] { [] }
        var onlyExplains: Bool { true }
        func apply(to sentence: inout SentenceAnalysis) {
            for index in sentence.items.indices { sentence.items[index].value *= 2 }
        }
    }

    @Test func summariesSkipRulesThatOnlyExplain() {
        let scorer = Scorer(lexicons: .default, rules: [any ScoringRule].default + [Doubling()])
        let text = "The demo was great, thanks."
        let full = scorer.score(text, language: nil, detail: .full)
        let summary = scorer.score(text, language: nil, detail: .summary)
        #expect(summary.sentiment == Scorer.default.score(text, language: nil, detail: .summary).sentiment)
        #expect(full.sentiment > summary.sentiment)
    }

    @Test func shippedRulesThatOnlyExplainChangeNoNumber() {
        let explaining = [any ScoringRule].default.filter(\.onlyExplains).map(\.identifier)
        #expect(explaining == ["phrase"])
        let weighing = Scorer(lexicons: .default, rules: [any ScoringRule].default.filter { !$0.onlyExplains })
        for text in BulkScoringTests.texts {
            let all = Scorer.default.score(text, language: nil, detail: .full)
            let without = weighing.score(text, language: nil, detail: .full)
            #expect(ScoreSummary(all) == ScoreSummary(without), "\(text)")
        }
    }
}

/// Rules are skipped in sentences without the facts they need (`ScoringRule.requiredFacts`);
/// every shipped rule that names some must change nothing, number or evidence, where they
/// are missing.
@Suite struct RequiredFactsTests {
    /// A rule as it is, but asking to be called in every sentence.
    struct CalledEverywhere: ScoringRule {
        let rule: any ScoringRule
        var identifier: String { rule.identifier }
        var description: String { rule.description }
        var triggeringExamples: [String] { rule.triggeringExamples }
        var nonTriggeringExamples: [String] { rule.nonTriggeringExamples }
        var onlyExplains: Bool { rule.onlyExplains }
        func apply(to sentence: inout SentenceAnalysis) { rule.apply(to: &sentence) }
    }

    static func texts() throws -> [String] {
        var texts = BulkScoringTests.texts
        for file in ["en.tsv", "is.tsv", "politeness-en.tsv", "politeness-is.tsv"] {
            let url = Fixtures.packageRoot.appendingPathComponent("Tests/RapportLanguageTests/DevSet/" + file)
            texts += try DevSet(text: String(contentsOf: url, encoding: .utf8), file: file).rows.map(\.text)
        }
        return texts
    }

    @Test func shippedRulesChangeNothingWithoutTheirFacts() throws {
        let rules = [any ScoringRule].default
        #expect(rules.filter { $0.requiredFacts.isEmpty }.isEmpty, "every shipped rule names what it needs")
        let everywhere = Scorer(lexicons: .default, rules: rules.map { CalledEverywhere(rule: $0) })
        let texts = try RequiredFactsTests.texts()
        #expect(texts.count > 500)
        for text in texts {
            #expect(Scorer.default.score(text, language: nil, detail: .full)
                == everywhere.score(text, language: nil, detail: .full), "\(text)")
            #expect(Scorer.default.score(text, language: nil, detail: .summary)
                == everywhere.score(text, language: nil, detail: .summary), "\(text)")
        }
    }

    /// Records the facts of every sentence it is called on.
    final class Recorder: ScoringRule, @unchecked Sendable {
        var facts: SentenceFacts = []
        var identifier: String { "recorder" }
        var description: String { "Records sentence facts (a test rule)." }
        var triggeringExamples: [String] { [] }
        var nonTriggeringExamples: [String] { [] }
        func apply(to sentence: inout SentenceAnalysis) { facts.formUnion(sentence.facts) }
    }

    @Test(arguments: [
        ("The demo was not very good!", [.negator, .booster, .exclamation]),
        ("Is it good?? Well, if not, sooo bad.", [.severalQuestions, .conditional, .negator, .elongation, .booster]),
        ("The demo was good.", []),
        ("The demo was GOOD, but slightly late.", [.mixedCaps, .contrast, .dampener]),
        ("Per my last email, no.", [.phrase, .negator]),
    ] as [(String, SentenceFacts)])
    func factsOfASentence(_ text: String, _ expected: SentenceFacts) {
        let recorder = Recorder()
        _ = Scorer(lexicons: .default, rules: [recorder]).score(text, language: nil, detail: .full)
        #expect(recorder.facts == expected, "\(text): \(recorder.facts.rawValue)")
    }
}
