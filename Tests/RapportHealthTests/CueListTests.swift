import Foundation
import RapportLanguage
@testable import RapportHealth
import RapportResources
import Testing

@Suite struct CueListTests {
    @Test(arguments: [HealthCues.requestFile, HealthCues.roleFile])
    func theShippedListsAreWellFormed(name: String) throws {
        let text = try #require(DefaultResources.text(name))
        let list = try CueList(text: text, file: name)
        #expect(list.cues.count > 50)
    }

    @Test(arguments: [
        ("Could you send the figures by Friday", true),
        ("Please let me know what you think", true),
        ("Gætirðu látið mig vita sem fyrst", true),
        ("Vinsamlegast staðfestið móttöku", true),
        ("Is this still on?", true),
        ("Please find attached the report", false),
        ("We can do Tuesday", false),
        ("Takk fyrir síðast", false),
        ("I scan your documents", false),
    ])
    func asks(text: String, expected: Bool) {
        #expect(HealthCues.default.asks(text) == expected)
    }

    @Test func requestTermsAreReportedAsWritten() {
        #expect(HealthCues.default.requestTerms(in: "Hi! Could you please LET ME KNOW soon?") == ["Could you", "please LET ME KNOW"])
    }

    @Test(arguments: [
        ("I have copied our Chief Executive", HealthCues.Role.executive, "Chief Executive"),
        ("Ragnheiður, lögfræðingi okkar, hefur verið falið málið", .legal, "lögfræðingi"),
        ("Adding Daniel, our CFO", .senior, "CFO"),
        ("general.counsel", .legal, "general counsel"),
        ("no-reply", .automated, "no reply"),
    ])
    func rolesAreFoundStrongestFirst(text: String, role: HealthCues.Role, term: String) {
        let found = HealthCues.default.roles(in: text)
        #expect(found.first?.role == role)
        #expect(found.first?.text == term)
    }

    @Test func longestMatchWinsAndWordsMustBeWhole() throws {
        let list = try CueList(text: "a\tcounsel\nb\tgeneral counsel\nc\tceo*\n", file: "test.txt")
        #expect(list.matches(in: "our General Counsel wrote").map(\.kind) == ["b"])
        #expect(list.matches(in: "the counselling service").map(\.kind) == [])
        #expect(list.matches(in: "CEOs and founders").map(\.text) == ["CEOs"])
    }

    @Test(arguments: [
        ("a\tone\nb two\n", "test.txt:2: expected kind<TAB>phrase"),
        ("a\tOne\n", "test.txt:1: a phrase must be non-empty and lower-case"),
        ("a\ttwo  words\n", "test.txt:1: a phrase is words separated by single spaces"),
        ("a\tab*\n", "test.txt:1: a stem keeps at least three letters before '*'"),
        ("# fine\n\nz\tword\n", "test.txt:3: unknown kind 'z'"),
    ])
    func malformedLinesNameTheLine(text: String, message: String) {
        #expect {
            try CueList(text: text, file: "test.txt", kinds: ["a"])
        } throws: { error in
            (error as? DataFileError)?.description == message
        }
    }
}
