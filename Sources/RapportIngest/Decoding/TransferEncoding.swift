import RapportModel

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

    /// Written through a pointer (three bytes for every four characters at most): appending
    /// byte by byte checked the array's capacity for every byte.
    private static func decodeBase64(buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: buffer.count / 4 * 3 + 3) { output, written in
            var out = 0
            var group: UInt32 = 0
            var groupLength = 0
            func flushPartialGroup() {
                switch groupLength {
                case 2:
                    output[out] = UInt8(truncatingIfNeeded: group >> 4)
                    out += 1
                case 3:
                    output[out] = UInt8(truncatingIfNeeded: group >> 10)
                    output[out + 1] = UInt8(truncatingIfNeeded: group >> 2)
                    out += 2
                default:
                    break
                }
                group = 0
                groupLength = 0
            }
            // The table through a pointer: a global read in the loop is checked for its lazy start.
            base64Values.withUnsafeBufferPointer { values in
                var index = 0
                while index < buffer.count {
                    // Four characters of the alphabet at a group's start (nearly every group of
                    // a body): one group, decoded without a test per character.
                    if groupLength == 0, index + 4 <= buffer.count {
                        let first = values[Int(buffer[index])], second = values[Int(buffer[index + 1])]
                        let third = values[Int(buffer[index + 2])], fourth = values[Int(buffer[index + 3])]
                        if (first | second | third | fourth) & 0x80 == 0 {
                            let whole = UInt32(first) << 18 | UInt32(second) << 12 | UInt32(third) << 6 | UInt32(fourth)
                            output[out] = UInt8(truncatingIfNeeded: whole >> 16)
                            output[out + 1] = UInt8(truncatingIfNeeded: whole >> 8)
                            output[out + 2] = UInt8(truncatingIfNeeded: whole)
                            out += 3
                            index += 4
                            continue
                        }
                    }
                    let byte = buffer[index]
                    index += 1
                    let value = values[Int(byte)]
                    if value != 0xFF {
                        group = group << 6 | UInt32(value)
                        groupLength += 1
                        if groupLength == 4 {
                            output[out] = UInt8(truncatingIfNeeded: group >> 16)
                            output[out + 1] = UInt8(truncatingIfNeeded: group >> 8)
                            output[out + 2] = UInt8(truncatingIfNeeded: group)
                            out += 3
                            group = 0
                            groupLength = 0
                        }
                    } else if byte == padding {
                        flushPartialGroup()
                    }
                }
            }
            flushPartialGroup()
            written = out
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

    /// Written through a pointer into storage of the input's size (decoding never lengthens):
    /// appending byte by byte checked the array's capacity for every byte.
    private static func decodeQuotedPrintable(buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let count = buffer.count
        return [UInt8](unsafeUninitializedCapacity: count) { output, written in
            var out = 0
            var index = 0
            let equals = SIMD16<UInt8>(repeating: padding), space = SIMD16<UInt8>(repeating: ASCII.space)
            let tab = SIMD16<UInt8>(repeating: ASCII.tab), lf = SIMD16<UInt8>(repeating: ASCII.lf)
            let cr = SIMD16<UInt8>(repeating: ASCII.cr)
            while index < count {
                // Sixteen bytes at a time up to the next `=`, or blank that another blank or a line
                // break follows (a blank before a word is kept as it is): stored whole (the output
                // never runs ahead of the input, so they fit), kept up to that byte.
                if index + 17 <= count, let base = buffer.baseAddress, let target = output.baseAddress {
                    let chunk = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
                    let next = UnsafeRawPointer(base + index + 1).loadUnaligned(as: SIMD16<UInt8>.self)
                    let blank = (chunk .== space) .| (chunk .== tab)
                    let nextEnds = (next .== space) .| (next .== tab) .| (next .== lf) .| (next .== cr)
                    let special = (chunk .== equals) .| (blank .& nextEnds)
                    let plain = SIMDBytes.firstSet(special)
                    UnsafeMutableRawPointer(target + out).storeBytes(of: chunk, as: SIMD16<UInt8>.self)
                    out += plain
                    index += plain
                    if plain == 16 { continue }
                }
                let byte = buffer[index]
                switch byte {
                case padding:
                    if index + 2 < count, let high = HexDigit.value(buffer[index + 1]),
                       let low = HexDigit.value(buffer[index + 2]) {
                        output[out] = high << 4 | low
                        out += 1
                        index += 3
                    } else if let afterBreak = softBreakEnd(in: buffer, from: index + 1) {
                        index = afterBreak
                    } else {
                        output[out] = byte
                        out += 1
                        index += 1
                    }
                case ASCII.space, ASCII.tab:
                    let blanksEnd = blankRunEnd(in: buffer, from: index)
                    if !(blanksEnd == count || buffer[blanksEnd] == ASCII.lf || buffer[blanksEnd] == ASCII.cr) {
                        for blank in index..<blanksEnd {
                            output[out] = buffer[blank]
                            out += 1
                        }
                    }
                    index = blanksEnd
                default:
                    output[out] = byte
                    out += 1
                    index += 1
                }
            }
            written = out
        }
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
