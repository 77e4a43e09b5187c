/// A negator (`not`, `never`, `n't`, `without`, `ekki`, `aldrei`) flips the first term after it
/// that carries sentiment or a conflict or relationship signal, as long as that term is in the
/// same clause (a comma, a contrast, a conditional or a clause-opening word such as `and` ends
/// it): "I don't think this is good" reaches past four words, which a fixed window would miss,
/// and "if this is not fixed we will be angry" stops at "fixed". Negated conflict and
/// relationship signals are dropped: "not angry" is no anger, "can't commit" no commitment.
public struct NegationRule: ScoringRule {
    public var needsMatches: Bool { true }
    public var requiredFacts: SentenceFacts { .negator }
    /// A negated negative word swings less far than a negated positive one: "not bad" is mildly
    /// positive, "not good" clearly negative (Kiritchenko & Mohammad 2016, "The effect of
    /// negators, modals, and degree adverbs on sentiment composition"). Applied on top of the
    /// negator's weight (VADER's −0.74 for `not`); 0.75 is a starting value for the dev set.
    static let negatedNegativeScale = 0.75

    public init() {}
    public var identifier: String { "negation" }
    public var description: String { "A negator flips the first sentiment term after it in its clause." }
    public var triggeringExamples: [String] {
        [
            "This is not good.", "I can't complain about the support.", "Nothing to worry about.",
            "We never had a problem with them.", "I don't think this is good.", "Þetta er ekki gott.",
            "Why isn't this good?",
        ]
    }
    public var nonTriggeringExamples: [String] {
        [
            "This is good.", "Not now, but the result is good.", "No, the result is good.", "Þetta er gott.",
            "I don't know and the support is good.", "Isn't it good that the team made it?",
        ]
    }

    public func apply(to sentence: inout SentenceAnalysis) {
        // By index: iterating `sentence.modifiers` copies the array while `sentence` changes.
        for position in sentence.modifiers.indices where sentence.modifiers[position].kind == .negator {
            let negator = sentence.modifiers[position]
            // "Isn't it wonderful?": a question opened by a negated auxiliary asserts, it does not negate.
            if sentence.questions > 0, sentence.isFirstWord(negator.first), sentence.endsWithNegatedAuxiliary(negator.first) {
                continue
            }
            // The first term after the negator, in its clause, that negation can change.
            guard
                let target = sentence.items.first(where: { item in
                    item.first >= negator.end && sentence.clauseOf(item.first) == sentence.clauseOf(negator.first)
                        && isNegatable(item, in: sentence)
                })
            else { continue }
            for index in sentence.items.indices
            where sentence.items[index].first == target.first
                && isNegatable(sentence.items[index], in: sentence)
            {
                let current = sentence.items[index].value
                if sentence.items[index].isSentiment {
                    let scale = current < 0 ? NegationRule.negatedNegativeScale : 1
                    sentence.items[index].value = current * negator.weight * scale
                } else {
                    sentence.items[index].value = 0
                }
                sentence.mark(index)
            }
        }
    }

    func isNegatable(_ item: SentenceAnalysis.Item, in sentence: SentenceAnalysis) -> Bool {
        if item.isSentiment { return item.value != 0 }
        let family = sentence.family(of: item)
        return family == .conflict || family == .relationship
    }
}
