import Testing

@testable import RapportLanguage

@Suite struct LanguageIdentifierTests {
    @Test(arguments: [
        ("Thanks for the update, we will review it tomorrow.", LanguageCode.english),
        ("Takk fyrir uppfærsluna, við förum yfir þetta á morgun.", .icelandic),
        ("Ég er mjög óánægður með þjónustuna.", .icelandic),
        ("Thanks!", .english),
        ("Takk!", .icelandic),
        ("Þú", .icelandic),
        ("OK", .unknown),
        ("", .unknown),
        ("12345 $100", .unknown),
        ("Sæl Anna, the invoice is attached.", .english),
        ("The café in Reykjavík was fine, thanks.", .english),
        ("Kæri Jón, sjá viðhengi. Best regards, Anna", .icelandic),
    ])
    func identifies(_ text: String, _ language: LanguageCode) {
        #expect(LanguageIdentifier.default.identify(text) == language)
    }

    @Test func evenlyMixedTextIsUnknown() {
        // One English and one Icelandic function word: no majority.
        #expect(LanguageIdentifier.default.identify("the og") == .unknown)
    }

    @Test func customProfile() throws {
        let identifier = try LanguageIdentifier(profiles: "en\tword\tfoo\t2\nis\tletter\tð\t1\n", file: "p.txt")
        #expect(identifier.identify("foo") == .english)
        #expect(identifier.identify("ðð") == .icelandic)
        #expect(identifier.scores("foo ð") == [.english: 2, .icelandic: 1])
    }

    @Test(arguments: [
        ("en\tword\tthe\n", "p.txt:1: expected language<TAB>word|letter<TAB>item<TAB>weight"),
        ("de\tword\tder\t1\n", "p.txt:1: language must be en or is"),
        ("en\tword\tThe\t1\n", "p.txt:1: item must be non-empty and lower-case"),
        ("en\tword\tthe\t-1\n", "p.txt:1: weight must be a positive number"),
        ("is\tletter\tab\t1\n", "p.txt:1: a letter cue is one non-ASCII letter"),
        ("# c\nis\tglyph\tþ\t1\n", "p.txt:2: kind must be word or letter"),
    ])
    func rejectsBadProfiles(_ text: String, _ message: String) {
        do {
            _ = try LanguageIdentifier(profiles: text, file: "p.txt")
            Issue.record("accepted a bad profile")
        } catch {
            #expect("\(error)" == message)
        }
    }
}
