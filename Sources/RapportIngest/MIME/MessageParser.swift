import Foundation
import RapportModel

/// Turns the bytes of one RFC 5322 message into a `Document` (plus one for each forwarded message it
/// carries) and the diagnostics met on the way. Never throws: whatever can be read is kept.
struct MessageParser: Sendable {
    var extractor: AuthoredTextExtractor
    var maximumDepth = 8

    init(extractor: AuthoredTextExtractor = AuthoredTextExtractor()) {
        self.extractor = extractor
    }

    struct Output: Sendable {
        var documents: [Document] = []
        var diagnostics: [Diagnostic] = []
        /// What `IngestOptions.prepare` gave for each document, when it ran where they were parsed.
        var prepared: [any Sendable] = []
    }

    /// - Parameters:
    ///   - bytes: the message, LF or CRLF line endings.
    ///   - location: where it was read from, carried by the document and every diagnostic.
    ///   - envelope: the mbox `From ` line's text, a last resort for the date.
    func parse(_ bytes: [UInt8], location: SourceLocation, envelope: String? = nil) -> Output {
        var output = Output()
        parse(bytes[...], location: location, envelope: envelope, depth: 0, into: &output)
        return output
    }

    private func parse(
        _ bytes: ArraySlice<UInt8>, location: SourceLocation, envelope: String?, depth: Int, into output: inout Output
    ) {
        let (headers, bodyStart) = HeaderBlock.parse(bytes)
        func note(_ severity: Diagnostic.Severity, _ code: String, _ message: String) {
            output.diagnostics.append(Diagnostic(severity, code, message, at: location))
        }
        if headers.fields.isEmpty {
            note(.error, "message.no-headers", depth == 0 ? "no header fields found; not read as a message"
                 : "forwarded message without header fields; skipped")
            return
        }
        if headers.missingSeparator {
            note(.note, "message.header-separator", "header section not ended by an empty line; the rest read as body")
        }

        var walker = MIMEWalker()
        let body = walker.walk(headers: headers, body: bytes[bodyStart...])
        for problem in body.problems { note(.warning, problem.code, problem.message) }

        let messageIDs = headers.text("Message-ID").map(MessageIDs.parse) ?? []
        let id: String
        if let first = messageIDs.first {
            id = first
        } else {
            id = "rapport-" + StableHash.hex(of: bytes)
            note(.note, "message.no-id", "no Message-ID; a stable synthetic id was given")
        }

        var document = Document(id: id, source: location)
        document.subject = headers.text("Subject").map { Self.clean(EncodedWords.decode($0)) }
        document.from = addresses(headers, "From")
        if document.from.isEmpty { document.from = addresses(headers, "Sender") }
        document.to = addresses(headers, "To")
        document.cc = addresses(headers, "Cc")
        document.references = headers.text("References").map(MessageIDs.parse) ?? []
        document.inReplyTo = headers.text("In-Reply-To").flatMap { MessageIDs.parse($0).last } ?? document.references.last

        if let value = headers.text("Date"), let date = DateParser.parse(value) {
            document.date = date
            document.dateSource = .header
        } else {
            let received = headers.texts("Received").lazy.compactMap(DateParser.parseReceived).first
            if let received {
                document.date = received
                document.dateSource = .received
                note(.note, "date.from-received", headers.text("Date") == nil ? "no Date header; date taken from Received"
                     : "unreadable Date header; date taken from Received")
            } else if let envelope, let date = DateParser.parseEnvelope(envelope) {
                document.date = date
                document.dateSource = .envelope
                note(.note, "date.from-envelope", "no usable Date or Received header; date taken from the mbox From line")
            } else {
                note(.warning, "date.missing", "no usable date in the message")
            }
        }

        let authored = extractor.extract(body.text)
        document.text = authored.text
        document.quoted = authored.quotedLines
        document.attachments = body.attachments
        output.documents.append(document)

        for nested in body.nestedMessages {
            guard depth < maximumDepth else {
                note(.warning, "mime.depth", "forwarded messages nested more than \(maximumDepth) deep; the rest skipped")
                break
            }
            parse(nested, location: location, envelope: nil, depth: depth + 1, into: &output)
        }
    }

    private func addresses(_ headers: HeaderBlock, _ name: String) -> [Participant] {
        headers.texts(name).flatMap { AddressParser.parse($0, decodeWords: EncodedWords.decode) }
    }

    /// Subjects with folding whitespace and control characters collapsed to single spaces.
    static func clean(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar == " " || (scalar.value >= 0x80 && scalar.properties.isWhitespace) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.unicodeScalars.append(" "); pendingSpace = false }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
