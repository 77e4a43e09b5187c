extension Collection where Element == UInt8 {
    /// Runs `body` over the bytes as one contiguous buffer, copying only when the collection has no
    /// contiguous storage of its own (most callers pass `[UInt8]` or `ArraySlice<UInt8>`, which do).
    func withByteBuffer<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = withContiguousStorageIfAvailable(body) { return result }
        return Array(self).withUnsafeBufferPointer(body)
    }
}

/// Hexadecimal digits as they appear in quoted-printable, Q-encoded words and RFC 2231 values.
enum HexDigit {
    /// The value of an ASCII hex digit of either case, or nil.
    @inline(__always) static func value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
