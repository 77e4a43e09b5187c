import Foundation
import RapportHealth
import RapportModel
import Testing

/// `unanswered`, `responsiveness-drop`, `disengagement` and who is waiting on whom: the rules
/// that read time, counted in business days.
@Suite struct TimingRuleTests {
    static let anna = "anna@customer.com", sunna = "sunna@kolka.is"

    static func ask(_ id: String, _ when: String, from: String = anna, to: String = sunna, thread: String = "thread",
                    _ text: String = "Could you send the price list?") -> ScoredDocument {
        Mail.message(id, when, from: from, to: [to], thread: thread, sentiment: 0.2, politeness: 0.5,
                     sentences: [Mail.sentence(text, sentiment: 0.2, politeness: 0.5)])
    }

    static func say(_ id: String, _ when: String, from: String = sunna, to: String = anna, thread: String = "thread",
                    _ text: String = "Done.") -> ScoredDocument {
        Mail.message(id, when, from: from, to: [to], thread: thread, text: text, sentiment: 0.3, politeness: 0.6)
    }

    static let question = [say("m1", "2025-03-03 08:00", "Here is the new catalogue."), ask("m2", "2025-03-03 09:00")]

    // MARK: - Unanswered

    @Test func aQuestionWaitingMoreThanFiveBusinessDaysIsUnanswered() throws {
        let report = Mail.assess(Self.question, asOf: "2025-03-12 09:00")
        #expect(Mail.labels(report) == ["warning unanswered"])
        let flag = report.threads[0].flags[0]
        #expect(flag.reason == "Anna Berg's question of 3 Mar has waited 7 business days for our reply.")
        #expect(flag.since == Mail.date("2025-03-03 09:00"))
        #expect(flag.evidence.map(\.sentence) == ["Could you send the price list?"])
        #expect(flag.evidence[0].terms == ["Could you"])
        #expect(report.threads[0].waiting == .onUs)
        #expect(report.threads[0].nextStep == "Reply to Anna Berg's question of 3 Mar — unanswered 7 business days.")
    }

