/// A sentiment or conflict word in ALL CAPS, in a text that also has lower case, is emphasised
/// (VADER's "cap differential"); a text written entirely in capitals is not.
public struct CapsEmphasisRule: ScoringRule {
    public var needsMatches: Bool { true }
    public var requiredFacts: SentenceFacts { .mixedCaps }
    /// Hutto & Gilbert 2014, `C_INCR`.
    static let increment = VADERConstants.capsIncrement

    public init() {}
    public var identifier: String { "caps" }
    public var description: String { "ALL-CAPS words are emphasised when the rest of the text is not in capitals." }
    public var triggeringExamples: [String] { ["The delivery was TERRIBLE again.", "This is UNACCEPTABLE."] }
    public var nonTriggeringExamples: [String] { ["The delivery was terrible again.", "THE DELIVERY WAS TERRIBLE."] }

    public func apply(to sentence: inout SentenceAnalysis) {
        guard sentence.mixedCaps else { return }
        for index in sentence.items.indices where sentence.items[index].allCaps {
            let item = sentence.items[index]
            if item.isSentiment {
                guard item.value != 0 else { continue }
                sentence.items[index].value += signum(item.value) * CapsEmphasisRule.increment
            } else if sentence.family(of: item) == .conflict {
                sentence.items[index].value += CapsEmphasisRule.increment
            } else {
                continue
            }
            sentence.mark(index)
        }
    }
}
