import Foundation
import Testing

/// Compares output with a file under `Tests/RapportReportTests/Golden/`. With
/// `RAPPORT_RECORD_GOLDEN=1` in the environment the file is (re)written instead, so an intended
/// change of output is one command: `RAPPORT_RECORD_GOLDEN=1 swift test --filter Golden`.
enum GoldenFile {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var recording: Bool { ProcessInfo.processInfo.environment["RAPPORT_RECORD_GOLDEN"] == "1" }

    static func check(_ output: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(output.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file Golden/\(name): record it with RAPPORT_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if output != expected {
            let outputLines = output.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            let expectedLines = expected.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            let line = zip(outputLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(outputLines.count, expectedLines.count)
            let got: Substring = line < outputLines.count ? outputLines[line] : "<end of output>"
            let wanted: Substring = line < expectedLines.count ? expectedLines[line] : "<end of file>"
            let column = zip(got, wanted).prefix { $0 == $1 }.count
            let window = { (text: Substring) -> String in String(text.dropFirst(max(0, column - 60)).prefix(160)) }
            let place = "Golden/\(name) at line \(line + 1), column \(column + 1)"
            Issue.record("output differs from \(place):\n  got:      …\(window(got))\n  expected: …\(window(wanted))",
                         sourceLocation: sourceLocation)
        }
    }
}
