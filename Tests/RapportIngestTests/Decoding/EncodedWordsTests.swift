import Testing
@testable import RapportIngest

/// A header value and exactly what it decodes to.
struct HeaderTextCase: Sendable, CustomTestStringConvertible {
    var input: String
    var expected: String
    var testDescription: String { input }

    init(_ input: String, _ expected: String) {
        self.input = input
        self.expected = expected
    }
}

@Suite struct EncodedWordsTests {
    static let rules: [HeaderTextCase] = [
        // The two encodings.
        HeaderTextCase("=?utf-8?q?caf=C3=A9?=", "café"),
        HeaderTextCase("=?UTF-8?B?Y2Fmw6k=?=", "café"),
        HeaderTextCase("=?utf-8?Q?a_b=5Fc=3F?=", "a b_c?"),
        HeaderTextCase("=?utf-8?q?lower=c3=a9?=", "loweré"),
        // Whitespace between adjacent words goes, whitespace next to plain text stays.
        HeaderTextCase("=?utf-8?q?a?= =?utf-8?q?b?=", "ab"),
        HeaderTextCase("=?utf-8?q?a?=  \t =?utf-8?q?b?=", "ab"),
        HeaderTextCase("=?utf-8?q?a?=\r\n =?utf-8?q?b?=", "ab"),
        HeaderTextCase("=?utf-8?q?a?==?utf-8?q?b?=", "ab"),
        HeaderTextCase("=?utf-8?q?a_?= =?utf-8?q?b?=", "a b"),
        HeaderTextCase("=?utf-8?q?a?= x =?utf-8?q?b?=", "a x b"),
        HeaderTextCase("Re:  =?utf-8?q?a?=", "Re:  a"),
        HeaderTextCase("=?utf-8?q?a?=  tail", "a  tail"),
        HeaderTextCase("foo=?utf-8?q?bar?=baz", "foobarbaz"),
        // Multi-byte characters split across words join up.
        HeaderTextCase("=?utf-8?B?4oI=?= =?utf-8?B?rA==?=", "€"),
        HeaderTextCase("=?utf-8?B?ww==?= =?UTF-8?B?nsOzcsOwdXI=?=", "Þórður"),
        HeaderTextCase("=?utf-8?q?=E2=82?= =?UTF8?Q?=AC_off?=", "€ off"),
        HeaderTextCase("=?ISO-2022-JP?B?GyRCRnxLXBsoQg==?= =?ISO-2022-JP?B?GyRCOGwbKEI=?=", "日本語"),
        // ...but only within one charset.
        HeaderTextCase("=?iso-8859-1?q?=E9?= =?utf-8?q?=C3=A9?=", "éé"),
        // Charset labels: RFC 2231 language, aliases, empty, unknown, lying.
        HeaderTextCase("=?utf-8*en?Q?hello?=", "hello"),
        HeaderTextCase("=?iso-8859-2*sl?Q?Doma=e8e?=", "Domače"),
        HeaderTextCase("=?latin1?q?J=F3n?=", "Jón"),
        HeaderTextCase("=??Q?Bras=EDlia?=", "Brasília"),
        HeaderTextCase("=?x-unknown?Q?=C3=A6?=", "æ"),
        HeaderTextCase("=?utf-8?q?=FE?=", "þ"),
        HeaderTextCase("=?UTF-16?B?//492Enc?= test", "👉 test"),
        // Damaged content inside a well-formed word still decodes.
        HeaderTextCase("=?NONE?B?VEVTVA=?=", "TEST"),
        HeaderTextCase("=?utf-8?B?Y2Fmw6k?=", "café"),
        HeaderTextCase("=?utf-8?q?50%_=ZZ?=", "50% =ZZ"),
        HeaderTextCase("=?utf-8?q??=", ""),
        // Malformed words stay as they are.
        HeaderTextCase("=?utf-8?x?abc?=", "=?utf-8?x?abc?="),
        HeaderTextCase("=?utf-8?q?unterminated", "=?utf-8?q?unterminated"),
        HeaderTextCase("=?utf-8?q", "=?utf-8?q"),
        HeaderTextCase("=?utf 8?q?x?=", "=?utf 8?q?x?="),
        HeaderTextCase("=?utf-8?q?broken =?utf-8?q?ok?=", "=?utf-8?q?broken ok"),
        HeaderTextCase("=?", "=?"),
        HeaderTextCase("a=?b", "a=?b"),
        HeaderTextCase("plain text, no words", "plain text, no words"),
        HeaderTextCase("", ""),
    ]

    @Test(arguments: rules)
    func decodes(_ testCase: HeaderTextCase) {
        #expect(EncodedWords.decode(testCase.input) == testCase.expected)
    }

