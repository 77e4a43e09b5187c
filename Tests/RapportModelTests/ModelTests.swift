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
