import Foundation
import GRDB
import RapportModel

/// A thread as last assessed: a few columns for queries, the `ThreadReport` as JSON.
struct ThreadRecord: Hashable, Sendable, Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "thread"

    var id: String
    var account: String
    var subject: String
    var severity: String?
    var lastDate: Date?
    var messages: Int
    /// The scan whose assessment it is: the last one that found it otherwise than stored.
    var scan: Int64
    var body: String

    init(_ report: ThreadReport, scan: Int64) throws {
        id = report.id
        account = report.account
        subject = report.subject
        severity = report.severity?.rawValue
        lastDate = report.last
        messages = report.messageIDs.count
        self.scan = scan
        body = try StoreJSON.encode(report)
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let account = Column(CodingKeys.account)
    }
}

/// An account as last assessed, with its `AccountReport` as JSON.
struct AccountRecord: Hashable, Sendable, Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "account"

    var key: String
    var name: String
    var type: String
    var health: Int
    var trend: String
    var scan: Int64
    var body: String

    init(_ report: AccountReport, scan: Int64) throws {
        key = report.account.key
        name = report.account.name
        type = report.account.type.rawValue
        health = report.health
        trend = report.trend.rawValue
        self.scan = scan
        body = try StoreJSON.encode(report)
    }

    enum Columns {
        static let key = Column(CodingKeys.key)
        static let name = Column(CodingKeys.name)
    }
}

/// An account's health as one scan left it: the points of its history across nightly scans.
public struct AccountHealthRecord: Hashable, Sendable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "accountHealth"

    public var account: String
    public var scan: Int64
    public var health: Int
    public var trend: Trend
    /// Flags open on the account and its threads after that scan.
    public var openFlags: Int

    public init(account: String, scan: Int64, health: Int, trend: Trend, openFlags: Int) {
        self.account = account
        self.scan = scan
        self.health = health
        self.trend = trend
        self.openFlags = openFlags
    }
}

/// One episode of a flag: from the scan it appeared in until the scan that cleared it. The flag's
/// latest content is kept as JSON; severity and reason are columns for queries.
struct FlagRecord: Hashable, Sendable, Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "flag"

    var id: Int64?
    /// The flag's identity across scans: account, thread and label.
    var key: String
    var account: String
    var thread: String?
    var kind: String
    var severity: String
    var since: Date
    var reason: String
    var appeared: Int64
    var changed: Int64?
    var cleared: Int64?
    var body: String

    init(_ flag: HealthFlag, key: String, appeared: Int64) throws {
        self.key = key
        account = flag.account
        thread = flag.thread
        kind = flag.label
        severity = flag.severity.rawValue
        since = flag.since
        reason = flag.reason
        self.appeared = appeared
        body = try StoreJSON.encode(flag)
    }

    mutating func update(with flag: HealthFlag) throws {
        severity = flag.severity.rawValue
        since = flag.since
        reason = flag.reason
        body = try StoreJSON.encode(flag)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let key = Column(CodingKeys.key)
        static let account = Column(CodingKeys.account)
        static let thread = Column(CodingKeys.thread)
        static let cleared = Column(CodingKeys.cleared)
    }
}

/// What happened to a flag in one scan.
struct FlagEventRecord: Hashable, Sendable, Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "flagEvent"

    var flag: Int64
    var scan: Int64
    var change: FlagChange.Kind
    var severity: String
}

/// The settings the stored assessment was made with; a scan whose settings differ assesses
/// everything again instead of only what new mail touched.
public struct AssessmentRecord: Hashable, Sendable, Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "assessment"

    var id = 1
    public var scan: Int64
    public var asOf: Date
    public var ourDomains: [String]
    public var ourDomainsAssumed: Bool
    /// A hash of the configuration and scoring the assessment depends on.
    public var settings: String

    public init(scan: Int64, asOf: Date, ourDomains: [String], ourDomainsAssumed: Bool, settings: String) {
        self.scan = scan
        self.asOf = asOf
        self.ourDomains = ourDomains
        self.ourDomainsAssumed = ourDomainsAssumed
        self.settings = settings
    }

    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }

    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }
}
