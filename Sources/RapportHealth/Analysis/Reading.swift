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
///
/// A value with its fields in one shared box, copied only when changed: the rules pass readings
/// around and filter them for every month of an account's history, and copying a dozen strings,
/// arrays and dictionaries each time (a retain and a release apiece) was a tenth of assessing.
struct Reading: Hashable, Sendable {
    private final class Storage: @unchecked Sendable {
        var document: Document
        var date: Date?
        var isNote: Bool
        var side: Side
        var author: Participant?
        var automated: Bool
        var sentences: [ReadSentence]
        var sentiment: Double
        var politeness: Double
        var categories: [String: Double]
        var words: Int
        var asks: Bool
        var participants: [Participant]
        /// Tone and the signals behind it, from `sentiment`, `politeness` and `categories`:
        /// computed when those are set rather than each time a rule asks (the rules ask of every
        /// message at every month's end of an account's history, a dictionary lookup apiece).
        var signals: Signals

        init(document: Document, date: Date?, isNote: Bool, side: Side, author: Participant?, automated: Bool, sentences: [ReadSentence], sentiment: Double, politeness: Double, categories: [String: Double], words: Int, asks: Bool, participants: [Participant]) {
            self.document = document
            self.date = date
            self.isNote = isNote
            self.side = side
            self.author = author
            self.automated = automated
            self.sentences = sentences
            self.sentiment = sentiment
            self.politeness = politeness
            self.categories = categories
            self.words = words
            self.asks = asks
            self.participants = participants
            signals = Signals(sentiment: sentiment, politeness: politeness, categories: categories)
        }

        func updateSignals() {
            signals = Signals(sentiment: sentiment, politeness: politeness, categories: categories)
        }

        func copy() -> Storage {
            Storage(document: document, date: date, isNote: isNote, side: side, author: author, automated: automated, sentences: sentences, sentiment: sentiment, politeness: politeness, categories: categories, words: words, asks: asks, participants: participants)
        }
    }

    private var storage: Storage

    init(
        document: Document, date: Date?, isNote: Bool, side: Side, author: Participant?, automated: Bool,
        sentences: [ReadSentence], sentiment: Double, politeness: Double, categories: [String: Double], words: Int,
        asks: Bool, participants: [Participant]
    ) {
        storage = Storage(document: document, date: date, isNote: isNote, side: side, author: author, automated: automated, sentences: sentences, sentiment: sentiment, politeness: politeness, categories: categories, words: words, asks: asks, participants: participants)
    }

    /// The box, copied first when another reading shares it.
    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    var document: Document {
        get { storage.document }
        set { unique().document = newValue }
    }
    var date: Date? {
        get { storage.date }
        set { unique().date = newValue }
    }
    var isNote: Bool {
        get { storage.isNote }
        set { unique().isNote = newValue }
    }
    /// `.them` when the document carries the counterparty's voice: their mail, or a meeting
    /// note in which they spoke.
    var side: Side {
        get { storage.side }
        set { unique().side = newValue }
    }
    var author: Participant? {
        get { storage.author }
        set { unique().author = newValue }
    }
    /// A sender that does not read replies (monitoring, no-reply): never waiting on anyone.
    var automated: Bool {
        get { storage.automated }
        set { unique().automated = newValue }
    }
    var sentences: [ReadSentence] {
        get { storage.sentences }
        set { unique().sentences = newValue }
    }
    var sentiment: Double {
        get { storage.sentiment }
        set {
            let storage = unique()
            storage.sentiment = newValue
            storage.updateSignals()
        }
    }
    var politeness: Double {
        get { storage.politeness }
        set {
            let storage = unique()
            storage.politeness = newValue
            storage.updateSignals()
        }
    }
    var categories: [String: Double] {
        get { storage.categories }
        set {
            let storage = unique()
            storage.categories = newValue
            storage.updateSignals()
        }
    }
    var words: Int {
        get { storage.words }
        set { unique().words = newValue }
    }
    var asks: Bool {
        get { storage.asks }
        set { unique().asks = newValue }
    }
    /// Everyone on the message, after note attendees were given their addresses.
    var participants: [Participant] {
        get { storage.participants }
        set { unique().participants = newValue }
    }

    static func == (lhs: Reading, rhs: Reading) -> Bool {
        if lhs.storage === rhs.storage { return true }
        return lhs.document == rhs.document
            && lhs.date == rhs.date
            && lhs.isNote == rhs.isNote
            && lhs.side == rhs.side
            && lhs.author == rhs.author
            && lhs.automated == rhs.automated
            && lhs.sentences == rhs.sentences
            && lhs.sentiment == rhs.sentiment
            && lhs.politeness == rhs.politeness
            && lhs.categories == rhs.categories
            && lhs.words == rhs.words
            && lhs.asks == rhs.asks
            && lhs.participants == rhs.participants
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(document)
        hasher.combine(date)
        hasher.combine(isNote)
        hasher.combine(side)
        hasher.combine(author)
        hasher.combine(automated)
        hasher.combine(sentences)
        hasher.combine(sentiment)
        hasher.combine(politeness)
        hasher.combine(categories)
        hasher.combine(words)
        hasher.combine(asks)
        hasher.combine(participants)
    }

