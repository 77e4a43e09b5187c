/// What one pass over the bytes learned about them as UTF-8.
enum UTF8Shape: Equatable, Sendable {
    /// Only bytes below 0x80: identical in UTF-8, US-ASCII and every ASCII-compatible charset.
    case ascii
    /// Well-formed UTF-8 with at least one multi-byte character.
    case valid
    /// Not well-formed; `hasMultibyteCharacters` tells whether any well-formed multi-byte character was seen, which
    /// separates damaged UTF-8 from text in a legacy 8-bit charset.
    case invalid(hasMultibyteCharacters: Bool)
}

/// A byte loop that checks UTF-8 well-formedness (no overlong forms, no surrogates, nothing above U+10FFFF), so
/// valid text can go straight to `String(decoding:as:)` without a converter.
enum UTF8Validation {
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    static func shape(of buffer: UnsafeBufferPointer<UInt8>) -> UTF8Shape {
        guard let base = buffer.baseAddress else { return .ascii }
        let count = buffer.count
        var index = 0
        var sawMultibyte = false
        var sawInvalid = false
        while index < count {
            // Eight ASCII bytes at a time: mail is mostly ASCII.
            if index + 8 <= count,
               UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & highBits == 0 {
                index += 8
                continue
            }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length = sequenceLength(base, at: index, count: count)
            if length == 0 {
                sawInvalid = true
                index += 1
            } else {
                sawMultibyte = true
                index += length
            }
            if sawInvalid && sawMultibyte { break }
        }
        if sawInvalid { return .invalid(hasMultibyteCharacters: sawMultibyte) }
        return sawMultibyte ? .valid : .ascii
    }

    static func isASCII(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        var index = 0
        while index + 8 <= buffer.count {
            if UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & highBits != 0 { return false }
            index += 8
        }
        while index < buffer.count {
            if base[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// The length of the well-formed multi-byte sequence starting at `index`, or 0 when there is none
    /// (Unicode Table 3-7).
    private static func sequenceLength(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> Int {
        let lead = base[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return 0
        }
        guard index + length <= count, secondRange.contains(base[index + 1]) else { return 0 }
        for offset in 2..<length where !(0x80...0xBF).contains(base[index + offset]) {
            return 0
        }
        return length
    }
}
