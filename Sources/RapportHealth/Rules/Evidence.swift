import Foundation
import RapportLanguage
import RapportModel

/// Picks the sentences that show why a flag was raised: the strongest ones for the flag's
/// signal, at most three, shown in the order they were written.
struct EvidencePicker {
    static let maximumQuotes = 3
    /// Quotes longer than this are cut at a word boundary (meeting notes can run on).
    static let maximumQuoteLength = 300

    struct Candidate {
        var reading: Int
        var sentence: Int
        var strength: Double
        var terms: [String]
    }

    /// The readings the candidates' indices point into (a thread's, or an account's).
    let readings: [Reading]
    /// False where only a flag's presence and severity matter (an account's past months, for
    /// its health history): then no candidates or quotes are made.
    var enabled = true

    init(readings: [Reading], enabled: Bool = true) {
        self.readings = readings
        self.enabled = enabled
    }

    /// Candidates from the sentences of the given readings; sentences of strength 0 are skipped.
    func candidates(in indices: [Int], strength: (ReadSentence) -> Double,
                    terms: (ReadSentence) -> [String]) -> [Candidate] {
        guard enabled else { return [] }
        return indices.flatMap { index in
            readings[index].sentences.enumerated().compactMap { offset, sentence in
                let value = strength(sentence)
                return value > 0 ? Candidate(reading: index, sentence: offset, strength: value, terms: terms(sentence)) : nil
            }
        }
    }

    /// The evidence terms of a sentence whose category passes `filter`, as written, each once.
    static func terms(_ sentence: ReadSentence, _ filter: (String) -> Bool) -> [String] {
        var seen = Set<String>()
        return sentence.evidence.compactMap { evidence in
            guard filter(evidence.category), seen.insert(evidence.term.lowercasedFast()).inserted else { return nil }
            return evidence.term
        }
    }

    /// Each term once (ignoring case), in order.
    static func unique(_ terms: [String]) -> [String] {
        var seen = Set<String>()
        return terms.filter { seen.insert($0.lowercasedFast()).inserted }
    }

    /// Sum of the intensities in a sentence of the categories that pass `filter`.
    static func intensity(_ sentence: ReadSentence, _ filter: (String) -> Bool) -> Double {
        sentence.categories.filter { filter($0.key) }.values.reduce(0, +)
    }

    /// The strongest candidates (ties to the earliest), in the order they were written.
    func quotes(_ candidates: [Candidate]) -> [EvidenceQuote] {
        guard enabled else { return [] }
        let chosen = candidates.sorted { lhs, rhs in
            if lhs.strength != rhs.strength { return lhs.strength > rhs.strength }
            return (lhs.reading, lhs.sentence) < (rhs.reading, rhs.sentence)
        }.prefix(Self.maximumQuotes)
        return chosen.sorted { ($0.reading, $0.sentence) < ($1.reading, $1.sentence) }.map(quote)
    }

    /// The first real sentence of a message (not a bare salutation), when a flag is about timing
    /// rather than words.
    func opening(of index: Int) -> [Candidate] {
        let sentences = readings[index].sentences
        guard !sentences.isEmpty else { return [] }
        let first = sentences.firstIndex { $0.text.split(whereSeparator: \.isWhitespace).count >= Self.openingWords } ?? 0
        return [Candidate(reading: index, sentence: first, strength: 0, terms: [])]
    }

    /// Words a sentence needs to open a message ("Ari," does not).
    static let openingWords = 4

    private func quote(_ candidate: Candidate) -> EvidenceQuote {
        let reading = readings[candidate.reading]
        let sentence = reading.sentences[candidate.sentence]
        return EvidenceQuote(
            document: reading.document.id, date: reading.date, author: sentence.speaker ?? reading.author,
            sentence: Self.clean(sentence.text), terms: Self.unique(candidate.terms))
    }

    /// One line, whitespace folded, long sentences cut at a word with an ellipsis.
    static func clean(_ text: String) -> String {
        let folded = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard folded.count > maximumQuoteLength else { return folded }
        let cut = folded.prefix(maximumQuoteLength)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}
