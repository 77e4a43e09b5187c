import Testing

@testable import RapportLanguage

/// Text that once stopped the tokenizer: found by running `analyze` over the fuzzers' corpus,
/// where a mis-decoded base64 body held an Arabic-Indic digit. The scanner read digits as ASCII
/// only, took no bytes for `۳`, and stayed on it for ever.
@Suite struct HostileTokenizerTests {
    @Test(arguments: [
        ("۳", ["۳"]),
        ("٣ items", ["٣", "items"]),
        ("pay ३४ now", ["pay", "३४", "now"]),
        ("$۳", ["$۳"]),
        ("10.5 ۳.۴", ["10.5", "۳", ".", "۴"]),
    ])
    func digitsOfOtherScriptsAreNumbers(_ text: String, _ expected: [String]) {
        let tokens = Tokenizer.default.tokens(text)
        #expect(tokens.map(\.text) == expected)
        #expect(tokens.filter { $0.text.unicodeScalars.first!.properties.numericType != nil }
            .allSatisfy { $0.kind == .number || $0.kind == .money })
    }

    @Test func aDigitOfAnotherScriptInsideAWordStaysInTheWord() {
        #expect(Tokenizer.default.tokens("abc١٢ def").map(\.text) == ["abc١٢", "def"])
    }

    @Test func scoringTextFullOfThemEnds() {
        let text = String(repeating: "۳ ٣ ३ ๓ ", count: 5_000) + "This is unacceptable."
        let score = Scorer.default.score(text, language: .english)
        #expect(score.sentiment < 0)
    }
}
