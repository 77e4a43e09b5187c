/// Boosters (`very`, `extremely`, `mjög`) raise the magnitude of the words after them, dampeners
/// (`slightly`, `somewhat`, `frekar`) lower it; the effect fades over three words and stops at the
/// clause boundary (VADER's `scalar_inc_dec`).
public struct BoosterRule: ScoringRule {
    public init() {}
    public var needsMatches: Bool { true }
    public var requiredFacts: SentenceFacts { .booster }
    public var identifier: String { "booster" }
    public var description: String { "Boosters before a word raise its weight, less the further away they are." }
    public var triggeringExamples: [String] {
        ["The support was very helpful.", "We are extremely disappointed.", "Þjónustan var mjög góð."]
    }
    public var nonTriggeringExamples: [String] {
        ["The support was helpful.", "The support was helpful, very much so."]
    }

    public func apply(to sentence: inout SentenceAnalysis) { IntensityModifier.apply(.booster, to: &sentence) }
}

public struct DampenerRule: ScoringRule {
    public init() {}
    public var needsMatches: Bool { true }
    public var requiredFacts: SentenceFacts { .dampener }
    public var identifier: String { "dampener" }
    public var description: String { "Dampeners before a word lower its weight, less the further away they are." }
    public var triggeringExamples: [String] {
        ["The update is slightly late.", "The demo was somewhat disappointing."]
    }
    public var nonTriggeringExamples: [String] { ["The update is late.", "The demo was disappointing, slightly."] }

    public func apply(to sentence: inout SentenceAnalysis) { IntensityModifier.apply(.dampener, to: &sentence) }
}

enum IntensityModifier {
    /// Hutto & Gilbert 2014: a booster one, two or three words away acts at 100 %, 95 %, 90 %.
    static let decay = VADERConstants.boosterDistanceDecay

    static func apply(_ kind: ModifierKind, to sentence: inout SentenceAnalysis) {
        guard sentence.modifiers.contains(where: { $0.kind == kind }) else { return }
        for index in sentence.items.indices {
            let item = sentence.items[index]
            var scalar = 0.0
            for modifier in sentence.modifiers where modifier.kind == kind && modifier.end <= item.first {
                let distance = item.first - modifier.end
                guard distance < decay.count, sentence.clauseOf(modifier.first) == sentence.clauseOf(item.first) else {
                    continue
                }
                var amount = modifier.weight * decay[distance]
                // VADER: a booster in capitals among lower case boosts by C_INCR more.
                if kind == .booster && modifier.allCaps && sentence.mixedCaps { amount += CapsEmphasisRule.increment }
                scalar += amount
            }
            guard scalar != 0 else { continue }
            if item.isSentiment {
                guard item.value != 0 else { continue }
                sentence.items[index].value += signum(item.value) * scalar
                // A dampener lowers the magnitude but never flips the sign.
                if signum(sentence.items[index].value) != signum(item.value) { sentence.items[index].value = 0 }
            } else {
                sentence.items[index].value = max(0, item.value + scalar)
            }
            sentence.mark(index)
        }
    }
}
