import Foundation
import RapportModel
import RapportTestSupport
import Testing

@testable import RapportIngest

/// Whole files that are too big, broken or not mail at all. Whatever the file holds, the reader
/// names the file (and the message) in a diagnostic, keeps reading what follows, and holds no more
/// than one message's worth of bytes.
@Suite struct HostileMailboxTests {
    private static func message(_ subject: String, id: String, body: String = "Fine, thanks.\n") -> String {
        "From: Anna <anna@example.com>\nSubject: \(subject)\nDate: Tue, 4 Mar 2026 09:15:00 +0000\n"
            + "Message-ID: <\(id)@example.com>\n\n\(body)"
    }

    /// About one mebibyte of 76-character base64 lines, the shape of a large attachment.
    private static let base64Piece: [UInt8] = {
        let line = Array((String(repeating: "QUJD", count: 19) + "\n").utf8)
        return Array([[UInt8]](repeating: line, count: (1 << 20) / line.count).joined())
    }()

    @Test func twoHundredMegabyteMessageInAnMboxIsSkippedAndTheRestIsRead() throws {
        let folder = try TemporaryFolder()
        let first = Array((HostileInput.separator + Self.message("one", id: "one") + "\n").utf8)
        let bigHead = Array((HostileInput.separator + Self.message("big", id: "big", body: "")).utf8)
        let last = Array(("\n" + HostileInput.separator + Self.message("three", id: "three")).utf8)
        let pieces = [first, bigHead] + Array(repeating: Self.base64Piece, count: 200) + [last]
        let mbox = try folder.write("huge.mbox", pieces: pieces)
        let after = try folder.write("after.eml", Array(Self.message("after", id: "after").utf8))
        var options = IngestOptions()
        options.maximumMessageSize = 16 << 20

        let (record, growth) = try MemoryWatch.peakGrowth { try HostileInput.read([mbox, after], options: options) }

        #expect(record.documents.map(\.subject) == ["one", "three", "after"])
        let skipped = record.diagnostics("message.oversized")
        #expect(skipped.map(\.location) == [SourceLocation(file: mbox, index: 2, offset: first.count)])
        #expect(skipped.map(\.severity) == [.error])
        #expect(record.summary.messages == 4)
        #expect(record.summary.skipped == ["message.oversized": 1])
        #expect(record.countsAddUp)
        // Held whole, the message alone would take 200 MB.
        #expect(growth < 96 << 20, "resident memory grew by \(growth >> 20) MiB")
    }

    @Test func twoHundredMegabyteSingleMessageFileIsSkippedAndTheNextFileIsRead() throws {
        let folder = try TemporaryFolder()
        let head = Array(Self.message("big", id: "big", body: "").utf8)
        let big = try folder.write("huge.eml", pieces: [head] + Array(repeating: Self.base64Piece, count: 200))
        let after = try folder.write("after.eml", Array(Self.message("after", id: "after").utf8))
        var options = IngestOptions()
        options.maximumMessageSize = 16 << 20

        let (record, growth) = try MemoryWatch.peakGrowth { try HostileInput.read([big, after], options: options) }

        #expect(record.documents.map(\.subject) == ["after"])
        #expect(record.diagnostics("message.oversized").map(\.location.file) == [big])
        #expect(record.summary.skipped == ["message.oversized": 1])
        #expect(record.countsAddUp)
        #expect(growth < 96 << 20, "resident memory grew by \(growth >> 20) MiB")
    }

    @Test func concatenatedMessagesWithoutFromLinesAreReadAsOneMessage() throws {
        // Without separator lines nothing marks where a message ends, so the file is one message
        // whose body holds the others; the reply stripper takes their header block for a
        // forwarded original and counts its five lines as quoted.
        let bytes = Array((Self.message("one", id: "one") + "\n" + Self.message("two", id: "two")).utf8)
        let record = try HostileInput.read(bytes: bytes, name: "no-separators.mbox")
        #expect(record.documents.map(\.subject) == ["one"])
        #expect(record.documents.map(\.text) == ["Fine, thanks."])
        #expect(record.documents.map(\.quoted) == [5])
        #expect(record.summary.messages == 1)
        #expect(record.countsAddUp)
    }

    @Test func textWithoutSeparatorsOrHeadersIsNamedAndIgnored() throws {
        let folder = try TemporaryFolder()
        let notes = try folder.write("notes.mbox", Array(String(repeating: "Just some words.\n", count: 1000).utf8))
        let after = try folder.write("after.eml", Array(Self.message("after", id: "after").utf8))
        let record = try HostileInput.read([notes, after])
        #expect(record.documents.map(\.subject) == ["after"])
        #expect(record.diagnostics.map(\.code) == ["input.not-mail"])
        #expect(record.diagnostics.map(\.location.file) == [notes])
        #expect(record.summary.ignoredFiles == ["input.not-mail": 1])
    }

