import Foundation

// MARK: - Accounts

/// What kind of relationship an account is.
public enum AccountType: String, Hashable, Sendable, Codable, CaseIterable {
    case customer
    case partner
    case supplier
    /// An internal business unit the relationship manager also looks after.
    case internalUnit = "internal"
    /// Not configured; inferred from mail alone.
    case unknown
}

/// A counterparty organisation (or, for free-mail senders, a person).
public struct Account: Hashable, Sendable, Codable {
    /// The grouping key: a domain (`hafbrun.is`) or, for free-mail users, an address.
    public var key: String
    /// A display name: configured, or derived from the key.
    public var name: String
    public var type: AccountType

    public init(key: String, name: String, type: AccountType = .unknown) {
        self.key = key
        self.name = name
        self.type = type
    }
}

// MARK: - Flags

/// How urgently a flag asks for attention.
public enum Severity: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case info
    case warning
    case critical

    private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// Something about a thread or an account that a relationship manager should know.
public struct HealthFlag: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case deterioratingTone = "deteriorating-tone"
        case conflict
        case escalation
        case negotiationIssue = "negotiation-issue"
        case unanswered
        case responsivenessDrop = "responsiveness-drop"
        case disengagement
    }

    /// The negotiation sub-kinds of `negotiation-issue`.
    public enum NegotiationKind: String, Hashable, Sendable, Codable, CaseIterable {
        case price, discount, competitor, stall, contract, deadline, walkaway
    }

    public var kind: Kind
    /// Set for `negotiation-issue` only.
    public var negotiation: NegotiationKind?
    public var severity: Severity
    /// The thread the flag is about, or nil for an account-level flag.
    public var thread: String?
    /// The account key the flag belongs to.
    public var account: String
    /// When the problem began (the first message that showed it).
    public var since: Date
    /// One sentence a person can read, e.g. "Their tone has turned from warm to hostile since 4 June."
    public var reason: String
    /// One to three quotes that show it.
    public var evidence: [EvidenceQuote]

    public init(kind: Kind, negotiation: NegotiationKind? = nil, severity: Severity, thread: String?, account: String,
                since: Date, reason: String, evidence: [EvidenceQuote]) {
        self.kind = kind
        self.negotiation = negotiation
        self.severity = severity
        self.thread = thread
        self.account = account
        self.since = since
        self.reason = reason
        self.evidence = evidence
    }

    /// `negotiation-issue:price` style label, or the kind alone.
    public var label: String { negotiation.map { "\(kind.rawValue):\($0.rawValue)" } ?? kind.rawValue }
}

/// A sentence from a message that shows why a flag was raised.
public struct EvidenceQuote: Hashable, Sendable, Codable {
    public var document: String
    public var date: Date?
    public var author: Participant?
    public var sentence: String
    /// The words and phrases in the sentence that counted.
    public var terms: [String]

    public init(document: String, date: Date?, author: Participant?, sentence: String, terms: [String]) {
        self.document = document
        self.date = date
        self.author = author
        self.sentence = sentence
        self.terms = terms
    }
}

// MARK: - Assessments

/// Who is expected to write next in a thread.
public enum Waiting: String, Hashable, Sendable, Codable {
    /// The counterparty asked or wrote last; we owe a reply.
    case onUs = "us"
    /// We wrote last; they owe a reply.
    case onThem = "them"
    case nobody
}

/// One message as analysis sees it.
public struct MessageAssessment: Hashable, Sendable, Codable {
    /// A category's name (e.g. `conflict.anger`) and its intensity in a message.
    public struct Category: Hashable, Sendable {
        public var name: String
        public var intensity: Double

        public init(name: String, intensity: Double) {
            self.name = name
            self.intensity = intensity
        }
    }

