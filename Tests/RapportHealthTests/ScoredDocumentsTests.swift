import Foundation
@testable import RapportHealth
import RapportModel
import RapportTestSupport
import Testing

/// The headers of scored documents are rearranged in place and their ties found by hashes:
/// both must give exactly what the plain ways give.
@Suite struct ScoredDocumentsTests {
    /// Element `i` ends as the one that was at `order[i]`, the others dropped, for whole and
    /// partial orders of every size up to 40, including the empty ones.
    @Test func permuteInPlaceEqualsMapping() {
        var random = SplitMix64(seed: 41)
        for count in 0...40 {
            for _ in 0..<25 {
                let elements = (0..<count).map { "element \($0) of \(count), long enough to live on the heap" }
                let kept = count == 0 ? 0 : Int.random(in: 0...count, using: &random)
                let order = Array(elements.indices.shuffled(using: &random).prefix(kept))
                var permuted = elements
                ScoredDocuments.permute(&permuted, order)
                #expect(permuted == order.map { elements[$0] }, "\(order)")
            }
        }
    }

    /// Arranging twice composes: the content of each position follows its header.
    @Test func arrangeKeepsContentWithItsHeader() {
        let documents = (0..<30).map { index in
            ScoredDocument(document: Document(id: "m\(index)", text: "Text \(index).", source: SourceLocation(file: "m")),
                           score: DocumentScore(language: .english, sentiment: Double(index)))
        }
        var held = ScoredDocuments(documents)
        var random = SplitMix64(seed: 5)
        let first = Array(documents.indices.shuffled(using: &random).prefix(20))
        held.arrange(first)
        let second = Array(held.headers.indices.shuffled(using: &random).prefix(12))
        held.arrange(second)
        #expect(held.count == 12)
        for (position, index) in second.map({ first[$0] }).enumerated() {
            #expect(held.headers[position].id == "m\(index)")
            #expect(held.scored(position).score.sentiment == Double(index))
            #expect(held.boilerplateCandidates[position] == [])
        }
    }

    /// Ties found by hashes are the ties found by the keys themselves, over documents that
    /// differ in only one part of the key (date, id, file, index in file, offset).
    @Test func tiesByHashEqualTiesByKey() {
        var random = SplitMix64(seed: 77)
        let dates = [nil, Date(timeIntervalSince1970: 1_790_000_000), Date(timeIntervalSince1970: 1_790_000_001)]
        for round in 0..<60 {
            let documents = (0..<Int.random(in: 0...80, using: &random)).map { _ in
                Document(
                    id: ["a@x", "b@x", "a@y"].randomElement(using: &random)!,
                    date: dates.randomElement(using: &random)!,
                    source: SourceLocation(
                        file: ["one.mbox", "two.mbox"].randomElement(using: &random)!,
                        index: [nil, 1, 2].randomElement(using: &random)!,
                        offset: [nil, 0, 4096].randomElement(using: &random)!))
            }
            let byKey = ScoredDocuments.tiedComparingKeys(documents).sorted()
            let byHash = ScoredDocuments.tied(documents)
            #expect(byHash.sorted() == byKey, "round \(round)")
            #expect(Set(byHash).count == byHash.count)
            // Hashes that meet for different keys: every key compared whole.
            #expect(ScoredDocuments.tied(documents) { _ in 0 }.sorted() == byKey)
            #expect(ScoredDocuments.tied(documents) { $0.id.hashValue }.sorted() == byKey)
        }
        let one = Document(id: "same", source: SourceLocation(file: "a"))
        #expect(ScoredDocuments.tied([one, one, Document(id: "other", source: SourceLocation(file: "a")), one]) == [0, 1, 3])
        #expect(ScoredDocuments.tied([one]) == [])
    }
}
