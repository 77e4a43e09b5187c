/// A parsed HTML or XML document copied out of libxml2 into plain Swift values, so that everything
/// after parsing is memory-safe Swift and no libxml2 pointer outlives the parse.
///
/// Only elements and text are kept: comments, processing instructions and the document type are
/// dropped, CDATA becomes text, and entity references are counted but never expanded.
struct MarkupDocument: Sendable {
    /// The root element, or nil when the parser recovered nothing.
    var root: MarkupElement?
    /// What the parser reported, in order (at most `MarkupDocument.maximumIssues`).
    var issues: [MarkupIssue] = []
    /// How many issues the parser reported in all, including those not kept.
    var issueCount = 0
    /// References to entities declared in a DTD (internal or external), left unexpanded.
    var unexpandedEntityReferences = 0
    /// True when the document carried a `<!DOCTYPE …>` naming an external DTD (never loaded).
    var hasExternalDTD = false
    /// True when the document carried an internal DTD subset (its declarations are ignored).
    var hasInternalDTD = false

    /// Issues beyond this many are counted, not stored: a hostile document can raise millions.
    static let maximumIssues = 50
}

/// One problem libxml2 reported while parsing.
struct MarkupIssue: Hashable, Sendable {
    enum Level: Hashable, Sendable {
        case warning
        case error
        case fatal
    }

    var level: Level
    /// libxml2's error number (`xmlParserErrors`), stable across versions.
    var code: Int
    /// The 1-based line, when libxml2 knew it.
    var line: Int?
}

/// An element with its attributes and children in document order.
struct MarkupElement: Hashable, Sendable {
    /// The local name; lower-cased for HTML, as written for XML.
    var name: String
    /// The namespace URI (XML only), or nil.
    var namespace: String?
    /// Attributes in document order; names lower-cased for HTML.
    var attributes: [MarkupAttribute]
    var children: [MarkupNode]
    /// The 1-based line where the element starts, when known.
    var line: Int?

    init(
        name: String, namespace: String? = nil, attributes: [MarkupAttribute] = [],
        children: [MarkupNode] = [], line: Int? = nil
    ) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    /// The value of the first attribute with this name (compared case-insensitively), or nil.
    func attribute(_ name: String) -> String? {
        let wanted = name.lowercasedFast()
        return attributes.first { $0.name.lowercasedFast() == wanted }?.value
    }

    /// The element's class names (`class="a b"` gives `["a", "b"]`).
    var classes: [String] {
        attribute("class")?.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init) ?? []
    }

    /// The child elements, without text.
    var elements: [MarkupElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// All text below this element in document order, exactly as parsed (no whitespace handling).
    var rawText: String {
        var text = ""
        appendRawText(to: &text)
        return text
    }

    private func appendRawText(to text: inout String) {
        for child in children {
            switch child {
            case .text(let value): text += value
            case .element(let element): element.appendRawText(to: &text)
            }
        }
    }
}

/// An attribute name and its value, with character references already decoded by the parser.
struct MarkupAttribute: Hashable, Sendable {
    var name: String
    var value: String
}

/// A child of an element: another element or a run of text.
enum MarkupNode: Hashable, Sendable {
    case element(MarkupElement)
    case text(String)
}
