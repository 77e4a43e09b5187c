import Foundation
import RapportModel

/// Doors for the libFuzzer targets in `Fuzz/`: each feeds raw bytes into one internal reader, so the
/// fuzzers reach code that is not public without widening the module's API. Not for other use.
///
/// Besides "does not crash", some targets check properties that must hold for every input, and
/// trap when they do not, so that libFuzzer keeps the input: the mbox splitter must cut the same
/// messages whatever the chunking, and the readers' limits must hold.
@_spi(Fuzzing) public enum FuzzEntryPoints {
    private static let location = SourceLocation(file: "fuzz")

    /// Charset labels the charset target picks from with the input's first byte: every decoder
    /// path, aliases, junk, and no label at all.
    private static let charsetLabels: [String?] = [
        nil, "utf-8", "us-ascii", "iso-8859-1", "windows-1252", "utf-16", "utf-16le", "utf-16be", "utf-32",
        "utf-32le", "iso-2022-jp", "shift_jis", "euc-jp", "koi8-r", "iso-8859-15", "gb2312", "big5", "gbk",
        "iso-8859-2", "windows-1251", "x-unknown", "", "utf-7", "unicode-1-1-utf-8", "cp1250", "euc-kr",
        "macintosh", "latin1", "UTF8", "csISOLatin2",
    ]

    /// Chunk sizes the mbox target feeds in, picked by the high half of the input's first byte.
    private static let mboxChunkSizes = [1, 2, 3, 5, 8, 13, 16, 21, 50, 64, 100, 500, 1000, 4096, 16384, 65536]

    /// The mbox splitter, fed once whole and once in chunks whose sizes come from the input's
    /// first byte; a message limit small enough that the oversize path is reached.
    public static func mbox(_ data: [UInt8]) {
        guard let first = data.first else { return }
        let input = data.dropFirst()
        let limit = 64 + Int(first & 0x0F) * 256
        let whole = mboxEvents(of: input, chunkSize: max(input.count, 1), limit: limit)
        let chunkSize = mboxChunkSizes[Int(first >> 4)]
        let chunked = mboxEvents(of: input, chunkSize: chunkSize, limit: limit)
        precondition(whole == chunked, "mbox events depend on the chunking (chunk size \(chunkSize))")
        for event in whole {
            if case .message(let message) = event {
                // Every kept line costs at least 7 bytes of the limit, and gains at most one LF.
                precondition(message.bytes.count <= limit + limit / 7 + 1, "a message exceeds the size limit")
            }
        }
    }

    private static func mboxEvents(of input: ArraySlice<UInt8>, chunkSize: Int, limit: Int) -> [MboxEvent] {
        var decoder = MboxDecoder(maximumMessageSize: limit)
        var events: [MboxEvent] = []
        var start = input.startIndex
        while start < input.endIndex {
            let end = min(start + chunkSize, input.endIndex)
            decoder.append(input[start..<end])
            while let event = decoder.next() { events.append(event) }
            start = end
        }
        while let event = decoder.finish() { events.append(event) }
        return events
    }

    /// One RFC 5322 message through the whole reader: headers, MIME walk, transfer and charset
    /// decoding, dates, addresses, reply stripping, forwarded messages; and the leaf listing.
    public static func message(_ data: [UInt8]) {
        let output = MessageParser().parse(data, location: location, envelope: "sender@example.com Mon Jan  1 00:00:00 2024")
        precondition(!output.documents.isEmpty || output.diagnostics.contains { $0.severity == .error },
                     "a message yielded neither a document nor an error")
        let walker = MIMEWalker()
        let leaves = walker.leaves(of: data[...])
        precondition(leaves.count <= walker.maximumParts, "more leaves than the part limit")
    }

    /// A whole input as the ingestor sees it: format sniffing, then mbox, message or note.
    public static func ingest(_ data: [UInt8]) {
        var options = IngestOptions()
        options.maximumMessageSize = 1 << 16
        var events = 0
        let summary = try? Ingestor(options: options).read(bytes: data, name: "fuzz") { _ in events += 1 }
        if let summary {
            precondition(summary.messages == summary.analysed + summary.skippedTotal,
                         "messages read do not add up: \(summary)")
        }
    }

    /// RFC 2047 encoded words, RFC 2231 parameters, and the raw header text decoder.
    public static func headerText(_ data: [UInt8]) {
        let raw = RawHeaderText.decode(data)
        _ = EncodedWords.decode(raw)
        let parsed = HeaderParameters.parse(raw)
        for (_, value) in parsed.parameters { _ = EncodedWords.decode(value) }
        _ = MessageIDs.parse(raw)
    }

    /// Date headers, `Received` fields and mbox envelope lines.
    public static func date(_ data: [UInt8]) {
        let text = RawHeaderText.decode(data)
        _ = DateParser.parse(text)
        _ = DateParser.parseReceived(text)
        _ = DateParser.parseEnvelope(text)
    }

    /// Address lists with encoded-word display names.
    public static func address(_ data: [UInt8]) {
        let participants = AddressParser.parse(RawHeaderText.decode(data), decodeWords: EncodedWords.decode)
        precondition(participants.count <= data.count, "more participants than bytes")
    }

    /// The reply, quote and signature stripper on a decoded body.
    public static func authored(_ data: [UInt8]) {
        let body = String(decoding: data, as: UTF8.self)
        let extractor = AuthoredTextExtractor()
        let result = extractor.extract(body)
        _ = extractor.extractReply(body)
        precondition(result.text.utf8.count <= body.utf8.count, "authored text longer than the body")
    }

    /// Charset and transfer decoding: the first byte picks the label and the transfer encoding.
    public static func charset(_ data: [UInt8]) {
        guard let first = data.first else { return }
        let label = charsetLabels[Int(first) % charsetLabels.count]
        let body = data.dropFirst()
        let encodings: [String?] = [nil, "base64", "quoted-printable", " BASE64 "]
        let bytes = TransferEncoding.decode(body, encoding: encodings[Int(first >> 5) % encodings.count])
        _ = Charset.decode(bytes, charset: label)
        _ = Charset.decode(body, charset: label)
        if let label { _ = Charset.canonicalName(label) }
    }

    /// The HTML-to-text reader, with and without a declared charset.
    public static func html(_ data: [UInt8]) {
        guard let first = data.first else { return }
        let label = charsetLabels[Int(first) % charsetLabels.count]
        _ = HTMLText.text(fromHTML: Array(data.dropFirst()), charset: label)
    }

    /// The meeting-notes readers: sniffing, then every format on the same bytes.
    public static func notes(_ data: [UInt8]) {
        _ = NoteReader.sniff(data[...])
        for format in NoteFormat.allCases {
            _ = NoteReader.read(data, format: format, location: location)
        }
    }
}