    func category(_ name: String) -> Double { categories[name] ?? 0 }

    // MARK: - Derived signals

    /// The conflict categories that are hostile in themselves; complaints and urgency are not.
    static let hostileCategories = ["conflict.anger", "conflict.blame", "conflict.threat", "conflict.distrust"]

    /// The signals of a reading's numbers, computed once.
    struct Signals: Hashable, Sendable {
        var hostility: Double
        var pressure: Double
        var tone: Double
        var warmth: Double
        var hasCourtesy: Bool
        /// Each `negotiation.*` category, in the order of `HealthFlag.NegotiationKind.allCases`.
        var negotiation: [Double]
        /// `conflict.complaint` and `conflict.escalation`, which rules ask of every message.
        var complaint: Double
        var escalation: Double

        init(sentiment: Double, politeness: Double, categories: [String: Double]) {
            // Each category the signals read has a slot; the message's few categories are put
            // in theirs, rather than every name the signals read being looked up in them.
            var values = [Double](repeating: 0, count: Self.slotCount)
            for (name, value) in categories {
                if let slot = Self.slots[name] { values[slot] = value }
            }
            var best = values[Self.hostileSlot]
            for slot in (Self.hostileSlot + 1)..<(Self.hostileSlot + Reading.hostileCategories.count) {
                let value = values[slot]
                if best < value { best = value }
            }
            hostility = best
            pressure = max(hostility, values[Self.walkawaySlot])
            let raw = Tone.sentimentWeight * sentiment + Tone.politenessWeight * politeness - Tone.hostilityWeight * pressure
            tone = min(1, max(-1, raw))
            warmth = max(values[Self.thanksSlot], values[Self.appreciationSlot])
            hasCourtesy = values[Self.greetingSlot] > 0 || values[Self.thanksSlot] > 0
            negotiation = categories.isEmpty
                ? Self.noNegotiation : Array(values[Self.negotiationSlot..<(Self.negotiationSlot + Reading.negotiationCategories.count)])
            complaint = values[Self.complaintSlot]
            escalation = values[Self.escalationSlot]
        }

        /// The categories the signals read, each with its place in `values`: the hostile ones,
        /// the negotiation ones (walking away among them), then the rest.
        private static let named: [String] = Reading.hostileCategories + Reading.negotiationCategories
            + ["politeness.thanks", "relationship.appreciation", "politeness.greeting", "conflict.complaint", "conflict.escalation"]
        private static let slots = Dictionary(uniqueKeysWithValues: named.enumerated().map { ($1, $0) })
        private static let slotCount = named.count
        private static let hostileSlot = 0
        private static let negotiationSlot = Reading.hostileCategories.count
        private static let walkawaySlot = slots["negotiation.walkaway"]!
        private static let thanksSlot = slots["politeness.thanks"]!
        private static let appreciationSlot = slots["relationship.appreciation"]!
        private static let greetingSlot = slots["politeness.greeting"]!
        private static let complaintSlot = slots["conflict.complaint"]!
        private static let escalationSlot = slots["conflict.escalation"]!

        private static let noNegotiation = [Double](repeating: 0, count: Reading.negotiationCategories.count)
    }

    /// The `negotiation.*` category of each `HealthFlag.NegotiationKind`, in `allCases` order.
    static let negotiationCategories = HealthFlag.NegotiationKind.allCases.map { "negotiation." + $0.rawValue }

    /// The intensity of the `negotiation.*` category of the sub-kind at `index` of `allCases`.
    func negotiation(_ index: Int) -> Double { storage.signals.negotiation[index] }

    /// `conflict.complaint`.
    var complaint: Double { storage.signals.complaint }
    /// `conflict.escalation`.
    var escalation: Double { storage.signals.escalation }

    /// The strongest hostile category.
    var hostility: Double { storage.signals.hostility }

    /// Hostility, or a threat to walk away: what pulls tone down whatever the wording.
    var pressure: Double { storage.signals.pressure }

    /// Tone on −1…1: sentiment and politeness say how it reads; hostility and threats to walk
    /// away pull it down even when a message is scrupulously polite (legal letters are).
    var tone: Double { storage.signals.tone }

    /// Thanks or appreciation, the markers of a warm close.
    var warmth: Double { storage.signals.warmth }

    /// A warm message: positive, thankful and not hostile — the close of a recovered thread.
    func isWarm(hostileFrom threshold: Double) -> Bool {
        tone >= Tone.warm && sentiment >= Tone.warmSentiment && warmth >= Tone.warmMarkers && hostility < threshold
    }

    /// Greetings or thanks present: what curt replies drop.
    var hasCourtesy: Bool { storage.signals.hasCourtesy }
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
