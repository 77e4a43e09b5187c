import RapportModel

/// The kinds of meeting note Rapport reads, told apart by content.
public enum NoteFormat: String, Hashable, Sendable, CaseIterable {
    /// Rapport meeting-notes XML (`Samples/notes/README.md`), namespaced or not.
    case rapportXML
    /// Any other XML: its text is read in document order.
    case genericXML
    /// An HTML page: a Confluence, OneNote or Word export, or hand-written HTML.
    case html
}

/// Reads meeting notes into `Document`s of kind `.note`, so that a tense meeting counts in an
/// account's story like a tense email. See `Samples/notes/README.md` for the formats and the HTML
/// heuristics.
public enum NoteReader {
    /// Notes larger than this are refused with a diagnostic: no meeting note is this large, and the
    /// cap bounds what hostile input can cost.
    public static let maximumSize = 8 << 20

    /// How much of the input `sniff` looks at.
    public static let sniffLength = 4096

    /// The namespace of Rapport meeting-notes XML; documents without a namespace are read too.
    public static let namespace = "urn:rapport:meeting-notes:1"

    /// True when the bytes look like a meeting note this reader handles (XML with a recognised
    /// root, or an HTML document) — sniffed from content, not the file name. Looks at the first
    /// `sniffLength` bytes only.
    public static func sniff(_ prefix: ArraySlice<UInt8>) -> NoteFormat? {
        NoteSniffer(prefix.prefix(sniffLength)).format
    }

    /// Reads one note file into Documents of kind `.note` (one per note) plus diagnostics, each
    /// located at `location` with the line where libxml2 gave one. Never throws; hostile input
    /// (entity bombs, external entities and DTDs, oversize files) yields diagnostics, not content.
    public static func read(
        _ bytes: [UInt8], format: NoteFormat, location: SourceLocation
    ) -> (documents: [Document], diagnostics: [Diagnostic]) {
        read(bytes, format: format, location: location, cues: .shipped)
    }

    static func read(
        _ bytes: [UInt8], format: NoteFormat, location: SourceLocation, cues: NoteCues
    ) -> (documents: [Document], diagnostics: [Diagnostic]) {
        var diagnostics = NoteDiagnostics(location: location)
        guard bytes.count <= maximumSize else {
            diagnostics.add(.error, "note.too-large", "meeting note is larger than \(maximumSize) bytes; not read")
            return ([], diagnostics.all)
        }
        var content: NoteContent?
        switch format {
        case .rapportXML, .genericXML:
            let parsed = LibXML2.parseXML(bytes)
            diagnostics.addXMLIssues(of: parsed)
            if let root = parsed.root {
                if RapportNoteXMLReader.accepts(root) {
                    content = RapportNoteXMLReader(cues: cues).read(root, diagnostics: &diagnostics)
                } else if root.name.lowercasedFast() == "html" {
                    content = readHTML(bytes, cues: cues, diagnostics: &diagnostics)
                } else {
                    diagnostics.add(
                        .note, "note.generic-xml",
                        "not a Rapport meeting-notes document; its text was read as generic XML",
                        line: root.line)
                    content = GenericXMLNoteReader(cues: cues).read(root)
                }
            } else {
                diagnostics.add(.error, "note.unreadable", "no XML element could be read from the note")
            }
        case .html:
            content = readHTML(bytes, cues: cues, diagnostics: &diagnostics)
        }
        guard let content else { return ([], diagnostics.all) }
        if content.date == nil {
            diagnostics.add(.warning, "note.no-date", "no meeting date found in the note")
        }
        if content.segments.isEmpty {
            diagnostics.add(.warning, "note.empty", "no text found in the note")
        }
        return ([content.document(bytes: bytes, location: location)], diagnostics.all)
    }

    private static func readHTML(_ bytes: [UInt8], cues: NoteCues, diagnostics: inout NoteDiagnostics) -> NoteContent? {
        let encoding = HTMLCharset.resolve(bytes, declared: nil)
        let parsed = LibXML2.parseHTML(bytes, encoding: encoding)
        diagnostics.addHTMLIssues(of: parsed)
        guard let root = parsed.root else {
            diagnostics.add(.error, "note.unreadable", "no HTML could be read from the note")
            return nil
        }
        return HTMLNoteReader(cues: cues).read(root)
    }
}

