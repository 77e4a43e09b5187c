import Foundation
@testable import RapportHealth
import RapportLanguage
import RapportModel
import RapportTestSupport
import Testing

/// Who is who, what counts as someone's words, and how account health is scored.
@Suite struct AnalysisTests {
    static let anna = "anna@customer.com", sunna = "sunna@kolka.is"

    // MARK: - Us

    static func mail(_ from: String, _ to: [String], _ index: Int) -> Document {
        Document(id: "m\(index)", from: [Participant(address: from)], to: to.map { Participant(address: $0) },
                 source: SourceLocation(file: "test"))
    }

    @Test func usIsTheDomainThatSendsAndReceivesAcrossTheMostMessages() {
        let inference = OurDomainInference(grouping: AccountGrouping())
        let documents = [
            Self.mail("a@our.is", ["b@x.com"], 1), Self.mail("a@our.is", ["c@y.com"], 2),
            Self.mail("b@x.com", ["a@our.is"], 3), Self.mail("d@z.com", ["a@our.is", "e@gmail.com"], 4),
            Self.mail("e@gmail.com", ["a@our.is"], 5), Self.mail("e@gmail.com", ["f@gmail.com"], 6),
        ]
        #expect(inference.infer(from: documents) == "our.is")
        // Free mail is never us, however busy; a domain that only sends is not us either.
        #expect(inference.infer(from: [Self.mail("e@gmail.com", ["f@gmail.com"], 1), Self.mail("f@gmail.com", ["e@gmail.com"], 2)]) == nil)
        #expect(inference.infer(from: [Self.mail("a@one.is", ["b@two.is"], 1)]) == nil)
        // Ties go to the alphabetically first domain.
        #expect(inference.infer(from: [Self.mail("a@b.is", ["c@a.is"], 1), Self.mail("c@a.is", ["a@b.is"], 2)]) == "a.is")
    }

    @Test func theReportSaysWhenUsWasAssumed() {
        let documents = [
            Mail.message("m1", "2025-03-03 09:00", from: Self.sunna, to: [Self.anna]),
            Mail.message("m2", "2025-03-04 09:00", from: Self.anna, to: [Self.sunna]),
        ]
        let report = HealthAnalyzer().assess(documents, asOf: nil)
        // Both domains send and receive once; the tie goes to the alphabetically first.
        #expect(report.ourDomains == ["customer.com"])
        #expect(report.ourDomainsAssumed)
        #expect(HealthAnalyzer(ourDomains: ["kolka.is"]).assess(documents, asOf: nil).ourDomainsAssumed == false)
    }

    // MARK: - Accounts

    @Test func accountsComeFromTheConfigurationThenTheMail() {
        let configuration = HealthConfiguration(accounts: [
            .init(name: "Customer Ltd", type: .customer, domains: ["customer.com"]),
            .init(name: "Liam", type: .partner, addresses: ["liam@gmail.com"]),
        ], freeMailDomains: ["mail.example"])
        let documents = [Self.mail("sunna@kolka.is", ["x@mail.example"], 1)]
        let directory = AccountDirectory(ourDomains: ["kolka.is"], configuration: configuration, documents: documents)
        #expect(directory.key(for: Participant(address: "erik@eu.customer.com")) == "customer.com")
        #expect(directory.key(for: Participant(address: "Liam@gmail.com")) == "liam@gmail.com")
        #expect(directory.key(for: Participant(address: "other@gmail.com")) == "other@gmail.com")
        #expect(directory.key(for: Participant(address: "x@mail.example")) == "x@mail.example")
        #expect(directory.key(for: Participant(address: "y@supplier.is")) == "supplier.is")
        #expect(directory.isOurs(Participant(address: "ceo@mail.kolka.is")))
        #expect(!directory.isOurs(Participant(address: "someone@kolka.is.evil.com")))
        #expect(directory.account(forKey: "customer.com") == Account(key: "customer.com", name: "Customer Ltd", type: .customer))
        #expect(directory.account(forKey: "supplier.is") == Account(key: "supplier.is", name: "supplier.is", type: .unknown))
        #expect(directory.key(forNoteAccount: "customer ltd", participants: []) == "customer.com")
    }

    @Test func freeMailAccountsAreNamedAfterThePerson() {
        let documents = [Mail.message("m1", "2025-03-03 09:00", from: "helen.pots@gmail.com", to: [Self.sunna])]
        var document = documents[0]
        document.document.from = [Participant(name: "Helen Pots", address: "helen.pots@gmail.com")]
        let report = Mail.assess([document])
        #expect(report.accounts.map(\.account) == [Account(key: "helen.pots@gmail.com", name: "Helen Pots", type: .unknown)])
    }

    // MARK: - Whose words

