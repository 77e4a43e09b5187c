import Foundation
import RapportModel
import RapportTestSupport
import Testing
@testable import RapportLanguage

/// Real scores, with all their sentences and evidence, read back from the JSON a scan stores by
/// `StoreJSONReader` exactly as `JSONDecoder` reads them.
@Suite struct StoredScoreReadingTests {
    @Test(arguments: ["en.tsv", "is.tsv"])
    func devSetScoresReadBackAlike(_ file: String) throws {
        let url = Fixtures.packageRoot.appendingPathComponent("Tests/RapportLanguageTests/DevSet/" + file)
        let data = try #require(FileManager.default.contents(atPath: url.path))
        let rows = try DevSet(text: String(decoding: data, as: UTF8.self), file: file).rows
        #expect(rows.count > 100)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Ten sentences to a text, so texts have several sentences, as messages do.
        for start in stride(from: 0, to: rows.count, by: 10) {
            let text = rows[start..<min(start + 10, rows.count)].map { $0.text }.joined(separator: " ")
            let score = Scorer.default.score(text)
            let json = String(decoding: try encoder.encode(score), as: UTF8.self)
            let read = try StoreJSONReader.documentScore(json)
            #expect(read == (try JSONDecoder().decode(DocumentScore.self, from: Data(json.utf8))))
            #expect(read == score)
        }
    }
}
