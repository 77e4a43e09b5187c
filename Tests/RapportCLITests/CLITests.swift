import Foundation
import Testing
import RapportTestSupport

/// Runs the built `rapport` binary as a user would.
enum CLI {
    static var binary: URL {
        // The test bundle lives in the build products folder, next to the executable.
        var url = Bundle.main.bundleURL
        for candidate in [url, url.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("rapport")
            if FileManager.default.isExecutableFile(atPath: path.path) { return path }
        }
        url = Fixtures.packageRoot.appendingPathComponent(".build/debug/rapport")
        return url
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Standard input, output and error go through temporary files rather than pipes: a pipe
    /// holds 64 KB, and a run that writes more to one stream while the test waits on another
    /// (a corpus's diagnostics, a big stdin) would never finish.
    static func run(
        _ arguments: [String], stdin: [UInt8]? = nil, currentDirectory: URL? = nil, environment: [String: String] = [:]
    ) throws -> Result {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("rapport-cli-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inURL = folder.appendingPathComponent("stdin")
        let outURL = folder.appendingPathComponent("stdout")
        let errURL = folder.appendingPathComponent("stderr")
        try Data(stdin ?? []).write(to: inURL)
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let input = try FileHandle(forReadingFrom: inURL)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer {
            try? input.close()
            try? out.close()
            try? err.close()
        }

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

@Suite struct CLIBasicsTests {
    @Test func versionPrints() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "0.1.0\n")
    }
}
