import Foundation
import RapportLanguage
import RapportModel
import RapportStore

/// Scores texts on several threads. Result `i` belongs to text `i` whichever thread scored it,
/// and a score depends only on its text, so the results equal a one-thread run's.
struct ParallelScorer: Sendable {
    let scorer: Scorer
    let parallelism: Int

    /// Texts to score, with the language when already known.
    func score(_ items: [(text: String, language: LanguageCode?)]) -> [DocumentScore] {
        let scorer = scorer
        return items.parallelMap(parallelism: parallelism, state: { ScoringSession(scorer: scorer) }) { session, item in
            session.score(item.text, language: item.language)
        }
    }

    /// Scores documents, stamps each with the language it was read as, and hands its position,
    /// it and its score to `make` on the thread that scored it (which is where whatever `make`
    /// encodes is best encoded).
    func score<T: Sendable>(_ documents: [Document], _ make: @Sendable (Int, Document, DocumentScore) -> T) -> [T] {
        let scorer = scorer
        let indices = documents.indices
        return indices.parallelMap(parallelism: parallelism, state: { ScoringSession(scorer: scorer) }) { session, index in
            var document = documents[index]
            let score = session.score(document.text, language: document.language.flatMap(LanguageCode.init(rawValue:)))
            document.language = score.language.rawValue
            return make(index, document, score)
        }
    }
}

/// Identifies the lexicons and rules scores were computed with, so a store knows which scores a
/// lexicon change made stale (`rapport scan --rescore`). The tool version stands for the rules'
/// constants, which change only with a release.
enum ScoringFingerprint {
    static func of(_ scorer: Scorer, toolVersion: String) -> String {
        var hash = ContentHasher()
        func add(_ text: String) { hash.combine(Array(text.utf8) + [0x1F]) }
        add(toolVersion)
        for rule in scorer.rules { add(rule.identifier) }
        for lexicon in scorer.lexicons.lexicons {
            add(lexicon.language?.rawValue ?? "*")
            add(lexicon.format.rawValue)
            for entry in lexicon.entries {
                add(entry.term)
                add(String(entry.weight.bitPattern, radix: 16))
                add(entry.category.rawValue)
            }
        }
        return String(hash.hex.prefix(16))
    }
}

extension StoredScore {
    /// A score as the store keeps it.
    init(_ score: DocumentScore, fingerprint: String) throws {
        try self.init(encoding: score, fingerprint: fingerprint, sentiment: score.sentiment, politeness: score.politeness)
    }
}