    @Test func aMeetingNoteSpeaksWithTheCounterpartysTurns() throws {
        let segments = [
            Segment(speaker: "Anna Berg", text: "This is unacceptable and we are very angry."),
            Segment(speaker: "Sunna Ragnarsdóttir", text: "Thank you, we appreciate your patience and will fix it."),
            Segment(text: "Action items: Send a plan (owner: Sunna, due: 2025-03-10)"),
        ]
        let text = segments.map(\.text).joined(separator: "\n\n")
        let note = Document(
            id: "note-1", kind: .note, subject: "Review meeting", date: Mail.date("2025-03-05 10:00"), dateSource: .note,
            from: [Participant(name: "Sunna Ragnarsdóttir", address: "sunna.ragnarsdóttir")],
            to: [Participant(name: "Anna Berg", address: "anna.berg"), Participant(name: "Sunna Ragnarsdóttir", address: "sunna.ragnarsdóttir")],
            account: "Customer", thread: "note-1", text: text, segments: segments, source: SourceLocation(file: "note.xml"))
        let mail = [
            Mail.message("m1", "2025-03-03 09:00", from: Self.anna, to: [Self.sunna]),
            ScoredDocument(document: note, score: Scorer.default.score(text)),
        ]
        let report = Mail.assess(mail)
        let thread = try #require(report.threads.first { $0.id == "note-1" })
        #expect(thread.account == "customer.com")
        let assessment = try #require(thread.messages.first)
        #expect(assessment.fromUs == false)
        #expect(assessment.author?.address == Self.anna)
        #expect(assessment.sentiment < -0.5)
        #expect(assessment.categories["politeness.thanks"] == nil)
        #expect(thread.theirs.map(\.address) == [Self.anna])
        #expect(thread.ours.map(\.address) == [Self.sunna])
    }

    @Test func quotedAngerDoesNotCount() throws {
        let mbox = """
            From anna@customer.com Mon Mar  3 09:00:00 2025
            Message-ID: <q1@customer.com>
            Date: Mon, 03 Mar 2025 09:00:00 +0000
            From: Anna Berg <anna@customer.com>
            To: Sunna <sunna@kolka.is>
            Subject: Stock report

            Hi Sunna, the weekly stock report is missing two shops. Could you check?

            Anna

            From sunna@kolka.is Mon Mar  3 10:00:00 2025
            Message-ID: <q2@kolka.is>
            In-Reply-To: <q1@customer.com>
            References: <q1@customer.com>
            Date: Mon, 03 Mar 2025 10:00:00 +0000
            From: Sunna <sunna@kolka.is>
            To: Anna Berg <anna@customer.com>
            Subject: Re: Stock report

            Hi Anna, fixed: the report has all shops again.

            Sunna

            From anna@customer.com Tue Mar  4 09:00:00 2025
            Message-ID: <q3@customer.com>
            In-Reply-To: <q2@kolka.is>
            References: <q1@customer.com> <q2@kolka.is>
            Date: Tue, 04 Mar 2025 09:00:00 +0000
            From: Anna Berg <anna@customer.com>
            To: Sunna <sunna@kolka.is>
            Subject: Re: Stock report

            Wonderful, thank you so much! My colleague found his email from our first week and we had a good laugh:

            On 3 Feb 2025, at 07:02, Gary Hollins wrote:
            > This is ridiculous. Your system is useless and your support is a joke.
            > I am furious and I want a refund immediately or we are cancelling.

            How times change!

            Anna

            """
        let documents = try Corpus.scored(bytes: Array(mbox.utf8), name: "quoted.mbox")
        #expect(documents.count == 3)
        let report = HealthAnalyzer(ourDomains: ["kolka.is"]).assess(documents, asOf: nil)
        #expect(report.threads.count == 1)
        #expect(Mail.labels(report) == [])
        let last = try #require(report.threads[0].messages.last)
        #expect(last.categories.keys.filter { $0.hasPrefix("conflict.") }.sorted() == [])
        #expect(last.sentiment > 0.5)
    }

    @Test func aDisclaimerRepeatedUnderEveryMessageIsNotTheirWords() throws {
        let disclaimer = "Any unauthorised use, copying or disclosure is strictly prohibited and may be unlawful; we accept no liability for negligence."
        func body(_ words: String) -> String { "\(words)\n\nAnna\n\n\(disclaimer)" }
        let texts = [
            body("Hi Sunna, the go-live went brilliantly, thank you so much to the whole team!"),
            body("Lovely work on the reports, everyone here is delighted. Thanks again!"),
        ]
        let documents = texts.enumerated().map { index, text in
            let document = Document(
                id: "d\(index)", subject: "Go-live", date: Mail.date("2025-03-0\(index + 3) 09:00"), dateSource: .header,
                from: [Mail.participant(Self.anna)], to: [Mail.participant(Self.sunna)], thread: "t", text: text,
                source: SourceLocation(file: "test"))
            return ScoredDocument(document: document, score: Scorer.default.score(text))
        }
        #expect(documents[0].score.sentences.last.map { $0.sentiment < 0 } == true)
        let report = Mail.assess(documents)
        let scores = report.threads[0].messages.map(\.sentiment)
        #expect(scores.allSatisfy { $0 > 0.5 })
        #expect(zip(scores, documents.map(\.score.sentiment)).allSatisfy { $0 > $1 })
    }

