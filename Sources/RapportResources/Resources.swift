import Foundation

/// The default data files shipped in `Lexicons/`, embedded in the binary at build time so that a
/// copied binary still finds them.
public enum DefaultResources {
    /// Relative paths (e.g. `reply-cues.txt`) of every embedded file, sorted.
    public static var names: [String] { EmbeddedLexicons.base64.keys.sorted() }

    /// The raw bytes of an embedded file, or nil when no such file was shipped.
    public static func bytes(_ name: String) -> [UInt8]? {
        guard let encoded = EmbeddedLexicons.base64[name], let data = Data(base64Encoded: encoded) else { return nil }
        return [UInt8](data)
    }

    /// The text of an embedded file (UTF-8, invalid bytes repaired), or nil when absent.
    public static func text(_ name: String) -> String? {
        bytes(name).map { String(decoding: $0, as: UTF8.self) }
    }
}
