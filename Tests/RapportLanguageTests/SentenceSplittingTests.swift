import Testing

@testable import RapportLanguage

@Suite struct SentenceSplittingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var sentences: [String]
        var testDescription: String { text.replacingOccurrences(of: "\n", with: "⏎") }
    }

    @Test(arguments: [
        Case(text: "The price went up. We are not happy!", sentences: ["The price went up.", "We are not happy!"]),
        Case(text: "Is it done?! Tell me.", sentences: ["Is it done?!", "Tell me."]),
        Case(
            text: "We met Mr. Smith and Dr. Jones, e.g. on Monday.",
            sentences: ["We met Mr. Smith and Dr. Jones, e.g. on Monday."]),
        Case(text: "Við hittumst t.d. á mánudag. Kemurðu?", sentences: ["Við hittumst t.d. á mánudag.", "Kemurðu?"]),
        Case(text: "Apples, pears etc. Then more.", sentences: ["Apples, pears etc.", "Then more."]),
        Case(text: "It costs 3.5 million. Ouch.", sentences: ["It costs 3.5 million.", "Ouch."]),
        Case(
            text: "See https://example.com/a.b. Then reply.",
            sentences: ["See https://example.com/a.b.", "Then reply."]),
        Case(text: "I waited... and waited... Nothing.", sentences: ["I waited... and waited...", "Nothing."]),
        Case(text: "Signed by J. Smith today.", sentences: ["Signed by J. Smith today."]),
        Case(text: "He said \"No way.\" Then left.", sentences: ["He said \"No way.\"", "Then left."]),
        Case(text: "Great job!!! :)", sentences: ["Great job!!! :)"]),
        Case(
            text: "Hi Anna,\nThanks for the update.\n\nBest regards,\nJon",
            sentences: ["Hi Anna,", "Thanks for the update.", "Best regards,", "Jon"]),
        Case(
            text:
                "We have reviewed the proposal that you sent over last week and we\nthink the pricing is still too high for our budget this year.",
            sentences: [
                "We have reviewed the proposal that you sent over last week and we\nthink the pricing is still too high for our budget this year."
            ]),
        Case(
            text: "Open points:\n- pricing\n- delivery dates\n1. first\n2) second",
            sentences: ["Open points:", "- pricing", "- delivery dates", "1. first", "2) second"]),
        Case(text: "", sentences: []),
        Case(text: "no punctuation at all", sentences: ["no punctuation at all"]),
        Case(text: "lower case. still splits", sentences: ["lower case.", "still splits"]),
    ])
    func sentences(_ example: Case) {
        #expect(Tokenizer.default.sentences(example.text).map(\.text) == example.sentences)
    }

    @Test func spansCoverTheirTokens() {
        let text = "First one. Second one!"
        let tokens = Tokenizer.default.tokens(text)
        let spans = Tokenizer.default.sentences(text)
        #expect(spans.map(\.tokenRange) == [0..<3, 3..<6])
        #expect(spans.map(\.utf8Range) == [0..<10, 11..<22])
        #expect(tokens[spans[1].tokenRange].map(\.text) == ["Second", "one", "!"])
    }
}