// MARK: - Sniffing

/// Looks past a BOM, whitespace, the XML declaration, comments and a DOCTYPE at the first element.
private struct NoteSniffer {
    let format: NoteFormat?

    static let htmlNames: Set<String> = [
        "html", "head", "body", "meta", "title", "div", "p", "table", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "span", "b", "strong", "br", "style", "link", "script", "font", "center", "section",
    ]

    init(_ prefix: ArraySlice<UInt8>) {
        var bytes = Array(prefix)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            bytes = bytes.dropFirst(2).filter { $0 != 0 }
        }
        let text = bytes.map(ASCII.lower)
        var index = 0
        var sawDeclaration = false
        func skipWhitespace() { while index < text.count, ASCII.isWhitespace(text[index]) { index += 1 } }
        func skip(past terminator: [UInt8]) -> Bool {
            var probe = index
            while probe + terminator.count <= text.count {
                if text[probe..<probe + terminator.count].elementsEqual(terminator) {
                    index = probe + terminator.count
                    return true
                }
                probe += 1
            }
            return false
        }
        while true {
            skipWhitespace()
            guard index < text.count, text[index] == UInt8(ascii: "<") else {
                format = nil
                return
            }
            let rest = text[index...]
            if rest.starts(with: Array("<?xml".utf8)) {
                sawDeclaration = true
                guard skip(past: Array("?>".utf8)) else {
                    format = .genericXML
                    return
                }
            } else if rest.starts(with: Array("<?".utf8)) {
                guard skip(past: Array("?>".utf8)) else {
                    format = nil
                    return
                }
            } else if rest.starts(with: Array("<!--".utf8)) {
                guard skip(past: Array("-->".utf8)) else {
                    format = sawDeclaration ? .genericXML : nil
                    return
                }
            } else if rest.starts(with: Array("<!doctype".utf8)) {
                let declaration = rest.prefix(200)
                if declaration.dropFirst(9).drop(while: ASCII.isWhitespace).starts(with: Array("html".utf8)) {
                    format = .html
                    return
                }
                // An internal subset (`[ … ]`) holds `>`s of its own; it ends at `]` and then `>`.
                // Without this, a note with a DTD was taken for something else and never read.
                let hasSubset = rest.prefix { $0 != UInt8(ascii: ">") }.contains(UInt8(ascii: "["))
                guard !hasSubset || skip(past: Array("]".utf8)), skip(past: Array(">".utf8)) else {
                    format = .genericXML
                    return
                }
                sawDeclaration = true
            } else {
                format = Self.classify(tag: Array(bytes[index...].prefix(1024)), sawDeclaration: sawDeclaration)
                return
            }
        }
    }

    /// Classifies the first element from its start tag (original case, for namespace URIs).
    private static func classify(tag: [UInt8], sawDeclaration: Bool) -> NoteFormat? {
        let nameBytes = tag.dropFirst().prefix { !ASCII.isWhitespace($0) && $0 != 0x3E && $0 != 0x2F }
        let qualified = String(decoding: nameBytes, as: UTF8.self)
        guard let first = qualified.unicodeScalars.first, first.properties.isAlphabetic || first == "_",
            qualified.unicodeScalars.allSatisfy({
                $0.properties.isAlphabetic || $0.properties.numericType != nil
                    || $0 == "-" || $0 == "_" || $0 == "." || $0 == ":"
            })
        else { return nil }
        let parts = qualified.split(separator: ":", maxSplits: 1)
        let local = String(parts.last ?? "")
        let prefix = parts.count == 2 ? String(parts[0]) : nil
        if prefix == nil, htmlNames.contains(local.lowercasedFast()) { return .html }
        let end = tag.firstIndex(of: 0x3E) ?? tag.endIndex
        let startTag = String(decoding: tag[..<end], as: UTF8.self)
        // Schemas and stylesheets kept beside notes (such as the notes schema itself) are not notes.
        if schemaNamespaces.contains(where: { startTag.contains($0) }),
           ["grammar", "schema", "stylesheet", "transform"].contains(local) {
            return nil
        }
        if local == "meeting" {
            let declaration = prefix.map { "xmlns:\($0)" } ?? "xmlns"
            if let uri = attributeValue(declaration, in: startTag) {
                if uri == NoteReader.namespace { return .rapportXML }
            } else if prefix == nil {
                return .rapportXML
            }
        }
        return .genericXML
    }

    /// Namespaces of XML vocabularies that describe documents rather than record meetings.
    static let schemaNamespaces = [
        "http://relaxng.org/ns/structure/1.0", "http://www.w3.org/2001/XMLSchema",
        "http://www.w3.org/1999/XSL/Transform",
    ]

    /// The value of `name="…"` or `name='…'` in a start tag (spaces around `=` allowed).
    private static func attributeValue(_ name: String, in tag: String) -> String? {
        var rest = Substring(tag)
        while let found = rest.firstRange(of: name) {
            defer { rest = rest[found.upperBound...] }
            guard let before = rest[..<found.lowerBound].last, before.isWhitespace else { continue }
            var value = rest[found.upperBound...].drop { $0.isWhitespace }
            guard value.first == "=" else { continue }
            value = value.dropFirst().drop { $0.isWhitespace }
            guard let quote = value.first, quote == "\"" || quote == "'" else { continue }
            value = value.dropFirst()
            guard let close = value.firstIndex(of: quote) else { return nil }
            return String(value[..<close])
        }
        return nil
    }
}

