/// Plain text from HTML mail bodies, through libxml2's forgiving HTML parser, laid out so that the
/// reply stripper and the scorers see the words a person would read: paragraphs as blank-line
/// separated blocks, list items as `- ` lines, quoted history as `> ` lines.
public enum HTMLText {
    /// Bodies larger than this are cut to this size before parsing: no real mail body is larger,
    /// and the cut keeps hostile input from taking all memory.
    public static let maximumInputSize = 16 << 20

    /// Converts an HTML mail body to plain text through libxml2's HTML parser (recovering, no
    /// network, no error output; never entity substitution, DTD loading or `HUGE`).
    ///
    /// - Scripts, styles, `<head>`, comments, Word's `<xml>` islands, `mso-list:Ignore` bullets,
    ///   `<![if …]>` markers and `display:none` elements are dropped.
    /// - Block elements (`p`, `div`, `br`, `li`, `tr`, `h1`–`h6`, `blockquote`, `table`, `hr`, …)
    ///   become line breaks; `p`, headings, lists, tables and `pre` are separated by one blank
    ///   line; runs of blank lines collapse to one. `li` lines start with `- ` (nested lists are
    ///   indented by two spaces per level); table cells on one row are joined with ` | `.
    ///   Outlook's `MsoNormal` paragraphs are single lines, as Outlook shows them.
    /// - Entities are decoded; whitespace (including no-break space) is collapsed inside blocks.
    /// - `<blockquote type="cite">` and Gmail's `gmail_quote` content get `> ` on each line (`>`
    ///   alone on blank lines), once per level of quoting.
    /// - `charset`: the MIME charset if known. See `HTMLCharset` for the order of decisions when it
    ///   is nil or unusable (a `<meta>` charset, else UTF-8 when valid, else windows-1252).
    public static func text(fromHTML bytes: [UInt8], charset: String?) -> String {
        let input = bytes.count > maximumInputSize ? Array(bytes.prefix(maximumInputSize)) : bytes
        let encoding = HTMLCharset.resolve(input, declared: charset)
        guard let root = LibXML2.parseHTML(input, encoding: encoding).root else { return "" }
        return HTMLTextRenderer.render([.element(root)])
    }
}
