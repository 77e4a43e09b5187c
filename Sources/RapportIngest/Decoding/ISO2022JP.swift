/// Rewrites ISO-2022-JP as Shift_JIS bytes so it can be decoded with CP932, the way mail clients read it
/// (Microsoft's CP50221): mail labelled ISO-2022-JP routinely carries NEC special characters such as ① and №,
/// which strict ISO-2022-JP converters reject.
///
/// Handles the designations of plain ISO-2022-JP and its JIS X 0201 katakana (`ESC ( I` and SO/SI). Returns nil
/// for any other escape sequence (the ISO-2022-JP-2 character sets), which the caller leaves to a full converter.
enum ISO2022JP {
    private enum Mode {
        case ascii, katakana, jisX0208
    }

    private static let escape: UInt8 = 0x1B
    private static let shiftOut: UInt8 = 0x0E
    private static let shiftIn: UInt8 = 0x0F
    /// A byte CP932 does not decode, written for a half character so that the decoder reports it.
    private static let undecodable: UInt8 = 0xFF

    static func shiftJIS(from buffer: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(buffer.count)
        var mode = Mode.ascii
        var shiftedOut = false
        var index = 0
        while index < buffer.count {
            let byte = buffer[index]
            switch byte {
            case escape:
                guard let (designated, length) = designation(in: buffer, at: index) else { return nil }
                mode = designated
                index += length
                continue
            case shiftOut:
                shiftedOut = true
            case shiftIn:
                shiftedOut = false
            case 0x21...0x7E where shiftedOut || mode == .katakana:
                output.append(byte < 0x60 ? byte + 0x80 : undecodable)
            case 0x21...0x7E where mode == .jisX0208:
                guard index + 1 < buffer.count, (0x21...0x7E).contains(buffer[index + 1]) else {
                    output.append(undecodable)
                    break
                }
                let (lead, trail) = shiftJISPair(byte, buffer[index + 1])
                output.append(lead)
                output.append(trail)
                index += 1
            case ASCII.lf, ASCII.cr:
                // Line breaks end a double-byte run even when an encoder forgot to switch back.
                mode = .ascii
                output.append(byte)
            default:
                output.append(byte)
            }
            index += 1
        }
        return output
    }

    /// The mode an escape sequence selects and its length, or nil for sequences this rewrite does not handle.
    private static func designation(in buffer: UnsafeBufferPointer<UInt8>, at start: Int) -> (Mode, Int)? {
        func byte(_ offset: Int) -> UInt8? { start + offset < buffer.count ? buffer[start + offset] : nil }
        switch (byte(1), byte(2)) {
        case (UInt8(ascii: "("), UInt8(ascii: "B")), (UInt8(ascii: "("), UInt8(ascii: "J")):
            return (.ascii, 3)
        case (UInt8(ascii: "("), UInt8(ascii: "I")):
            return (.katakana, 3)
        case (UInt8(ascii: "$"), UInt8(ascii: "@")), (UInt8(ascii: "$"), UInt8(ascii: "B")):
            return (.jisX0208, 3)
        case (UInt8(ascii: "&"), UInt8(ascii: "@")):
            // JIS X 0208-1990 announcement; the `ESC $ B` that follows selects the set.
            return byte(3) == escape ? (.jisX0208, 3) : nil
        default:
            return nil
        }
    }

    /// The JIS X 0208 row/cell pair `first second` (each 0x21...0x7E) as a Shift_JIS byte pair.
    private static func shiftJISPair(_ first: UInt8, _ second: UInt8) -> (UInt8, UInt8) {
        var lead = (first - 0x21) / 2 + 0x81
        if lead > 0x9F { lead += 0x40 }
        var trail: UInt8
        if first % 2 == 1 {
            trail = second + 0x1F
            if trail >= 0x7F { trail += 1 }
        } else {
            trail = second + 0x7E
        }
        return (lead, trail)
    }
}
