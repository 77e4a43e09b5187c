import Foundation
import Testing
@testable import RapportIngest

/// One encoded input and the exact bytes it must decode to.
struct TransferCase: Sendable, CustomTestStringConvertible {
    var name: String
    var input: String
    var bytes: [UInt8]
    var testDescription: String { name }

    init(_ name: String, _ input: String, _ bytes: [UInt8]) {
        self.name = name
        self.input = input
        self.bytes = bytes
    }

    init(_ name: String, _ input: String, _ text: String) {
        self.init(name, input, Array(text.utf8))
    }
}

@Suite struct TransferEncodingTests {
    static let base64: [TransferCase] = [
        TransferCase("padded", "SGVsbG8=", "Hello"),
        TransferCase("no padding needed", "SGVsbG8h", "Hello!"),
        TransferCase("missing padding, two characters left", "SGVsbA", "Hell"),
        TransferCase("missing padding, three characters left", "SGVsbG8", "Hello"),
        TransferCase("too much padding", "SGVsbG8===", "Hello"),
        TransferCase("padding where none belongs", "SGVs=bG8h", "Hello!"),
        TransferCase("lone padding", "=", ""),
        TransferCase("CRLF line breaks", "SGVs\r\nbG8g\r\nV29y\r\nbGQ=\r\n", "Hello World"),
        TransferCase("LF line breaks, spaces and tabs", " SGVs bG8g\tV29y\nbGQ= \n", "Hello World"),
        TransferCase("stray characters", "SG!Vs*bG8~g-V2_9ybGQ.", "Hello World"),
        TransferCase("truncated last quantum of one character", "SGVsbG8gV", "Hello "),
        TransferCase("separately padded pieces", "SGVsbA==bw==IQ==", "Hello!"),
        TransferCase("binary", "AP9/gA==", [0x00, 0xFF, 0x7F, 0x80]),
        TransferCase("all 64 digits", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
                     [0x00, 0x10, 0x83, 0x10, 0x51, 0x87, 0x20, 0x92, 0x8B, 0x30, 0xD3, 0x8F,
                      0x41, 0x14, 0x93, 0x51, 0x55, 0x97, 0x61, 0x96, 0x9B, 0x71, 0xD7, 0x9F,
                      0x82, 0x18, 0xA3, 0x92, 0x59, 0xA7, 0xA2, 0x9A, 0xAB, 0xB2, 0xDB, 0xAF,
                      0xC3, 0x1C, 0xB3, 0xD3, 0x5D, 0xB7, 0xE3, 0x9E, 0xBB, 0xF3, 0xDF, 0xBF]),
        TransferCase("empty", "", []),
        TransferCase("only whitespace", " \r\n\t", []),
        TransferCase("8-bit garbage is skipped", "SGVs\u{E9}bG8=", "Hello"),
    ]

    @Test(arguments: base64)
    func decodesBase64(_ testCase: TransferCase) {
        #expect(TransferEncoding.decodeBase64(Array(testCase.input.utf8)) == testCase.bytes)
    }

    @Test func base64RoundTripsEveryByteValueWrappedAt76() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 / 256) }
        let encoded = Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn,
                                                                  .endLineWithLineFeed])
        #expect(encoded.contains("\r\n"))
        #expect(TransferEncoding.decodeBase64(Array(encoded.utf8)) == bytes)
        #expect(TransferEncoding.decodeBase64(Array(encoded.utf8)[...]) == bytes)
    }

    static let quotedPrintable: [TransferCase] = [
        TransferCase("upper-case hex", "caf=C3=A9", "café"),
        TransferCase("lower-case hex", "caf=c3=a9", "café"),
        TransferCase("soft line break with CRLF", "long=\r\nline", "longline"),
        TransferCase("soft line break with LF", "long=\nline", "longline"),
        TransferCase("soft line break with a lone CR", "long=\rline", "longline"),
        TransferCase("soft line break after transport padding", "long= \t\r\nline", "longline"),
        TransferCase("= at the end of the input", "the end=", "the end"),
        TransferCase("= and padding at the end of the input", "the end=  ", "the end"),
        TransferCase("= and one hex digit at the end", "x=4", "x=4"),
        TransferCase("invalid =XY kept literally", "a=ZZb =4G 100%=", "a=ZZb =4G 100%"),
        TransferCase("= followed by a space mid-line", "1 = 1", "1 = 1"),
        TransferCase("= before an encoded =", "a==3D", "a=="),
        TransferCase("trailing whitespace removed before CRLF", "trailing \t \r\nnext", "trailing\r\nnext"),
        TransferCase("trailing whitespace removed before LF", "trailing  \nnext", "trailing\nnext"),
        TransferCase("trailing whitespace removed at the end", "last line  ", "last line"),
        TransferCase("inner whitespace kept", "a  b\tc", "a  b\tc"),
        TransferCase("hard line breaks kept as written", "one\r\ntwo\nthree", "one\r\ntwo\nthree"),
        TransferCase("encoded trailing space survives", "space=20\r\n", "space \r\n"),
        TransferCase("8-bit bytes pass through", "\u{E9}", "\u{E9}"),
        TransferCase("encoded CRLF", "a=0D=0Ab", "a\r\nb"),
        TransferCase("empty", "", ""),
        TransferCase("only a soft break", "=\r\n", ""),
    ]

    @Test(arguments: quotedPrintable)
    func decodesQuotedPrintable(_ testCase: TransferCase) {
        #expect(TransferEncoding.decodeQuotedPrintable(Array(testCase.input.utf8)) == testCase.bytes)
    }

    @Test func quotedPrintableDecodesRawBytesNotJustText() {
        let input: [UInt8] = [0x3D, 0x45, 0x39, 0xE9, 0x3D, 0x0D, 0x0A, 0x41]
        #expect(TransferEncoding.decodeQuotedPrintable(input) == [0xE9, 0xE9, 0x41])
    }

    @Test func longBlankRunsDecodeInLinearTime() {
        let blanks = String(repeating: " ", count: 200_000)
        #expect(TransferEncoding.decodeQuotedPrintable(Array((blanks + "x").utf8)).count == 200_001)
        #expect(TransferEncoding.decodeQuotedPrintable(Array((blanks + "\n").utf8)) == [0x0A])
    }
}
