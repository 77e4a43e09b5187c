import Foundation
import Testing
@testable import RapportModel

@Suite struct StableHashTests {
    @Test func knownFNV1aVectors() {
        #expect(StableHash.hex(of: Array("".utf8)) == "cbf29ce484222325")
        #expect(StableHash.hex(of: Array("a".utf8)) == "af63dc4c8601ec8c")
        #expect(StableHash.hex(of: Array("foobar".utf8)) == "85944171f73967e8")
    }
}

@Suite struct ParticipantTests {
    @Test(arguments: [
        ("Anna@Example.COM", "example.com"),
        ("jon@mail.Fjarskipti.is", "mail.fjarskipti.is"),
        ("postmaster", ""),
        ("\"a@b\"@c.org", "c.org"),
        ("a@", ""),
        ("@Þjóð.IS", "þjóð.is"),
        ("jón@Dæmi.is", "dæmi.is"),
        ("x@b@\u{301}C", "b@\u{301}c"),  // "@" with a mark is no "@"
        ("", ""),
    ])
    func domainIsLowerCasedAfterLastAt(address: String, domain: String) {
        #expect(Participant(address: address).domain == domain)
    }

    @Test func displayNameFallsBackToAddress() {
        #expect(Participant(name: "Jón", address: "jon@x.is").displayName == "Jón")
        #expect(Participant(address: "jon@x.is").displayName == "jon@x.is")
    }
}

@Suite struct DiagnosticTests {
    @Test func descriptionNamesFileMessageAndOffset() {
        let diagnostic = Diagnostic(.warning, "charset.unknown", "unknown charset x-foo; decoded as Latin-1",
                                    at: SourceLocation(file: "in.mbox", index: 3, offset: 1024))
        #expect(diagnostic.description == "in.mbox message 3 (byte 1024): warning: unknown charset x-foo; decoded as Latin-1 [charset.unknown]")
        #expect(Diagnostic.Severity.note < .warning && Diagnostic.Severity.warning < .error)
    }
}

@Suite struct SourceLocationTests {
    /// The numbers are kept as plain integers; none of them set, or each set and cleared, reads
    /// back as nil, and the JSON leaves out what is not known, as it did with optionals.
    @Test func numbersReadBackAsGivenAndNoneAsNil() throws {
        var location = SourceLocation(file: "in.mbox", index: 3, offset: 0, line: nil)
        #expect(location.index == 3 && location.offset == 0 && location.line == nil)
        location.line = 12
        location.index = nil
        #expect(location.index == nil && location.offset == 0 && location.line == 12)
        #expect(location == SourceLocation(file: "in.mbox", offset: 0, line: 12))
        #expect(location != SourceLocation(file: "in.mbox", offset: 0))
        #expect(location.description == "in.mbox:12 (byte 0)")
        let huge = SourceLocation(file: "-", index: Int.max, offset: Int.max - 1, line: 1)
        #expect(huge.index == Int.max && huge.offset == Int.max - 1 && huge.line == 1)

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(location), as: UTF8.self)
        #expect(json == #"{"file":"in.mbox","line":12,"offset":0}"#)
        #expect(try JSONDecoder().decode(SourceLocation.self, from: Data(json.utf8)) == location)
        let withNull = #"{"file":"f","index":null,"offset":7}"#
        #expect(try JSONDecoder().decode(SourceLocation.self, from: Data(withNull.utf8)) == SourceLocation(file: "f", offset: 7))
    }
}

@Suite struct MessageAssessmentTests {
    static func message(_ categories: [String: Double]) -> MessageAssessment {
        MessageAssessment(document: "m@x", date: nil, author: nil, fromUs: false, sentiment: 0.25,
                          categories: categories, politeness: 0, words: 3, asks: false)
    }

    /// Categories are kept as a list in name order and read back as the dictionary given.
    @Test func categoriesAreAListInNameOrder() {
        let categories = ["relationship.þakkir": 0.5, "conflict.anger": 0.25, "Zeta": 1, "conflict.blame": -0.0]
        var message = Self.message(categories)
        #expect(message.categories == categories)
        #expect(message.categoryList.map(\.name) == ["Zeta", "conflict.anger", "conflict.blame", "relationship.þakkir"])
        message.categories["a"] = 2
        #expect(message.categoryList.map(\.name) == ["Zeta", "a", "conflict.anger", "conflict.blame", "relationship.þakkir"])
        #expect(message == Self.message(categories.merging(["a": 2]) { $1 }))
        #expect(message != Self.message(categories))
        #expect(Self.message([:]).categoryList.isEmpty)
    }

    /// Coded as before the list: `categories` an object of names to intensities.
    @Test func codedWithCategoriesAsAnObject() throws {
        let message = Self.message(["conflict.anger": 0.5, "politeness.please": 0.25])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(message), as: UTF8.self)
        #expect(json == #"{"asks":false,"categories":{"conflict.anger":0.5,"politeness.please":0.25},"document":"m@x","# +
            #""fromUs":false,"politeness":0,"sentiment":0.25,"words":3}"#)
        #expect(try JSONDecoder().decode(MessageAssessment.self, from: Data(json.utf8)) == message)
    }
}
