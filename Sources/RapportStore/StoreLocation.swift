import Foundation

/// Where the nightly-scan store lives: `--db FILE` when given, else `./.rapport/rapport.sqlite`
/// below the working directory.
public struct StoreLocation: Hashable, Sendable {
    public static let defaultRelativePath = ".rapport/rapport.sqlite"

    public var path: String

    public init(explicit: String?, workingDirectory: String = FileManager.default.currentDirectoryPath) {
        if let explicit, !explicit.isEmpty {
            path = explicit
        } else {
            path = URL(fileURLWithPath: workingDirectory).appendingPathComponent(Self.defaultRelativePath).path
        }
    }
}