    public var document: String
    public var date: Date?
    // The one-byte fields sit in the padding after the date.
    /// True when the author is one of ours.
    public var fromUs: Bool
    /// True when the message asks the other side something (a question or a request).
    public var asks: Bool
    public var author: Participant?
    /// Sentiment compound in [-1, 1].
    public var sentiment: Double
    /// The categories found, in name order. A report holds one list per message, and a list
    /// takes about half the memory of a dictionary of the same.
    public private(set) var categoryList: [Category]
    public var politeness: Double
    public var words: Int

    /// Category name to intensity: `categoryList` as a dictionary.
    public var categories: [String: Double] {
        get { Dictionary(uniqueKeysWithValues: categoryList.lazy.map { ($0.name, $0.intensity) }) }
        set { categoryList = Self.list(newValue) }
    }

    public init(document: String, date: Date?, author: Participant?, fromUs: Bool, sentiment: Double,
                categories: [String: Double], politeness: Double, words: Int, asks: Bool) {
        self.document = document
        self.date = date
        self.author = author
        self.fromUs = fromUs
        self.sentiment = sentiment
        self.categoryList = Self.list(categories)
        self.politeness = politeness
        self.words = words
        self.asks = asks
    }

    private static func list(_ categories: [String: Double]) -> [Category] {
        categories.map { Category(name: $0.key, intensity: $0.value) }.sorted { $0.name < $1.name }
    }

    // Coded as it always was: `categories` an object of names to intensities.
    private enum CodingKeys: String, CodingKey {
        case document, date, author, fromUs, sentiment, categories, politeness, words, asks
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            document: try container.decode(String.self, forKey: .document),
            date: try container.decodeIfPresent(Date.self, forKey: .date),
            author: try container.decodeIfPresent(Participant.self, forKey: .author),
            fromUs: try container.decode(Bool.self, forKey: .fromUs),
            sentiment: try container.decode(Double.self, forKey: .sentiment),
            categories: try container.decode([String: Double].self, forKey: .categories),
            politeness: try container.decode(Double.self, forKey: .politeness),
            words: try container.decode(Int.self, forKey: .words),
            asks: try container.decode(Bool.self, forKey: .asks))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(document, forKey: .document)
        try container.encodeIfPresent(date, forKey: .date)
        try container.encodeIfPresent(author, forKey: .author)
        try container.encode(fromUs, forKey: .fromUs)
        try container.encode(sentiment, forKey: .sentiment)
        try container.encode(categories, forKey: .categories)
        try container.encode(politeness, forKey: .politeness)
        try container.encode(words, forKey: .words)
        try container.encode(asks, forKey: .asks)
    }
}

/// A conversation and what analysis found in it.
public struct ThreadReport: Hashable, Sendable, Codable {
    public var id: String
    public var subject: String
    public var account: String
    public var ours: [Participant]
    public var theirs: [Participant]
    public var first: Date?
    public var last: Date?
    /// Every message's id, in date order.
    public var messageIDs: [String]
    public var messages: [MessageAssessment]
    public var flags: [HealthFlag]
    /// Counterparty tone over the thread, one point per counterparty message, in [-1, 1].
    public var trajectory: [Double]
    public var waiting: Waiting
    /// A suggested next step written from rules, when the thread is flagged.
    public var nextStep: String?

    public init(id: String, subject: String, account: String, ours: [Participant], theirs: [Participant],
                first: Date?, last: Date?, messageIDs: [String], messages: [MessageAssessment], flags: [HealthFlag],
                trajectory: [Double], waiting: Waiting, nextStep: String?) {
        self.id = id
        self.subject = subject
        self.account = account
        self.ours = ours
        self.theirs = theirs
        self.first = first
        self.last = last
        self.messageIDs = messageIDs
        self.messages = messages
        self.flags = flags
        self.trajectory = trajectory
        self.waiting = waiting
        self.nextStep = nextStep
    }

    /// The most severe flag's severity, or nil for a healthy thread.
    public var severity: Severity? { flags.map(\.severity).max() }

    /// What a thread's place in `reportOrder` depends on.
    public typealias OrderKey = (severity: Severity?, last: Date?, id: String)

