import Foundation
import RapportModel

/// The whole report as one indented JSON document, schema `rapport.analyze/1` (see
/// `Docs/output.md`). Keys keep a fixed order, numbers have at most four decimals, dates are
/// ISO 8601 in UTC.
public struct JSONRenderer: ReportRenderer {
    public static let identifier = "json"
    /// Changes when a key is renamed or removed or a meaning changes; new keys keep the version.
    public static let schema = "rapport.analyze/1"

    public init() {}

    public func render(_ report: HealthReport, context: RenderContext) -> String {
        var text: [UInt8] = []
        render(report, context: context) { text += $0 }
        return String(decoding: text, as: UTF8.self)
    }

    /// Threads are made and written a few hundred at a time.
    public func render(_ report: HealthReport, context: RenderContext, into sink: ([UInt8]) throws -> Void) rethrows {
        let digest = ReportDigest(report)
        var members = head(report, context: context, digest: digest).map(JSONValue.StreamedMember.value)
        let threads = report.threads
        members.append(.array("threads", count: threads.count, weight: { threads[$0].messages.count + 1 }) {
            ReportJSON.thread(threads[$0], digest)
        })
        members.append(.value("accounts", .array(report.accounts.map { ReportJSON.account($0, digest) })))
        try JSONValue.writePretty(members, parallelism: context.parallelism, sink: sink)
        try sink([UInt8(ascii: "\n")])
    }

    public func value(_ report: HealthReport, context: RenderContext) -> JSONValue {
        let digest = ReportDigest(report)
        return .object(head(report, context: context, digest: digest) + [
            ("threads", .array(report.threads.parallelMap(parallelism: context.parallelism) { ReportJSON.thread($0, digest) })),
            ("accounts", .array(report.accounts.map { ReportJSON.account($0, digest) })),
        ])
    }

    /// The members before the threads.
    private func head(_ report: HealthReport, context: RenderContext, digest: ReportDigest) -> [(String, JSONValue)] {
        let counts = SeverityCounts(digest.allFlags)
        return [
            ("schema", .string(Self.schema)),
            ("generator", .object([("name", .string("rapport")), ("version", .string(context.version))])),
            ("generatedAt", .string(DocumentJSON.isoDate(context.generatedAt))),
            ("asOf", .string(DocumentJSON.isoDate(report.asOf))),
            ("ourDomains", .array(report.ourDomains.map(JSONValue.string))),
            ("ourDomainsAssumed", .bool(report.ourDomainsAssumed)),
            ("totals", .object([
                ("threads", .int(report.threads.count)),
                ("flaggedThreads", .int(digest.flaggedThreads.count)),
                ("accounts", .int(report.accounts.count)),
                ("flags", ReportJSON.counts(counts)),
            ])),
        ]
    }
}

/// The JSON shapes of the report's parts, shared by the `json` and `ndjson` formats.
public enum ReportJSON {
    static func date(_ date: Date?) -> JSONValue { date.map { .string(DocumentJSON.isoDate($0)) } ?? .null }

    static func participant(_ participant: Participant?) -> JSONValue {
        participant.map(DocumentJSON.participant) ?? .null
    }

    static func counts(_ counts: SeverityCounts) -> JSONValue {
        .object([("critical", .int(counts.critical)), ("warning", .int(counts.warning)), ("info", .int(counts.info))])
    }

    public static func flag(_ flag: HealthFlag) -> JSONValue { .object(flagMembers(flag)) }

    static func flagMembers(_ flag: HealthFlag) -> [(String, JSONValue)] {
        [
            ("kind", .string(flag.kind.rawValue)),
            ("negotiation", JSONValue(flag.negotiation?.rawValue)),
            ("label", .string(flag.label)),
            ("severity", .string(flag.severity.rawValue)),
            ("thread", JSONValue(flag.thread)),
            ("account", .string(flag.account)),
            ("since", .string(DocumentJSON.isoDate(flag.since))),
            ("reason", .string(flag.reason)),
            ("evidence", .array(flag.evidence.map(quote))),
        ]
    }

    static func quote(_ quote: EvidenceQuote) -> JSONValue {
        .object([
            ("document", .string(quote.document)),
            ("date", date(quote.date)),
            ("author", participant(quote.author)),
            ("sentence", .string(quote.sentence)),
            ("terms", .array(quote.terms.map(JSONValue.string))),
        ])
    }

    static func message(_ message: MessageAssessment) -> JSONValue {
        .object([
            ("id", .string(message.document)),
            ("date", date(message.date)),
            ("author", participant(message.author)),
            ("fromUs", .bool(message.fromUs)),
            ("sentiment", .double(message.sentiment)),
            ("politeness", .double(message.politeness)),
            ("words", .int(message.words)),
            ("asks", .bool(message.asks)),
            ("categories", .object(message.categoryList.map { ($0.name, .double($0.intensity)) })),
        ])
    }

    static func thread(_ thread: ThreadReport, _ digest: ReportDigest) -> JSONValue {
        let account = digest.account(of: thread)
        let last = digest.lastMessage(of: thread)
        return .object([
            ("id", .string(thread.id)),
            ("subject", .string(thread.subject)),
            ("account", .string(thread.account)),
            ("accountName", .string(account.name)),
            ("accountType", .string(account.type.rawValue)),
            ("severity", JSONValue(thread.severity?.rawValue)),
            ("first", date(thread.first)),
            ("last", date(thread.last)),
            ("messageCount", .int(thread.messageIDs.count)),
            ("participants", .object([
                ("ours", .array(thread.ours.map(DocumentJSON.participant))),
                ("theirs", .array(thread.theirs.map(DocumentJSON.participant))),
            ])),
            ("messageIds", .array(thread.messageIDs.map(JSONValue.string))),
            ("messages", .array(thread.messages.map(message))),
            ("trajectory", .array(thread.trajectory.map(JSONValue.double))),
            ("flags", .array(thread.flags.map(flag))),
            ("summary", .object([
                ("waiting", .string(thread.waiting.rawValue)),
                ("waitingDays", JSONValue(digest.waitingDays(thread))),
                ("lastMessage", last.map { message in
                    .object([
                        ("id", .string(message.document)), ("date", date(message.date)),
                        ("author", participant(message.author)), ("fromUs", .bool(message.fromUs)),
                    ])
                } ?? .null),
                ("nextStep", JSONValue(thread.nextStep)),
            ])),
        ])
    }

    static func account(_ account: AccountReport, _ digest: ReportDigest) -> JSONValue {
        .object([
            ("key", .string(account.account.key)),
            ("name", .string(account.account.name)),
            ("type", .string(account.account.type.rawValue)),
            ("health", .int(account.health)),
            ("band", .string(account.band)),
            ("trend", .string(account.trend.rawValue)),
            ("history", .array(account.history.map { point in
                .object([("date", .string(DocumentJSON.isoDate(point.date))), ("health", .int(point.health))])
            })),
            ("openFlags", counts(SeverityCounts(account.flags))),
            ("flags", .array(digest.accountLevelFlags(account).map(flag))),
            ("threads", .array(account.threads.map(JSONValue.string))),
        ])
    }
}
