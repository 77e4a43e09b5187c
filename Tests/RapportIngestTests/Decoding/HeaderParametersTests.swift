import Testing
@testable import RapportIngest

/// A structured header value and the main value and parameters it must parse to.
struct ParameterCase: Sendable, CustomTestStringConvertible {
    var input: String
    var value: String
    var parameters: [String: String]
    var testDescription: String { input }

    init(_ input: String, _ value: String, _ parameters: [String: String] = [:]) {
        self.input = input
        self.value = value
        self.parameters = parameters
    }
}

@Suite struct HeaderParametersTests {
    static let rfc2045: [ParameterCase] = [
        ParameterCase("text/plain; charset=utf-8", "text/plain", ["charset": "utf-8"]),
        ParameterCase("TEXT/PLAIN; CHARSET=\"ISO-8859-1\"", "text/plain", ["charset": "ISO-8859-1"]),
        ParameterCase("  Multipart/Mixed ;\tboundary=\"----=_Part_0_1.2\"  ", "multipart/mixed",
                      ["boundary": "----=_Part_0_1.2"]),
        ParameterCase("multipart/alternative;\r\n boundary=\"b1\";\r\n\ttype=text/plain", "multipart/alternative",
                      ["boundary": "b1", "type": "text/plain"]),
        ParameterCase("attachment; filename=\"quoted \\\"string\\\".txt\"", "attachment",
                      ["filename": "quoted \"string\".txt"]),
        ParameterCase("attachment; filename=\"a;b = c.txt\"; size=3", "attachment", ["filename": "a;b = c.txt", "size": "3"]),
        ParameterCase("attachment; filename=\"  padded  \"", "attachment", ["filename": "  padded  "]),
        ParameterCase("text/plain; charset = utf-8 ; format=flowed", "text/plain", ["charset": "utf-8", "format": "flowed"]),
        ParameterCase("Text/Plain; CharSet=UTF-8", "text/plain", ["charset": "UTF-8"]),
        ParameterCase("inline", "inline"),
        ParameterCase("", ""),
        ParameterCase("   ", ""),
    ]

    static let rfc2231: [ParameterCase] = [
        ParameterCase("attachment; filename*=utf-8''%E2%82%AC%20rates.pdf", "attachment", ["filename": "€ rates.pdf"]),
        ParameterCase("attachment; filename*=iso-8859-1'en'%A3%20rates.pdf", "attachment", ["filename": "£ rates.pdf"]),
        ParameterCase("attachment; filename*=''%41.txt", "attachment", ["filename": "A.txt"]),
        ParameterCase("attachment; filename*=caf%C3%A9%zz.txt", "attachment", ["filename": "café%zz.txt"]),
        ParameterCase(
            "message/external-body; access-type=URL; URL*0=\"ftp://\"; URL*1=\"cs.utk.edu/pub/moore/bulk-mailer.tar\"",
            "message/external-body", ["access-type": "URL", "url": "ftp://cs.utk.edu/pub/moore/bulk-mailer.tar"]),
        ParameterCase(
            "application/x-stuff; title*0*=us-ascii'en'This%20is%20even%20more%20; title*1*=%2A%2A%2Afun%2A%2A%2A%20; "
                + "title*2=\"isn't it!\"",
            "application/x-stuff", ["title": "This is even more ***fun*** isn't it!"]),
        ParameterCase("attachment; filename*0*=utf-8''%E2%82; filename*1*=%AC.txt", "attachment", ["filename": "€.txt"]),
        ParameterCase("attachment; filename*0*=iso-8859-1''%E9t%E9; filename*1=\" 'plain' \"; filename*2*=%E9",
                      "attachment", ["filename": "été 'plain' é"]),
        ParameterCase("attachment; filename*1=\"b.txt\"; filename*0=\"a\"", "attachment", ["filename": "ab.txt"]),
        ParameterCase("attachment; filename*0=\"a\"; filename*0=\"z\"; filename*1=\".txt\"", "attachment",
                      ["filename": "a.txt"]),
        ParameterCase("attachment; filename=\"fallback.txt\"; filename*=utf-8''r%C3%A9el.txt", "attachment",
                      ["filename": "réel.txt"]),
        ParameterCase("attachment; filename*=utf-8''r%C3%A9el.txt; filename=\"fallback.txt\"", "attachment",
                      ["filename": "réel.txt"]),
        // From the shared corpora.
        ParameterCase("attachment;\n\tfilename*0*=utf-8''%E3%81%8B%E3%81%8D%E3%81%8F;\n\tfilename*1*=%E3%81%91%E3%81%93.txt",
                      "attachment", ["filename": "かきくけこ.txt"]),
        ParameterCase("attachment; filename*=\"iso-8859-1''HasenundFr%F6sche.txt\"", "attachment",
                      ["filename": "HasenundFrösche.txt"]),
        ParameterCase("TEXT/PLAIN; charset=iso-8859-1; name*=\"iso-8859-1''HasenundFr%F6sche.txt\"", "text/plain",
                      ["charset": "iso-8859-1", "name": "HasenundFrösche.txt"]),
        ParameterCase("inline; filename*=ISO-8859-1''Eelanal%FC%FCsi%20p%E4ring.jpg", "inline",
                      ["filename": "Eelanalüüsi päring.jpg"]),
    ]

    static let brokenForms: [ParameterCase] = [
        ParameterCase("attachment; filename=\"=?UTF-8?B?44Gm44GZ44GoLnR4dA==?=\"", "attachment", ["filename": "てすと.txt"]),
        ParameterCase("attachment; filename=\"=?windows-1251?B?0e/o8e7qLcDz5Oju/e326Orr7u/l5OjoLnR4?=\"", "attachment",
                      ["filename": "Список-Аудиоэнциклопедии.tx"]),
        ParameterCase("attachment; filename==?utf-8?q?caf=C3=A9.txt?=", "attachment", ["filename": "café.txt"]),
        ParameterCase("attachment; filename=my file name.pdf; size=3", "attachment",
                      ["filename": "my file name.pdf", "size": "3"]),
        ParameterCase("text/plain charset=utf-8 format=flowed", "text/plain", ["charset": "utf-8", "format": "flowed"]),
        ParameterCase("attachment; filename=\"a.txt\" size=3", "attachment", ["filename": "a.txt", "size": "3"]),
        ParameterCase("attachment filename=report 2024.pdf", "attachment", ["filename": "report 2024.pdf"]),
        ParameterCase("text/plain; charset=utf-8; charset=iso-8859-1", "text/plain", ["charset": "utf-8"]),
        ParameterCase("text/plain; ; charset=utf-8;;", "text/plain", ["charset": "utf-8"]),
        ParameterCase("text/plain; junk; charset=utf-8", "text/plain", ["charset": "utf-8"]),
        ParameterCase("attachment; filename=\"unclosed.txt", "attachment", ["filename": "unclosed.txt"]),
        ParameterCase("text/plain; charset=", "text/plain", ["charset": ""]),
        ParameterCase("text/plain; =utf-8; \"x\"; charset=utf-8", "text/plain", ["charset": "utf-8"]),
        ParameterCase("charset=utf-8", "", ["charset": "utf-8"]),
        ParameterCase("attachment; filename=Jörð.txt", "attachment", ["filename": "Jörð.txt"]),
    ]

    @Test(arguments: rfc2045 + rfc2231 + brokenForms)
    func parses(_ testCase: ParameterCase) {
        let parsed = HeaderParameters.parse(testCase.input)
        #expect(parsed.value == testCase.value)
        #expect(parsed.parameters == testCase.parameters)
    }
}
