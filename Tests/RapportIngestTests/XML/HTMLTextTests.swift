import RapportTestSupport
import Testing

@testable import RapportIngest

/// Exact plain text for the HTML that mail clients and exporters actually write.
@Suite struct HTMLTextTests {
    private func text(_ html: String, charset: String? = "utf-8") -> String {
        HTMLText.text(fromHTML: Array(html.utf8), charset: charset)
    }

    @Test func paragraphsAreSeparatedByOneBlankLineAndWhitespaceCollapses() {
        let html = "<p>First   paragraph.</p>\n\n<p>Second\n  paragraph\twrapped.</p><p></p><p>Third.</p>"
        #expect(text(html) == "First paragraph.\n\nSecond paragraph wrapped.\n\nThird.")
    }

    @Test func listItemsGetDashesAndNestedListsIndent() {
        let html =
            "<p>Items:</p><ul><li>One</li><li>Two<ul><li>Two a</li><li><p>Two b</p></li></ul></li></ul>"
            + "<ol><li>First</li></ol><p>After</p>"
        #expect(text(html) == "Items:\n\n- One\n- Two\n  - Two a\n  - Two b\n\n- First\n\nAfter")
    }

    @Test func tableRowsAreLinesAndCellsAreJoined() {
        let html =
            "<p>Prices:</p><table><tr><th>Item</th><th>Price</th></tr>"
            + "<tr><td>Licence</td><td>1.200 kr.</td></tr><tr><td></td><td>Total</td></tr></table><p>End</p>"
        #expect(text(html) == "Prices:\n\nItem | Price\nLicence | 1.200 kr.\nTotal\n\nEnd")
    }

    @Test func nestedDivsAndBreaksMakeLines() {
        let html =
            "<div dir=\"ltr\"><div>Hi Anna,</div><div><br></div><div>Thanks <b>a lot</b>, see"
            + " <a href=\"https://example.com\">the page</a>.<br>Line two<br><br><br>Line three</div></div>"
        #expect(text(html) == "Hi Anna,\n\nThanks a lot, see the page.\nLine two\n\nLine three")
    }

