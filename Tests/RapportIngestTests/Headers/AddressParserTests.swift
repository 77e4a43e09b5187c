import RapportModel
import RapportTestSupport
import Testing
@testable import RapportIngest

private func person(_ name: String?, _ address: String) -> Participant {
    Participant(name: name, address: address)
}

@Suite struct AddressParserTests {
    static let cases: [(String, [Participant])] = [
        // Plain forms.
        ("John Smith <john@Example.COM>", [person("John Smith", "john@example.com")]),
        ("John.Smith@EXAMPLE.com", [person(nil, "John.Smith@example.com")]),
        ("<jon@x.is>", [person(nil, "jon@x.is")]),
        ("Jón Jónsson <jon@x.is>", [person("Jón Jónsson", "jon@x.is")]),
        ("\"Joe Q. Public\" <john.q.public@example.com>", [person("Joe Q. Public", "john.q.public@example.com")]),
        ("Joe Q. Public <john.q.public@example.com>", [person("Joe Q. Public", "john.q.public@example.com")]),
        // Quoted names: commas, escaped quotes, folding, single quotes, the address as name.
        ("\"Smith, John\" <John.Smith@Example.com>", [person("Smith, John", "John.Smith@example.com")]),
        ("\"John \\\"JJ\\\" Smith\" <jj@x.com>", [person("John \"JJ\" Smith", "jj@x.com")]),
        ("\"  John \r\n   Smith  \" <j@x.com>", [person("John Smith", "j@x.com")]),
        ("'John Smith' <j@x.com>", [person("John Smith", "j@x.com")]),
        ("\"'John Smith'\" <j@x.com>", [person("John Smith", "j@x.com")]),
        ("\"jon@x.is\" <jon@x.is>", [person(nil, "jon@x.is")]),
        ("JON@X.IS <jon@x.is>", [person(nil, "jon@x.is")]),
        ("\"\" <jon@x.is>", [person(nil, "jon@x.is")]),
        ("\"Jónsson, Jón\" <jon@x.is>, \"A \\\"B\\\" C\" <a@x.is>", [person("Jónsson, Jón", "jon@x.is"), person("A \"B\" C", "a@x.is")]),
        // Comments as names, and comments ignored.
        ("jon@x.is (Jón Jónsson)", [person("Jón Jónsson", "jon@x.is")]),
        ("(Jón Jónsson) jon@x.is", [person("Jón Jónsson", "jon@x.is")]),
        ("<jon@x.is> (Jón)", [person("Jón", "jon@x.is")]),
        ("Jón <jon@x.is> (Sales)", [person("Jón", "jon@x.is")]),
        // RFC 5322 A.5.
        ("Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>", [person("Pete", "pete@silly.test")]),
        ("A Group(Some people)\r\n     :Chris Jones <c@(Chris's host.)public.example>,\r\n         joe@example.org,\r\n"
            + "  John <jdoe@one.test> (my dear friend); (the end of the group)",
         [person("Chris Jones", "c@public.example"), person(nil, "joe@example.org"), person("John", "jdoe@one.test")]),
        ("(Empty list)(start)Hidden recipients  :(nobody(that I know))  ;", []),
        // RFC 5322 A.6.1 and A.6.3: routes, empty entries, spaces and comments inside addresses.
        ("Mary Smith <@node.test:mary@example.net>, , jdoe@test  . example",
         [person("Mary Smith", "mary@example.net"), person(nil, "jdoe@test.example")]),
        ("John Doe <jdoe@machine(comment).  example>", [person("John Doe", "jdoe@machine.example")]),
        ("Mary Smith\r\n  \r\n          <mary@example.net>", [person("Mary Smith", "mary@example.net")]),
        ("<@a.test,@b.test:jon@x.is>", [person(nil, "jon@x.is")]),
        // Groups.
        ("Team: a@x.com, \"B\" <b@y.com>;", [person(nil, "a@x.com"), person("B", "b@y.com")]),
        ("undisclosed-recipients:;", []),
        ("Team: a@x.com;, c@z.com", [person(nil, "a@x.com"), person(nil, "c@z.com")]),
        // List separators.
        ("a@x.com; b@y.com", [person(nil, "a@x.com"), person(nil, "b@y.com")]),
        ("a@x.com, , b@y.com,", [person(nil, "a@x.com"), person(nil, "b@y.com")]),
        ("a@x.com b@y.com", [person(nil, "a@x.com"), person(nil, "b@y.com")]),
        ("John Smith john@x.com", [person("John Smith", "john@x.com")]),
        // Broken angle brackets.
        ("John <john@x.com", [person("John", "john@x.com")]),
        ("John <john@x.com, Mary <mary@y.com>", [person("John", "john@x.com"), person("Mary", "mary@y.com")]),
        ("a@x.com>", [person(nil, "a@x.com")]),
        ("<<a@x.com>>", [person(nil, "a@x.com")]),
        ("<mailto:jon@x.is>", [person(nil, "jon@x.is")]),
        ("\"Unterminated <a@x.com>", [person("Unterminated", "a@x.com")]),
        ("\"draft-authors@ietf.org\"", [person(nil, "draft-authors@ietf.org")]),
        ("Shawn Morgan [mailto:shawn@Home.example]", [person("Shawn Morgan", "shawn@home.example")]),
        // Local parts and domains.
        ("\"john smith\"@x.com", [person(nil, "\"john smith\"@x.com")]),
        ("\"john\"@X.com", [person(nil, "john@x.com")]),
        ("jon@[192.0.2.1]", [person(nil, "jon@[192.0.2.1]")]),
        // Junk gives nothing.
        ("", []),
        ("hello world", []),
        ("@@@", []),
        ("<>", []),
        ("a@", []),
        ("@b.com", []),
        ("<<<>>>", []),
        ("\"", []),
        ("(((", []),
        // A lone local name is a mailbox on the sender's host, as old and local mail writes it.
        ("root (Cron Daemon)", [person("Cron Daemon", "root")]),
        ("\"Nathaniel Borenstein\" <nsb>", [person("Nathaniel Borenstein", "nsb")]),
        ("first.last", [person(nil, "first.last")]),
    ]

