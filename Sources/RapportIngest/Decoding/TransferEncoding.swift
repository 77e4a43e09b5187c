/// Decodes MIME content-transfer-encodings (RFC 2045) leniently: mail in the wild is often damaged, and a decoder
/// that gives up loses a whole message over one bad character.
enum TransferEncoding {
    // MARK: - Base64

    /// Decodes base64, skipping whitespace and any character outside the alphabet.
    ///
    /// `=` ends the current 4-character group wherever it appears, so missing padding, extra padding and bodies
    /// made of several separately padded pieces all decode. A last group of 2 or 3 characters yields 1 or 2 bytes;
    /// a lone last character carries too few bits for a byte and is dropped.
    static func decodeBase64<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        bytes.withByteBuffer(decodeBase64(buffer:))
    }

    private static let base64Values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(character)] = UInt8(value)
        }
        return table
    }()

    private static let padding = UInt8(ascii: "=")

    private static func decodeBase64(buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(buffer.count / 4 * 3 + 3)
        var group: UInt32 = 0
        var groupLength = 0
        for byte in buffer {
            let value = base64Values[Int(byte)]
            if value != 0xFF {
                group = group << 6 | UInt32(value)
                groupLength += 1
                if groupLength == 4 {
                    output.append(UInt8(truncatingIfNeeded: group >> 16))
                    output.append(UInt8(truncatingIfNeeded: group >> 8))
                    output.append(UInt8(truncatingIfNeeded: group))
                    group = 0
                    groupLength = 0
                }
            } else if byte == padding {
                flushPartialGroup(group, length: groupLength, into: &output)
                group = 0
                groupLength = 0
            }
        }
        flushPartialGroup(group, length: groupLength, into: &output)
        return output
    }

    private static func flushPartialGroup(_ group: UInt32, length: Int, into output: inout [UInt8]) {
        switch length {
        case 2:
            output.append(UInt8(truncatingIfNeeded: group >> 4))
        case 3:
            output.append(UInt8(truncatingIfNeeded: group >> 10))
            output.append(UInt8(truncatingIfNeeded: group >> 2))
        default:
            break
        }
    }

    // MARK: - Quoted-printable

    /// Decodes quoted-printable body text.
    ///
    /// `=XY` with hex digits of either case becomes one byte; `=` before LF or CRLF (or before spaces and tabs and
    /// then a line end) is a soft line break and disappears, as does a `=` that ends the input; any other `=` is
    /// kept literally. Spaces and tabs at the end of a line are transport padding and are removed. Hard line
    /// breaks are kept as they are (LF or CRLF).
    static func decodeQuotedPrintable<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        bytes.withByteBuffer(decodeQuotedPrintable(buffer:))
    }

    private static func decodeQuotedPrintable(buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(buffer.count)
        let count = buffer.count
        var index = 0
        while index < count {
            let byte = buffer[index]
            switch byte {
            case padding:
                if index + 2 < count, let high = HexDigit.value(buffer[index + 1]),
                   let low = HexDigit.value(buffer[index + 2]) {
                    output.append(high << 4 | low)
                    index += 3
                } else if let afterBreak = softBreakEnd(in: buffer, from: index + 1) {
                    index = afterBreak
                } else {
                    output.append(byte)
                    index += 1
                }
            case ASCII.space, ASCII.tab:
                let blanksEnd = blankRunEnd(in: buffer, from: index)
                if !(blanksEnd == count || buffer[blanksEnd] == ASCII.lf || buffer[blanksEnd] == ASCII.cr) {
                    output.append(contentsOf: buffer[index..<blanksEnd])
                }
                index = blanksEnd
            default:
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    /// The index past the spaces and tabs starting at `start`.
    private static func blankRunEnd(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < buffer.count, buffer[index] == ASCII.space || buffer[index] == ASCII.tab {
            index += 1
        }
        return index
    }

    /// For the bytes after a `=`: when only spaces and tabs separate `start` from a line break (LF, CRLF, a lone CR)
    /// or the end of the input, the index past that break; nil when the `=` is not a soft line break.
    private static func softBreakEnd(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let index = blankRunEnd(in: buffer, from: start)
        guard index < buffer.count else { return index }
        switch buffer[index] {
        case ASCII.lf: return index + 1
        case ASCII.cr: return index + 1 < buffer.count && buffer[index + 1] == ASCII.lf ? index + 2 : index + 1
        default: return nil
        }
    }
}
