import Foundation
import RapportHealth
import RapportModel
import Testing

/// `escalation` and `negotiation-issue`, each with triggering and non-triggering examples.
@Suite struct EscalationAndNegotiationRuleTests {
    static let anna = "anna@customer.com", sunna = "sunna@kolka.is"

    static func opening() -> [ScoredDocument] {
        [
            Mail.message("m1", "2025-03-03 09:00", from: anna, to: [sunna], sentiment: 0.2, politeness: 0.5),
            Mail.message("m2", "2025-03-04 09:00", from: sunna, to: [anna], sentiment: 0.3, politeness: 0.9),
        ]
    }

    @Test func copyingInTheChiefExecutiveInAnAngryMessageIsCritical() throws {
        let mail = Self.opening() + [
            Mail.message("m3", "2025-03-05 09:00", from: Self.anna, to: [Self.sunna], cc: ["carl@customer.com"],
                         sentiment: -0.4, sentences: [
                            Mail.sentence("I have copied Carl Jones, our CEO.", sentiment: 0),
                            Mail.sentence("This has gone on too long.", sentiment: -0.4),
                         ]),
        ]
        let report = Mail.assess(mail)
        let flag = try #require(report.threads[0].flags.first { $0.kind == .escalation })
        #expect(flag.severity == .critical)
        #expect(flag.reason == "Anna Berg copied in Carl Jones (CEO) on 5 Mar.")
        #expect(flag.evidence.map(\.sentence) == ["I have copied Carl Jones, our CEO."])
        #expect(flag.evidence[0].terms == ["CEO"])
        #expect(report.threads[0].nextStep == "Write to Carl Jones (CEO) directly with a plan and a date: they were brought in on 5 Mar.")
    }

    @Test func aLegalAddressIsCriticalWhateverTheTone() throws {
        let mail = Self.opening() + [
            Mail.message("m3", "2025-03-05 09:00", from: Self.anna, to: [Self.sunna], cc: ["legal@customer.com"],
                         sentiment: 0.3, politeness: 0.8),
        ]
        let flag = try #require(Mail.assess(mail).threads[0].flags.first { $0.kind == .escalation })
        #expect(flag.severity == .critical)
        #expect(flag.reason == "Anna Berg copied in legal@customer.com (legal) on 5 Mar.")
    }

    @Test func counselIntroducingThemselvesStepsIn() throws {
        let mail = Self.opening() + [
            Mail.message("m3", "2025-03-05 09:00", from: "dana@customer.com", to: [Self.sunna], sentences: [
                Mail.sentence("I am General Counsel at Customer Ltd."),
                Mail.sentence("Please direct all further correspondence to me."),
            ]),
        ]
        let report = Mail.assess(mail)
        let flag = try #require(report.threads[0].flags.first { $0.kind == .escalation })
        #expect(flag.reason == "Dana Reed (General Counsel) stepped in on 5 Mar.")
        #expect(report.threads[0].nextStep == "Bring in our own legal counsel and answer Dana Reed (General Counsel) formally, in writing.")
    }

    @Test func saidInSoManyWordsIsAWarning() {
        let mail = Self.opening() + [
            Mail.message("m3", "2025-03-05 09:00", from: Self.anna, to: [Self.sunna], sentiment: -0.3,
                         categories: ["conflict.escalation": 0.8]),
        ]
        let report = Mail.assess(mail)
        #expect(report.threads[0].flags.filter { $0.kind == .escalation }.map(\.reason) == ["Anna Berg escalated the matter on 5 Mar."])
        #expect(report.threads[0].flags.first { $0.kind == .escalation }?.severity == .warning)
    }

    @Test(arguments: [
        // A colleague with no senior role.
        ("erik@customer.com", "Adding Erik Holm from our IT team, who will run the integration."),
        // A senior word that is not about the newcomer.
        ("erik@customer.com", "Our director liked the demo. Adding Erik Holm for the setup."),
        // We copy in our own chief: not their escalation.
        ("ceo@kolka.is", "I have copied our CEO."),
    ])
    func newcomersWithoutASeniorRoleAreNotEscalation(newcomer: String, text: String) {
        let mail = Self.opening() + [
            Mail.message("m3", "2025-03-05 09:00", from: Self.anna, to: [Self.sunna], cc: [newcomer],
                         sentiment: 0.3, politeness: 0.6,
                         sentences: text.split(separator: ".").map { Mail.sentence($0.trimmingCharacters(in: .whitespaces) + ".") }),
        ]
        #expect(Mail.labels(Mail.assess(mail)) == [])
    }

