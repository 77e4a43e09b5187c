import Foundation
import Testing

@testable import RapportLanguage

@Suite struct ScorerTests {
    let scorer = TestScorer.scorer

    static func close(_ actual: Double, _ expected: Double) -> Bool { abs(actual - expected) < 0.00005 }

    @Test func negatedPositiveWord() {
        // good 1.9 × not −0.74 = −1.406; −1.406 / √(1.406² + 15) = −0.3412 (VADER's normalisation).
        let score = scorer.score("This is not good.")
        #expect(score.language == .english)
        #expect(Self.close(score.sentiment, -0.3412))
        // Shares: neg (1.406 + 1) and three neutral words.
        #expect(Self.close(score.negative, 2.406 / 5.406))
        #expect(Self.close(score.neutral, 3 / 5.406))
        #expect(score.positive == 0)
        #expect(score.sentences.count == 1)
        #expect(
            score.sentences[0].evidence == [
                Evidence(
                    term: "not", entry: "not", category: "modifier.negator", baseWeight: -0.74, finalWeight: -0.74,
                    rules: []),
                Evidence(
                    term: "good", entry: "good", category: "sentiment", baseWeight: 1.9, finalWeight: 1.9 * -0.74,
                    rules: ["negation"]),
            ])
    }

    @Test func boosterThenNegation() {
        let evidence = scorer.score("We are not very happy.").sentences[0].evidence.last
        #expect(evidence?.rules == ["booster", "negation"])
        #expect(Self.close(evidence?.finalWeight ?? 0, (2.7 + 0.293) * -0.74))
    }

    @Test func negatedNegativeSwingsLess() {
        let evidence = scorer.score("The delivery was not bad.").sentences[0].evidence.last
        #expect(Self.close(evidence?.finalWeight ?? 0, -2.5 * -0.74 * NegationRule.negatedNegativeScale))
    }

    @Test func contrastWeighsTheSecondClause() {
        let score = scorer.score("The demo was good, but the price is terrible.")
        #expect(score.sentences[0].evidence.map(\.finalWeight) == [0.95, 1.5, -5.1])
        let expected: Double = -4.15 / (4.15 * 4.15 + 15).squareRoot()
        #expect(Self.close(score.sentiment, expected))
    }

    @Test func sentenceInitialContrastLowersThePreviousSentence() {
        let score = scorer.score("The demo was good. However, the price is terrible.")
        #expect(score.sentences.map(\.rules) == [[], ["contrast"]])
        // 1.9 × 0.5 + (−3.4 × 1.5) = −4.15, as when both clauses share one sentence.
        #expect(Self.close(score.sentiment, scorer.score("The demo was good, but the price is terrible.").sentiment))
        let first: Double = 1.9 / (1.9 * 1.9 + 15).squareRoot()
        #expect(Self.close(score.sentences[0].sentiment, first))
    }

    @Test func everyButCounts() {
        let weights = scorer.score("Good demo but bad price but great support.").sentences[0].evidence
            .filter { $0.category == "sentiment" }.map(\.finalWeight)
        #expect(weights == [0.95, -1.25, 4.65])
    }

    @Test func conditionalThreatKeepsItsCategory() {
        let score = scorer.score("If this is not fixed we will be angry.")
        let angry = score.sentences[0].evidence.filter { $0.term == "angry" }
        #expect(angry.map(\.category) == ["sentiment", "conflict.anger"])
        #expect(angry.map(\.finalWeight) == [-1.15, 2.5])
        #expect(angry.map(\.rules) == [["conditional"], []])
        let anger: Double = 2.5 / (2.5 * 2.5 + 15).squareRoot()
        #expect(Self.close(score.categories["conflict.anger"] ?? 0, anger))
    }

    @Test func negationDropsConflictSignals() {
        let score = scorer.score("I am not angry.")
        #expect(score.categories["conflict.anger"] == nil)
        #expect(score.sentiment > 0)
    }

    @Test func capsAndExclamations() {
        let score = scorer.score("Thanks, this is GREAT work!!")
        let great = score.sentences[0].evidence.first { $0.term == "GREAT" }
        #expect(great?.rules == ["caps"])
        #expect(Self.close(great?.finalWeight ?? 0, 3.1 + 0.733))
        #expect(score.sentences[0].rules == ["exclamation"])
        let sum: Double = 1.5 + 3.833 + 2 * 0.292
        #expect(Self.close(score.sentiment, sum / (sum * sum + 15).squareRoot()))
    }

    @Test func modifierThatModifiesNothingKeepsItsOwnSentiment() {
        let sum: Double = 2 + 0.292
        #expect(Self.close(scorer.score("Super!").sentiment, sum / (sum * sum + 15).squareRoot()))
        let helpful = scorer.score("super helpful").sentences[0].evidence
        #expect(helpful.map(\.category) == ["modifier.booster", "sentiment"])
    }

    @Test func politeness() {
        let please: Double = 1.5 / (1.5 * 1.5 + 4).squareRoot()
        #expect(Self.close(scorer.score("Please send it.").politeness, please))
        #expect(scorer.score("This is unacceptable.").politeness < -0.5)
        #expect(scorer.score("Send it.").politeness == 0)
    }

    @Test func emptyAndWordlessTexts() {
        #expect(scorer.score("") == DocumentScore(language: .unknown))
        let dots = scorer.score("... !!!")
        #expect(dots.sentiment == 0)
        #expect(dots.neutral == 0)
        let plain = scorer.score("The meeting is on Tuesday.")
        #expect(plain.sentiment == 0)
        #expect(plain.neutral == 1)
        #expect(plain.categories.isEmpty)
    }

    @Test func givenLanguageWins() {
        #expect(scorer.score("Þetta er ekki gott.").language == .icelandic)
        #expect(scorer.score("Þetta er ekki gott.").sentiment < 0)
        #expect(scorer.score("Þetta er ekki gott.", language: .english).sentiment == 0)
        #expect(scorer.score("good", language: .icelandic).sentiment == 0)
    }

    @Test func summaryDetailHasTheSameNumbers() {
        let text = "Hi Anna,\nThanks for the update. The delay is terrible!! If it is not fixed we will be angry."
        var full = scorer.score(text)
        let summary = scorer.score(text, language: nil, detail: .summary)
        #expect(summary.sentences.isEmpty)
        #expect(full.sentences.count == 4)
        full.sentences = []
        #expect(full == summary)
    }

    @Test func sentenceOffsetsPointIntoTheText() {
        let text = "Æi. Þetta er ekki gott!"
        let bytes = Array(text.utf8)
        for sentence in scorer.score(text).sentences {
            #expect(String(decoding: bytes[sentence.utf8Range], as: UTF8.self) == sentence.text)
        }
    }

    @Test func scoresAreCodable() throws {
        let score = scorer.score("This is not good, but thanks!")
        let data = try JSONEncoder().encode(score)
        #expect(try JSONDecoder().decode(DocumentScore.self, from: data) == score)
    }

    @Test func compoundStaysInRange() {
        let rant = String(repeating: "TERRIBLE terrible unacceptable!!!! ", count: 200)
        let score = scorer.score(rant)
        #expect(score.sentiment >= -1 && score.sentiment < -0.99)
        #expect(Self.close(score.positive + score.negative + score.neutral, 1))
    }
}
