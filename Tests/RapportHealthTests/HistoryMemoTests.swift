import Foundation
@testable import RapportHealth
import RapportModel
import RapportTestSupport
import Testing

/// Month-end health taken from an earlier assessment where its inputs are unchanged: the report
/// is always the one a fresh assessment gives.
@Suite struct HistoryMemoTests {
    static let configuration = try! HealthConfiguration.load(path: Fixtures.samples.appendingPathComponent("rapport.yml").path)
    static let documents = try! Corpus.scored(paths: [Fixtures.samples.path])
    static let analyzer = HealthAnalyzer(configuration: configuration)
    static let plain = analyzer.assess(documents, asOf: nil)

    static func shifted(_ memo: HealthHistoryMemo, by amount: Int) -> HealthHistoryMemo {
        HealthHistoryMemo(accounts: memo.accounts.mapValues { points in
            points.map { HealthHistoryMemo.Point(date: $0.date, inputs: $0.inputs, health: $0.health + amount) }
        })
    }

    static func healths(_ report: HealthReport) -> [String: [Int]] {
        Dictionary(uniqueKeysWithValues: report.accounts.map { ($0.account.key, $0.history.map(\.health)) })
    }

    @Test func rememberingGivesTheSameReportAndEveryPoint() {
        let (first, memo) = Self.analyzer.assessRemembering(Self.documents, asOf: nil, history: HealthHistoryMemo())
        #expect(first == Self.plain)
        #expect(Set(memo.accounts.keys) == Set(Self.plain.accounts.map(\.account.key)))
        for account in Self.plain.accounts {
            #expect(memo.accounts[account.account.key]?.map(\.date) == account.history.map(\.date))
            #expect(memo.accounts[account.account.key]?.map(\.health) == account.history.map(\.health))
        }
        #expect(Self.plain.accounts.contains { $0.history.count > 2 }, "the samples span several months")

        let (second, again) = Self.analyzer.assessRemembering(Self.documents, asOf: nil, history: memo)
        #expect(second == Self.plain)
        #expect(again == memo)
    }

    /// A memo whose every health is off by seven shows which points were taken from it.
    @Test func pointsAreTakenOnlyWhileTheirInputsAreUnchanged() {
        let (_, memo) = Self.analyzer.assessRemembering(Self.documents, asOf: nil, history: HealthHistoryMemo())
        let (taken, _) = Self.analyzer.assessRemembering(Self.documents, asOf: nil, history: Self.shifted(memo, by: 7))
        let expected = Self.healths(Self.plain).mapValues { $0.map { $0 + 7 } }
        #expect(Self.healths(taken) == expected, "unchanged inputs: every point is taken")
        #expect(taken.accounts.map(\.health) == Self.plain.accounts.map(\.health), "today's health is always computed")

        let stale = HealthHistoryMemo(accounts: memo.accounts.mapValues { points in
            points.map { HealthHistoryMemo.Point(date: $0.date, inputs: String($0.inputs.reversed()), health: $0.health + 7) }
        })
        let (recomputed, _) = Self.analyzer.assessRemembering(Self.documents, asOf: nil, history: stale)
        #expect(recomputed == Self.plain, "other inputs: every point is computed again")
    }

    /// The samples assessed without their newest messages and one from the middle, then with all
    /// of them and the first assessment's memo: the same report as assessing all afresh. Points
    /// before the earliest added message are taken; the others are computed again.
    @Test func newAndBackdatedMailGivesTheFreshReport() throws {
        let dated = Self.documents.filter { $0.document.date != nil }.sorted { $0.document.date! < $1.document.date! }
        let newest = Set(dated.suffix(max(1, dated.count / 10)).map(\.document.id))
        let middle = dated[dated.count / 2].document
        let earlier = Self.documents.filter { !newest.contains($0.document.id) && $0.document.id != middle.id }
        #expect(earlier.count < Self.documents.count - 1)

        let (_, memo) = Self.analyzer.assessRemembering(earlier, asOf: nil, history: HealthHistoryMemo())
        let (report, _) = Self.analyzer.assessRemembering(Self.documents, asOf: nil, history: memo)
        #expect(report == Self.plain)

        // Which points were taken: those of months before the middle message's, in accounts whose
        // names and addresses did not change.
        let (shifted, _) = Self.analyzer.assessRemembering(Self.documents, asOf: nil, history: Self.shifted(memo, by: 7))
        var taken = 0, computed = 0
        for (account, fresh) in zip(shifted.accounts, Self.plain.accounts) {
            for (point, plain) in zip(account.history, fresh.history) {
                if point.health == plain.health + 7 { taken += 1 } else { computed += 1 }
                #expect(point.health == plain.health || point.health == plain.health + 7)
                if point.date >= middle.date!, account.account.key == Self.plain.threads.first(where: {
                    $0.messageIDs.contains(middle.id)
                })?.account {
                    #expect(point.health == plain.health, "\(account.account.key) \(point.date): after the backdated message")
                }
            }
        }
        #expect(taken > 0)
        #expect(computed > 0)
    }

