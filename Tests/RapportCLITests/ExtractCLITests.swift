import Foundation
import Testing
import RapportTestSupport

@Suite(.serialized) struct ExtractCLITests {
    static func documents(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    /// Every message in Samples/ (129 mails, one forwarded inside another) and every note comes out.
    @Test func extractsEverySampleDocument() throws {
        let result = try CLI.run(["extract", Fixtures.samples.path])
        #expect(result.status == 0)
        let documents = try Self.documents(result.stdout)
        let emails = documents.filter { $0["kind"] as? String == "email" }
        #expect(emails.count == 130)
        let noteFiles = try FileManager.default.contentsOfDirectory(atPath: Fixtures.samples.appendingPathComponent("notes").path)
            .filter { $0.hasSuffix(".xml") || $0.hasSuffix(".htm") || $0.hasSuffix(".html") }
        #expect(documents.filter { $0["kind"] as? String == "note" }.count == noteFiles.count)
        let ids = Set(emails.compactMap { $0["id"] as? String })
        #expect(ids.count == emails.count, "every sample message has its own Message-ID")
        for document in documents {
            #expect(document["thread"] is String)
            #expect(["en", "is", "unknown"].contains(document["language"] as? String))
        }
        #expect(result.stderr.contains("135 messages; analysed 135"))
        #expect(result.stderr.contains("skipped 0"))
    }

    @Test func readsStandardInputAndDetectsTheFormatFromContent() throws {
        let mbox = try Fixtures.bytes("Samples/mbox/thunderbird-ari-accounts.mbox")
        let piped = try CLI.run(["extract", "-"], stdin: mbox)
        let direct = try CLI.run(["extract", Fixtures.samples.appendingPathComponent("mbox/thunderbird-ari-accounts.mbox").path])
        #expect(piped.status == 0)
        let pipedDocuments = try Self.documents(piped.stdout)
        #expect(pipedDocuments.count == 45)
        #expect(pipedDocuments.map { $0["id"] as? String } == (try Self.documents(direct.stdout)).map { $0["id"] as? String })
        #expect((pipedDocuments.first?["source"] as? [String: Any])?["file"] as? String == "-")
    }

    @Test func quotedHistoryIsRemovedAndCounted() throws {
        let result = try CLI.run(["extract", Fixtures.samples.appendingPathComponent("mbox/gmail-takeout-gudrun.mbox").path])
        let documents = try Self.documents(result.stdout)
        let replies = documents.filter { ($0["quoted"] as? Int ?? 0) > 0 }
        #expect(!replies.isEmpty)
        for reply in replies {
            let text = reply["text"] as? String ?? ""
            #expect(!text.split(separator: "\n").contains { $0.hasPrefix(">") }, "quoted lines left in \(reply["id"] ?? "")")
        }
    }

    @Test func missingInputExitsWith66AndStillReadsTheRest() throws {
        let eml = Fixtures.samples.appendingPathComponent("eml/cascade-renewal-counter.eml").path
        let result = try CLI.run(["extract", "/nonexistent/input.mbox", eml])
        #expect(result.status == 66)
        #expect(try Self.documents(result.stdout).count == 1)
        #expect(result.stderr.contains("/nonexistent/input.mbox: error: no such file or directory [input.missing]"))
    }

    @Test func badOptionExitsWith64() throws {
        let result = try CLI.run(["extract", "--no-such-option"])
        #expect(result.status == 64)
    }

    @Test func brokenMessageIsReportedWithItsPlaceAndTheRestIsRead() throws {
        let input = "From a@x.is Mon Jan  5 08:00:00 2026\nSubject: fine\nMessage-ID: <1@x.is>\n\nhello\n\n"
            + "From b@x.is Mon Jan  5 09:00:00 2026\n\nno headers at all\n\n"
            + "From c@x.is Mon Jan  5 10:00:00 2026\nSubject: also fine\nMessage-ID: <3@x.is>\n\nbye\n"
        let result = try CLI.run(["extract", "-"], stdin: Array(input.utf8))
        #expect(result.status == 0)
        #expect(try Self.documents(result.stdout).map { $0["id"] as? String } == ["1@x.is", "3@x.is"])
        #expect(result.stderr.contains("- message 2 (byte 80): error: no header fields found; not read as a message [message.no-headers]"))
        #expect(result.stderr.contains("read 1 input, 3 messages; analysed 2; skipped 1 (message.no-headers: 1)"))
    }
}