    @Test(arguments: cases)
    func readsAddressLists(_ value: String, _ expected: [Participant]) {
        #expect(AddressParser.parse(value) == expected)
    }

    /// A stand-in for RFC 2047 decoding that knows two words.
    private static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "=?utf-8?q?J=C3=B3n?=", with: "Jón")
            .replacingOccurrences(of: "=?utf-8?Q?Doe,_John?=", with: "Doe, John")
    }

    @Test(arguments: [
        ("=?utf-8?q?J=C3=B3n?= Jónsson <jon@x.is>", [person("Jón Jónsson", "jon@x.is")]),
        ("\"=?utf-8?q?J=C3=B3n?=\" <jon@x.is>", [person("Jón", "jon@x.is")]),
        ("jon@x.is (=?utf-8?q?J=C3=B3n?=)", [person("Jón", "jon@x.is")]),
        ("=?utf-8?Q?Doe,_John?= <d@x.com>, b@y.com", [person("Doe, John", "d@x.com"), person(nil, "b@y.com")]),
    ])
    func decodesEncodedWordsInNames(_ value: String, _ expected: [Participant]) {
        #expect(AddressParser.parse(value, decodeWords: Self.decode) == expected)
    }

    @Test func keepsEncodedWordsWithoutADecoder() {
        #expect(AddressParser.parse("=?utf-8?q?J=C3=B3n?= <jon@x.is>") == [person("=?utf-8?q?J=C3=B3n?=", "jon@x.is")])
    }

    /// ASCII values are read byte by byte; read as `Character`s they must give the same people.
    @Test func readsASCIIBytesAsItReadsCharacters() {
        for (value, _) in Self.cases {
            #expect(AddressParser.parse(value) == AddressParser.parseByCharacters(value), "\(value)")
        }
        let pieces = [
            "a", "b@c.d", " ", "\t", "\"", "\\", "(", ")", "<", ">", "[", "]", ":", ";", "@", ",", ".", "=?", "?=", "?",
            "Team", "x@y", "mailto:", "'",
        ]
        var random = SplitMix64(seed: 5)
        for _ in 0..<3_000 {
            let value = (0..<Int(random.next() % 16)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
                .joined()
            #expect(
                AddressParser.parse(value, decodeWords: Self.decode)
                    == AddressParser.parseByCharacters(value, decodeWords: Self.decode), "\(value)")
        }
    }

    /// Display names are collapsed and unquoted on their bytes when ASCII or made of letters that
    /// stand alone; as `Character`s they must come out the same, and so must the names whose
    /// characters are not all such letters (combining marks, non-breaking and other spaces, CR LF).
    @Test func collapsesNamesOnBytesAsItCollapsesCharacters() {
        var random = SplitMix64(seed: 9)
        let pieces = [
            "Jon", " ", "  ", "\t", "\n", "\"", "'", "a", ".", "\u{0B}", "\u{0C}", "x y", "Þórunn", "Sóley", "ð", "Ö",
            "Çelik", "Ŝ", "ɐ", "Σωκράτης", "Пётр", "e\u{301}", "\u{301}", "\u{A0}", "\u{2003}", "\u{3000}", "\r\n", "\r",
            "\u{85}", "\u{AD}", "\u{200D}", "\u{483}", "李", "👍🏽", "ʰ", "\u{2FF}",
        ]
        for _ in 0..<3_000 {
            let name = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
                .joined()
            #expect(AddressParser.collapsedName(name) == AddressParser.collapsedName(name, byCharacters: true), "\(name)")
        }
        // Each letter the byte reading takes, after a space and after a quote, at either end.
        for value in UInt32(0xC0)...0x47F {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let letter = String(Character(scalar))
            for name in [" \(letter) x ", "\"\(letter)\"", "' \(letter)\(letter) '", "a \u{301}\(letter)", "\(letter)\u{301} \"b\""] {
                #expect(AddressParser.collapsedName(name) == AddressParser.collapsedName(name, byCharacters: true),
                        "U+\(String(value, radix: 16))")
            }
        }
        let taken = ["Þórunn Sóley", "Σωκράτης", "Пётр", "Ŝtefan ɐ"].filter { name in
            var name = name
            return name.withUTF8 { AddressParser.collapsesByBytes($0) }
        }
        #expect(taken.count == 4, "these names are read on their bytes")
        let left = ["e\u{301}", "a\u{A0}b", "李", "x\r\ny", "ʰ"].filter { name in
            var name = name
            return name.withUTF8 { AddressParser.collapsesByBytes($0) }
        }
        #expect(left.isEmpty, "these are read as characters")
    }

    @Test func survivesEveryPrefixOfANastyList() {
        let nasty = "\"Smith, \\\"J\\\"\" <@r.test:j@X.com> (c(n)), Team: a@b.c;, <x@y"
        for length in 0...nasty.count {
            _ = AddressParser.parse(String(nasty.prefix(length)))
        }
        #expect(AddressParser.parse(nasty) == [
            person("Smith, \"J\"", "j@x.com"), person(nil, "a@b.c"), person(nil, "x@y"),
        ])
    }
}
