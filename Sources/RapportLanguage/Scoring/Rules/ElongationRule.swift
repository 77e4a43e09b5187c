/// A word with a letter stretched (`goooood`, `sooo`) is emphasised: lengthening is a deliberate
/// intensity cue in informal text (Brody & Diakopoulos 2011, "Cooooooooooooooollllllllllllll!!!!!!!!!!!!!!").
public struct ElongationRule: ScoringRule {
    public var needsMatches: Bool { true }
    public var requiredFacts: SentenceFacts { .elongation }
    /// No published constant exists; one booster's worth (VADER's `B_INCR`), since lengthening
    /// acts like an added "very".
    static let increment = VADERConstants.boosterIncrement

    public init() {}
    public var identifier: String { "elongation" }
    public var description: String { "Stretched words (goooood) count a little more." }
    public var triggeringExamples: [String] { ["The demo was goooood", "Sooo disappointed with this"] }
    public var nonTriggeringExamples: [String] { ["The demo was good", "Too disappointed to reply"] }

    public func apply(to sentence: inout SentenceAnalysis) {
        // Every stretched item or modifier is made of stretched tokens.
        guard sentence.hasElongatedToken else { return }
        for index in sentence.items.indices where sentence.items[index].isSentiment {
            let item = sentence.items[index]
            guard item.value != 0 else { continue }
            // The word itself, or a booster right before it ("sooo disappointed"), is stretched.
            let stretched =
                item.elongated
                || (item.first..<item.end).contains { sentence.tokens[$0].flags.contains(.elongated) }
                || sentence.modifiers.contains { $0.elongated && $0.kind == .booster && $0.end == item.first }
            guard stretched else { continue }
            sentence.items[index].value += signum(item.value) * ElongationRule.increment
            sentence.mark(index)
        }
    }
}