    /// Header values found in the shared e-mail corpora (from the CPython, flanker, mail, mail-mime-parser and
    /// other test suites), checked against Python's `email.header` where Python decodes them.
    static let realHeaders: [HeaderTextCase] = [
        HeaderTextCase("=?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>", "André Pirard <PIRARD@vm1.ulg.ac.be>"),
        HeaderTextCase("\"=?ISO-8859-1?Q?Fran=E7ois_Boulogne?=\" <boulogne.f@gmail.com>",
                       "\"François Boulogne\" <boulogne.f@gmail.com>"),
        HeaderTextCase("=?ISO-8859-15?Q?J=F6rn?= Reder <joern@zyn.de>", "Jörn Reder <joern@zyn.de>"),
        HeaderTextCase("=?UTF-8?B?0KTQk9Cj0J8gItCh0LjQsdCd0JjQkCDQuNC8LtChLtCQLtCn0LDQv9C70Ys=?= "
                       + "=?UTF-8?B?0LPQuNC90LAiIg==?= <user@domain.ru>",
                       "ФГУП \"СибНИА им.С.А.Чаплыгина\"\" <user@domain.ru>"),
        HeaderTextCase("Jason Lee (=?GB2312?Q?=C0=EE=D5=B9=B7=E6?=) <Jason_Lee@quantatw.com>",
                       "Jason Lee (李展锋) <Jason_Lee@quantatw.com>"),
        HeaderTextCase("=?EUC-KR?Q?NOTE:_=C7=D1=B1=B9=B8=BB=B7=CE_=C7=CF=B4=C2_=B0=CD?=", "NOTE: 한국말로 하는 것"),
        HeaderTextCase("=?ISO-2022-JP?B?GyRCRnxLXDhsJWEhPCVrJUYlOSVIGyhCICh0ZXN0aW5nIEph?=",
                       "日本語メールテスト (testing Ja"),
        HeaderTextCase("=?iso-2022-jp?B?GyRCJygnJS1iGyhCNDEgGyRCJ2AnZBsoQiAyOC4wOS4yMDE2?=", "ЖД№41 от 28.09.2016"),
        HeaderTextCase("=?UTF-8?B?44CQ6YeN6KaB6KiK5oGv44CR5Y+w6Zu7MTA15bm0?=", "【重要訊息】台電105年"),
        HeaderTextCase("=?windows-1250?Q?Automatyczna_odpowied=9F:_Piotrze,_test_z_6_miesi=EAcy_na?=",
                       "Automatyczna odpowiedź: Piotrze, test z 6 miesięcy na"),
        HeaderTextCase("=?windows-1251?B?wO3k8OXpIM/u8uDv7uI=?= <info@jbshvnthwigaf.ru>",
                       "Андрей Потапов <info@jbshvnthwigaf.ru>"),
        HeaderTextCase("=?iso-8859-8-i?B?7vLw5CAn4PDpIOzgIPDu9uAnOiBJbnZvaWNlIDAyNzIyMDI3?=",
                       "מענה 'אני לא נמצא': Invoice 02722027"),
        HeaderTextCase("=?utf-16?B?RABlAHMAaQBnAG4AIABhAG4AZAAgAG0AYQBuAHUAZgBhAGMAdAB1AHIAaQBuAGcA?=",
                       "Design and manufacturing"),
        HeaderTextCase("=?utf-7?Q?Die_Hasen_und_die_Fr+APY-sche_=28Microsoft_Outlook_00=29?=",
                       "Die Hasen und die Frösche (Microsoft Outlook 00)"),
        HeaderTextCase("Re: Test: =?UTF-8?B?Iua8ouWtlyI=?= mid =?UTF-8?B?Iua8ouWtlyI=?= tail",
                       "Re: Test: \"漢字\" mid \"漢字\" tail"),
        HeaderTextCase("[PRJ-OTH] asdf  =?utf-8?Q?=C3=A1rv=C3=ADzt=C5=B1r=C5=91_t=C3=BCk=C3=B6rf=C3=BAr=C3=B3g=C3=A9p?=",
                       "[PRJ-OTH] asdf  árvíztűrő tükörfúrógép"),
        HeaderTextCase("=?utf-8?q?MIME_UTF8_Test_=c2=a2?= More Text", "MIME UTF8 Test ¢ More Text"),
        HeaderTextCase("=?iso-8859-1*sv?Q?D=F6rte_=C5._S=F6rensen=2C_Jr.?=", "Dörte Å. Sörensen, Jr."),
        HeaderTextCase("[cacomp-l] =??Q?Re=3A_=5Bcacomp-l=5D_E_n=3A_Bras=EDlia_cobre?=",
                       "[cacomp-l] Re: [cacomp-l] E n: Brasília cobre"),
        HeaderTextCase("=?iso-8859-1?Q? \"=F6tzi\" ?= <oetzi@web.de>", " \"ötzi\"  <oetzi@web.de>"),
        HeaderTextCase("=?US-ASCII?Q?Keith_Moore?= <moore@cs.utk.edu>", "Keith Moore <moore@cs.utk.edu>"),
    ]

    @Test(arguments: realHeaders)
    func decodesRealHeaders(_ testCase: HeaderTextCase) {
        #expect(EncodedWords.decode(testCase.input) == testCase.expected)
    }

    /// Raw 8-bit bytes inside Q words (seen in the corpora) were already decoded with the header line; they must
    /// not be decoded a second time in the word's charset.
    static let raw8BitWords: [(raw: [UInt8], expected: String)] = [
        (latin1("=?iso-8859-1?Q?Jürgen?= =?iso-8859-1?Q?_Schmürgen?="), "Jürgen Schmürgen"),
        (latin1("Heinz =?iso-8859-1?Q?Müller=21?= <mueller@example.com>"), "Heinz Müller! <mueller@example.com>"),
        (latin1("=?utf-8?Q?Þ=C3=B3r?="), "Þór"),
    ]

    @Test(arguments: raw8BitWords)
    func keepsRaw8BitCharactersInsideWords(_ raw: [UInt8], _ expected: String) {
        #expect(EncodedWords.decode(RawHeaderText.decode(raw)) == expected)
    }

    /// The ISO-8859-1 bytes of `text`, as an old mailer would have put them in a header.
    private static func latin1(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { UInt8($0.value) }
    }
}
