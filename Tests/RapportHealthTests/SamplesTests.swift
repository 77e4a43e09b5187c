import Foundation
import RapportHealth
import RapportModel
import RapportTestSupport
import Testing

/// The demo world in `Samples/`, assessed with its configuration, against the verdicts in
/// `Samples/expectations.tsv` (the same as `Samples/README.md`).
@Suite struct SamplesTests {
    static let report: HealthReport = {
        let documents = try! Corpus.scored(paths: [Fixtures.samples.path])
        let configuration = try! HealthConfiguration.load(path: Fixtures.samples.appendingPathComponent("rapport.yml").path)
        return HealthAnalyzer(configuration: configuration).assess(documents, asOf: nil)
    }()

    static let labels = try! Label.read("Samples/expectations.tsv")

    static func thread(_ label: Label) -> [ThreadReport] {
        report.threads.filter { Corpus.normalized($0.subject) == Corpus.normalized(label.subject) }
    }

    @Test func everyExpectedThreadIsFoundOnceWithItsAccount() {
        #expect(Self.labels.count == 16)
        for label in Self.labels {
            let found = Self.thread(label)
            #expect(found.count == 1, "\(label.subject)")
            #expect(found.first?.account == label.account, "\(label.subject)")
        }
    }

    @Test(arguments: labels.filter(\.flagged))
    func flaggedThreadRaisesAtLeastItsKinds(label: Label) throws {
        let thread = try #require(Self.thread(label).first)
        let raised = Set(thread.flags.map(\.label))
        #expect(label.kinds.isSubset(of: raised), "\(label.subject): missing \(label.kinds.subtracting(raised).sorted())")
        #expect(thread.nextStep != nil)
        for flag in thread.flags {
            #expect((1...3).contains(flag.evidence.count), "\(label.subject) \(flag.label) has no quotes")
            #expect(!flag.reason.isEmpty && flag.reason.hasSuffix("."))
        }
    }

    /// Healthy and recovering threads raise no warning or critical flag. Info flags would be
    /// allowed for deadlines only (documented in `Docs/configuration.md`); none are raised.
    @Test(arguments: labels.filter { !$0.flagged })
    func healthyThreadRaisesNothing(label: Label) throws {
        let thread = try #require(Self.thread(label).first)
        #expect(thread.flags.map(\.label) == [], "\(label.subject)")
        #expect(thread.nextStep == nil)
    }

    @Test func usIsTheConfiguredDomain() {
        #expect(Self.report.ourDomains == ["nordurljos.is"])
        #expect(Self.report.ourDomainsAssumed == false)
        #expect(Self.report.asOf == ISO8601DateFormatter().date(from: "2026-09-30T15:40:02Z"))
    }

    @Test func withoutConfigurationUsIsInferred() throws {
        let documents = try Corpus.scored(paths: [Fixtures.samples.path])
        let report = HealthAnalyzer().assess(documents, asOf: nil)
        #expect(report.ourDomains == ["nordurljos.is"])
        #expect(report.ourDomainsAssumed)
    }

    @Test func accountsAreNamedTypedAndOrderedByHealth() {
        let accounts = Self.report.accounts
        #expect(accounts.map(\.health) == accounts.map(\.health).sorted())
        let byName = Dictionary(uniqueKeysWithValues: accounts.map { ($0.account.name, $0) })
        #expect(byName["Norðurljós ráðgjöf ehf."]?.account.type == .internalUnit)
        #expect(byName["Fjordbridge Integration ApS"]?.account.type == .partner)
        #expect(byName["Helen Carter"]?.account.key == "helen.carter.pottery@gmail.com")
        for healthy in ["Selkie Seafoods Ltd", "Helen Carter", "Norðurljós ráðgjöf ehf."] {
            #expect(byName[healthy]?.band == "good", "\(healthy)")
        }
        for troubled in ["Brightwater Home Ltd", "Hafbrún hf.", "Cascade Outfitters Inc."] {
            #expect(byName[troubled]?.band == "poor", "\(troubled)")
        }
    }

    @Test func flaggedThreadsComeFirstMostSevereFirst() {
        let severities = Self.report.threads.map { $0.severity.map { Severity.allCases.firstIndex(of: $0)! } ?? -1 }
        #expect(severities == severities.sorted(by: >))
    }

    @Test func theUnansweredQuestionReadsAsTheIssueAsks() throws {
        let thread = try #require(Self.report.threads.first { $0.account == "bjorn.agustsson@gmail.com" })
        #expect(thread.waiting == .onUs)
        #expect(thread.nextStep == "Reply to Björn Ágústsson's deadline question of 11 Aug — unanswered 36 business days.")
    }

    @Test func sameInputGivesTheSameReport() throws {
        var documents = try Corpus.scored(paths: [Fixtures.samples.path])
        let configuration = try HealthConfiguration.load(path: Fixtures.samples.appendingPathComponent("rapport.yml").path)
        documents.reverse()
        let again = HealthAnalyzer(configuration: configuration).assess(documents, asOf: nil)
        #expect(again == Self.report)
    }

    /// Threads the report will not show are dropped as each is made; their accounts still count
    /// them (flags, thread list, health) exactly as when every thread is kept.
    @Test func threadsNotKeptLeaveTheirAccountsAsTheyAre() throws {
        let documents = try Corpus.scored(paths: [Fixtures.samples.path])
        let configuration = try HealthConfiguration.load(path: Fixtures.samples.appendingPathComponent("rapport.yml").path)
        var analyzer = HealthAnalyzer(configuration: configuration)
        analyzer.keepsThread = { thread, account in thread.severity == .critical && account.type != .internalUnit }
        let kept = analyzer.assess(documents, asOf: nil)
        let expected = Self.report.threads.filter { thread in
            thread.severity == .critical
                && Self.report.accounts.first { $0.account.key == thread.account }?.account.type != .internalUnit
        }
        #expect(!expected.isEmpty && expected.count < Self.report.threads.count)
        #expect(kept.threads == expected)
        #expect(kept.accounts == Self.report.accounts)
        #expect(kept.accounts.contains { account in account.threads.contains { id in !expected.contains { $0.id == id } } })
    }
}
