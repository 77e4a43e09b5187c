#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts one buffer to UTF-8 with the C library's iconv: the dependable decoder on Linux for the legacy
/// charsets Foundation there gets wrong or does not know (EUC-JP, KOI8, Big5, GB18030…).
///
/// Bytes the charset cannot decode, and a truncated sequence at the end, each become one U+FFFD and the
/// conversion resumes one byte later, so a damaged message still yields all of its readable text.
enum IconvDecoder {
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// The decoded text, or nil when this system's iconv has no converter for `charset`. The output buffer starts at
    /// `initialCapacity` bytes (by default three per input byte, enough for every charset listed here) and doubles
    /// whenever iconv runs out of room.
    static func decode(_ buffer: UnsafeBufferPointer<UInt8>, charset: String,
                       initialCapacity: Int? = nil) -> RepairedText? {
        let converter = iconv_open("UTF-8", charset)
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return RepairedText(text: "", repairs: 0) }

        var output = [UInt8](repeating: 0, count: max(1, initialCapacity ?? buffer.count * 3 + 16))
        var written = 0
        var repairs = 0
        var input = UnsafeMutablePointer<CChar>(mutating: UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self))
        var inputLeft = buffer.count
        // After the input, one call with no input flushes a character the converter still holds back (CP1255 and
        // CP1258 wait for a combining mark that may follow).
        var finished = false
        while !finished {
            let flushing = inputLeft == 0
            var failure: Int32 = 0
            output.withUnsafeMutableBufferPointer { out in
                let rawOut = UnsafeMutableRawPointer(out.baseAddress!)
                var cursor: UnsafeMutablePointer<CChar>? = (rawOut + written).assumingMemoryBound(to: CChar.self)
                var outputLeft = out.count - written
                let status: Int
                if !flushing {
                    var inputCursor: UnsafeMutablePointer<CChar>? = input
                    status = iconv(converter, &inputCursor, &inputLeft, &cursor, &outputLeft)
                    input = inputCursor!
                } else {
                    status = iconv(converter, nil, nil, &cursor, &outputLeft)
                }
                if status == -1 { failure = errno }
                written = out.count - outputLeft
            }
            switch failure {
            case 0:
                finished = flushing
            case E2BIG:
                output.append(contentsOf: repeatElement(0, count: output.count))
            case _ where flushing:
                finished = true
            default:
                // EILSEQ (no such character) or EINVAL (a sequence cut off by the end of the input).
                while output.count - written < replacement.count {
                    output.append(contentsOf: repeatElement(0, count: output.count))
                }
                output.replaceSubrange(written..<written + replacement.count, with: replacement)
                written += replacement.count
                repairs += 1
                input += 1
                inputLeft -= 1
            }
        }
        return RepairedText(text: String(decoding: output[..<written], as: UTF8.self), repairs: repairs)
    }
}
