import Foundation
import RapportModel
import Testing

@testable import RapportIngest

/// `IngestOptions.prepare` runs on the threads that parse an mbox; its results come back with
/// their documents, in the order and with the content a plain `read` gives.
@Suite struct IngestorPrepareTests {
    /// An mbox of a few messages (one unreadable) and a single message beside it.
    static func inputs() throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-prepare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var mbox = ""
        for number in 1...40 {
            mbox += "From sender\(number)@example.com Mon Jan  5 08:00:00 2026\n"
            if number == 17 {
                mbox += "\n\n"   // no headers, no body: unreadable
                continue
            }
            mbox += "From: Sender \(number) <sender\(number)@example.com>\nTo: anna@vorduberg.is\n"
            mbox += "Subject: Order \(number)\nMessage-ID: <m\(number)@example.com>\n"
            mbox += "Date: Mon, 5 Jan 2026 08:\(String(format: "%02d", number)):00 +0000\n\nBody of message \(number).\n\n"
        }
        let mboxPath = folder.appendingPathComponent("a.mbox").path
        try mbox.write(toFile: mboxPath, atomically: true, encoding: .utf8)
        let emlPath = folder.appendingPathComponent("b.eml").path
        try "From: b@example.com\nSubject: Single\nMessage-ID: <single@example.com>\n\nOne message.\n"
            .write(toFile: emlPath, atomically: true, encoding: .utf8)
        return [mboxPath, emlPath]
    }

    @Test(arguments: [1, 3])
    func preparedDocumentsComeBackInTheirPlaces(parallelism: Int) throws {
        let paths = try Self.inputs()
        defer { try? FileManager.default.removeItem(atPath: (paths[0] as NSString).deletingLastPathComponent) }
        var options = IngestOptions()
        options.parallelism = parallelism
        var plain: [String] = []
        let plainSummary = try Ingestor(options: options).read(paths) { event in
            switch event {
            case .document(let document): plain.append("document \(document.id)")
            case .diagnostic(let diagnostic): plain.append("diagnostic \(diagnostic.code) \(diagnostic.location)")
            }
        }
        options.prepare = {
            let thread = UUID()   // one per thread: the function is made once for each
            return { document in
                // What the work takes from its document is gone from the document handed on.
                defer { document.text = "" }
                return "\(document.id.count) \(document.text.count) \(thread)"
            }
        }
        var events: [String] = []
        var preparedIDs: [String] = []
        var threads = Set<String>()
        let summary = try Ingestor(options: options).read(paths, emit: { event in
            switch event {
            case .document(let document): events.append("document \(document.id)")
            case .diagnostic(let diagnostic): events.append("diagnostic \(diagnostic.code) \(diagnostic.location)")
            }
        }, prepared: { document, prepared in
            events.append("document \(document.id)")
            preparedIDs.append(document.id)
            let parts = (prepared as! String).split(separator: " ")
            #expect(Int(parts[0]) == document.id.count)
            #expect(Int(parts[1])! > 0 && document.text.isEmpty)
            threads.insert(String(parts[2]))
        })
        #expect(events == plain)
        #expect(summary == plainSummary)
        #expect(summary.skippedTotal == 1)
        // With several threads every mbox message was prepared where it was parsed; the single
        // message was not, nor anything read on one thread.
        #expect(preparedIDs == (parallelism == 1 ? [] : (1...40).filter { $0 != 17 }.map { "m\($0)@example.com" }))
        #expect(events.contains("document single@example.com"))
        #expect(threads.isEmpty == (parallelism == 1))
        // Without a taker for prepared documents, `prepare` is not run and `read` is unchanged.
        var unprepared: [String] = []
        _ = try Ingestor(options: options).read(paths) { event in
            if case .document(let document) = event { unprepared.append("document \(document.id)") }
        }
        #expect(unprepared == plain.filter { $0.hasPrefix("document") })
    }
}

@Suite struct IngestorReadErrorTests {
    /// A file that opens but cannot be read (a directory named as a file): an error naming it
    /// first, counted as unreadable, and no document from it.
    @Test func aReadErrorLosesTheRestOfTheInputWithADiagnostic() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-unreadable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var events: [IngestEvent] = []
        let summary = try Ingestor().readFile(folder.path, emit: { events.append($0) }, messageEnded: { _ in })
        #expect(summary.unreadable == 1 && summary.messages == 0 && summary.documents == 0)
        guard case .diagnostic(let diagnostic)? = events.first else {
            Issue.record("expected a diagnostic first, got \(events)")
            return
        }
        #expect(diagnostic.code == "input.read-error" && diagnostic.severity == .error && diagnostic.location.file == folder.path)
        #expect(!events.contains { if case .document = $0 { true } else { false } })
    }
}
