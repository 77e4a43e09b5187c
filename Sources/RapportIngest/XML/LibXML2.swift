import CLibXML2

/// The only place Rapport calls libxml2. Every parse copies the tree into `MarkupDocument` values
/// and frees the libxml2 document, parser context and encoding handlers before returning, so no C
/// pointer escapes this file.
///
/// Safety policy, the same for every input (notes and mail are written by strangers):
/// - never `NOENT` (entity substitution), `DTDLOAD`, `DTDATTR`, `DTDVALID`, `XINCLUDE` or `HUGE`:
///   external entities and DTDs are never read, internal entities never expanded, and libxml2's
///   limits (entity loop detection, depth 256, text node size) stay on;
/// - always `NONET`, so nothing is fetched even if a future option asked for it;
/// - `NOERROR | NOWARNING`: problems are collected through a thread-local structured error
///   handler instead of being printed.
enum LibXML2 {
    /// libxml2's size argument is a C `int`.
    static let maximumInputSize = Int(Int32.max)

    /// Parses HTML with libxml2's forgiving HTML parser, decoding with `encoding` (a name libxml2
    /// knows; see `knowsEncoding`) and ignoring any charset the document declares: the caller has
    /// already decided.
    static func parseHTML(_ bytes: [UInt8], encoding: String) -> MarkupDocument {
        guard bytes.count <= maximumInputSize else { return MarkupDocument() }
        initialiseOnce()
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_NODEFDTD.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
        )
        return withCollectedIssues { collector in
            guard let context = htmlNewParserCtxt() else { return MarkupDocument() }
            defer { htmlFreeParserCtxt(context) }
            let document = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.flatMap { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        htmlCtxtReadMemory(context, $0, Int32(buffer.count), nil, encoding, options)
                    }
                }
            }
            guard let document else { return collector.finish(MarkupDocument()) }
            defer { xmlFreeDoc(document) }
            return collector.finish(TreeCopier(html: true).copy(document))
        }
    }

    /// Parses XML in recovery mode. The document's own encoding declaration (or BOM) decides the
    /// charset, as the XML specification says.
    static func parseXML(_ bytes: [UInt8]) -> MarkupDocument {
        guard bytes.count <= maximumInputSize else { return MarkupDocument() }
        initialiseOnce()
        let options = Int32(
            XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_NONET.rawValue
        )
        return withCollectedIssues { collector in
            guard let context = xmlNewParserCtxt() else { return MarkupDocument() }
            defer { xmlFreeParserCtxt(context) }
            let document = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.flatMap { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        xmlCtxtReadMemory(context, $0, Int32(buffer.count), nil, nil, options)
                    }
                }
            }
            guard let document else { return collector.finish(MarkupDocument()) }
            defer { xmlFreeDoc(document) }
            return collector.finish(TreeCopier(html: false).copy(document))
        }
    }

    /// True when libxml2 (with iconv) can decode the named charset.
    static func knowsEncoding(_ name: String) -> Bool {
        initialiseOnce()
        guard let handler = xmlFindCharEncodingHandler(name) else { return false }
        // Frees handlers libxml2 allocated for iconv; the built-in ones are left alone by libxml2.
        xmlCharEncCloseFunc(handler)
        return true
    }

    // MARK: - Setup and error collection

    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// libxml2 2.9 wants `xmlInitParser` once before threads parse concurrently.
    private static func initialiseOnce() {
        precondition(initialised, "libxml2 failed to initialise")
    }

    /// Installs a collecting structured-error handler for the duration of `body`. The handler is
    /// thread-local in libxml2, so concurrent parses on other threads keep their own.
    private static func withCollectedIssues(_ body: (IssueCollector) -> MarkupDocument) -> MarkupDocument {
        let collector = IssueCollector()
        let previousHandler = __xmlStructuredError()?.pointee
        let previousContext = __xmlStructuredErrorContext()?.pointee
        let unmanaged = Unmanaged.passRetained(collector)
        xmlSetStructuredErrorFunc(
            unmanaged.toOpaque(),
            { context, error in
                guard let context, let error else { return }
                Unmanaged<IssueCollector>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
            })
        defer {
            xmlSetStructuredErrorFunc(previousContext, previousHandler)
            unmanaged.release()
        }
        return body(collector)
    }

    /// Gathers libxml2's errors during one parse. Used on one thread only, inside one call.
    private final class IssueCollector {
        private var issues: [MarkupIssue] = []
        private var count = 0

        func record(_ error: xmlError) {
            count += 1
            guard issues.count < MarkupDocument.maximumIssues else { return }
            let level: MarkupIssue.Level
            switch error.level {
            case XML_ERR_WARNING: level = .warning
            case XML_ERR_FATAL: level = .fatal
            default: level = .error
            }
            issues.append(
                MarkupIssue(level: level, code: Int(error.code), line: error.line > 0 ? Int(error.line) : nil))
        }

        func finish(_ document: MarkupDocument) -> MarkupDocument {
            var document = document
            document.issues = issues
            document.issueCount = count
            return document
        }
    }
}

