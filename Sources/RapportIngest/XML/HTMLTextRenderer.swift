/// Lays out a parsed HTML tree as plain text. `HTMLText` documents the rules; the note reader uses
/// the same layout for the text of single blocks (a list item, a table cell).
struct HTMLTextRenderer {
    /// Renders nodes to text: lines joined by `\n`, no leading or trailing blank lines.
    static func render(_ nodes: [MarkupNode]) -> String {
        var renderer = HTMLTextRenderer()
        for node in nodes { renderer.visit(node) }
        return renderer.finish()
    }

    // MARK: - Element classes

    /// Elements whose content is never shown.
    static let hidden: Set<String> = [
        "head", "title", "script", "style", "template", "noscript", "xml", "svg", "math", "object",
        "iframe", "select", "img", "meta", "link",
    ]

    /// Blocks set off by a blank line.
    static let paragraphs: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote", "pre", "hr",
        "figure", "address",
    ]

    /// Blocks that start and end a line.
    static let lines: Set<String> = [
        "div", "li", "tr", "dt", "dd", "section", "article", "header", "footer", "main", "nav", "aside",
        "center", "form", "fieldset", "legend", "caption", "figcaption", "details", "summary", "body", "html",
        "thead", "tbody", "tfoot",
    ]

    static let cells: Set<String> = ["td", "th"]

    // MARK: - State

    private var output: [String] = []
    /// The current line's text, without its quote prefix or list marker.
    /// UTF-8 bytes, made into a `String` once the line ends: appending to a `String` word by
    /// word and character by character was most of laying out HTML mail.
    private var line: [UInt8] = []
    /// The quote prefix and list marker of the current line, fixed when its first text arrives.
    private var linePrefix = ""
    private var lineQuoteDepth = 0
    private var pendingSpace = false
    private var pendingCellSeparator = false
    private var pendingBlankLine = false
    private var pendingListMarker: String?
    private var quoteDepth = 0
    private var listDepth = 0
    /// Inside list items and table cells, paragraph breaks are only line breaks.
    private var compactDepth = 0
    private var preformattedDepth = 0
    private var paragraphDepth = 0
    /// Gmail nests `blockquote.gmail_quote` inside `div.gmail_quote`: one level of quoting, not two.
    private var quoteKinds: [QuoteKind] = []

    private enum QuoteKind {
        case gmailContainer
        case other
    }

    // MARK: - Walking

    private mutating func visit(_ node: MarkupNode) {
        switch node {
        case .text(let text):
            if preformattedDepth > 0 { appendPreformatted(text) } else { appendFlowing(text) }
        case .element(let element):
            visit(element)
        }
    }

    private mutating func visit(_ element: MarkupElement) {
        let name = element.name
        if Self.hidden.contains(name) || Self.isInvisible(element) { return }
        if name == "br" {
            lineBreak(forced: true)
            return
        }
        if let quote = quoteKind(of: element) {
            // Quoted history sits right below its attribution line: no blank line is added.
            enterQuote(quote)
            visitChildren(element)
            leaveQuote()
            return
        }
        if name == "p", paragraphDepth > 0 {
            // A paragraph inside a paragraph can only be Office's `<o:p>` (the HTML parser drops
            // the prefix, and closes a real `<p>` before opening another): inline.
            visitChildren(element)
            return
        }
        if name == "p" { paragraphDepth += 1 }
        defer { if name == "p" { paragraphDepth -= 1 } }

        if let level = Self.wordListLevel(element) {
            renderListItem(element, depth: level)
            return
        }
        if Self.isOutlookLine(element) {
            lineBreak()
            if Self.isVisiblyEmpty(element) {
                lineBreak(forced: true)
            } else {
                visitChildren(element)
                lineBreak()
            }
            return
        }
        switch name {
        case "li":
            renderListItem(element, depth: max(listDepth, 1))
        case "ul", "ol":
            paragraphBreak()
            listDepth += 1
            visitChildren(element)
            listDepth -= 1
            paragraphBreak()
        case "td", "th":
            if !line.isEmpty { pendingCellSeparator = true }
            compactDepth += 1
            visitChildren(element)
            compactDepth -= 1
        case "pre":
            paragraphBreak()
            preformattedDepth += 1
            visitChildren(element)
            preformattedDepth -= 1
            paragraphBreak()
        case _ where Self.paragraphs.contains(name):
            paragraphBreak()
            visitChildren(element)
            paragraphBreak()
        case _ where Self.lines.contains(name):
            lineBreak()
            visitChildren(element)
            lineBreak()
        default:
            visitChildren(element)
        }
    }

    private mutating func visitChildren(_ element: MarkupElement) {
        for child in element.children { visit(child) }
    }

    private mutating func renderListItem(_ element: MarkupElement, depth: Int) {
        lineBreak()
        pendingListMarker = String(repeating: "  ", count: depth - 1) + "- "
        compactDepth += 1
        visitChildren(element)
        compactDepth -= 1
        lineBreak()
        pendingListMarker = nil
    }

    // MARK: - Quotes

    private func quoteKind(of element: MarkupElement) -> QuoteKind? {
        let classes = element.classes
        if element.name == "div", classes.contains("gmail_quote") { return .gmailContainer }
        if element.name == "blockquote" {
            if element.attribute("type")?.lowercasedFast() == "cite" { return .other }
            if classes.contains("gmail_quote") { return .other }
        }
        return nil
    }

    private mutating func enterQuote(_ kind: QuoteKind) {
        lineBreak()
        let continuesGmailQuote = kind == .other && quoteKinds.last == .gmailContainer
        quoteKinds.append(kind)
        if !continuesGmailQuote { quoteDepth += 1 }
    }

    private mutating func leaveQuote() {
        lineBreak()
        let kind = quoteKinds.removeLast()
        let continuedGmailQuote = kind == .other && quoteKinds.last == .gmailContainer
        if !continuedGmailQuote { quoteDepth -= 1 }
    }

    // MARK: - Word and Outlook markup

    /// The level of Word's list paragraphs (`style='mso-list:l0 level2 lfo1'` gives 2), which
    /// carry their bullet as text in an `mso-list:Ignore` span; nil for other elements.
    static func wordListLevel(_ element: MarkupElement) -> Int? {
        guard element.name == "p", let style = element.attribute("style")?.lowercasedFast(),
            let list = style.firstRange(of: "mso-list:"), !style[list.upperBound...].hasPrefix("ignore")
        else { return nil }
        let rest = style[list.upperBound...]
        guard let level = rest.firstRange(of: "level") else { return 1 }
        let digits = rest[level.upperBound...].prefix { $0.isASCII && $0.isNumber }
        return max(Int(digits) ?? 1, 1)
    }

    /// Outlook and Word write every line as `<p class=MsoNormal>` with no margin: one line each.
    private static func isOutlookLine(_ element: MarkupElement) -> Bool {
        element.name == "p" && element.classes.contains { $0.hasPrefix("Mso") && !$0.hasPrefix("MsoList") }
    }

    /// Hidden by style (`display:none`), or Word's `mso-list:Ignore` bullet glyphs.
    static func isInvisible(_ element: MarkupElement) -> Bool {
        guard let style = element.attribute("style") else { return false }
        let compact = style.lowercasedFast().filter { !$0.isWhitespace }
        return compact.contains("display:none") || compact.contains("mso-list:ignore")
    }

    private static func isVisiblyEmpty(_ element: MarkupElement) -> Bool {
        element.rawText.unicodeScalars.allSatisfy { isSpace($0) || isInvisibleScalar($0) }
    }

    // MARK: - Text

    /// Runs of visible ASCII are appended whole (appending scalar by scalar was most of laying
    /// out HTML mail); other characters one by one, as `appendFlowingScalars` does.
    private mutating func appendFlowing(_ text: String) {
        var cleaned = Self.removingConditionalMarkers(text)
        cleaned.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x80 {
                    let (value, length) = Self.decodeScalar(bytes, at: index)
                    appendFlowing(scalar: value)
                    index += length
                    continue
                }
                if Self.isSpaceByte(byte) {
                    if !line.isEmpty { pendingSpace = true }
                    index += 1
                    continue
                }
                var end = index + 1
                while end < bytes.count, bytes[end] < 0x80, !Self.isSpaceByte(bytes[end]) { end += 1 }
                appendVisible(Unicode.Scalar(byte))
                if end > index + 1 {
                    line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]))
                }
                index = end
            }
        }
    }

    /// `appendFlowing` of one character, scalar by scalar (a test holds the two equal).
    private mutating func appendFlowing(scalar: Unicode.Scalar) {
        if Self.isSpace(scalar) {
            if !line.isEmpty { pendingSpace = true }
        } else if !Self.isInvisibleScalar(scalar) {
            appendVisible(scalar)
        }
    }

    /// The ASCII bytes `isSpace` takes for space.
    @inline(__always)
    private static func isSpaceByte(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    /// The scalar starting at `index` of well-formed UTF-8 (a `String`'s) and its length.
    private static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let value: UInt32
        let length: Int
        if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            length = 2
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            length = 3
        } else {
            value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                | UInt32(bytes[index + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value)!, length)
    }

    private mutating func appendPreformatted(_ text: String) {
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                lineBreak(forced: true)
            } else if scalar != "\r" {
                appendVisible(scalar)
            }
        }
    }

    private mutating func appendVisible(_ scalar: Unicode.Scalar) {
        if line.isEmpty {
            startLine()
        } else if pendingCellSeparator {
            line.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: "|"), UInt8(ascii: " ")])
        } else if pendingSpace {
            line.append(UInt8(ascii: " "))
        }
        pendingSpace = false
        pendingCellSeparator = false
        if scalar.isASCII {
            line.append(UInt8(scalar.value))
        } else {
            UTF8.encode(scalar) { line.append($0) }
        }
    }

    /// Fixes the prefix of a line when its first visible character arrives, writing the blank
    /// line a paragraph break asked for first.
    private mutating func startLine() {
        if pendingBlankLine, !output.isEmpty {
            emitBlankLine(depth: min(lineQuoteDepth, quoteDepth))
        }
        pendingBlankLine = false
        lineQuoteDepth = quoteDepth
        linePrefix = String(repeating: "> ", count: quoteDepth) + (pendingListMarker ?? "")
        pendingListMarker = nil
    }

    /// Ends the current line. A forced break (`<br>`, a newline in `pre`) on an empty line writes
    /// an empty line; otherwise an empty line is left alone.
    private mutating func lineBreak(forced: Bool = false) {
        pendingSpace = false
        pendingCellSeparator = false
        if !line.isEmpty {
            output.append(linePrefix + String(decoding: line, as: UTF8.self))
            line.removeAll(keepingCapacity: true)
        } else if forced {
            emitBlankLine(depth: quoteDepth)
            pendingBlankLine = false
        }
    }

    private mutating func paragraphBreak() {
        lineBreak()
        if compactDepth == 0 { pendingBlankLine = true }
    }

    /// Writes a blank line (`>` prefixes only, inside quotes) unless the last line is blank already.
    private mutating func emitBlankLine(depth: Int) {
        guard let last = output.last, !Self.isBlank(last) else { return }
        output.append(String(String(repeating: "> ", count: depth).dropLast()))
    }

    private mutating func finish() -> String {
        lineBreak()
        while let last = output.last, Self.isBlank(last) { output.removeLast() }
        return output.joined(separator: "\n")
    }

    private static func isBlank(_ line: String) -> Bool {
        line.allSatisfy { $0 == ">" || $0 == " " }
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\r", "\u{0C}", "\u{A0}", "\u{2007}", "\u{202F}", "\u{3000}": true
        case "\u{2000}"..."\u{200A}": true
        default: false
        }
    }

    /// Zero-width characters and soft hyphens that mail editors sprinkle in, invisible to readers.
    static func isInvisibleScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{200B}" || scalar == "\u{FEFF}" || scalar == "\u{AD}" || scalar == "\u{200C}"
            || scalar == "\u{2060}"
    }

    /// Word writes `<![if !supportLists]>` and `<![endif]>` outside comments; libxml2 keeps them
    /// as text.
    private static func containsConditionalOpening(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3 else { return false }
        for index in 0...(bytes.count - 3)
        where bytes[index] == UInt8(ascii: "<") && bytes[index + 1] == UInt8(ascii: "!")
            && bytes[index + 2] == UInt8(ascii: "[")
        {
            return true
        }
        return false
    }

    static func removingConditionalMarkers(_ text: String) -> String {
        // A byte search: `String.contains` went through Foundation for every run of text.
        guard text.utf8.withContiguousStorageIfAvailable({ containsConditionalOpening($0) }) ?? text.contains("<![")
        else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.firstRange(of: "<![") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: ">") else {
                rest = rest[start.lowerBound...]
                break
            }
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }
}