    @Test func askingAgainMakesItCritical() {
        let report = Mail.assess(Self.question + [Self.ask("m3", "2025-03-10 09:00", "Any news?")], asOf: "2025-03-12 09:00")
        #expect(Mail.labels(report) == ["critical unanswered"])
        #expect(report.threads[0].flags[0].reason
            == "Anna Berg's question of 3 Mar has waited 7 business days for our reply, and they asked again on 10 Mar.")
    }

    @Test(arguments: [
        ("within five business days", [] as [ScoredDocument], "2025-03-07 09:00"),
        ("answered in the thread", [say("m3", "2025-03-04 09:00")], "2025-03-12 09:00"),
        ("answered to her in another thread", [say("m3", "2025-03-05 09:00", thread: "other")], "2025-03-12 09:00"),
        ("closed warmly by her", [Mail.message("m3", "2025-03-04 09:00", from: anna, to: [sunna], text: "Found it, thanks!",
                                               sentiment: 0.8, politeness: 0.9, categories: ["politeness.thanks": 0.7])],
         "2025-03-12 09:00"),
    ])
    func questionsThatAreNotWaiting(_ case: String, later: [ScoredDocument], asOf: String) {
        let report = Mail.assess(Self.question + later, asOf: asOf)
        #expect(report.threads.flatMap(\.flags).filter { $0.kind == .unanswered } == [], "\(`case`)")
    }

    @Test func automatedSendersNeverWait() {
        let report = Mail.assess([Self.ask("m1", "2025-03-03 09:00", from: "noreply@customer.com", "How did we do?")],
                                 asOf: "2025-04-01 09:00")
        #expect(Mail.labels(report) == [])
        #expect(report.threads[0].waiting == .nobody)
    }

    @Test func holidaysDoNotCount() {
        var configuration = HealthConfiguration()
        configuration.businessDays.holidays = [CalendarDay(year: 2025, month: 3, day: 10)!, CalendarDay(year: 2025, month: 3, day: 11)!]
        let report = Mail.assess(Self.question, asOf: "2025-03-12 09:00", configuration: configuration)
        #expect(Mail.labels(report) == [])
    }

    // MARK: - Responsiveness

    /// We ask every week; she answers within a day, then after 8, 10 and 12 business days.
    static func slowing(_ days: [(String, String)]) -> [ScoredDocument] {
        days.enumerated().flatMap { index, pair in
            [ask("a\(index)", pair.0, from: sunna, to: anna, "Could you check the report?"), say("r\(index)", pair.1, from: anna, to: sunna)]
        }
    }

    @Test func repliesThatSlowDownAreAResponsivenessDrop() throws {
        let mail = Self.slowing([
            ("2025-01-06 09:00", "2025-01-06 15:00"), ("2025-01-13 09:00", "2025-01-14 10:00"),
            ("2025-01-20 09:00", "2025-01-21 10:00"), ("2025-01-27 09:00", "2025-02-06 10:00"),
            ("2025-02-10 09:00", "2025-02-24 10:00"), ("2025-03-03 09:00", "2025-03-19 10:00"),
        ])
        let report = Mail.assess(mail)
        #expect(Mail.labels(report) == ["warning responsiveness-drop"])
        #expect(report.threads[0].flags[0].reason == "Anna Berg's replies have slowed from about 1 business day to 10 since 6 Feb.")
        #expect(report.threads[0].nextStep == "Ask Anna Berg whether priorities have changed: replies have slowed since 6 Feb.")
    }

    @Test func steadyRepliesAreFine() {
        let mail = Self.slowing([
            ("2025-01-06 09:00", "2025-01-07 10:00"), ("2025-01-13 09:00", "2025-01-14 10:00"),
            ("2025-01-20 09:00", "2025-01-21 10:00"), ("2025-01-27 09:00", "2025-01-28 10:00"),
            ("2025-02-10 09:00", "2025-02-11 10:00"), ("2025-03-03 09:00", "2025-03-04 10:00"),
        ])
        #expect(Mail.labels(Mail.assess(mail)) == [])
    }

    // MARK: - Disengagement

    static let conversation = [
        ask("m1", "2025-03-03 09:00", "Can we meet next week?"),
        ask("m2", "2025-03-04 09:00", from: sunna, to: anna, "Yes, does Tuesday suit you?"),
        say("m3", "2025-03-05 09:00", from: anna, to: sunna, "Tuesday works, I will confirm the time."),
    ]

    @Test func twoUnansweredAsksOfOursAreDisengagement() throws {
        let mail = Self.conversation + [
            Self.ask("m4", "2025-03-10 09:00", from: Self.sunna, to: Self.anna, "Any news on the time?"),
            Self.ask("m5", "2025-03-17 09:00", from: Self.sunna, to: Self.anna, "Could you confirm Tuesday?"),
        ]
        let report = Mail.assess(mail, asOf: "2025-03-26 09:00")
        #expect(Mail.labels(report) == ["warning disengagement"])
        #expect(report.threads[0].flags[0].reason == "Our last 2 messages since 10 Mar have had no answer from Anna Berg in 12 business days.")
        #expect(report.threads[0].flags[0].evidence.map(\.sentence) == ["Any news on the time?", "Could you confirm Tuesday?"])
        #expect(report.threads[0].waiting == .onThem)
        #expect(report.threads[0].nextStep
            == "Try another contact or channel at customer.com: our messages since 10 Mar are unanswered.")
    }

    @Test func closingThanksAskNothing() {
        let mail = Self.conversation + [Self.say("m4", "2025-03-10 09:00", "Thanks!"), Self.say("m5", "2025-03-17 09:00", "Thanks again!")]
        let report = Mail.assess(mail, asOf: "2025-03-26 09:00")
        #expect(Mail.labels(report) == [])
        #expect(report.threads[0].waiting == .nobody)
    }

    @Test func aFreshOneWayStretchIsNotYetDisengagement() {
        let mail = Self.conversation + [
            Self.ask("m4", "2025-03-10 09:00", from: Self.sunna, to: Self.anna, "Any news on the time?"),
            Self.ask("m5", "2025-03-12 09:00", from: Self.sunna, to: Self.anna, "Could you confirm Tuesday?"),
        ]
        #expect(Mail.labels(Mail.assess(mail, asOf: "2025-03-14 09:00")) == [])
    }

    // MARK: - Waiting

    @Test func whoIsWaiting() {
        let hostile = Mail.message("m4", "2025-03-06 09:00", from: Self.anna, to: [Self.sunna], text: "This is wrong.",
                                   sentiment: -0.6, politeness: -0.3)
        #expect(Mail.assess(Self.question).threads[0].waiting == .onUs)
        #expect(Mail.assess(Self.conversation + [hostile]).threads[0].waiting == .onUs)
        #expect(Mail.assess(Array(Self.conversation.prefix(2))).threads[0].waiting == .onThem)
        #expect(Mail.assess(Self.conversation).threads[0].waiting == .nobody)
        #expect(Mail.assess(Self.conversation + [Self.say("m4", "2025-03-06 09:00", "See you then.")]).threads[0].waiting == .nobody)
    }
}
