/// Exclamation marks amplify a sentence in whichever direction it already leans (VADER's
/// `_amplify_ep`): 0.292 for each `!`, at most four.
public struct ExclamationRule: ScoringRule {
    public init() {}
    public var needsMatches: Bool { true }
    public var requiredFacts: SentenceFacts { .exclamation }
    public var identifier: String { "exclamation" }
    public var description: String { "Each ! (up to four) strengthens the sentence's sentiment." }
    public var triggeringExamples: [String] { ["Great work!", "This is unacceptable!!!"] }
    public var nonTriggeringExamples: [String] { ["Great work.", "Meeting moved to noon!"] }

    public func apply(to sentence: inout SentenceAnalysis) {
        guard sentence.exclamations > 0, sentence.items.contains(where: { $0.isSentiment && $0.value != 0 }) else {
            return
        }
        sentence.emphasis +=
            Double(min(sentence.exclamations, VADERConstants.maximumExclamations))
            * VADERConstants.exclamationIncrement
        sentence.markSentence()
    }
}

/// Repeated question marks (`??`, `?!?`) signal exasperation or disbelief and amplify the
/// sentence's lean (VADER's `_amplify_qm`); a single `?` asks and changes nothing.
public struct QuestionRule: ScoringRule {
    public init() {}
    public var needsMatches: Bool { true }
    public var requiredFacts: SentenceFacts { .severalQuestions }
    public var identifier: String { "question" }
    public var description: String { "Two or more ? strengthen the sentence's sentiment; one does not." }
    public var triggeringExamples: [String] { ["Why is this still so bad??", "Is this really the best you can do???"] }
    public var nonTriggeringExamples: [String] { ["Is this good?", "This is bad."] }

    public func apply(to sentence: inout SentenceAnalysis) {
        guard sentence.questions > 1, sentence.items.contains(where: { $0.isSentiment && $0.value != 0 }) else {
            return
        }
        sentence.emphasis +=
            sentence.questions <= 3
            ? Double(sentence.questions) * VADERConstants.questionIncrement
            : VADERConstants.manyQuestionsIncrement
        sentence.markSentence()
    }
}
