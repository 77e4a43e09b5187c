import Foundation
import RapportModel

/// What a message's MIME tree yields for analysis: the readable text, the attachments, and any
/// forwarded messages carried inside it.
struct MIMEBody: Sendable {
    /// The body text in reading order (HTML already converted), before reply stripping.
    var text = ""
    var attachments: [Attachment] = []
    /// `message/rfc822` parts with their transfer encoding undone, read later as messages of
    /// their own. Without a transfer encoding they are slices of the outer message's bytes: a copy
    /// per level made a message nested nine deep cost nine times its size.
    var nestedMessages: [ArraySlice<UInt8>] = []
    /// Problems met, as (code, sentence) pairs for diagnostics; never mail content.
    var problems: [(code: String, message: String)] = []
}

/// Walks a MIME tree (RFC 2045–2049) and picks the text a person reads.
///
/// `multipart/alternative` prefers `text/plain`, else converts `text/html`; other multiparts keep
/// every inline text part in order; non-text parts and parts marked as attachments are listed, not
/// read. Nesting is limited to `maximumDepth` and the number of parts to `maximumParts`, so a
/// crafted message cannot recurse or fan out without bound. Missing closing boundaries are tolerated.
struct MIMEWalker {
    var maximumDepth = 32
    var maximumParts = 10_000

    private var partCount = 0

    init(maximumDepth: Int = 32, maximumParts: Int = 10_000) {
        self.maximumDepth = maximumDepth
        self.maximumParts = maximumParts
    }

    /// Walks the entity whose headers are `headers` and whose body is `body`.
    mutating func walk(headers: HeaderBlock, body: ArraySlice<UInt8>) -> MIMEBody {
        var result = MIMEBody()
        partCount = 0
        var texts: [String] = []
        visit(headers: headers, body: body, depth: 0, defaultType: "text/plain", into: &result, texts: &texts)
        result.text = texts.filter { !$0.isEmpty }.joined(separator: "\n\n")
        return result
    }

    /// The content type and its parameters, with RFC 2045's default when absent or unusable.
    static func contentType(_ headers: HeaderBlock, defaultType: String) -> (type: String, parameters: [String: String]) {
        guard let raw = headers.text("Content-Type") else { return (defaultType, [:]) }
        let parsed = HeaderParameters.parse(raw)
        let type = parsed.value
        guard type.containsASCII("/"), !type.hasPrefix("/"), !type.hasSuffix("/") else {
            return (defaultType == "message/rfc822" ? defaultType : "text/plain", parsed.parameters)
        }
        return (type, parsed.parameters)
    }

    private mutating func visit(
        headers: HeaderBlock, body: ArraySlice<UInt8>, depth: Int, defaultType: String,
        into result: inout MIMEBody, texts: inout [String]
    ) {
        partCount += 1
        let (type, parameters) = Self.contentType(headers, defaultType: defaultType)
        let disposition = headers.text("Content-Disposition").map { HeaderParameters.parse($0) }
        let filename = disposition?.parameters["filename"] ?? parameters["name"]
        let isAttachment = disposition?.value == "attachment"

        if type.hasPrefix("multipart/") {
            guard depth < maximumDepth else {
                result.problems.append(("mime.depth", "MIME nesting deeper than \(maximumDepth) levels; inner parts skipped"))
                return
            }
            guard let boundary = parameters["boundary"], !boundary.isEmpty else {
                result.problems.append(("mime.no-boundary", "multipart part without a boundary; read as plain text"))
                texts.append(decodeText(body, headers: headers, charset: parameters["charset"], html: false, into: &result))
                return
            }
            let split = MultipartSplitter.split(body, boundary: boundary)
            if !split.closed {
                result.problems.append(("mime.unclosed", "multipart boundary never closed; read to the end"))
            }
            if split.parts.isEmpty {
                result.problems.append(("mime.no-parts", "multipart without any part; body read as plain text"))
                texts.append(decodeText(body, headers: headers, charset: nil, html: false, into: &result))
                return
            }
            let childDefault = type == "multipart/digest" ? "message/rfc822" : "text/plain"
            if type == "multipart/alternative" {
                visitAlternative(split.parts, depth: depth, defaultType: childDefault, into: &result, texts: &texts)
                return
            }
            for part in split.parts {
                guard partCount < maximumParts else {
                    result.problems.append(("mime.parts", "more than \(maximumParts) MIME parts; the rest skipped"))
                    return
                }
                let (partHeaders, bodyStart) = HeaderBlock.parse(part)
                visit(headers: partHeaders, body: part[bodyStart...], depth: depth + 1, defaultType: childDefault,
                      into: &result, texts: &texts)
            }
            return
        }

        if type == "message/rfc822" || type == "message/global", !isAttachment || filename == nil {
            if depth < maximumDepth {
                result.nestedMessages.append(TransferEncoding.decodedSlice(body, encoding: headers.text("Content-Transfer-Encoding")))
            } else {
                result.problems.append(("mime.depth", "forwarded message nested too deep; skipped"))
            }
            return
        }

        let isText = type == "text/plain" || type == "text/html" || type == "text/enriched" || type == "text/markdown"
        if isText, !isAttachment {
            texts.append(decodeText(body, headers: headers, charset: parameters["charset"], html: type == "text/html",
                                    into: &result))
            return
        }
        let size = TransferEncoding.decode(body, encoding: headers.text("Content-Transfer-Encoding")).count
        let name = filename.map(EncodedWords.decode)
        result.attachments.append(Attachment(name: name, type: type, size: size))
    }