    // MARK: - Health

    @Test func aWarmAccountWithNothingOpenScoresSeventyPlusTone() throws {
        let report = Mail.assess([Mail.message("m1", "2025-03-03 09:00", from: Self.anna, to: [Self.sunna], sentiment: 1)])
        let account = try #require(report.accounts.first)
        #expect(account.health == 85)
        #expect(account.band == "good")
        #expect(account.trend == .stable)
        #expect(account.history == [HealthPoint(date: Mail.date("2025-03-03 09:00"), health: 85)])
    }

    @Test func anOldUnansweredQuestionCostsItsFlagAndOurSlowness() throws {
        let mail = [Mail.message("m1", "2025-03-03 09:00", from: Self.anna, to: [Self.sunna], sentiment: 1,
                                 sentences: [Mail.sentence("Could you call me?", sentiment: 1)])]
        let report = Mail.assess(mail, asOf: "2025-03-31 09:00")
        // 85 − 25 (a critical unanswered flag: 20 business days) − 10 (our reply, 20 days and counting).
        #expect(Mail.labels(report) == ["critical unanswered"])
        #expect(report.accounts[0].health == 50)
        #expect(report.accounts[0].band == "fair")
    }

    @Test func historyHasAPointPerMonthWithMail() throws {
        let mail = [
            Mail.message("m1", "2025-01-10 09:00", from: Self.anna, to: [Self.sunna], sentiment: 1),
            Mail.message("m2", "2025-03-03 09:00", from: Self.anna, to: [Self.sunna], sentiment: 1),
        ]
        let account = try #require(Mail.assess(mail, asOf: "2025-03-20 12:00").accounts.first)
        #expect(account.history.map(\.date) == [Mail.date("2025-01-31 23:59").addingTimeInterval(59), Mail.date("2025-03-20 12:00")])
        #expect(account.history.map(\.health) == [85, 85])
    }

    @Test(arguments: [
        ([80, 70, 60], Trend.declining),
        ([60, 60, 61], .stable),
        ([40, 50, 60], .improving),
        ([50], .stable),
    ])
    func trendFollowsTheMonthlyPoints(healths: [Int], trend: Trend) {
        let points = healths.enumerated().map { index, health in
            HealthPoint(date: Mail.date("2025-0\(index + 1)-28 12:00"), health: health)
        }
        #expect(HealthScorer.trend(points) == trend)
    }

    // MARK: - Reports

    @Test func theReportIsTheSameWhateverTheInputOrder() throws {
        let mail = ToneAndConflictRuleTests.souring() + TimingRuleTests.question.map { scored in
            var copy = scored
            copy.document.thread = "other"
            copy.document.id += "-q"
            return copy
        }
        let forward = Mail.assess(mail)
        #expect(Mail.assess(mail.reversed()) == forward)
        #expect(Mail.assess(mail.shuffled()) == forward)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let shuffled = try encoder.encode(Mail.assess(mail.shuffled()))
        #expect(try shuffled == encoder.encode(forward))
    }

    @Test func documentsAfterAsOfAreNotYetWritten() {
        let mail = ToneAndConflictRuleTests.souring()
        let early = Mail.assess(mail, asOf: "2025-03-12 00:00")
        #expect(early.asOf == Mail.date("2025-03-12 00:00"))
        #expect(early.threads[0].messageIDs == ["m1", "m2", "m3", "m4"])
        #expect(Mail.labels(early) == [])
    }

    @Test func nothingToAssess() {
        let report = HealthAnalyzer().assess([], asOf: nil)
        #expect(report.threads == [] && report.accounts == [])
        #expect(report.ourDomains == [] && report.ourDomainsAssumed)
    }
}

/// The order accounts are handed to the threads changes nothing but when each is assessed.
@Suite struct AccountScheduleTests {
    @Test func largeAccountsComeFirstEachFollowedBySmallOnesAsLarge() {
        let sizes = [5, 400, 1, 90, 3, 2, 100, 7, 300, 1]
        let order = AnalysisSession.largeAmongSmall(sizes)
        #expect(order == [1, 9, 2, 5, 4, 0, 7, 3, 6, 8])
        #expect(AnalysisSession.largeAmongSmall([]) == [])
        #expect(AnalysisSession.largeAmongSmall([3]) == [0])
        #expect(AnalysisSession.largeAmongSmall([2, 2, 2]) == [0, 2, 1])
    }

    /// Every account exactly once, whatever the sizes.
    @Test func everyAccountOnce() {
        var random = SplitMix64(seed: 9)
        for count in 0..<60 {
            let sizes = (0..<count).map { _ in Int.random(in: 0...5_000, using: &random) }
            #expect(AnalysisSession.largeAmongSmall(sizes).sorted() == Array(sizes.indices))
        }
    }
}
