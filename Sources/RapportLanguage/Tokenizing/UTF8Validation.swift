/// Checks that bytes are well-formed UTF-8, so callers holding bytes (a line read from a file)
/// can score them without first making a `String`, whose creation checks and copies them.
public enum UTF8Validation {
    /// Whether `bytes` are well-formed UTF-8 (Unicode table 3-7): exactly the bytes that
    /// `String(decoding:as: UTF8.self)` keeps unchanged. ASCII is checked eight bytes at a time.
    public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count {
                // Eight bytes at a time, jumping straight to the first one that is not ASCII.
                let high = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080
                guard high != 0 else {
                    index += 8
                    continue
                }
                index += UInt64(littleEndian: high).trailingZeroBitCount / 8
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return false
            }
            guard index + length <= count else { return false }
            // The second byte's range excludes overlong forms, surrogates and values past U+10FFFF.
            let second = bytes[index + 1]
            let secondRange: ClosedRange<UInt8>
            switch lead {
            case 0xE0: secondRange = 0xA0...0xBF
            case 0xED: secondRange = 0x80...0x9F
            case 0xF0: secondRange = 0x90...0xBF
            case 0xF4: secondRange = 0x80...0x8F
            default: secondRange = 0x80...0xBF
            }
            guard secondRange.contains(second) else { return false }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}
