import Testing

@testable import RapportLanguage

/// Every example beside every rule: the rule must act on its triggering examples and stay quiet
/// on the others (SwiftLint's pattern).
@Suite struct RuleExampleTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var rule: String
        var text: String
        var triggers: Bool
        var testDescription: String { "\(rule) \(triggers ? "fires on" : "ignores") \"\(text)\"" }
    }

    static let examples: [Example] = [any ScoringRule].default.flatMap { rule in
        rule.triggeringExamples.map { Example(rule: rule.identifier, text: $0, triggers: true) }
            + rule.nonTriggeringExamples.map { Example(rule: rule.identifier, text: $0, triggers: false) }
    }

    static func fired(_ rule: String, on text: String) -> Bool {
        let score = TestScorer.scorer.score(text)
        return score.sentences.contains { sentence in
            sentence.rules.contains(rule) || sentence.evidence.contains { $0.rules.contains(rule) }
        }
    }

    @Test(arguments: examples)
    func ruleExample(_ example: Example) {
        #expect(RuleExampleTests.fired(example.rule, on: example.text) == example.triggers)
    }

    @Test func everyRuleHasExamplesAndAUniqueIdentifier() {
        let rules = [any ScoringRule].default
        #expect(Set(rules.map(\.identifier)).count == rules.count)
        for rule in rules {
            #expect(!rule.triggeringExamples.isEmpty, "\(rule.identifier)")
            #expect(!rule.nonTriggeringExamples.isEmpty, "\(rule.identifier)")
            #expect(!rule.description.isEmpty)
        }
        #expect(
            rules.map(\.identifier) == [
                "phrase", "caps", "elongation", "booster", "dampener", "negation", "conditional", "contrast",
                "exclamation", "question",
            ])
    }

    @Test func removingARuleRemovesItsEffect() {
        let withoutNegation = Scorer(
            lexicons: TestScorer.lexicons, rules: [any ScoringRule].default.filter { $0.identifier != "negation" })
        #expect(withoutNegation.score("This is not good.").sentiment > 0)
        #expect(TestScorer.scorer.score("This is not good.").sentiment < 0)
    }
}
