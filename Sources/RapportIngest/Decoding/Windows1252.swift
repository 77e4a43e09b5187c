/// Decodes windows-1252, the charset mail software really writes when it says ISO-8859-1 or US-ASCII.
///
/// Every byte maps to a scalar (the five bytes windows-1252 leaves undefined become the C1 controls of the same
/// value, as in the WHATWG Encoding Standard), so this decode cannot fail: it is the last resort for 8-bit text.
enum Windows1252 {
    /// Scalars for 0x80...0x9F; the other bytes are their own code points.
    private static let highControls: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func decode(_ buffer: UnsafeBufferPointer<UInt8>) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(buffer.count + buffer.count / 2)
        for byte in buffer {
            if byte < 0x80 {
                utf8.append(byte)
                continue
            }
            let scalar = byte < 0xA0 ? highControls[Int(byte - 0x80)] : UInt16(byte)
            if scalar < 0x800 {
                utf8.append(UInt8(0xC0 | (scalar >> 6)))
                utf8.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                utf8.append(UInt8(0xE0 | (scalar >> 12)))
                utf8.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                utf8.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
