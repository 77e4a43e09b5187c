/// Decodes bytes in a named charset. Never loses a message: unknown or lying charsets get a best-effort decode.
///
/// The rules, in order:
/// - pure ASCII in an ASCII-compatible charset is returned as is, without a converter;
/// - UTF-8 is checked with a byte loop; damaged UTF-8 is repaired with U+FFFD, except when it holds no
///   well-formed multi-byte character at all, which means the label lies about 8-bit text: that is read as
///   windows-1252 so its letters survive;
/// - US-ASCII with 8-bit bytes, an unknown charset and a missing charset are sniffed: valid UTF-8 as UTF-8, else
///   windows-1252 (every byte maps to a character there);
/// - ISO-8859-1 is read as windows-1252, its superset in practice;
/// - the other charsets go through `WideUnicode` or `IconvDecoder`, which replace undecodable bytes with U+FFFD.
///
/// Anything short of a clean decode is described in `Decoded.problem`, which names charsets but never quotes text.
enum Charset {
    struct Decoded: Equatable, Sendable {
        var text: String
        /// A short sentence for a diagnostic (no mail content), or nil when the bytes decoded cleanly.
        var problem: String?
    }

    static func decode<C: Collection>(_ bytes: C, charset: String?) -> Decoded where C.Element == UInt8 {
        bytes.withByteBuffer { decode(buffer: $0, charset: charset) }
    }

    /// The canonical lower-case IANA name for a label found in mail ("latin1", "ISO_8859-1", "iso8859-1" ->
    /// "iso-8859-1", "utf8" -> "utf-8"), or nil if the label names no charset this module knows.
    static func canonicalName(_ label: String) -> String? {
        CharsetRegistry.lookup(label)?.name
    }

    // MARK: - Decision

    private static func decode(buffer: UnsafeBufferPointer<UInt8>, charset label: String?) -> Decoded {
        guard let label, !CharsetRegistry.matchKey(label).isEmpty else {
            return sniff(buffer) { "no charset declared; 8-bit text decoded as \($0)" }
        }
        guard let charset = CharsetRegistry.lookup(label) else {
            return sniff(buffer, reportingASCII: true) { "unknown charset \(printable(label)); decoded as \($0)" }
        }
        if charset.isASCIICompatible, UTF8Validation.isASCII(buffer) {
            return Decoded(text: String(decoding: buffer, as: UTF8.self))
        }
        switch charset.decoder {
        case .utf8:
            return decodeUTF8(buffer)
        case .ascii:
            return sniff(buffer) { "8-bit bytes in us-ascii text; decoded as \($0)" }
        case .windows1252:
            return Decoded(text: Windows1252.decode(buffer))
        case .utf16(let order):
            return reporting(WideUnicode.decodeUTF16(buffer, declared: order), charset: charset.name)
        case .utf32(let order):
            return reporting(WideUnicode.decodeUTF32(buffer, declared: order), charset: charset.name)
        case .iso2022jp:
            if let shiftJIS = ISO2022JP.shiftJIS(from: buffer),
               let result = shiftJIS.withUnsafeBufferPointer({ IconvDecoder.decode($0, charset: "CP932") }) {
                return reporting(result, charset: charset.name)
            }
            return decode(buffer, converter: "ISO-2022-JP-2", charset: charset)
        case .iconv(let converterName):
            return decode(buffer, converter: converterName, charset: charset)
        }
    }

    private static func decode(_ buffer: UnsafeBufferPointer<UInt8>, converter converterName: String,
                               charset: KnownCharset) -> Decoded {
        guard let result = IconvDecoder.decode(buffer, charset: converterName) else {
            return sniff(buffer, reportingASCII: true) {
                "charset \(charset.name) is not available on this system; decoded as \($0)"
            }
        }
        return reporting(result, charset: charset.name)
    }

    private static func decodeUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Decoded {
        switch UTF8Validation.shape(of: buffer) {
        case .ascii, .valid:
            return Decoded(text: utf8Text(buffer))
        case .invalid(hasMultibyteCharacters: true):
            return Decoded(text: utf8Text(buffer), problem: "invalid UTF-8 repaired")
        case .invalid(hasMultibyteCharacters: false):
            return Decoded(text: Windows1252.decode(buffer),
                           problem: "declared utf-8 but bytes are not UTF-8; decoded as windows-1252")
        }
    }

    /// Decodes undeclared or mislabelled bytes as UTF-8 when they are valid UTF-8 and as windows-1252 otherwise;
    /// `problem` receives the name of the charset chosen.
    private static func sniff(_ buffer: UnsafeBufferPointer<UInt8>, reportingASCII: Bool = false,
                              problem: (String) -> String) -> Decoded {
        switch UTF8Validation.shape(of: buffer) {
        case .ascii:
            return Decoded(text: String(decoding: buffer, as: UTF8.self),
                           problem: reportingASCII ? problem("utf-8") : nil)
        case .valid:
            return Decoded(text: utf8Text(buffer), problem: problem("utf-8"))
        case .invalid:
            return Decoded(text: Windows1252.decode(buffer), problem: problem("windows-1252"))
        }
    }

    private static func reporting(_ result: RepairedText, charset: String) -> Decoded {
        Decoded(text: result.text,
                problem: result.repairs == 0 ? nil : "invalid bytes for \(charset) replaced with U+FFFD")
    }

    /// UTF-8 without a leading byte-order mark; invalid sequences become U+FFFD.
    private static func utf8Text(_ buffer: UnsafeBufferPointer<UInt8>) -> String {
        let hasMark = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
        return String(decoding: hasMark ? UnsafeBufferPointer(rebasing: buffer[3...]) : buffer, as: UTF8.self)
    }

    /// A label fit for a diagnostic: printable ASCII only, at most 40 characters.
    private static func printable(_ label: String) -> String {
        let kept = label.unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7F && $0 != "\"" && $0 != "'" }
        let text = String(String.UnicodeScalarView(kept.prefix(40))).lowercasedFast()
        return text.isEmpty ? "(unprintable)" : text
    }
}
