/// Contrast words shift weight between clauses. A coordinator (`but`, `however`, `en`, `samt`,
/// `hins vegar`; weight ≥ 1) makes what follows it count more and what precedes it less — every
/// one of them, the latest having the last word. A subordinator (`although`, `þó`; weight < 1)
/// makes its own clause count less and the rest of the sentence more. A sentence that opens with
/// a coordinator ("However, …") also lowers the sentence before it.
public struct ContrastRule: ScoringRule {
    public init() {}
    public var needsMatches: Bool { true }
    public var requiredFacts: SentenceFacts { .contrast }
    public var identifier: String { "contrast" }
    public var description: String {
        "The clause after but/however counts more; the one before, or after although, less."
    }
    public var triggeringExamples: [String] {
        [
            "The demo was good, but the price is terrible.", "However, the support was helpful.",
            "Although the demo was good, the price is terrible.", "Good demo but bad price but great support.",
        ]
    }
    public var nonTriggeringExamples: [String] {
        ["The demo was good and the price is fair.", "It is not fixed yet.", "The demo was good."]
    }

    public func apply(to sentence: inout SentenceAnalysis) {
        guard sentence.modifiers.contains(where: { $0.kind == .contrast }) else { return }
        // A contrast word with no word after it in the sentence ("not fixed yet.") contrasts nothing.
        let cues = sentence.modifiers.filter { $0.kind == .contrast && sentence.hasWord(after: $0.end - 1) }
        guard !cues.isEmpty else { return }
        let coordinators = cues.lazy.filter { $0.weight >= 1 }
        let subordinators = cues.lazy.filter { $0.weight < 1 }
        if let first = coordinators.first, sentence.isFirstWord(first.first) {
            sentence.previousSentenceFactor = 2 - first.weight
            sentence.markSentence()
        }
        for index in sentence.items.indices where sentence.items[index].isSentiment {
            let item = sentence.items[index]
            guard item.value != 0 else { continue }
            var factor = 1.0
            if let next = coordinators.first(where: { $0.first > item.first }) {
                factor *= 2 - next.weight
            } else if let previous = coordinators.last(where: { $0.end <= item.first }) {
                factor *= previous.weight
            }
            for cue in subordinators {
                let governed = cue.end <= item.first && sentence.segmentOf(cue.first) == sentence.segmentOf(item.first)
                factor *= governed ? cue.weight : 2 - cue.weight
            }
            guard factor != 1 else { continue }
            sentence.items[index].value *= factor
            sentence.mark(index)
        }
    }
}
