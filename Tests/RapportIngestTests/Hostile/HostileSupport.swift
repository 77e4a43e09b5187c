import Foundation
import RapportModel
import Synchronization

@testable import RapportIngest

/// What one ingest run handed out, in order.
struct IngestRecord {
    var documents: [Document] = []
    var diagnostics: [Diagnostic] = []
    var summary = IngestSummary()

    /// The diagnostics with this code.
    func diagnostics(_ code: String) -> [Diagnostic] { diagnostics.filter { $0.code == code } }

    /// Every message read is analysed or skipped with a reason: the counts must add up.
    var countsAddUp: Bool { summary.messages == summary.analysed + summary.skippedTotal }
}

/// Feeds input to the ingestor as `rapport` does and records everything that comes out.
enum HostileInput {
    /// Reads files through the public entry point, as `rapport` does.
    static func read(_ paths: [String], options: IngestOptions = IngestOptions()) throws -> IngestRecord {
        var record = IngestRecord()
        record.summary = try Ingestor(options: options).read(paths) { event in
            switch event {
            case .document(let document): record.documents.append(document)
            case .diagnostic(let diagnostic): record.diagnostics.append(diagnostic)
            }
        }
        return record
    }

    /// Reads bytes held in memory, as for a single file.
    static func read(bytes: [UInt8], name: String = "hostile.eml", options: IngestOptions = IngestOptions()) throws
        -> IngestRecord
    {
        var record = IngestRecord()
        record.summary = try Ingestor(options: options).read(bytes: bytes, name: name) { event in
            switch event {
            case .document(let document): record.documents.append(document)
            case .diagnostic(let diagnostic): record.diagnostics.append(diagnostic)
            }
        }
        return record
    }

    /// A message with the usual headers around `headers` and `body` (LF line endings).
    static func message(headers: String = "", body: String, subject: String = "Hostile") -> [UInt8] {
        Array(
            ("From: Anna <anna@example.com>\nTo: Bjorn <bjorn@example.org>\nSubject: \(subject)\n"
                + "Date: Tue, 4 Mar 2026 09:15:00 +0000\nMessage-ID: <hostile@example.com>\n" + headers + "\n" + body)
                .utf8)
    }

    /// An mbox separator line.
    static let separator = "From anna@example.com Tue Mar  4 09:15:00 2026\n"
}

/// A folder under the temporary directory, removed with everything in it when released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes a file and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = url.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Writes a file piece by piece, so that a test can make one far larger than it wants to hold.
    @discardableResult
    func write(_ name: String, pieces: some Sequence<[UInt8]>) throws -> String {
        let path = url.appendingPathComponent(name).path
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteUnknown) }
        defer { try? handle.close() }
        for piece in pieces { try handle.write(contentsOf: piece) }
        return path
    }
}

/// Watches this process's resident memory while some work runs, by sampling `/proc/self/statm`
/// every few milliseconds on a thread of its own.
///
/// `getrusage`'s `ru_maxrss` is a high-water mark for the whole life of the process: once an
/// earlier test has touched more memory, a blow-up here would not move it, so the test could not
/// fail. Sampling the current resident size catches the peak of this work alone (other suites
/// running at the same time can only make it look worse, never better). Where there is no
/// `/proc` (macOS), the `getrusage` high-water mark is the fallback.
final class MemoryWatch: Sendable {
    private let peak: Mutex<Int>
    private let running = Atomic(true)

    private init(baseline: Int) { peak = Mutex(baseline) }

    /// Runs `work` and returns its result with the largest growth of resident memory seen, in bytes.
    static func peakGrowth<Result>(during work: () throws -> Result) rethrows -> (Result, growth: Int) {
        let baseline = residentBytes() ?? highWaterMark()
        let watch = MemoryWatch(baseline: baseline)
        let sampler = Thread {
            while watch.running.load(ordering: .relaxed) {
                let now = residentBytes() ?? highWaterMark()
                watch.peak.withLock { $0 = max($0, now) }
                usleep(2_000)
            }
        }
        sampler.start()
        defer { watch.running.store(false, ordering: .relaxed) }
        let result = try work()
        let now = residentBytes() ?? highWaterMark()
        let highest = watch.peak.withLock { max($0, now) }
        return (result, max(0, highest - baseline))
    }

    /// The resident set size now, from the second field of `/proc/self/statm` (in pages).
    private static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// The process's peak resident size so far (`ru_maxrss`: kilobytes on Linux, bytes on macOS).
    private static func highWaterMark() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return usage.ru_maxrss
        #endif
    }
}