    @Test func peopleOnTheFirstMessageAreNotNewcomers() {
        let mail = [
            Mail.message("m1", "2025-03-03 09:00", from: Self.anna, to: [Self.sunna], cc: ["legal@customer.com"],
                         sentiment: 0.2, politeness: 0.5),
            Mail.message("m2", "2025-03-04 09:00", from: Self.sunna, to: [Self.anna], cc: ["legal@customer.com"],
                         sentiment: 0.3, politeness: 0.9),
        ]
        #expect(Mail.labels(Mail.assess(mail)) == [])
    }

    // MARK: - Negotiation

    static func theirs(_ categories: [String: Double]..., warmClose: [String: Double]? = nil) -> [ScoredDocument] {
        var mail = [Mail.message("m0", "2025-03-03 08:00", from: sunna, to: [anna], sentiment: 0.4, politeness: 0.9)]
        for (index, set) in categories.enumerated() {
            mail.append(Mail.message("m\(index + 1)", "2025-03-0\(index + 4) 09:00", from: anna, to: [sunna],
                                     sentiment: 0, politeness: 0.5, categories: set))
        }
        if let warmClose {
            mail.append(Mail.message("m9", "2025-03-10 09:00", from: anna, to: [sunna], sentiment: 0.8, politeness: 0.9,
                                     categories: warmClose.merging(["politeness.thanks": 0.7]) { $1 }))
        }
        return mail
    }

    @Test func priceObjectionsInTwoMessagesAreAWarning() throws {
        let report = Mail.assess(Self.theirs(["negotiation.price": 0.5], ["negotiation.price": 0.6]))
        #expect(Mail.labels(report) == ["warning negotiation-issue:price"])
        #expect(report.threads[0].flags[0].reason == "Anna Berg pushed back on price in 2 messages since 4 Mar.")
        #expect(report.threads[0].nextStep
            == "Prepare a value case and one clear offer for Anna Berg, who pushed back on price on 4 Mar.")
    }

    @Test func oneStrongThreatToWalkAwayIsCritical() {
        let report = Mail.assess(Self.theirs(["negotiation.walkaway": 0.8]))
        #expect(Mail.labels(report) == ["critical negotiation-issue:walkaway"])
        #expect(report.threads[0].flags[0].reason == "Anna Berg threatened to walk away or not renew on 4 Mar.")
    }

    @Test(arguments: [
        ["negotiation.discount": 0.9],  // one question about a discount
        ["negotiation.price": 0.44],  // below the intensity that counts
        ["negotiation.stall": 0.9],  // one postponement
    ])
    func oneMentionOfAnOrdinaryTopicIsNotAFlag(categories: [String: Double]) {
        #expect(Mail.labels(Mail.assess(Self.theirs(categories))) == [])
    }

    @Test func deadlinesAreInfo() {
        let report = Mail.assess(Self.theirs(["negotiation.deadline": 0.8], ["negotiation.deadline": 0.6]))
        #expect(Mail.labels(report) == ["info negotiation-issue:deadline"])
    }

    @Test func ourOwnPricesAreNotTheirObjection() {
        let mail = [
            Mail.message("m1", "2025-03-03 09:00", from: Self.sunna, to: [Self.anna], categories: ["negotiation.price": 0.8]),
            Mail.message("m2", "2025-03-04 09:00", from: Self.sunna, to: [Self.anna], categories: ["negotiation.price": 0.8]),
            Mail.message("m3", "2025-03-05 09:00", from: Self.anna, to: [Self.sunna], sentiment: 0.5, politeness: 0.9),
        ]
        #expect(Mail.labels(Mail.assess(mail)) == [])
    }

    @Test func aNegotiationSettledWithWarmThanksIsNotFlagged() {
        let mail = Self.theirs(["negotiation.price": 0.6], ["negotiation.price": 0.6], warmClose: ["negotiation.price": 0.3])
        #expect(Mail.labels(Mail.assess(mail)) == [])
    }
}