// MARK: - Copying the tree

/// Copies a libxml2 tree into Swift values. libxml2 already refuses documents deeper than 256
/// levels (without `HUGE`); `maximumDepth` is a second guard so the recursion here stays bounded.
private struct TreeCopier {
    let html: Bool
    static let maximumDepth = 300

    func copy(_ document: xmlDocPtr) -> MarkupDocument {
        var result = MarkupDocument()
        var node = document.pointee.children
        while let current = node {
            switch current.pointee.type {
            case XML_ELEMENT_NODE where result.root == nil:
                var references = 0
                result.root = element(current, depth: 0, references: &references)
                result.unexpandedEntityReferences += references
            case XML_DTD_NODE:
                let dtd = UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlDtd.self).pointee
                if dtd.ExternalID != nil || dtd.SystemID != nil { result.hasExternalDTD = true }
                if dtd.children != nil { result.hasInternalDTD = true }
            default:
                break
            }
            node = current.pointee.next
        }
        return result
    }

    private func element(_ node: xmlNodePtr, depth: Int, references: inout Int) -> MarkupElement {
        var element = MarkupElement(name: name(of: node), line: line(of: node))
        if !html, let namespace = node.pointee.ns, let href = namespace.pointee.href {
            element.namespace = String(cString: href)
        }
        var attribute = node.pointee.properties
        while let current = attribute {
            let attributeName = current.pointee.name.map { String(cString: $0) } ?? ""
            element.attributes.append(
                MarkupAttribute(
                    name: html ? attributeName.lowercasedFast() : attributeName,
                    value: text(ofChildren: current.pointee.children, references: &references)
                ))
            attribute = current.pointee.next
        }
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                if depth < Self.maximumDepth {
                    element.children.append(.element(self.element(current, depth: depth + 1, references: &references)))
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    element.children.append(.text(String(cString: content)))
                }
            case XML_ENTITY_REF_NODE:
                // Never followed: its children are the entity's declared content.
                references += 1
            default:
                break
            }
            child = current.pointee.next
        }
        return element
    }

    /// The text of an attribute's value nodes; entity references in it are counted, not expanded.
    private func text(ofChildren first: xmlNodePtr?, references: inout Int) -> String {
        var value = ""
        var node = first
        while let current = node {
            if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
                value += String(cString: content)
            } else if current.pointee.type == XML_ENTITY_REF_NODE {
                references += 1
            }
            node = current.pointee.next
        }
        return value
    }

    private func name(of node: xmlNodePtr) -> String {
        let value = node.pointee.name.map { String(cString: $0) } ?? ""
        return html ? value.lowercasedFast() : value
    }

    private func line(of node: xmlNodePtr) -> Int? {
        let line = xmlGetLineNo(node)
        return line > 0 ? Int(line) : nil
    }
}
