import Foundation
import RapportLanguage
import RapportModel
import RapportStore
import RapportTestSupport
@testable import RapportPipeline

/// An assessor whose flags are easy to predict, so scan tests check the store's bookkeeping
/// rather than health heuristics: a thread is flagged `conflict` when a counterparty message
/// scores below −0.3 (critical below −0.6); an account's health is 100 minus 20 per flagged thread.
struct ToneAssessor: ScanAssessor {
    var ourDomain: String?
    var settingsFingerprint: String { "tone-1" }

    func ourDomains(in documents: [Document]) -> (domains: [String], assumed: Bool) {
        if let ourDomain { return ([ourDomain], false) }
        var senders: [String: Int] = [:]
        for document in documents { for person in document.from { senders[person.domain, default: 0] += 1 } }
        let top = senders.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? ""
        return ([top], true)
    }

    func assess(_ documents: [ScanDocument], ourDomains: [String], assumed: Bool, asOf: Date) -> HealthReport {
        let byThread = Dictionary(grouping: documents) { $0.document.thread ?? $0.document.id }
        var threads: [ThreadReport] = []
        for (id, members) in byThread {
            let sorted = members.sorted { ($0.document.date ?? .distantFuture, $0.document.id) < ($1.document.date ?? .distantFuture, $1.document.id) }
            let people = sorted.flatMap { $0.document.from + $0.document.to }
            let account = people.first { !ourDomains.contains($0.domain) }?.domain ?? "unknown"
            let theirs = sorted.filter { !($0.document.from.first.map { ourDomains.contains($0.domain) } ?? false) }
            let worst = theirs.min { $0.score.sentiment < $1.score.sentiment }
            var flags: [HealthFlag] = []
            if let worst, worst.score.sentiment < -0.3 {
                flags.append(HealthFlag(
                    kind: .conflict, severity: worst.score.sentiment < -0.6 ? .critical : .warning, thread: id, account: account,
                    since: worst.document.date ?? asOf, reason: "A counterparty message reads as hostile.",
                    evidence: [EvidenceQuote(document: worst.document.id, date: worst.document.date, author: worst.document.from.first,
                                             sentence: worst.score.sentences.first?.text ?? "", terms: [])]))
            }
            threads.append(ThreadReport(
                id: id, subject: sorted.first?.document.subject ?? "", account: account, ours: [], theirs: [],
                first: sorted.first?.document.date, last: sorted.last?.document.date, messageIDs: sorted.map(\.document.id),
                messages: [], flags: flags, trajectory: theirs.map(\.score.sentiment), waiting: .nobody, nextStep: nil))
        }
        threads.sort { $0.id < $1.id }
        let accounts = Dictionary(grouping: threads, by: \.account).map { key, members in
            AccountReport(account: Account(key: key, name: key), health: 100 - 20 * members.filter { !$0.flags.isEmpty }.count,
                          trend: .stable, history: [], flags: [], threads: members.map(\.id))
        }.sorted { $0.account.key < $1.account.key }
        return HealthReport(asOf: asOf, ourDomains: ourDomains, ourDomainsAssumed: assumed, threads: threads, accounts: accounts)
    }
}

/// A temporary folder removed when the value is dropped.
final class ScanFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Copies files or folders from `Samples/` into this folder, keeping their relative paths.
    @discardableResult
    func copySamples(_ names: [String]) throws -> [String] {
        try names.map { name in
            let target = url.appendingPathComponent("mail").appendingPathComponent(name)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Fixtures.samples.appendingPathComponent(name), to: target)
            return target.path
        }
    }

    var mail: String { url.appendingPathComponent("mail").path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Runs scans the way the CLI does, collecting what they report.
struct ScanHarness {
    var store: ScanStore
    var settings = ScanSettings(toolVersion: "test")
    var scorer = Scorer.default
    var assessor: any ScanAssessor = ToneAssessor(ourDomain: nil)

    init(store: ScanStore, parallelism: Int = 2) {
        self.store = store
        settings.parallelism = parallelism
        settings.clock = { Date(timeIntervalSince1970: 1_790_000_000) }
    }

    struct Outcome {
        var result: ScanResult
        var diagnostics: [Diagnostic]
        var notices: [String]
    }

    func scan(_ inputs: [String]) throws -> Outcome {
        var diagnostics: [Diagnostic] = []
        var notices: [String] = []
        let result = try ScanPipeline(store: store, scorer: scorer, assessor: assessor, settings: settings).run(inputs) { event in
            switch event {
            case .diagnostic(let diagnostic): diagnostics.append(diagnostic)
            case .notice(let notice): notices.append(notice)
            case .progress: break
            }
        }
        return Outcome(result: result, diagnostics: diagnostics, notices: notices)
    }
}

extension StoreSnapshot {
    /// The snapshot without the scan runs, for comparing stores built by different sequences of scans.
    var content: StoreSnapshot {
        var copy = self
        copy.scans = []
        return copy
    }
}
