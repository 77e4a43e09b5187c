import Foundation
import RapportModel
import Testing

@testable import RapportIngest

/// MIME structures built to recurse, fan out or never end. The walker's limits turn each into a
/// warning naming the message, keep the text it could read, and never decode an attachment
/// beyond its transfer encoding.
@Suite struct HostileMIMETests {
    private static func read(_ headers: String, _ body: String) throws -> IngestRecord {
        try HostileInput.read(bytes: HostileInput.message(headers: "MIME-Version: 1.0\n" + headers, body: body))
    }

    @Test func multipartsNestedTenThousandDeep() throws {
        let levels = 1..<10_000
        let body = "--b0\n"
            + levels.map { "Content-Type: multipart/mixed; boundary=\"b\($0)\"\n\n--b\($0)\n" }.joined()
            + "Content-Type: text/plain\n\nthe bottom\n"
            + levels.reversed().map { "\n--b\($0)--\n" }.joined() + "\n--b0--\n"
        let record = try Self.read("Content-Type: multipart/mixed; boundary=\"b0\"\n", body)
        #expect(record.documents.count == 1)
        #expect(record.documents.first?.text == "")
        #expect(record.diagnostics("mime.depth").map(\.severity) == [.warning])
        #expect(record.diagnostics("mime.depth").map(\.location) == [SourceLocation(file: "hostile.eml")])
    }

    @Test func forwardedMessagesNestedTenThousandDeep() throws {
        let message = "From: anna@example.com\n"
            + (1..<10_000).map { "Subject: level \($0)\nContent-Type: message/rfc822\n\n" }.joined()
            + "Subject: level 10000\n\nthe bottom\n"
        let record = try HostileInput.read(bytes: Array(message.utf8))
        // The message and eight forwarded levels inside it are read; the rest is skipped, said once.
        #expect(record.documents.map(\.subject) == (1...9).map { "level \($0)" })
        #expect(record.diagnostics("mime.depth").count == 1)
        #expect(record.countsAddUp)
    }

    @Test func forwardedMessagesShareTheOuterMessagesBytes() throws {
        // Each level used to copy the rest of the message: nine levels, nine copies.
        let size = 8 << 20
        let filler = String(repeating: "Some words of the innermost message.\n", count: size / 37)
        let message = "From: anna@example.com\n"
            + (1..<12).map { "Subject: level \($0)\nMessage-ID: <\($0)@example.com>\nContent-Type: message/rfc822\n\n" }
                .joined()
            + "Subject: level 12\n\n" + filler
        let bytes = Array(message.utf8)
        let (record, growth) = try MemoryWatch.peakGrowth { try HostileInput.read(bytes: bytes) }
        #expect(record.documents.map(\.subject) == (1...9).map { "level \($0)" })
        #expect(growth < 3 * size, "resident memory grew by \(growth >> 20) MiB")
    }

    @Test func hundredThousandParts() throws {
        let parts = (0..<100_000).map { "--b\nContent-Type: text/plain\n\npart \($0)\n" }.joined()
        let record = try Self.read("Content-Type: multipart/mixed; boundary=b\n", parts + "--b--\n")
        let text = try #require(record.documents.first?.text)
        let paragraphs = text.components(separatedBy: "\n\n")
        // The message itself counts as one of the walker's 10,000 parts.
        #expect(paragraphs.count == MIMEWalker().maximumParts - 1)
        #expect(paragraphs.last == "part \(MIMEWalker().maximumParts - 2)")
        #expect(record.diagnostics("mime.parts").count == 1)
    }

    @Test func hundredThousandAttachmentsAreListedUpToTheLimit() throws {
        let parts = (0..<100_000).map { "--b\nContent-Type: application/pdf; name=\"f\($0).pdf\"\n\nJVBE\n" }.joined()
        let record = try Self.read("Content-Type: multipart/mixed; boundary=b\n", parts + "--b--\n")
        #expect(record.documents.first?.attachments.count == MIMEWalker().maximumParts - 1)
        #expect(record.diagnostics("mime.parts").count == 1)
    }

