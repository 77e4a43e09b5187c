import Testing
import RapportTestSupport
@testable import RapportIngest

/// Feeds the decoder chunk by chunk and collects every event.
private func decode(_ chunks: [[UInt8]], maximumMessageSize: Int = 1 << 20, inRuns: Bool = true) -> [MboxEvent] {
    var decoder = MboxDecoder(maximumMessageSize: maximumMessageSize)
    decoder.copiesPlainLinesInRuns = inRuns
    var events: [MboxEvent] = []
    for chunk in chunks {
        decoder.append(chunk)
        while let event = decoder.next() { events.append(event) }
    }
    while let event = decoder.finish() { events.append(event) }
    return events
}

private func messages(_ events: [MboxEvent]) -> [MboxMessage] {
    events.compactMap { if case .message(let message) = $0 { message } else { nil } }
}

private func text(_ message: MboxMessage) -> String { String(decoding: message.bytes, as: UTF8.self) }

@Suite struct MboxDecoderTests {
    static let mboxrd = """
        From anna@nordurljos.is Tue Mar  4 09:15:00 2026
        From: anna@nordurljos.is
        Subject: one

        Hello.
        >From the start, mboxrd quotes this line.
        >>From here a quoted quote.
        From now on this is not a separator (no blank line before it) 12

        From jon@vatnajokull.is Wed Mar  5 10:00:00 2026
        Subject: two

        Second body.

        """

    @Test func splitsMessagesAndUnquotesFromLines() {
        let result = messages(decode([Array(Self.mboxrd.utf8)]))
        #expect(result.count == 2)
        #expect(result[0].index == 1 && result[0].offset == 0)
        #expect(result[0].envelope == "anna@nordurljos.is Tue Mar  4 09:15:00 2026")
        #expect(text(result[0]) == """
            From: anna@nordurljos.is
            Subject: one

            Hello.
            From the start, mboxrd quotes this line.
            >From here a quoted quote.
            From now on this is not a separator (no blank line before it) 12

            """)
        #expect(result[1].index == 2)
        #expect(result[1].offset == Self.mboxrd.utf8.count - 76)
        #expect(text(result[1]) == "Subject: two\n\nSecond body.\n")
    }

    @Test func everyChunkingGivesTheSameEvents() {
        let bytes = Array(Self.mboxrd.utf8)
        let expected = decode([bytes])
        for (label, chunks) in ChunkedFeeding.allChunkings(bytes) {
            #expect(decode(chunks) == expected, "chunking \(label)")
        }
    }

    /// Plain lines copied a run at a time give what copying each line gives, however the bytes
    /// arrive: separators with and without a blank line before them, quoted `From `, CRLF and
    /// lone CR, blank lines, messages over the size limit, a last line without an end.
    @Test func linesCopiedInRunsGiveWhatLineByLineGives() {
        var generator = SplitMix64(seed: 17)
        let lines = ["From a@b.is Mon Jan  5 08:00:00 2026\n", "From c@d.is Tue Jan  6 09:00:00 2026\r\n", "Subject: x\n",
                     "Subject: y\r\n", "\n", "\r\n", "Body text\n", "more body\r\n", ">From quoted\n", ">>From twice\r\n",
                     "From here on 12\n", "F\n", ">\n", "lone\rCR\n", String(repeating: "x", count: 300) + "\n", "no end"]
        for round in 0..<300 {
            var text = (0..<Int(generator.next() % 40)).map { _ in lines[Int(generator.next() % UInt64(lines.count - 1))] }.joined()
            if round % 3 == 0 { text += lines[lines.count - 1] }
            let bytes = Array(text.utf8)
            let limit = round % 4 == 0 ? 200 : 1 << 20
            let expected = decode([bytes], maximumMessageSize: limit, inRuns: false)
            #expect(decode([bytes], maximumMessageSize: limit) == expected, "\(text.debugDescription)")
            var chunks: [[UInt8]] = []
            var start = 0
            while start < bytes.count {
                let size = 1 + Int(generator.next() % 64)
                chunks.append(Array(bytes[start..<min(bytes.count, start + size)]))
                start += size
            }
            #expect(decode(chunks, maximumMessageSize: limit) == expected, "\(text.debugDescription) in chunks")
        }
    }

    @Test func crlfIsNormalisedAndOffsetsCountOriginalBytes() {
        let crlf = "From a@b.is Mon Jan  5 08:00:00 2026\r\nSubject: x\r\n\r\nBody\r\n\r\nFrom c@d.is Mon Jan  5 09:00:00 2026\r\nSubject: y\r\n\r\nMore\r\n"
        let result = messages(decode([Array(crlf.utf8)]))
        #expect(result.map(text) == ["Subject: x\n\nBody\n", "Subject: y\n\nMore\n"])
        #expect(result[1].offset == 60)
        for (label, chunks) in ChunkedFeeding.allChunkings(Array(crlf.utf8)) {
            #expect(messages(decode(chunks)).map(text) == result.map(text), "chunking \(label)")
        }
    }

    @Test func separatorNeedsSenderAndDate() {
        let input = "From a@b.is Mon Jan  5 08:00:00 2026\nSubject: x\n\nFrom here on\n\nFrom Reykjavik with love\n"
        #expect(messages(decode([Array(input.utf8)])).count == 1)
    }

    @Test func truncatedLastMessageIsStillHandedOut() {
        let input = "From a@b.is Mon Jan  5 08:00:00 2026\nSubject: x\n\nno final newline"
        let result = messages(decode([Array(input.utf8)]))
        #expect(result.map(text) == ["Subject: x\n\nno final newline"])
    }

    @Test func leadingGarbageIsReportedNotLost() {
        let input = "garbage line\nmore\nFrom a@b.is Mon Jan  5 08:00:00 2026\nSubject: x\n\nb\n"
        let events = decode([Array(input.utf8)])
        #expect(events.first == .leadingGarbage(offset: 0, size: 18))
        #expect(messages(events).count == 1)
    }

    @Test func oversizedMessageIsSkippedWithoutBuffering() {
        let big = String(repeating: "x", count: 300) + "\n"
        let input = "From a@b.is Mon Jan  5 08:00:00 2026\nSubject: big\n\n" + String(repeating: big, count: 10)
            + "\nFrom c@d.is Mon Jan  5 09:00:00 2026\nSubject: small\n\nok\n"
        let events = decode([Array(input.utf8)], maximumMessageSize: 1000)
        #expect(events.count == 2)
        if case .oversized(let index, let offset, let size) = events[0] {
            #expect(index == 1 && offset == 0 && size == 3025)
        } else {
            Issue.record("expected an oversized event, got \(events[0])")
        }
        #expect(messages(events).map(text) == ["Subject: small\n\nok\n"])
    }

    @Test func overLongLineIsConsumedInPieces() {
        let line = String(repeating: "y", count: 200_000)
        let input = "From a@b.is Mon Jan  5 08:00:00 2026\nSubject: long\n\n" + line + "\r\nend\n"
        for size in [1000, 65_536, 300_000] {
            let result = messages(decode(ChunkedFeeding.chunks(Array(input.utf8), size: size)))
            #expect(result.map(text) == ["Subject: long\n\n" + line + "\nend\n"], "chunk size \(size)")
        }
    }

    @Test func emptyInputGivesNothing() {
        #expect(decode([]).isEmpty)
        #expect(decode([[], []]).isEmpty)
        #expect(decode([Array("\n\n".utf8)]).isEmpty)
    }
}