    /// The digest writes every field of a reading; a field added to any of these types must be
    /// added to `InputDigest` too, or a memo could hand back health computed from other input.
    @Test func theDigestKnowsEveryFieldOfAReading() throws {
        let reading = try #require(Self.plainReadings.first { !$0.sentences.isEmpty && !$0.sentences[0].evidence.isEmpty })
        func fields(_ value: Any) -> Int { Mirror(reflecting: value).children.count }
        // A reading keeps its fields in one box.
        #expect(fields(reading) == 1)
        let box = try #require(Mirror(reflecting: reading).children.first?.value)
        // Thirteen fields and the signals derived from three of them (not an input of their own).
        #expect(fields(box) == 14, "Reading: update InputDigest.reading and Reading's ==, hash and box")
        #expect(fields(reading.sentences[0]) == 8, "ReadSentence: update InputDigest.sentence")
        #expect(fields(reading.sentences[0].evidence[0]) == 6, "Evidence: update InputDigest.evidence")
        #expect(fields(reading.document) == 18, "Document: update InputDigest.document")
        #expect(fields(Participant(address: "a@b")) == 4, "Participant: update InputDigest.participant")
        #expect(fields(Segment(text: "")) == 2, "Segment: update InputDigest.document")
        #expect(fields(Attachment(name: nil, type: "", size: 0)) == 3, "Attachment: update InputDigest.document")
        #expect(fields(SourceLocation(file: "")) == 4, "SourceLocation: update InputDigest.document")

        // And each field moves it.
        func digest(_ reading: Reading) -> String {
            var digest = InputDigest()
            digest.reading(reading)
            return digest.hex
        }
        let base = digest(reading)
        var changed: [Reading] = []
        func with(_ change: (inout Reading) -> Void) { var copy = reading; change(&copy); changed.append(copy) }
        with { $0.document.text += " " }
        with { $0.document.source.offset = ($0.document.source.offset ?? 0) + 1 }
        with { $0.date = $0.date.map { $0.addingTimeInterval(1) } ?? Date() }
        with { $0.side = $0.side == .us ? .them : .us }
        with { $0.automated.toggle() }
        with { $0.sentences[0].evidence[0].finalWeight += 1 }
        with { $0.sentences[0].categories["x"] = 0 }
        with { $0.sentences[0].requestTerms.append("") }
        with { $0.words += 1 }
        with { $0.asks.toggle() }
        with { $0.participants.append(Participant(address: "")) }
        with { $0.author = nil }
        for copy in changed { #expect(digest(copy) != base) }
        #expect(digest(reading) == base)
    }

    static let plainReadings: [Reading] = {
        let directory = AccountDirectory(ourDomains: configuration.ourDomains, configuration: configuration,
                                         documents: documents.map(\.document))
        return ReadingBuilder(directory: directory, cues: .default).readings(documents)
    }()

    /// Finding the accounts of threads without assessing them gives what assessing gives, for all
    /// the samples and for subsets of their threads (as a scan asks of the threads new mail touched).
    @Test func threadAccountsAreThoseAnAssessmentGives() {
        func assessed(_ documents: [ScoredDocument]) -> [String: String] {
            Dictionary(uniqueKeysWithValues: Self.analyzer.assess(documents, asOf: nil).threads.map { ($0.id, $0.account) })
        }
        #expect(Self.analyzer.threadAccounts(Self.documents.map(\.document), asOf: nil) == assessed(Self.documents))
        let threads = Array(Set(Self.documents.compactMap(\.document.thread))).sorted()
        var generator = SplitMix64(seed: 9)
        for _ in 0..<12 {
            let chosen = Set(threads.filter { _ in generator.next() % 3 == 0 })
            let subset = Self.documents.filter { chosen.contains($0.document.thread ?? "") }
            #expect(Self.analyzer.threadAccounts(subset.map(\.document), asOf: nil) == assessed(subset))
        }
        let unconfigured = HealthAnalyzer()
        #expect(unconfigured.threadAccounts(Self.documents.map(\.document), asOf: nil)
            == Dictionary(uniqueKeysWithValues: unconfigured.assess(Self.documents, asOf: nil).threads.map { ($0.id, $0.account) }))
    }

