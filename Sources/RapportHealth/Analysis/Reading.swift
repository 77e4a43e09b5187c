import Foundation
import RapportLanguage
import RapportModel

/// A sentence that counts, with the person who said it.
struct ReadSentence: Hashable, Sendable {
    var text: String
    var sentiment: Double
    var categories: [String: Double]
    var politeness: Double
    var evidence: [Evidence]
    /// Who said it: the author of a mail, the speaker of a meeting-note turn.
    var speaker: Participant?
    /// True when the sentence asks something (a question mark or a request cue).
    var asks: Bool
    /// The request cues in it, as written.
    var requestTerms: [String]
}

/// One document as the rules see it: which side's voice it carries, its tone, and the sentences
/// that count (boilerplate removed; for meeting notes, the counterparty's turns).
struct Reading: Hashable, Sendable {
    var document: Document
    var date: Date?
    var isNote: Bool
    /// `.them` when the document carries the counterparty's voice: their mail, or a meeting
    /// note in which they spoke.
    var side: Side
    var author: Participant?
    /// A sender that does not read replies (monitoring, no-reply): never waiting on anyone.
    var automated: Bool
    var sentences: [ReadSentence]
    var sentiment: Double
    var politeness: Double
    var categories: [String: Double]
    var words: Int
    var asks: Bool

    /// Everyone on the message, after note attendees were given their addresses.
    var participants: [Participant]

    func category(_ name: String) -> Double { categories[name] ?? 0 }

    // MARK: - Derived signals

    /// The conflict categories that are hostile in themselves; complaints and urgency are not.
    static let hostileCategories = ["conflict.anger", "conflict.blame", "conflict.threat", "conflict.distrust"]

    /// The strongest hostile category.
    var hostility: Double {
        // A loop, as `max()` compares: `map(category)` copied the whole reading into a closure
        // on every call, and rules ask this of every message.
        var best = category(Self.hostileCategories[0])
        for name in Self.hostileCategories.dropFirst() {
            let value = category(name)
            if best < value { best = value }
        }
        return best
    }

    /// Hostility, or a threat to walk away: what pulls tone down whatever the wording.
    var pressure: Double { max(hostility, category("negotiation.walkaway")) }

    /// Tone on −1…1: sentiment and politeness say how it reads; hostility and threats to walk
    /// away pull it down even when a message is scrupulously polite (legal letters are).
    var tone: Double {
        let raw = Tone.sentimentWeight * sentiment + Tone.politenessWeight * politeness
            - Tone.hostilityWeight * pressure
        return min(1, max(-1, raw))
    }

    /// Thanks or appreciation, the markers of a warm close.
    var warmth: Double { max(category("politeness.thanks"), category("relationship.appreciation")) }

    /// A warm message: positive, thankful and not hostile — the close of a recovered thread.
    func isWarm(hostileFrom threshold: Double) -> Bool {
        tone >= Tone.warm && sentiment >= Tone.warmSentiment && warmth >= Tone.warmMarkers && hostility < threshold
    }

    /// Greetings or thanks present: what curt replies drop.
    var hasCourtesy: Bool {
        category("politeness.greeting") > 0 || category("politeness.thanks") > 0
    }
}

/// The weights of `Reading.tone` and the levels that name it.
enum Tone {
    /// Sentiment carries most of the tone.
    static let sentimentWeight = 0.6
    /// Politeness (greetings, thanks, hedges present or dropped) carries the rest.
    static let politenessWeight = 0.4
    /// Hostility (or a walk-away threat) at full intensity costs half the scale.
    static let hostilityWeight = 0.5
    /// From here up a message is warm.
    static let warm = 0.4
    /// A warm close also reads positive on its own…
    static let warmSentiment = 0.3
    /// …and thanks or appreciates with at least this intensity (one plain "thanks" is 0.6).
    static let warmMarkers = 0.3

    /// A word for a tone level, for reasons people read.
    static func label(_ tone: Double) -> String {
        switch tone {
        case 0.5...: return "warm"
        case 0.15..<0.5: return "friendly"
        case -0.15..<0.15: return "neutral"
        case -0.5 ..< -0.15: return "cool"
        default: return "hostile"
        }
    }
}
