import Foundation

/// Finds the package's own files and the shared corpora from inside a test, wherever it runs.
public enum Fixtures {
    /// The package root: the nearest folder above this source file holding `Package.swift`.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `Samples/` in the package.
    public static var samples: URL { packageRoot.appendingPathComponent("Samples") }

    /// `../shared/corpora` beside the package, or nil when this clone has none.
    public static var corpora: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The bytes of a file below the package root.
    public static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: packageRoot.appendingPathComponent(relativePath)))
    }
}
