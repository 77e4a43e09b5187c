import Foundation
import Testing
import RapportModel
import RapportReport
import RapportTestSupport
@testable import RapportIngest

/// Reads every file in the shared mail corpus once and checks it against Python's `email` package.
@Suite(.serialized) struct MailCorpusTests {
    struct Expectation {
        var file: String
        var index: Int?
        var subject: String
        var from: String
        var date: String
        var pythonFailed: Bool
    }

    static func expectations() throws -> [Expectation] {
        let text = String(decoding: try Fixtures.bytes("Tests/RapportIngestTests/Corpus/python-expectations.tsv"), as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: true).dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let field = { (index: Int) in index < fields.count ? fields[index] : "" }
            return Expectation(file: field(0), index: Int(field(1)), subject: field(2), from: field(3), date: field(4),
                               pythonFailed: field(2) == "!")
        }
    }

    struct Key: Hashable {
        var file: String
        var index: Int?
    }

    @Test(.enabled(if: Fixtures.corpora != nil, "../shared/corpora is absent in this clone; corpus test skipped"))
    func everyMessageIsReadOrExplainedAndAgreesWithPython() throws {
        let root = try #require(Fixtures.corpora).appendingPathComponent("email")
        let prefix = root.path + "/"
        var documents: [Key: Document] = [:]
        var explained: Set<Key> = []
        var diagnosticsWithoutReason = 0
        let summary = try Ingestor().read([root.path]) { event in
            switch event {
            case .document(let document):
                let key = Key(file: String(document.source.file.dropFirst(prefix.count)), index: document.source.index)
                if documents[key] == nil { documents[key] = document }
            case .diagnostic(let diagnostic):
                if diagnostic.message.isEmpty || diagnostic.code.isEmpty { diagnosticsWithoutReason += 1 }
                if diagnostic.severity == .error {
                    explained.insert(Key(file: String(diagnostic.location.file.dropFirst(prefix.count)),
                                         index: diagnostic.location.index))
                }
            }
        }
        #expect(diagnosticsWithoutReason == 0)
        #expect(summary.messages == summary.analysed + summary.skippedTotal)

        let expected = try Self.expectations()
        var compared = 0, agreed = 0, missing: [Key] = []
        var disagreements: [String] = []
        for row in expected {
            let key = Key(file: row.file, index: row.index)
            guard let document = documents[key] else {
                if !explained.contains(key) { missing.append(key) }
                continue
            }
            guard !row.pythonFailed else { continue }
            compared += 1
            let subject = (document.subject ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let from = document.from.first?.address.lowercased() ?? ""
            let date = document.date.map(DocumentJSON.isoDate) ?? ""
            let dateAgrees = date == row.date || (row.date.isEmpty && document.dateSource != .header)
            if subject == row.subject, from == row.from, dateAgrees {
                agreed += 1
            } else if disagreements.count < 40 {
                var what: [String] = []
                if subject != row.subject { what.append("subject ours=\(subject.debugDescription) python=\(row.subject.debugDescription)") }
                if from != row.from { what.append("from ours=\(from) python=\(row.from)") }
                if !dateAgrees { what.append("date ours=\(date) python=\(row.date)") }
                disagreements.append("\(row.file)#\(row.index.map(String.init) ?? "-"): " + what.joined(separator: "; "))
            }
        }
        let rate = compared == 0 ? 0 : Double(agreed) / Double(compared)
        print("corpus: \(summary.messages) messages read, \(summary.analysed) analysed, \(summary.skippedTotal) skipped; "
              + "agreement with Python on subject+sender+date: \(agreed)/\(compared) = \(String(format: "%.2f%%", rate * 100))")
        for line in disagreements { print("  differs: \(line)") }
        #expect(missing.isEmpty, "messages neither read nor explained: \(missing.prefix(10))")
        #expect(rate >= 0.97)
    }
}
