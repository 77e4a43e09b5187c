extension String {
    /// `lowercased()`, worked out on the UTF-8 bytes when every scalar is Latin-1 (ASCII and
    /// every Icelandic letter), whose capitals are A…Z and À…Þ but ×, each lower-cased 0x20
    /// higher; other text goes to `lowercased()`. The standard library's general path cost tens
    /// of thousands of instructions for an Icelandic sentence, a twentieth of a whole analysis.
    /// Text already in lower case is handed back as it is.
    public func lowercasedFast() -> String {
        var text = self
        enum Shape { case lower, latin1, other }
        let shape = text.withUTF8 { bytes -> Shape in
            var upper = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte >= 0x41 && byte <= 0x5A { upper = true }
                    index += 1
                    continue
                }
                guard byte == 0xC2 || byte == 0xC3, index + 1 < bytes.count, bytes[index + 1] & 0xC0 == 0x80 else {
                    return .other
                }
                if byte == 0xC3 && Self.isLatin1Capital(bytes[index + 1]) { upper = true }
                index += 2
            }
            return upper ? .latin1 : .lower
        }
        switch shape {
        case .lower: return text
        case .other: return lowercased()
        case .latin1:
            return text.withUTF8 { bytes in
                String(unsafeUninitializedCapacity: bytes.count) { buffer in
                    var previous: UInt8 = 0
                    for (index, byte) in bytes.enumerated() {
                        if byte >= 0x41 && byte <= 0x5A {
                            buffer[index] = byte | 0x20
                        } else if previous == 0xC3 && Self.isLatin1Capital(byte) {
                            buffer[index] = byte + 0x20
                        } else {
                            buffer[index] = byte
                        }
                        previous = byte
                    }
                    return bytes.count
                }
            }
        }
    }

    /// The second byte of a C3 pair that is a capital (À…Þ, U+00C0…U+00DE) but × (U+00D7).
    @inline(__always)
    private static func isLatin1Capital(_ second: UInt8) -> Bool {
        second >= 0x80 && second <= 0x9E && second != 0x97
    }
}