    @Test func binaryGarbageFileIsNamedAndIgnored() throws {
        let folder = try TemporaryFolder()
        var generator = SplitMix64(seed: 8)
        let garbage = try folder.write("garbage.mbox", (0..<(1 << 20)).map { _ in generator.nextByte() })
        let after = try folder.write("after.eml", Array(Self.message("after", id: "after").utf8))
        let record = try HostileInput.read([garbage, after])
        #expect(record.documents.map(\.subject) == ["after"])
        #expect(record.diagnostics.map(\.location.file) == [garbage])
        #expect(record.summary.ignoredFiles == ["input.not-mail": 1])
    }

    @Test func mboxOfBinaryGarbageMessagesIsReadWithoutLosingCount() throws {
        var generator = SplitMix64(seed: 2047)
        var bytes: [UInt8] = []
        for _ in 0..<200 {
            bytes += Array(("\n\n" + HostileInput.separator).utf8)
            bytes += (0..<Int(generator.next() % 20_000)).map { _ in generator.nextByte() }
        }
        bytes += Array(("\n\n" + HostileInput.separator + Self.message("last", id: "last")).utf8)
        let record = try HostileInput.read(bytes: bytes, name: "garbage.mbox")
        #expect(record.summary.messages >= 201)
        #expect(record.documents.last?.subject == "last")
        #expect(record.countsAddUp)
        // A message that yields nothing is listed with its number, never silently dropped.
        let skippedNumbers = Set(record.diagnostics.filter { $0.severity == .error }.compactMap(\.location.index))
        #expect(skippedNumbers.count == record.summary.skippedTotal)
    }

    @Test func nulBytesInHeadersAndBodyDoNotStopReading() throws {
        let text = HostileInput.separator
            + "From: Anna\u{0} <anna@example.com>\nSubject: nul\u{0}byte\nX-Nul: \u{0}\u{0}\u{0}\n"
            + "Message-ID: <nul@example.com>\n\nbefore\u{0}after\n\n"
            + HostileInput.separator + Self.message("next", id: "next")
        let record = try HostileInput.read(bytes: Array(text.utf8), name: "nul.mbox")
        // The subject's control characters become spaces, as its folding does; the rest is kept.
        #expect(record.documents.map(\.subject) == ["nul byte", "next"])
        #expect(record.documents.first?.from == [Participant(name: "Anna\u{0}", address: "anna@example.com")])
        #expect(record.documents.first?.text == "before\u{0}after")
        #expect(record.countsAddUp)
    }

    @Test(arguments: [
        // Cut inside a header line, inside the headers, inside a MIME part's base64.
        "Subject: cut",
        "Subject: cut\nContent-Type: multipart/mixed; bound",
        "Subject: cut\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n"
            + "Content-Transfer-Encoding: base64\n\nSGVsbG8gd29y",
    ])
    func truncatedLastMessageIsStillRead(last: String) throws {
        let text = HostileInput.separator + Self.message("first", id: "first") + "\n"
            + HostileInput.separator + "From: anna@example.com\n" + last
        let record = try HostileInput.read(bytes: Array(text.utf8), name: "truncated.mbox")
        #expect(record.documents.map(\.subject) == ["first", "cut"])
        #expect(record.documents.last?.source == SourceLocation(
            file: "truncated.mbox", index: 2, offset: HostileInput.separator.utf8.count + Self.message("first", id: "first").utf8.count + 1))
        #expect(record.countsAddUp)
    }

    @Test func truncatedMultipartSaysSoAndKeepsTheText() throws {
        let text = HostileInput.separator + "From: anna@example.com\nSubject: cut\n"
            + "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n"
            + "Content-Transfer-Encoding: base64\n\nSGVsbG8gd29y"
        let record = try HostileInput.read(bytes: Array(text.utf8), name: "truncated.mbox")
        #expect(record.documents.map(\.text) == ["Hello wor"])
        #expect(record.diagnostics("mime.unclosed").count == 1)
    }

    @Test func mixedLineEndingsReadTheSameAsLF() throws {
        let messages = (1...4).map { number in
            HostileInput.separator + Self.message("number \(number)", id: "n\(number)", body: "Line one.\nLine two.\n") + "\n"
        }
        let lf = messages.joined()
        // Every other message in CRLF, and within the last one the line endings alternate.
        var mixed = ""
        for (position, message) in messages.enumerated() {
            switch position % 3 {
            case 0: mixed += message
            case 1: mixed += message.replacingOccurrences(of: "\n", with: "\r\n")
            default:
                for (number, line) in message.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
                    mixed += line + (number % 2 == 0 ? "\r\n" : "\n")
                }
            }
        }
        let expected = try HostileInput.read(bytes: Array(lf.utf8), name: "x.mbox").documents
        let actual = try HostileInput.read(bytes: Array(mixed.utf8), name: "x.mbox").documents
        #expect(expected.count == 4)
        #expect(actual.map(\.subject) == expected.map(\.subject))
        #expect(actual.map(\.text) == expected.map(\.text))
        #expect(actual.map(\.from) == expected.map(\.from))
        #expect(actual.map(\.date) == expected.map(\.date))
    }
}