    /// Picks the plain-text alternative when one exists, else the HTML one, else the richest other.
    private mutating func visitAlternative(
        _ parts: [ArraySlice<UInt8>], depth: Int, defaultType: String, into result: inout MIMEBody, texts: inout [String]
    ) {
        let parsed = parts.map { part -> (HeaderBlock, ArraySlice<UInt8>, String) in
            let (headers, bodyStart) = HeaderBlock.parse(part)
            return (headers, part[bodyStart...], Self.contentType(headers, defaultType: defaultType).type)
        }
        let plain = parsed.firstIndex { $0.2 == "text/plain" && !Self.isEmptyText($0.1) }
        let html = parsed.lastIndex { $0.2 == "text/html" }
        let multipart = parsed.lastIndex { $0.2.hasPrefix("multipart/") }
        guard let chosen = plain ?? html ?? multipart ?? (parsed.isEmpty ? nil : parsed.count - 1) else { return }
        let (headers, body, _) = parsed[chosen]
        visit(headers: headers, body: body, depth: depth + 1, defaultType: defaultType, into: &result, texts: &texts)
    }

    private static func isEmptyText(_ body: ArraySlice<UInt8>) -> Bool {
        body.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    private func decodeText(
        _ body: ArraySlice<UInt8>, headers: HeaderBlock, charset: String?, html: Bool, into result: inout MIMEBody
    ) -> String {
        let bytes = TransferEncoding.decode(body, encoding: headers.text("Content-Transfer-Encoding"))
        if html { return HTMLText.text(fromHTML: bytes, charset: charset) }
        let decoded = Charset.decode(bytes, charset: charset)
        if let problem = decoded.problem { result.problems.append(("charset", problem)) }
        return decoded.text
    }
}

extension TransferEncoding {
    /// Decodes a body by its `Content-Transfer-Encoding`; unknown encodings pass through unchanged.
    static func decode(_ body: ArraySlice<UInt8>, encoding: String?) -> [UInt8] {
        switch encoding?.trimmingWhitespace().lowercasedFast() {
        case "base64": return decodeBase64(body)
        case "quoted-printable": return decodeQuotedPrintable(body)
        default: return Array(body)
        }
    }

    /// As `decode`, but a body that needs no decoding is handed back as it is, without a copy.
    static func decodedSlice(_ body: ArraySlice<UInt8>, encoding: String?) -> ArraySlice<UInt8> {
        switch encoding?.trimmingWhitespace().lowercasedFast() {
        case "base64", "quoted-printable": return decode(body, encoding: encoding)[...]
        default: return body
        }
    }
}

extension String {
    /// Whether the string holds `needle` (ASCII), as Foundation's `contains` answers: on the bytes
    /// when the string is ASCII too, as nearly every header value is (Foundation's search, made
    /// for any text, was a large part of reading MIME headers), else by Foundation.
    func containsASCII(_ needle: String) -> Bool {
        precondition(needle.utf8.allSatisfy { $0 < 0x80 } && !needle.isEmpty, "an ASCII needle")
        var text = self
        let answer = text.withUTF8 { bytes -> Bool? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            let needle = Array(needle.utf8)
            guard bytes.count >= needle.count else { return false }
            for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
                var offset = 1
                while offset < needle.count && bytes[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            return false
        }
        return answer ?? contains(needle)
    }

    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

/// Splits a multipart body at its boundary lines.
enum MultipartSplitter {
    /// The parts between `--boundary` lines (preamble and epilogue dropped) and whether the closing
    /// `--boundary--` line was seen. Boundary lines may carry trailing whitespace; LF or CRLF.
    static func split(_ body: ArraySlice<UInt8>, boundary: String) -> (parts: [ArraySlice<UInt8>], closed: Bool) {
        let marker = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var index = body.startIndex
        let end = body.endIndex
        while index < end {
            let lineEnd = lineFeed(in: body, from: index) ?? end
            let next = lineEnd < end ? lineEnd + 1 : end
            if lineEnd - index >= marker.count, body[index] == 0x2D, body[index + 1] == 0x2D,
               body[index..<(index + marker.count)].elementsEqual(marker) {
                var rest = index + marker.count
                let closing = rest + 2 <= lineEnd && body[rest] == 0x2D && body[rest + 1] == 0x2D
                if closing { rest += 2 }
                var onlyBlank = true
                var scan = rest
                while scan < lineEnd {
                    let byte = body[scan]
                    if byte != 0x20, byte != 0x09, byte != 0x0D { onlyBlank = false; break }
                    scan += 1
                }
                if onlyBlank {
                    if let start = partStart { parts.append(trimLastLineBreak(body[start..<index])) }
                    if closing { return (parts, true) }
                    partStart = next
                    index = next
                    continue
                }
            }
            index = next
        }
        if let start = partStart, start < end { parts.append(body[start..<end]) }
        return (parts, false)
    }

    /// The index of the first LF at or after `start`, found with `memchr` (a loop over the slice
    /// checked each index, and every byte of a multipart body passes here).
    static func lineFeed(in body: ArraySlice<UInt8>, from start: Int) -> Int? {
        body.withUnsafeBufferPointer { bytes in
            let offset = start - body.startIndex
            guard let base = bytes.baseAddress, offset < bytes.count,
                  let found = memchr(base + offset, 0x0A, bytes.count - offset) else { return nil }
            return body.startIndex + UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
    }

    /// The line break before a boundary belongs to the boundary (RFC 2046 §5.1.1).
    private static func trimLastLineBreak(_ part: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var end = part.endIndex
        if end > part.startIndex, part[end - 1] == 0x0A {
            end -= 1
            if end > part.startIndex, part[end - 1] == 0x0D { end -= 1 }
        }
        return part[part.startIndex..<end]
    }
}