    public var orderKey: OrderKey { (severity, last, id) }

    /// `HealthReport`'s documented order of threads: flagged threads first (most severe, then
    /// most recent), then the rest, most recent first; ties by id.
    public static func reportOrder(_ lhs: ThreadReport, _ rhs: ThreadReport) -> Bool {
        reportOrder(lhs.orderKey, rhs.orderKey)
    }

    /// `reportOrder` of threads known by their order keys alone.
    public static func reportOrder(_ lhs: OrderKey, _ rhs: OrderKey) -> Bool {
        switch (lhs.severity, rhs.severity) {
        case let (left?, right?) where left != right: return left > right
        case (.some, .none): return true
        case (.none, .some): return false
        default:
            let left = lhs.last ?? .distantPast, right = rhs.last ?? .distantPast
            return left != right ? left > right : lhs.id < rhs.id
        }
    }
}

/// The direction an account's health is moving.
public enum Trend: String, Hashable, Sendable, Codable {
    case improving, stable, declining
}

/// An account's health over time.
public struct AccountReport: Hashable, Sendable, Codable {
    public var account: Account
    /// 0–100: good ≥ 60, fair 40–59, poor < 40.
    public var health: Int
    public var trend: Trend
    /// Health at the end of each period (e.g. month) that had messages, oldest first.
    public var history: [HealthPoint]
    /// Account-level flags plus the flags of its threads.
    public var flags: [HealthFlag]
    public var threads: [String]

    public init(account: Account, health: Int, trend: Trend, history: [HealthPoint], flags: [HealthFlag], threads: [String]) {
        self.account = account
        self.health = health
        self.trend = trend
        self.history = history
        self.flags = flags
        self.threads = threads
    }

    /// `good`, `fair` or `poor`, as CRM health scores are read.
    public var band: String { health >= 60 ? "good" : health >= 40 ? "fair" : "poor" }
}

public struct HealthPoint: Hashable, Sendable, Codable {
    public var date: Date
    public var health: Int

    public init(date: Date, health: Int) {
        self.date = date
        self.health = health
    }
}

/// Everything one analysis produced, ready for any renderer.
public struct HealthReport: Hashable, Sendable, Codable {
    /// The moment the analysis speaks of (`--as-of`).
    public var asOf: Date
    /// Our organisation's domains.
    public var ourDomains: [String]
    /// True when `ourDomains` was inferred from the mail rather than configured.
    public var ourDomainsAssumed: Bool
    /// Flagged threads first (most severe, then most recent), then the rest.
    public var threads: [ThreadReport]
    /// Accounts by health, worst first.
    public var accounts: [AccountReport]

    public init(asOf: Date, ourDomains: [String], ourDomainsAssumed: Bool, threads: [ThreadReport], accounts: [AccountReport]) {
        self.asOf = asOf
        self.ourDomains = ourDomains
        self.ourDomainsAssumed = ourDomainsAssumed
        self.threads = threads
        self.accounts = accounts
    }
}

/// The month-end health points of accounts, each with a digest of everything it was computed
/// from. A later assessment (the next nightly scan) takes a point whose inputs are unchanged
/// instead of running every rule over the account as it stood at that month's end again: new
/// mail rarely changes an account's past, and its past months were most of re-assessing it.
public struct HealthHistoryMemo: Hashable, Sendable, Codable {
    public struct Point: Hashable, Sendable, Codable {
        public var date: Date
        /// A digest of the inputs: the account, its threads' messages as they stood at `date`
        /// (every field of every reading), and who is who.
        public var inputs: String
        public var health: Int

        public init(date: Date, inputs: String, health: Int) {
            self.date = date
            self.inputs = inputs
            self.health = health
        }
    }

    /// Account key → its points, oldest first.
    public var accounts: [String: [Point]]

    public init(accounts: [String: [Point]] = [:]) {
        self.accounts = accounts
    }
}
