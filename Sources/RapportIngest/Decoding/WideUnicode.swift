/// The byte order of UTF-16 or UTF-32 code units.
enum ByteOrder: Sendable, Equatable {
    case bigEndian, littleEndian
}

/// Decodes UTF-16 and UTF-32 in Swift: a byte-order mark wins over the label, a label's order is used next, and
/// unlabelled text is sniffed from where the zero bytes of ASCII characters fall (big-endian when undecided, as
/// RFC 2781 says). Unpaired surrogates, values above U+10FFFF and a truncated last unit become U+FFFD.
enum WideUnicode {
    static func decodeUTF16(_ buffer: UnsafeBufferPointer<UInt8>, declared: ByteOrder?) -> RepairedText {
        var start = 0
        var order = declared
        if buffer.count >= 2 {
            switch (buffer[0], buffer[1]) {
            case (0xFE, 0xFF): order = .bigEndian; start = 2
            case (0xFF, 0xFE): order = .littleEndian; start = 2
            default: break
            }
        }
        let resolved = order ?? sniffUTF16Order(buffer)
        let unitCount = (buffer.count - start) / 2
        var units: [UInt16] = []
        units.reserveCapacity(unitCount)
        for unit in 0..<unitCount {
            let first = UInt16(buffer[start + 2 * unit])
            let second = UInt16(buffer[start + 2 * unit + 1])
            units.append(resolved == .bigEndian ? first << 8 | second : second << 8 | first)
        }
        var text = ""
        var repairs = 0
        var iterator = units.makeIterator()
        var decoder = UTF16()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): text.unicodeScalars.append(scalar)
            case .error: text.unicodeScalars.append(Unicode.Scalar.replacement); repairs += 1
            case .emptyInput: break decoding
            }
        }
        if (buffer.count - start) % 2 != 0 {
            text.unicodeScalars.append(Unicode.Scalar.replacement)
            repairs += 1
        }
        return RepairedText(text: text, repairs: repairs)
    }

    static func decodeUTF32(_ buffer: UnsafeBufferPointer<UInt8>, declared: ByteOrder?) -> RepairedText {
        var start = 0
        var order = declared
        if buffer.count >= 4 {
            switch (buffer[0], buffer[1], buffer[2], buffer[3]) {
            case (0x00, 0x00, 0xFE, 0xFF): order = .bigEndian; start = 4
            case (0xFF, 0xFE, 0x00, 0x00): order = .littleEndian; start = 4
            default: break
            }
        }
        let resolved = order ?? (buffer.count >= 4 && buffer[0] != 0 && buffer[3] == 0 ? .littleEndian : .bigEndian)
        var text = ""
        var repairs = 0
        var offset = start
        while offset + 4 <= buffer.count {
            let bytes = (UInt32(buffer[offset]), UInt32(buffer[offset + 1]),
                         UInt32(buffer[offset + 2]), UInt32(buffer[offset + 3]))
            let value = resolved == .bigEndian
                ? bytes.0 << 24 | bytes.1 << 16 | bytes.2 << 8 | bytes.3
                : bytes.3 << 24 | bytes.2 << 16 | bytes.1 << 8 | bytes.0
            if let scalar = Unicode.Scalar(value) {
                text.unicodeScalars.append(scalar)
            } else {
                text.unicodeScalars.append(Unicode.Scalar.replacement)
                repairs += 1
            }
            offset += 4
        }
        if offset < buffer.count {
            text.unicodeScalars.append(Unicode.Scalar.replacement)
            repairs += 1
        }
        return RepairedText(text: text, repairs: repairs)
    }

    /// Text that is mostly Latin script has a zero byte in every other position: first in big-endian units.
    private static func sniffUTF16Order(_ buffer: UnsafeBufferPointer<UInt8>) -> ByteOrder {
        var zerosFirst = 0
        var zerosSecond = 0
        var index = 0
        while index + 1 < min(buffer.count, 512) {
            if buffer[index] == 0 { zerosFirst += 1 }
            if buffer[index + 1] == 0 { zerosSecond += 1 }
            index += 2
        }
        return zerosSecond > zerosFirst ? .littleEndian : .bigEndian
    }
}

extension Unicode.Scalar {
    /// U+FFFD REPLACEMENT CHARACTER, written where bytes could not be decoded.
    static let replacement: Unicode.Scalar = "\u{FFFD}"
}

/// Text from a decoder that replaces what it cannot decode, with the number of replacements it made.
struct RepairedText: Equatable, Sendable {
    var text: String
    var repairs: Int
}
