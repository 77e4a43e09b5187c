/// Decodes a raw header line's bytes into a String before RFC 2047 decoding: valid UTF-8 as UTF-8 (RFC 6532
/// allows it), anything else as windows-1252, a superset of Latin-1 in which every byte is a character, so
/// 8-bit headers never fail.
enum RawHeaderText {
    static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        bytes.withByteBuffer { buffer in
            switch UTF8Validation.shape(of: buffer) {
            case .ascii, .valid: String(decoding: buffer, as: UTF8.self)
            case .invalid: Windows1252.decode(buffer)
            }
        }
    }
}
