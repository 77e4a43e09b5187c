import Foundation
import Testing
@testable import RapportResources

@Suite struct DefaultResourcesTests {
    /// Every file in Lexicons/ must be embedded byte for byte.
    @Test func everyLexiconFileIsEmbeddedExactly() throws {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Lexicons")
        let walker = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        var expected: [String] = []
        for case let url as URL in walker where !url.hasDirectoryPath {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            expected.append(relative)
            #expect(DefaultResources.bytes(relative) == [UInt8](try Data(contentsOf: url)), "\(relative)")
        }
        #expect(DefaultResources.names == expected.sorted())
        #expect(!expected.isEmpty)
        #expect(DefaultResources.bytes("no-such-file.txt") == nil)
    }
}