// MARK: - Diagnostics

/// Collects a note's diagnostics at one location. Messages name libxml2's error numbers, never
/// the note's words.
struct NoteDiagnostics {
    let location: SourceLocation
    private(set) var all: [Diagnostic] = []

    init(location: SourceLocation) { self.location = location }

    mutating func add(_ severity: Diagnostic.Severity, _ code: String, _ message: String, line: Int? = nil) {
        var at = location
        if let line { at.line = line }
        all.append(Diagnostic(severity, code, message, at: at))
    }

    /// libxml2's error for an entity reference loop (a billion-laughs document).
    static let entityLoop = 89

    /// Reports what the parser refused and what it recovered. When nothing could be read, the
    /// caller reports that instead of the parser's complaints.
    mutating func addXMLIssues(of document: MarkupDocument) {
        if document.hasExternalDTD {
            add(.warning, "note.xml-external-dtd", "the note names an external DTD; it was not loaded")
        }
        if document.hasInternalDTD {
            add(.warning, "note.xml-dtd-ignored", "the note declares a DTD; its entities were not expanded")
        }
        if document.unexpandedEntityReferences > 0 {
            add(
                .warning, "note.xml-entity-not-expanded",
                "\(document.unexpandedEntityReferences) entity reference(s) left unexpanded")
        }
        if let loop = document.issues.first(where: { $0.code == Self.entityLoop }) {
            add(
                .error, "note.xml-entity-loop", "an entity reference loop was refused (libxml2 error 89)",
                line: loop.line)
        }
        let others = document.issues.filter { $0.level != .warning && $0.code != Self.entityLoop }
        if document.root != nil, let first = others.first {
            add(
                .warning, "note.xml-malformed",
                "malformed XML recovered (libxml2 error \(first.code); \(document.issueCount) parser message(s))",
                line: first.line)
        }
    }

    /// libxml2 2.9 calls every HTML5 element (`<time>`, `<section>`) and Office's `<o:p>` an
    /// unknown tag; that is not damage worth reporting.
    static let htmlUnknownTag = 801

    mutating func addHTMLIssues(of document: MarkupDocument) {
        let errors = document.issues.filter { $0.level != .warning && $0.code != Self.htmlUnknownTag }
        guard let first = errors.first else { return }
        add(
            .note, "note.html-recovered", "malformed HTML recovered: \(document.issueCount) parser message(s)",
            line: first.line)
    }
}
