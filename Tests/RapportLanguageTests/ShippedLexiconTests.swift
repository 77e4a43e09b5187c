import RapportResources
import Testing

@testable import RapportLanguage

/// The data files in `Lexicons/` must load cleanly: a bad line there silently weakens every score.
@Suite struct ShippedLexiconTests {
    @Test func everyShippedLexiconParsesWithoutErrors() {
        let (lexicons, issues) = LexiconSet.embedded()
        #expect(issues.map(\.description) == [])
        let names = lexicons.map(\.file)
        #expect(names.contains("Lexicons/en/modifiers.tsv"))
        #expect(names.contains("Lexicons/is/modifiers.tsv"))
        #expect(names == names.sorted())
    }

    @Test func shippedLexiconsHaveNoErrorsWhenCheckedTogether() {
        let files = DefaultResources.names.filter { $0.hasSuffix(".tsv") }.map { name in
            Lexicon.parse(text: DefaultResources.text(name)!, file: "Lexicons/" + name)
        }
        let issues = LexiconCheck().issues(files.map { ($0.0, $0.1) })
        #expect(issues.filter { $0.severity == .error }.map(\.description) == [])
        let warnings = issues.filter { $0.severity == .warning }
        if !warnings.isEmpty { print("lexicon warnings:\n" + warnings.map(\.description).joined(separator: "\n")) }
    }

    @Test(arguments: [
        ("not", LanguageCode.english, ModifierKind.negator, -0.74), ("don't", .english, .negator, -0.74),
        ("won’t", .english, .negator, -0.74), ("without", .english, .negator, -0.74),
        ("hardly", .english, .negator, -0.5),
        ("very", .english, .booster, 0.293), ("slightly", .english, .dampener, -0.293),
        ("but", .english, .contrast, 1.5),
        ("however", .english, .contrast, 1.5), ("although", .english, .contrast, 0.5),
        ("yet", .english, .contrast, 1.5),
        ("if", .english, .conditional, 0.5), ("unless", .english, .conditional, 0.5),
        ("never", .english, .negator, -0.74),
        ("no", .english, .negator, -0.74), ("ekki", .icelandic, .negator, -0.74),
        ("aldrei", .icelandic, .negator, -0.74),
        ("enginn", .icelandic, .negator, -0.74), ("engin", .icelandic, .negator, -0.74),
        ("hvorki", .icelandic, .negator, -0.74),
        ("án", .icelandic, .negator, -0.74), ("en", .icelandic, .contrast, 1.5), ("samt", .icelandic, .contrast, 1.5),
        ("hins vegar", .icelandic, .contrast, 1.5), ("þó", .icelandic, .contrast, 0.5),
        ("ef", .icelandic, .conditional, 0.5),
        ("nema", .icelandic, .conditional, 0.5), ("mjög", .icelandic, .booster, 0.293),
    ])
    func shippedModifiers(_ term: String, _ language: LanguageCode, _ kind: ModifierKind, _ weight: Double) {
        let matches = LexiconSet.default.matcher(for: language).matches(in: term)
        #expect(matches.count == 1)
        #expect(matches.first?.weights["modifier." + kind.rawValue] == weight)
    }

    @Test func languageProfileParses() throws {
        let text = try #require(DefaultResources.text("language-profiles.txt"))
        _ = try LanguageIdentifier(profiles: text, file: "language-profiles.txt")
        for name in ["abbreviations-en.txt", "abbreviations-is.txt"] {
            _ = try AbbreviationList(text: try #require(DefaultResources.text(name)), file: name)
        }
    }
}
