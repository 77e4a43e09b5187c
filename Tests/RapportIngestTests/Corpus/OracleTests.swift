import Foundation
import Testing
import RapportTestSupport
@testable import RapportIngest

/// Compares our MIME reading with the expected results other projects ship in the corpus.
@Suite struct CorpusOracleTests {
    static let corpusAbsent = "../shared/corpora is absent in this clone; oracle test skipped"

    /// Text with CRLF and trailing blanks normalised, for comparing decoded parts.
    static func normalised(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.replacingOccurrences(of: "[ \t\r]+$", with: "", options: .regularExpression) }
            .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// mime4j's `NAME_decoded_1_2.txt` files hold the transfer-decoded body of part 1.2 of `NAME.msg`.
    @Test(.enabled(if: Fixtures.corpora != nil, Comment(rawValue: corpusAbsent)))
    func decodedPartsAgreeWithMime4j() throws {
        let root = try #require(Fixtures.corpora).appendingPathComponent("email/james-mime4j/core/src/test/resources")
        var compared = 0, agreed = 0
        var failures: [String] = []
        for folder in ["mimetools-testmsgs", "testmsgs"] {
            let directory = root.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            for name in names where name.hasSuffix(".msg") {
                let stem = String(name.dropLast(4))
                let expectedFiles = names.filter { $0.hasPrefix(stem + "_decoded_") && $0.hasSuffix(".txt") }
                guard !expectedFiles.isEmpty else { continue }
                var message = [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
                if message.starts(with: Array("From ".utf8)) {
                    // A single message saved with its mbox envelope line, as Rapport reads it.
                    var decoder = MboxDecoder()
                    decoder.append(message)
                    if case .message(let first)? = decoder.finish() { message = first.bytes }
                }
                let leaves = MIMEWalker().leaves(of: message[...])
                for file in expectedFiles {
                    let pathText = file.dropFirst(stem.count + "_decoded_".count).dropLast(4)
                    let path = pathText.split(separator: "_").compactMap { Int($0) }
                    compared += 1
                    let expected = [UInt8](try Data(contentsOf: directory.appendingPathComponent(file)))
                    if let leaf = leaves.first(where: { $0.path == path }), Self.normalised(leaf.decoded) == Self.normalised(expected) {
                        agreed += 1
                    } else {
                        failures.append("\(folder)/\(file) (our leaves: \(leaves.map { $0.path.map(String.init).joined(separator: ".") }))")
                    }
                }
            }
        }
        let rate = Double(agreed) / Double(max(compared, 1))
        print("mime4j decoded parts: \(agreed)/\(compared) = \(String(format: "%.1f%%", rate * 100))")
        for failure in failures.prefix(20) { print("  differs: \(failure)") }
        #expect(compared > 100)
        #expect(rate >= 0.9)
    }

    /// MimeKit's `*-summary.txt` lists, per message of an mbox, its From, To, Subject and Date lines
    /// and its Content-Type tree, indented three spaces per level.
    @Test(.enabled(if: Fixtures.corpora != nil, Comment(rawValue: corpusAbsent)))
    func mboxStructureAgreesWithMimeKit() throws {
        let directory = try #require(Fixtures.corpora).appendingPathComponent("email/mimekit/UnitTests/TestData/mbox")
        var compared = 0, agreed = 0
        var failures: [String] = []
        for summaryName in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        where summaryName.hasSuffix("-summary.txt") {
            let stem = String(summaryName.dropLast("-summary.txt".count))
            guard let mboxName = ["\(stem).mbox.txt", "\(stem).mbox"].first(where: {
                FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path)
            }) else { continue }
            let summary = String(decoding: try Data(contentsOf: directory.appendingPathComponent(summaryName)), as: UTF8.self)
            var expected: [String] = []
            for line in summary.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("From ") { expected.append("") } else if !expected.isEmpty { expected[expected.count - 1] += line + "\n" }
            }
            var decoder = MboxDecoder()
            decoder.append([UInt8](try Data(contentsOf: directory.appendingPathComponent(mboxName))))
            var messages: [MboxMessage] = []
            while let event = decoder.finish() { if case .message(let message) = event { messages.append(message) } }
            #expect(messages.count == expected.count, "\(mboxName): \(messages.count) messages, summary lists \(expected.count)")
            for (message, block) in zip(messages, expected) {
                compared += 1
                let expectedTree = block.split(separator: "\n").filter { $0.contains("Content-Type:") }
                    .map { line in
                        let indent = line.prefix { $0 == " " }.count / 3
                        return "\(indent) " + line.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces).lowercased()
                    }
                let expectedSubject = block.split(separator: "\n").first { $0.hasPrefix("Subject:") }
                    .map { MessageParser.clean(String($0.dropFirst("Subject:".count))) }
                let ours = Self.tree(of: message.bytes[...])
                let (headers, _) = HeaderBlock.parse(message.bytes[...])
                let subject = headers.text("Subject").map { MessageParser.clean(EncodedWords.decode($0)) }
                if ours == expectedTree, expectedSubject == nil || subject == expectedSubject {
                    agreed += 1
                } else if failures.count < 10 {
                    failures.append("\(mboxName)#\(message.index): ours \(ours) subject \(subject ?? "-"); expected \(expectedTree) subject \(expectedSubject ?? "-")")
                }
            }
        }
        let rate = Double(agreed) / Double(max(compared, 1))
        print("mimekit mbox summaries: \(agreed)/\(compared) = \(String(format: "%.1f%%", rate * 100))")
        for failure in failures { print("  differs: \(failure)") }
        #expect(compared > 10)
        #expect(rate >= 0.9)
    }

    /// The Content-Type tree as MimeKit's summaries print it: depth and type, parents first.
    static func tree(of message: ArraySlice<UInt8>) -> [String] {
        var lines: [String] = []
        func visit(_ entity: ArraySlice<UInt8>, depth: Int, defaultType: String) {
            let (headers, bodyStart) = HeaderBlock.parse(entity)
            let (type, parameters) = MIMEWalker.contentType(headers, defaultType: defaultType)
            lines.append("\(depth) \(type)")
            guard depth < 32 else { return }
            if type == "message/rfc822" {
                visit(entity[bodyStart...], depth: depth + 1, defaultType: "text/plain")
                return
            }
            guard type.hasPrefix("multipart/"), let boundary = parameters["boundary"] else { return }
            for part in MultipartSplitter.split(entity[bodyStart...], boundary: boundary).parts {
                visit(part, depth: depth + 1, defaultType: type == "multipart/digest" ? "message/rfc822" : "text/plain")
            }
        }
        visit(message, depth: 0, defaultType: "text/plain")
        return lines
    }
}
