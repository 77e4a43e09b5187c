import Testing
@testable import RapportIngest

@Suite struct MessageIDsTests {
    @Test(arguments: [
        ("<a1@example.com>", ["a1@example.com"]),
        ("  <a1@example.com>  ", ["a1@example.com"]),
        ("<a1@example.com> <b2@example.com>\r\n <c3@example.com>", ["a1@example.com", "b2@example.com", "c3@example.com"]),
        ("<a1@example.com><b2@example.com>", ["a1@example.com", "b2@example.com"]),
        ("<a1@example.com> <b2@example.com> <a1@example.com>", ["a1@example.com", "b2@example.com"]),
        // In-Reply-To with prose around the id.
        ("Your message of \"Tue, 4 Mar 2026 09:15:00 +0000\" <a1@example.com>", ["a1@example.com"]),
        ("<a1@example.com> (Jón Jónsson's message of Tue, 4 Mar 2026)", ["a1@example.com"]),
        // RFC 5322 A.6.3: spaces and comments inside an obsolete id; a folded id.
        ("<1234   @   local(blah)  .machine .example>", ["1234@local.machine.example"]),
        ("<a1@exam\r\n ple.com>", ["a1@example.com"]),
        // Ids without '@' are still ids when bracketed.
        ("<local-only-id>", ["local-only-id"]),
        // A missing '>'.
        ("<a1@example.com <b2@example.com>", ["a1@example.com", "b2@example.com"]),
        ("<b2@example.com> <a1@example.com", ["b2@example.com", "a1@example.com"]),
        ("<no-at-sign <b2@example.com>", ["b2@example.com"]),
        // No brackets at all.
        ("a1@example.com b2@example.com", ["a1@example.com", "b2@example.com"]),
        ("a1@example.com, \"b2@example.com\";", ["a1@example.com", "b2@example.com"]),
        ("see the thread about pricing", []),
        // Nothing usable.
        ("", []),
        ("<>", []),
        ("< >", []),
        ("<", []),
    ])
    func readsMessageIDs(_ value: String, _ expected: [String]) {
        #expect(MessageIDs.parse(value) == expected)
        // ASCII values are read byte by byte: the same as character by character.
        #expect(MessageIDs.parseCharacters(value) == expected)
    }

    @Test(arguments: [
        ("<a1@exämple.com>", ["a1@exämple.com"]),
        ("<a1@exa\u{A0}mple.com> (Jón)", ["a1@example.com"]),
        ("Re: þetta <a1@example.com>", ["a1@example.com"]),
        ("<no-close-þ@example.com", ["no-close-þ@example.com"]),
        ("«a1@example.com» b2@exämple.com", ["«a1@example.com»", "b2@exämple.com"]),
    ])
    func readsValuesBeyondASCII(_ value: String, _ expected: [String]) {
        #expect(MessageIDs.parse(value) == expected)
    }

    /// A long References header: every id once, in first-seen order, past the few that are
    /// searched rather than hashed.
    @Test func longListsKeepEachIDOnceInOrder() {
        let ids = (0..<40).map { "id\($0)@example.com" }
        let value = (ids + ids.reversed() + ids.shuffled()).map { "<\($0)>" }.joined(separator: " ")
        #expect(MessageIDs.parse(value) == ids)
        #expect(MessageIDs.parseCharacters(value) == ids)
        let repeatedEarly = (Array(ids.prefix(20)) + ["id3@example.com", "id19@example.com"] + Array(ids.suffix(20)))
        #expect(MessageIDs.parse(repeatedEarly.map { "<\($0)>" }.joined()) == ids)
    }
}