    @Test func boundaryThatNeverCloses() throws {
        let body = "--b\nContent-Type: text/plain\n\nfirst\n--b\nContent-Type: text/plain\n\nsecond and the rest\n"
            + String(repeating: "more words\n", count: 100_000)
        let record = try Self.read("Content-Type: multipart/mixed; boundary=b\n", body)
        let text = try #require(record.documents.first?.text)
        #expect(text.hasPrefix("first\n\nsecond and the rest\nmore words"))
        #expect(text.hasSuffix("more words"))
        #expect(record.diagnostics("mime.unclosed").count == 1)
    }

    @Test func boundaryThatNeverAppears() throws {
        let body = String(repeating: "--c\nnot the boundary\n", count: 100_000)
        let record = try Self.read("Content-Type: multipart/mixed; boundary=b\n", body)
        #expect(record.documents.first?.text == String(body.dropLast()))
        #expect(record.diagnostics("mime.no-parts").count == 1)
    }

    @Test func base64ThatNeverEnds() throws {
        // Eight MiB of base64 on one line with no closing boundary and no end of line.
        let base64 = String(repeating: "QUJD", count: 2 << 20)
        let body = "--b\nContent-Type: application/octet-stream; name=\"endless.bin\"\n"
            + "Content-Transfer-Encoding: base64\n\n" + base64
        let (record, growth) = try MemoryWatch.peakGrowth {
            try Self.read("Content-Type: multipart/mixed; boundary=b\n", body)
        }
        #expect(record.documents.first?.attachments == [Attachment(name: "endless.bin", type: "application/octet-stream", size: 6 << 20)])
        #expect(record.diagnostics("mime.unclosed").count == 1)
        #expect(growth < 128 << 20, "resident memory grew by \(growth >> 20) MiB")
    }

    @Test func base64TextPartThatNeverEnds() throws {
        let base64 = String(repeating: "d29yZHMg", count: 1 << 19)   // "words " * 2^19
        let body = "--b\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n" + base64
        let record = try Self.read("Content-Type: multipart/mixed; boundary=b\n", body)
        #expect(record.documents.first?.text == String(repeating: "words ", count: 1 << 19))
        #expect(record.diagnostics("mime.unclosed").count == 1)
    }

    @Test func zipBombIsListedNeverOpened() throws {
        // A zip whose one entry claims 4 GiB uncompressed: attachments are listed with their
        // encoded size and type, never decompressed, so the claim costs nothing.
        let zip = Self.zipClaimingFourGibibytes()
        let body = "--b\nContent-Type: text/plain\n\nSee attached.\n--b\n"
            + "Content-Type: application/zip; name=\"bomb.zip\"\nContent-Disposition: attachment; filename=\"bomb.zip\"\n"
            + "Content-Transfer-Encoding: base64\n\n" + Data(zip).base64EncodedString(options: .lineLength76Characters)
            + "\n--b\nContent-Type: application/gzip\nContent-Encoding: gzip\n\n" + String(repeating: "\u{1F}", count: 100)
            + "\n--b--\n"
        let (record, growth) = try MemoryWatch.peakGrowth {
            try Self.read("Content-Type: multipart/mixed; boundary=b\n", body)
        }
        #expect(record.documents.first?.text == "See attached.")
        #expect(record.documents.first?.attachments == [
            Attachment(name: "bomb.zip", type: "application/zip", size: zip.count),
            Attachment(name: nil, type: "application/gzip", size: 100),
        ])
        #expect(growth < 64 << 20, "resident memory grew by \(growth >> 20) MiB")
    }

    /// A local file header and central directory for one deflated entry named `zeros`, claiming
    /// 4 GiB of output from a few bytes of deflate data (an empty stored block, repeated).
    private static func zipClaimingFourGibibytes() -> [UInt8] {
        func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
        func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        let name = Array("zeros".utf8)
        let data = [UInt8](repeating: 0x00, count: 1024)
        let local = le32(0x0403_4B50) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0) + le32(0)
            + le32(UInt32(data.count)) + le32(0xFFFF_FFFF) + le16(UInt16(name.count)) + le16(0) + name + data
        let central = le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0) + le32(0)
            + le32(UInt32(data.count)) + le32(0xFFFF_FFFF) + le16(UInt16(name.count)) + le16(0) + le16(0) + le16(0)
            + le16(0) + le32(0) + le32(0) + name
        let end = le32(0x0605_4B50) + le16(0) + le16(0) + le16(1) + le16(1) + le32(UInt32(central.count))
            + le32(UInt32(local.count)) + le16(0)
        return local + central + end
    }
}
