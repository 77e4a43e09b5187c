import Foundation
import RapportModel

/// Everything a user can set about an analysis: who we are, who the accounts are, and the
/// thresholds and windows of the rules. Every default is the documented one
/// (`Docs/configuration.md`), so an empty configuration is a sensible one.
public struct HealthConfiguration: Hashable, Sendable {
    /// Our organisation's domains. Empty means "infer from the mail".
    public var ourDomains: [String]
    /// Named accounts, matched by domain or address.
    public var accounts: [AccountRule]
    /// Domains added to the built-in free-mail list (their users group by address).
    public var freeMailDomains: [String]
    public var thresholds: Thresholds
    public var windows: Windows
    public var businessDays: BusinessCalendar
    /// Extra lexicon files for the scorer, resolved against the configuration file's folder.
    public var lexicons: [String]
    /// Where the store keeps its database, resolved like `lexicons`; nil for the store's default.
    public var database: String?

    public init(
        ourDomains: [String] = [], accounts: [AccountRule] = [], freeMailDomains: [String] = [],
        thresholds: Thresholds = Thresholds(), windows: Windows = Windows(),
        businessDays: BusinessCalendar = BusinessCalendar(), lexicons: [String] = [], database: String? = nil
    ) {
        self.ourDomains = ourDomains
        self.accounts = accounts
        self.freeMailDomains = freeMailDomains
        self.thresholds = thresholds
        self.windows = windows
        self.businessDays = businessDays
        self.lexicons = lexicons
        self.database = database
    }

    /// A named counterparty: every participant whose domain (or a subdomain of it) or address is
    /// listed belongs to it.
    public struct AccountRule: Hashable, Sendable {
        public var name: String
        public var type: AccountType
        /// Lower-cased domains.
        public var domains: [String]
        /// Lower-cased addresses (for free-mail contacts).
        public var addresses: [String]

        public init(name: String, type: AccountType = .customer, domains: [String] = [], addresses: [String] = []) {
            self.name = name
            self.type = type
            self.domains = domains.map { $0.lowercasedFast() }
            self.addresses = addresses.map { $0.lowercasedFast() }
        }

        /// The account's grouping key: its first domain, else its first address.
        public var key: String { domains.first ?? addresses.first ?? name.lowercasedFast() }
    }

    /// When a signal becomes a flag. Each default is explained in `Docs/configuration.md`.
    public struct Thresholds: Hashable, Sendable {
        /// A counterparty question or request waiting on us longer than this is `unanswered`.
        public var unansweredBusinessDays = 5
        /// Counterparty messages needed before tone can be called deteriorating.
        public var minimumToneMessages = 3
        /// How far (on the −1…1 tone scale) the recent tone must fall below the earlier level.
        public var toneDrop = 0.5
        /// The recent tone must also be below this: a drop from delighted to friendly is no alarm.
        public var coolTone = 0.15
        /// Intensity (0…1) from which a conflict category makes a message hostile.
        public var hostility = 0.45
        /// Intensity from which a single counterparty message is conflict on its own.
        public var severeHostility = 0.75
        /// Intensity from which a negotiation category counts in a counterparty message.
        public var negotiation = 0.45
        /// Intensity from which one counterparty message is enough for a negotiation flag.
        public var strongNegotiation = 0.7
        /// Reply latencies (business days) needed before responsiveness can be said to drop.
        public var minimumReplies = 4
        /// Recent reply latency must be this many times the earlier one…
        public var latencyFactor = 2.0
        /// …and at least this many business days longer.
        public var latencyIncrease = 3
        /// Our messages in a row without an answer that make a one-way stretch.
        public var oneWayMessages = 2

        public init() {}
    }

    /// How far back the rules look and how fast old signals fade.
    public struct Windows: Hashable, Sendable {
        /// The last this-many counterparty messages are "recent" for tone trends.
        public var recentMessages = 3
        /// Signals lose half their weight in this many days (baselines and health).
        public var halfLifeDays = 90.0
        /// Same-subject conversations this close (days) are joined into one thread by threading.
        public var subjectDays = 45.0

        public init() {}
    }
}