    @Test func entitiesAreDecoded() {
        #expect(
            text("<p>A &amp; B&nbsp;C &eacute; &#x1F600; &lt;tag&gt; &THORN;&oacute;r</p>") == "A & B C é 😀 <tag> Þór")
    }

    @Test func scriptsStylesHeadAndCommentsAreDropped() {
        let html =
            "<html><head><title>Title</title><style>p { color: red }</style></head><body>"
            + "<script>alert('x')</script><p>Visible<!-- hidden --> text</p><noscript>No script</noscript>"
            + "<div style=\"display: none\">preheader</div></body></html>"
        #expect(text(html) == "Visible text")
    }

    @Test func headingsHorizontalRulesAndPreformattedText() {
        let html = "<h1>Title</h1>text<hr><pre>  a  b\n\n  c</pre><h2>Next</h2>"
        #expect(text(html) == "Title\n\ntext\n\n  a  b\n\n  c\n\nNext")
    }

    @Test func brokenHTMLIsRecovered() {
        let html = "<p>One<p>Two<div>Three <b>bold <i>both</b> italic</i></div><ul><li>A<li>B</ul><p>Unclosed <b>end"
        #expect(text(html) == "One\n\nTwo\n\nThree bold both italic\n\n- A\n- B\n\nUnclosed end")
    }

    @Test func emptyAndNonHTMLInput() {
        #expect(text("") == "")
        #expect(text("   \n ") == "")
        #expect(text("plain words, no tags") == "plain words, no tags")
        #expect(HTMLText.text(fromHTML: [0x00, 0xFF, 0xFE, 0x3C], charset: nil).contains("\u{0}") == false)
    }

    @Test func outlookWordBodyWithMsoMarkup() {
        let html = """
            <html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
            <head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
            <style><!-- p.MsoNormal, li.MsoNormal {margin:0cm; mso-style-parent:""; font-size:11.0pt;} --></style>
            <!--[if gte mso 9]><xml><o:shapedefaults v:ext="edit" spidmax="1026" /></xml><![endif]-->
            </head>
            <body lang=IS link="#0563C1" style='tab-interval:36.0pt;word-wrap:break-word'>
            <div class=WordSection1>
            <p class=MsoNormal>Sæl Anna,<o:p></o:p></p>
            <p class=MsoNormal><o:p>&nbsp;</o:p></p>
            <p class=MsoNormal>Takk fyrir fundinn <span style='mso-spacerun:yes'>&nbsp;</span>í gær.<o:p></o:p></p>
            <p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
            style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;
            </span></span></span><![endif]>Verðið<o:p></o:p></p>
            <p class=MsoListParagraph style='mso-list:l0 level2 lfo1'><![if !supportLists]><span
            style='mso-list:Ignore'>o<span>&nbsp; </span></span><![endif]>Afslátturinn<o:p></o:p></p>
            <p class=MsoNormal><o:p>&nbsp;</o:p></p>
            <p class=MsoNormal>Kveðja,<o:p></o:p></p>
            <p class=MsoNormal><b><span style='color:#1F497D;mso-fareast-language:EN-US'>Jón</span></b><o:p></o:p></p>
            </div></body></html>
            """
        #expect(text(html) == "Sæl Anna,\n\nTakk fyrir fundinn í gær.\n- Verðið\n  - Afslátturinn\n\nKveðja,\nJón")
    }

    // MARK: - Charsets

    /// "Þórður: Kær kveðja, Guðrún" in ISO-8859-1; not valid UTF-8.
    private static let icelandicLatin1: [UInt8] = [
        0x3C, 0x70, 0x3E, 0xDE, 0xF3, 0x72, 0xF0, 0x75, 0x72, 0x3A, 0x20, 0x4B, 0xE6, 0x72, 0x20, 0x6B,
        0x76, 0x65, 0xF0, 0x6A, 0x61, 0x2C, 0x20, 0x47, 0x75, 0xF0, 0x72, 0xFA, 0x6E, 0x3C, 0x2F, 0x70, 0x3E,
    ]

    @Test(arguments: [
        ("no charset, no meta", "", nil as String?),
        ("MIME charset", "", "ISO-8859-1"),
        ("meta charset", "<meta charset=\"iso-8859-1\">", nil),
        ("meta http-equiv", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">", nil),
        ("mislabelled as UTF-8", "", "utf-8"),
        ("meta says UTF-8 wrongly", "<meta charset=utf-8>", nil),
        ("unknown MIME charset", "", "x-no-such-charset"),
    ])
    func icelandicLatin1Body(_ label: String, head: String, charset: String?) {
        let bytes = Array("<html><head>\(head)</head><body>".utf8) + Self.icelandicLatin1 + Array("</body></html>".utf8)
        #expect(HTMLText.text(fromHTML: bytes, charset: charset) == "Þórður: Kær kveðja, Guðrún", "\(label)")
    }

    @Test func windows1252CharactersInLatin1LabelledMail() {
        let bytes: [UInt8] =
            Array("<p>".utf8) + [0x93, 0x56, 0x65, 0x72, 0xF0, 0x94, 0x20, 0x80, 0x35] + Array("</p>".utf8)
        #expect(HTMLText.text(fromHTML: bytes, charset: "iso-8859-1") == "\u{201C}Verð\u{201D} €5")
    }

    @Test func utf8WithoutAnyLabelAndWithBOM() {
        #expect(text("<p>Ánægður viðskiptavinur</p>", charset: nil) == "Ánægður viðskiptavinur")
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(HTMLText.text(fromHTML: bom + Array("<p>Þakkir</p>".utf8), charset: "windows-1252") == "Þakkir")
    }

    @Test func utf8CutInsideACharacterStaysUTF8() {
        let bytes = Array("<p>Ánægð og þakklát".utf8) + [0xC3]
        #expect(HTMLCharset.validUTF8(bytes))
        #expect(!HTMLCharset.validUTF8([0x41, 0xC3, 0x41]))
        #expect(HTMLText.text(fromHTML: bytes, charset: "utf-8") == "Ánægð og þakklát\u{FFFD}")
    }

    @Test func otherCharsetsGoThroughIconv() {
        // "Żółw" in ISO-8859-2.
        let bytes: [UInt8] = Array("<p>".utf8) + [0xAF, 0xF3, 0xB3, 0x77] + Array("</p>".utf8)
        #expect(HTMLText.text(fromHTML: bytes, charset: "iso-8859-2") == "Żółw")
    }

    // MARK: - Quoted history

    @Test func gmailQuoteIsPrefixed() {
        let html = """
            <div dir="ltr">Thanks, that works for us.<div><br></div><div>Anna</div></div><br>\
            <div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, 2 Mar 2026 at 10:00, Jón \
            &lt;<a href="mailto:jon@arvakur.is">jon@arvakur.is</a>&gt; wrote:<br></div>\
            <blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204)">\
            <div dir="ltr">Can you confirm the price?<div><br></div><div>Jón</div></div><br>\
            <div class="gmail_quote"><div class="gmail_attr">Earlier, Anna wrote:</div>\
            <blockquote class="gmail_quote">First message</blockquote></div></blockquote></div>
            """
        let expected = """
            Thanks, that works for us.

            Anna

            > On Mon, 2 Mar 2026 at 10:00, Jón <jon@arvakur.is> wrote:
            > Can you confirm the price?
            >
            > Jón
            >
            > > Earlier, Anna wrote:
            > > First message
            """
        #expect(text(html) == expected)
    }

    @Test func appleMailBlockquoteIsPrefixed() {
        let html = """
            <html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>\
            <body dir="auto">Sounds good.<br><br><div dir="ltr">Sent from my iPhone</div>\
            <div dir="ltr"><br><blockquote type="cite">On 2 Mar 2026, at 10:00, Sara Miller \
            &lt;sara@northwind.co.uk&gt; wrote:<br><br></blockquote></div>\
            <blockquote type="cite"><div dir="ltr"><p>We need the revised quote.</p><p>Thanks</p>\
            <blockquote type="cite">Older text</blockquote></div></blockquote></body></html>
            """
        let expected = """
            Sounds good.

            Sent from my iPhone

            > On 2 Mar 2026, at 10:00, Sara Miller <sara@northwind.co.uk> wrote:
            >
            > We need the revised quote.
            >
            > Thanks
            >
            > > Older text
            """
        #expect(text(html) == expected)
    }

    @Test func plainBlockquoteIsNotMarkedAsQuotedHistory() {
        #expect(text("<p>He said:</p><blockquote>Quality first.</blockquote>") == "He said:\n\nQuality first.")
    }
}

/// Flowing text is appended in runs of visible ASCII; it must come out as it does scalar by
/// scalar: white space collapsed to one space, invisible characters dropped, nothing at the ends.
@Suite struct HTMLFlowingTextTests {
    static func scalarByScalar(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if HTMLTextRenderer.isSpace(scalar) {
                if !out.isEmpty { pendingSpace = true }
            } else if !HTMLTextRenderer.isInvisibleScalar(scalar) {
                if pendingSpace { out += " " }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test func runsComeOutAsScalarsDo() {
        var random = SplitMix64(seed: 3)
        let pieces = [
            "a", "Hello", "þú", " ", "  ", "\t", "\n", "\r\n", "\u{0C}", "\u{A0}", "\u{2009}", "\u{200B}", "\u{AD}",
            "\u{FEFF}", "👍🏽", "e\u{301}", ".", "\u{01}", "\u{7F}", "日本",
        ]
        for _ in 0..<3_000 {
            let text = (0..<Int(random.next() % 20)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
                .joined()
            #expect(HTMLTextRenderer.render([.text(text)]) == Self.scalarByScalar(text), "\(text.debugDescription)")
        }
    }
}
