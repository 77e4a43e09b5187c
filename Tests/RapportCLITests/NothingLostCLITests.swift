import Foundation
import Testing
import RapportIngest
import RapportTestSupport

/// `rapport analyze` and `rapport scan` over the whole shared mail corpus plus a folder of hostile
/// shapes: every message read is analysed or listed with a reason, and the counts each command
/// prints add up exactly and agree with each other and with the reader's own count.
@Suite(.serialized) struct NothingLostCLITests {
    /// The numbers of `rapport: read N inputs, M messages; analysed A (D documents …); skipped S (…)`.
    struct AnalyzeSummary: Equatable {
        var messages = 0
        var analysed = 0
        var documents = 0
        var skipped = 0
        var skippedByReason: [String: Int] = [:]

        init?(stderr: String) {
            guard let line = stderr.split(separator: "\n").last(where: { $0.hasPrefix("rapport: read ") }) else { return nil }
            for part in line.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                let words = part.split(separator: " ")
                if part.hasPrefix("rapport: read "), let index = words.firstIndex(where: { $0.hasPrefix("message") }) {
                    messages = Int(words[index - 1]) ?? -1
                } else if part.hasPrefix("analysed ") {
                    analysed = Int(words[1]) ?? -1
                    documents = part.contains("documents with forwarded ones") ? Int(words[2].dropFirst()) ?? -1 : analysed
                } else if part.hasPrefix("skipped ") {
                    skipped = Int(words[1]) ?? -1
                    if let open = part.firstIndex(of: "("), let close = part.lastIndex(of: ")") {
                        for reason in part[part.index(after: open)..<close].split(separator: ",") {
                            let pair = reason.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
                            skippedByReason[pair[0]] = Int(pair[1]) ?? -1
                        }
                    }
                }
            }
        }
    }

    /// The numbers of `rapport: scan 1: … ; M messages (…); N new documents, K already stored, S skipped; …`.
    struct ScanSummary {
        var messages = 0
        var added = 0
        var alreadyStored = 0
        var skipped = 0

        init?(stderr: String) {
            guard let line = stderr.split(separator: "\n").last(where: { $0.hasPrefix("rapport: scan ") }) else { return nil }
            for part in line.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                for piece in part.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                    let words = piece.split(separator: " ")
                    guard words.count >= 2, let number = Int(words[0]) else { continue }
                    switch words[1] {
                    case "message", "messages": messages = number
                    case "new": added = number
                    case "already": alreadyStored = number
                    case "skipped": skipped = number
                    default: break
                    }
                }
            }
        }
    }

    /// Small inputs of the shapes a stranger's export can have, written to a fresh folder.
    static func hostileFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("rapport-hostile-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func write(_ name: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: folder.appendingPathComponent(name))
        }
        let message = Array("From: a@example.com\nTo: b@example.com\nSubject: hello\nDate: Tue, 3 Mar 2026 10:00:00 +0000\n\nThe report is late again.\n".utf8)
        // Deterministic binary garbage after a valid envelope line.
        var garbage = Array("From x@y Tue Mar  3 10:00:00 2026\n".utf8)
        var state: UInt32 = 12345
        for _ in 0..<20_000 {
            state = state &* 1_103_515_245 &+ 12345
            garbage.append(UInt8(truncatingIfNeeded: state >> 16))
        }
        try write("garbage.mbox", garbage)
        try write("nul-bytes.eml", message + [0, 0, 0] + Array("more\0text\n".utf8))
        try write("truncated.mbox", Array("From a@b Tue Mar  3 10:00:00 2026\n".utf8) + message + Array("\nFrom a@b Tue Mar  3 10:00:00 2026\nFrom: c@example.com\nSubj".utf8))
        let crlf = Array(String(decoding: message, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        try write("mixed-endings.mbox", Array("From a@b Tue Mar  3 10:00:00 2026\r\n".utf8) + crlf + Array("\nFrom a@b Tue Mar  3 10:00:00 2026\n".utf8) + message)
        var deep = Array("From: a@example.com\nSubject: deep\n".utf8)
        for level in 0..<2_000 {
            deep += Array("Content-Type: multipart/mixed; boundary=\"b\(level)\"\n\n--b\(level)\n".utf8)
        }
        deep += Array("Content-Type: text/plain\n\ninnermost\n".utf8)
        try write("deep.eml", deep)
        try write("unclosed.eml", Array("From: a@example.com\nSubject: open\nContent-Type: multipart/mixed; boundary=\"x\"\n\n--x\nContent-Type: text/plain\n\nno end in sight\n".utf8))
        try write("headers-only.eml", Array("Subject: nothing else".utf8))
        try write("empty.eml", [])
        return folder
    }

    @Test(.enabled(if: Fixtures.corpora != nil, "../shared/corpora is absent in this clone; whole-corpus run skipped"))
    func analyzeAndScanAccountForEveryMessage() throws {
        let corpus = try #require(Fixtures.corpora).appendingPathComponent("email").path
        let hostile = try Self.hostileFolder()
        defer { try? FileManager.default.removeItem(at: hostile) }
        let inputs = [corpus, hostile.path]

        // The reader's own count, in process.
        let read = try Ingestor().read(inputs) { _ in }
        #expect(read.messages == read.analysed + read.skippedTotal)
        #expect(read.messages > 1_500)

        let analyzed = try CLI.run(["analyze", "--format", "json", "--as-of", "2026-11-01"] + inputs)
        #expect([0, 1].contains(analyzed.status), "analyze ended with \(analyzed.status)")
        let summary = try #require(AnalyzeSummary(stderr: analyzed.stderr), "no summary line")
        #expect(summary.messages == read.messages)
        #expect(summary.analysed == read.analysed)
        #expect(summary.documents == read.documents)
        #expect(summary.skipped == read.skippedTotal)
        #expect(summary.messages == summary.analysed + summary.skipped)
        #expect(summary.skippedByReason.values.reduce(0, +) == summary.skipped)
        // Every skipped message is listed on its own line, naming the file and the reason.
        let errorLines = analyzed.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errorLines.count >= summary.skipped)
        for line in errorLines {
            #expect(line.hasPrefix("rapport: \(corpus)/") || line.hasPrefix("rapport: \(hostile.path)/"), "\(line)")
            #expect(line.hasSuffix("]"), "no reason code: \(line)")
        }
        let report = try JSONSerialization.jsonObject(with: Data(analyzed.stdout.utf8)) as? [String: Any]
        #expect(report != nil, "analyze --format json wrote no JSON object")

        let store = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-nothing-lost-\(UUID().uuidString).sqlite")
        defer {
            for suffix in ["", "-wal", "-shm", "-scan.lock"] { try? FileManager.default.removeItem(atPath: store.path + suffix) }
        }
        let scanned = try CLI.run(["scan", "--db", store.path, "--as-of", "2026-11-01"] + inputs)
        #expect([0, 1].contains(scanned.status), "scan ended with \(scanned.status): \(scanned.stderr.suffix(500))")
        let scan = try #require(ScanSummary(stderr: scanned.stderr), "no scan summary line")
        #expect(scan.messages == summary.messages)
        #expect(scan.skipped == summary.skipped)
        // Every document analyze saw is stored or recognised as one already stored.
        #expect(scan.added + scan.alreadyStored == summary.documents)
        #expect(scan.added > 0)
    }
}
