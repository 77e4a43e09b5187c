/// Sentiment inside a conditional clause (`if`, `unless`, `ef`, `nema`) is hypothetical and counts
/// less: "if this is not fixed we will cancel" threatens, it does not report a failure. Category
/// signals (the threat itself) keep their full weight. The clause runs to the next punctuation
/// or contrast word.
public struct ConditionalRule: ScoringRule {
    public init() {}
    public var needsMatches: Bool { true }
    public var requiredFacts: SentenceFacts { .conditional }
    public var identifier: String { "conditional" }
    public var description: String { "Sentiment in an if/unless clause is hypothetical and weighs less." }
    public var triggeringExamples: [String] {
        [
            "If this is not fixed we will be disappointed.", "Unless the delay ends, we walk.",
            "Ef þetta er slæmt, látið vita.",
        ]
    }
    public var nonTriggeringExamples: [String] {
        ["This is not fixed and we are disappointed.", "The delay is terrible, if you ask me."]
    }

    public func apply(to sentence: inout SentenceAnalysis) {
        guard sentence.modifiers.contains(where: { $0.kind == .conditional }) else { return }
        for index in sentence.items.indices where sentence.items[index].isSentiment {
            let item = sentence.items[index]
            guard item.value != 0 else { continue }
            for cue in sentence.modifiers
            where cue.kind == .conditional && cue.end <= item.first
                && sentence.segmentOf(cue.first) == sentence.segmentOf(item.first)
            {
                sentence.items[index].value *= cue.weight
                sentence.mark(index)
                break
            }
        }
    }
}
