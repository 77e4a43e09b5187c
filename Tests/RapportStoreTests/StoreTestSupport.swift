import Foundation
import RapportModel
@testable import RapportStore

/// Small, readable values for store tests.
enum Make {
    static let day: TimeInterval = 86_400
    static let start = Date(timeIntervalSince1970: 1_780_000_000)

    static func document(_ id: String, text: String = "Thanks for the update.", file: String = "/mail/inbox.mbox",
                         offset: Int = 0, day: Int = 0, references: [String] = []) -> Document {
        Document(id: id, subject: "Renewal", date: start.addingTimeInterval(Double(day) * Self.day), dateSource: .header,
                 from: [Participant(name: "Anna", address: "anna@hafbrun.is")],
                 to: [Participant(address: "jon@example.com")], inReplyTo: references.last, references: references,
                 language: "en", text: text, source: SourceLocation(file: file, index: 1, offset: offset))
    }

    /// A score stand-in: the store keeps any Codable score as JSON.
    struct Score: Codable, Hashable { var sentiment: Double; var words: [String] }

    static func score(_ sentiment: Double, fingerprint: String = "lex-1") throws -> StoredScore {
        try StoredScore(encoding: Score(sentiment: sentiment, words: ["thanks"]), fingerprint: fingerprint,
                        sentiment: sentiment, politeness: 0.5)
    }

    static func new(_ document: Document, sentiment: Double = 0.4) throws -> NewDocument {
        try NewDocument(document: document, key: DocumentKey(document), score: try score(sentiment))
    }

    static func start(_ inputs: [String] = ["/mail"], kind: ScanRecord.Kind = .scan) -> ScanStart {
        ScanStart(kind: kind, inputs: inputs, toolVersion: "0.1.0", scoringFingerprint: "lex-1", startedAt: start)
    }

    static func flag(_ kind: HealthFlag.Kind, thread: String?, account: String = "hafbrun.is",
                     severity: Severity = .warning, reason: String = "Their tone has cooled.") -> HealthFlag {
        HealthFlag(kind: kind, severity: severity, thread: thread, account: account, since: start, reason: reason,
                   evidence: [EvidenceQuote(document: "m1", date: start, author: nil, sentence: "Not good.", terms: ["not good"])])
    }

    static func thread(_ id: String, account: String = "hafbrun.is", flags: [HealthFlag] = []) -> ThreadReport {
        ThreadReport(id: id, subject: "Renewal", account: account, ours: [], theirs: [], first: start, last: start,
                     messageIDs: [id], messages: [], flags: flags, trajectory: [0.2], waiting: .nobody, nextStep: nil)
    }

    static func account(_ key: String = "hafbrun.is", health: Int = 70, flags: [HealthFlag] = [],
                        threads: [String] = []) -> AccountReport {
        AccountReport(account: Account(key: key, name: key, type: .customer), health: health, trend: .stable,
                      history: [], flags: flags, threads: threads)
    }

    static func update(threads: [ThreadReport], accounts: [AccountReport], scope: AssessmentUpdate.Scope = .everything,
                       assignments: [Int64: String] = [:], removed: Set<String> = []) -> AssessmentUpdate {
        AssessmentUpdate(scope: scope, threadAssignments: assignments, threads: threads, accounts: accounts,
                         removedThreads: removed, asOf: start, ourDomains: ["example.com"], ourDomainsAssumed: false,
                         settings: "settings-1")
    }
}

/// A temporary folder removed when the value is dropped.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
