import Foundation
import RapportTestSupport
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

/// The decoders write through pointers into storage sized up front; on seeded damaged input
/// they must give what plain appending does (the reference below is the earlier decoder).
@Suite struct TransferEncodingAgreementTests {
    static func referenceBase64(_ input: [UInt8]) -> [UInt8] {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(character)] = UInt8(value)
        }
        var output: [UInt8] = []
        var group: UInt32 = 0
        var length = 0
        func flush() {
            if length == 2 { output.append(UInt8(truncatingIfNeeded: group >> 4)) }
            if length == 3 { output += [UInt8(truncatingIfNeeded: group >> 10), UInt8(truncatingIfNeeded: group >> 2)] }
            group = 0
            length = 0
        }
        for byte in input {
            if table[Int(byte)] != 0xFF {
                group = group << 6 | UInt32(table[Int(byte)])
                length += 1
                if length == 4 {
                    output += [UInt8(truncatingIfNeeded: group >> 16), UInt8(truncatingIfNeeded: group >> 8), UInt8(truncatingIfNeeded: group)]
                    group = 0
                    length = 0
                }
            } else if byte == UInt8(ascii: "=") {
                flush()
            }
        }
        flush()
        return output
    }

    static func referenceQuotedPrintable(_ input: [UInt8]) -> [UInt8] {
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
            default: return nil
            }
        }
        func blanksEnd(_ start: Int) -> Int {
            var index = start
            while index < input.count, input[index] == 0x20 || input[index] == 0x09 { index += 1 }
            return index
        }
        var output: [UInt8] = []
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "=") {
                if index + 2 < input.count, let high = hex(input[index + 1]), let low = hex(input[index + 2]) {
                    output.append(high << 4 | low)
                    index += 3
                    continue
                }
                let end = blanksEnd(index + 1)
                if end == input.count {
                    index = end
                } else if input[end] == 0x0A {
                    index = end + 1
                } else if input[end] == 0x0D {
                    index = end + 1 < input.count && input[end + 1] == 0x0A ? end + 2 : end + 1
                } else {
                    output.append(byte)
                    index += 1
                }
            } else if byte == 0x20 || byte == 0x09 {
                let end = blanksEnd(index)
                if !(end == input.count || input[end] == 0x0A || input[end] == 0x0D) { output += input[index..<end] }
                index = end
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    @Test func agreeWithPlainAppendingOnSeededDamagedInput() {
        var random = SplitMix64(seed: 23)
        let alphabet = Array("AZaz09+/==  \t\r\n=3D=C3=A9=\r\n=zz.-é".utf8)
        for _ in 0..<5_000 {
            let input = (0..<Int(random.next() % 48)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            #expect(TransferEncoding.decodeBase64(input) == Self.referenceBase64(input), "\(input)")
            #expect(TransferEncoding.decodeQuotedPrintable(input) == Self.referenceQuotedPrintable(input), "\(input)")
        }
        // Long runs without `=`, words between single and double blanks, blanks before line
        // breaks: read sixteen bytes at a time, ending anywhere.
        let plain = Array("abcdefghijklmnopqrstuvwxyz0123456789.,-\r\n    \t".utf8)
        for _ in 0..<3_000 {
            let input = (0..<Int(random.next() % 200)).map { _ in
                random.next() % 12 == 0 ? alphabet[Int(random.next() % UInt64(alphabet.count))]
                    : plain[Int(random.next() % UInt64(plain.count))]
            }
            #expect(TransferEncoding.decodeQuotedPrintable(input) == Self.referenceQuotedPrintable(input), "\(input)")
            #expect(TransferEncoding.decodeQuotedPrintable(input.dropFirst(3)) == Self.referenceQuotedPrintable(Array(input.dropFirst(3))))
            // Mostly the base64 alphabet, decoded four at a time, with padding and damage here and there.
            let encoded = input.map { byte in plain.contains(byte) && byte != UInt8(ascii: ".") ? byte : UInt8(ascii: "Q") }
                + (random.next() % 2 == 0 ? input.suffix(3) : [])
            #expect(TransferEncoding.decodeBase64(encoded) == Self.referenceBase64(encoded), "\(encoded)")
            #expect(TransferEncoding.decodeBase64(input) == Self.referenceBase64(input), "\(input)")
        }
    }
}