    /// Escalation events found once per thread and filtered for each month give the flags that
    /// finding them afresh every month gives.
    @Test func escalationEventsRememberedAcrossMonthsAreTheFreshOnes() {
        let directory = AccountDirectory(ourDomains: Self.configuration.ourDomains, configuration: Self.configuration,
                                         documents: Self.documents.map(\.document))
        let session = AnalysisSession(configuration: Self.configuration, cues: .default, directory: directory,
                                      asOf: Self.plain.asOf)
        let groups = Dictionary(grouping: session.threadGroups(Self.plainReadings), by: \.accountKey)
        var compared = 0
        for (key, accountGroups) in groups {
            let account = directory.account(forKey: key)
            let sorted = accountGroups.sorted { $0.id < $1.id }
            let shared = AccountMemo()
            let cutoffs = [Self.plain.asOf] + session.monthEnds(sorted.flatMap(\.readings))
            for cutoff in cutoffs {
                let remembered = session.assessAccount(account, sorted, cutoff: cutoff, accountMemo: shared, quotesEvidence: false)
                let fresh = session.assessAccount(account, sorted, cutoff: cutoff, accountMemo: AccountMemo(), quotesEvidence: false)
                #expect(remembered.threadFlags == fresh.threadFlags, "\(key) \(cutoff)")
                #expect(remembered.health == fresh.health)
                compared += remembered.threadFlags.joined().filter { $0.flag.kind == .escalation }.count
            }
        }
        #expect(compared > 0, "the samples escalate somewhere")
    }

    /// Readings in canonical order, put in order by their positions (as `HealthAnalyzer` has
    /// them), give every month what comparing their documents gives.
    @Test func canonicalPositionsOrderAnAccountAsItsDocumentsDo() {
        let directory = AccountDirectory(ourDomains: Self.configuration.ourDomains, configuration: Self.configuration,
                                         documents: Self.documents.map(\.document))
        let byDocuments = AnalysisSession(configuration: Self.configuration, cues: .default, directory: directory,
                                          asOf: Self.plain.asOf)
        var byPositions = byDocuments
        byPositions.positionsAreCanonical = true
        let canonical = Self.plainReadings.sorted { HealthAnalyzer.precedes($0.document, $1.document) }
        var compared = 0
        for (key, accountGroups) in Dictionary(grouping: byDocuments.threadGroups(canonical), by: \.accountKey) {
            let account = directory.account(forKey: key)
            let sorted = accountGroups.sorted { $0.id < $1.id }
            for cutoff in [Self.plain.asOf] + byDocuments.monthEnds(sorted.flatMap(\.readings)) {
                let expected = byDocuments.assessAccount(account, sorted, cutoff: cutoff)
                let actual = byPositions.assessAccount(account, sorted, cutoff: cutoff)
                #expect(actual.health == expected.health, "\(key) \(cutoff)")
                #expect(actual.accountFlags == expected.accountFlags)
                #expect(actual.threadFlags == expected.threadFlags)
                compared += 1
            }
        }
        #expect(compared > 5)
    }
}

extension ReadingBuilder {
    /// Readings of documents held whole, in their order, as assessment builds them account by account.
    func readings(_ documents: [ScoredDocument]) -> [Reading] {
        let held = ScoredDocuments(documents)
        let boilerplate = boilerplateSentences(held.headers, candidates: held.boilerplateCandidates)
        let automatedSenders = automatedSenders(held.headers)
        return documents.map { reading($0, boilerplate: boilerplate, automatedSenders: automatedSenders) }
    }
}
