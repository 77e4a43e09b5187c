/// Small byte-level helpers shared by the readers, which work on raw bytes because mail is not
/// text until its charset is known.
enum ASCII {
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let colon: UInt8 = 0x3A

    @inline(__always) static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == cr || byte == lf
    }

    /// The ASCII bytes `Character.isWhitespace` takes: space and 0x09–0x0D (VT and FF too).
    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == space || (byte >= 0x09 && byte <= 0x0D)
    }

    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}

extension Collection where Element == UInt8 {
    /// True when the bytes start with `prefix`, compared ASCII case-insensitively.
    func hasPrefixIgnoringCase(_ prefix: String) -> Bool {
        var iterator = makeIterator()
        for expected in prefix.utf8 {
            guard let byte = iterator.next(), ASCII.lower(byte) == ASCII.lower(expected) else { return false }
        }
        return true
    }
}
