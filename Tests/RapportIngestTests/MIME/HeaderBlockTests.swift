import Foundation
import RapportTestSupport
import Testing
@testable import RapportIngest

@Suite struct HeaderBlockTests {
    @Test func unfoldsAndFindsNamesCaseInsensitively() {
        let input = "Subject: a long\r\n  folded subject\r\nX-Dup: 1\r\nx-dup: 2\r\nContent-Type: text/plain;\r\n\tcharset=utf-8\r\n\r\nbody\r\n"
        let bytes = Array(input.utf8)
        let (headers, bodyStart) = HeaderBlock.parse(bytes[...])
        #expect(headers.text("subject") == "a long  folded subject")
        #expect(headers.texts("X-DUP") == ["1", "2"])
        #expect(headers.text("content-type") == "text/plain;\tcharset=utf-8")
        #expect(String(decoding: bytes[bodyStart...], as: UTF8.self) == "body\r\n")
        #expect(!headers.missingSeparator)
    }

    @Test func nonHeaderLineStartsTheBody() {
        let bytes = Array("Subject: x\nthis is not a header\nmore\n".utf8)
        let (headers, bodyStart) = HeaderBlock.parse(bytes[...])
        #expect(headers.fields.map(\.name) == ["Subject"])
        #expect(headers.missingSeparator)
        #expect(String(decoding: bytes[bodyStart...], as: UTF8.self) == "this is not a header\nmore\n")
    }

    @Test func eightBitValuesAreKept() {
        let bytes: [UInt8] = Array("Subject: ".utf8) + [0xC3, 0xA1] + Array("\nFrom: ".utf8) + [0xE1] + Array("\n\n".utf8)
        let (headers, _) = HeaderBlock.parse(bytes[...])
        #expect(headers.text("Subject") == "á")
        #expect(headers.text("From") == "á")
    }

    @Test func headersWithoutBodyAndEmptyInput() {
        let (headers, bodyStart) = HeaderBlock.parse(Array("A: 1\nB:2".utf8)[...])
        #expect(headers.fields.map(\.text) == ["1", "2"])
        #expect(bodyStart == 8)
        #expect(HeaderBlock.parse([][...]).0.fields.isEmpty)
    }
}

@Suite struct MultipartSplitterTests {
    @Test func splitsAtBoundariesAndDropsPreambleAndEpilogue() {
        let body = "preamble\n--b1\nContent-Type: text/plain\n\none\n--b1  \n\ntwo\n--b1--\nepilogue\n"
        let (parts, closed) = MultipartSplitter.split(Array(body.utf8)[...], boundary: "b1")
        #expect(closed)
        #expect(parts.map { String(decoding: $0, as: UTF8.self) } == ["Content-Type: text/plain\n\none", "\ntwo"])
    }

    @Test func missingClosingBoundaryKeepsTheLastPart() {
        let body = "--b1\r\n\r\none\r\n--b1\r\n\r\ntwo, never closed\r\n"
        let (parts, closed) = MultipartSplitter.split(Array(body.utf8)[...], boundary: "b1")
        #expect(!closed)
        #expect(parts.map { String(decoding: $0, as: UTF8.self) } == ["\r\none", "\r\ntwo, never closed\r\n"])
    }

    @Test func longerBoundaryWithSamePrefixIsNotABoundary() {
        let body = "--b1\n\nouter\n--b1x\nnot a boundary\n--b1--\n"
        let (parts, _) = MultipartSplitter.split(Array(body.utf8)[...], boundary: "b1")
        #expect(parts.map { String(decoding: $0, as: UTF8.self) } == ["\nouter\n--b1x\nnot a boundary"])
    }
}

/// `containsASCII` answers what Foundation's `contains` answers, on bytes or not.
@Suite struct ContainsASCIITests {
    @Test func answersAsFoundationDoes() {
        var random = SplitMix64(seed: 11)
        let pieces = ["=", "?", "=?", "/", "a", "text", " ", "é", "e\u{301}", "\u{301}", "?\u{301}", "/\u{338}", "\u{FF1D}", "日", "\r\n"]
        for _ in 0..<4_000 {
            let text = (0..<Int(random.next() % 10)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            for needle in ["=?", "/", "?"] {
                #expect(text.containsASCII(needle) == text.contains(needle), "\(text.unicodeScalars.map(\.value)) \(needle)")
            }
        }
        #expect("text/plain".containsASCII("/"))
        #expect(!"textplain".containsASCII("/"))
        #expect("=?utf-8?q?x?=".containsASCII("=?"))
        #expect(!"=".containsASCII("=?"))
    }
}
