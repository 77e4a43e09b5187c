import Foundation
import RapportHealth
import RapportModel
import Testing

/// `deteriorating-tone` and `conflict`, each with triggering and non-triggering examples.
@Suite struct ToneAndConflictRuleTests {
    static let anna = "anna@customer.com", sunna = "sunna@kolka.is"

    /// Anna starts warm and courteous, then turns cold, short and angry.
    static func souring(lastWarm: Bool = false) -> [ScoredDocument] {
        let courteous = ["politeness.greeting": 0.6, "politeness.thanks": 0.7]
        var mail = [
            Mail.message("m1", "2025-03-03 09:00", from: anna, to: [sunna],
                         text: "Hi Sunna, thanks so much for the demo, the whole team loved it and we look forward to it.",
                         sentiment: 0.8, politeness: 0.9, categories: courteous),
            Mail.message("m2", "2025-03-04 09:00", from: sunna, to: [anna], sentiment: 0.5, politeness: 0.9),
            Mail.message("m3", "2025-03-10 09:00", from: anna, to: [sunna],
                         text: "Hi Sunna, thank you for the update, everything is running nicely on our side now.",
                         sentiment: 0.7, politeness: 0.8, categories: courteous),
            Mail.message("m4", "2025-03-11 09:00", from: sunna, to: [anna], sentiment: 0.5, politeness: 0.9),
            Mail.message("m5", "2025-03-17 09:00", from: anna, to: [sunna], text: "The export failed again.",
                         sentiment: -0.5, politeness: -0.2),
            Mail.message("m6", "2025-03-18 09:00", from: sunna, to: [anna], sentiment: 0.2, politeness: 0.9),
            Mail.message("m7", "2025-03-24 09:00", from: anna, to: [sunna], text: "Still broken. Very poor.",
                         sentiment: -0.7, politeness: -0.5),
            Mail.message("m8", "2025-03-25 09:00", from: sunna, to: [anna], sentiment: 0.2, politeness: 0.9),
        ]
        if lastWarm {
            mail.append(Mail.message("m9", "2025-03-31 09:00", from: anna, to: [sunna],
                                     text: "All fixed, thank you so much!", sentiment: 0.8, politeness: 0.9,
                                     categories: ["politeness.thanks": 0.7]))
        } else {
            mail.append(Mail.message(
                "m9", "2025-03-31 09:00", from: anna, to: [sunna], sentiment: -0.6, politeness: 0,
                categories: ["conflict.anger": 0.8],
                sentences: [
                    Mail.sentence("This is unacceptable.", sentiment: -0.6, categories: ["conflict.anger": 0.8],
                                  terms: [("unacceptable", "conflict.anger")]),
                    Mail.sentence("Fix it.", sentiment: 0),
                ]))
        }
        return mail
    }

    @Test func souringToneIsFlaggedFromTheChangePoint() throws {
        let report = Mail.assess(Self.souring())
        let flag = try #require(report.threads[0].flags.first { $0.kind == .deterioratingTone })
        #expect(flag.severity == .critical)
        #expect(flag.since == Mail.date("2025-03-17 09:00"))
        #expect(flag.reason == "Anna Berg's tone turned from warm to hostile since 17 Mar; the last 3 messages "
            + "average −0.59, greetings and thanks have stopped and replies have grown short.")
        #expect(flag.evidence.map(\.sentence) == ["The export failed again.", "Still broken. Very poor.", "This is unacceptable."])
        #expect(flag.evidence.last?.terms == ["unacceptable"])
        #expect(flag.evidence.last?.author?.address == Self.anna)
        #expect(report.threads[0].trajectory == [0.84, 0.74, -0.38, -0.62, -0.76])
    }

    @Test func aRecoveredThreadIsNotFlagged() {
        let report = Mail.assess(Self.souring(lastWarm: true))
        #expect(Mail.labels(report) == [])
        #expect(report.threads[0].nextStep == nil)
    }

    @Test func twoMessagesAreTooFewToCallATrend() {
        let mail = [
            Mail.message("m1", "2025-03-03 09:00", from: Self.anna, to: [Self.sunna], sentiment: 0.9, politeness: 0.9),
            Mail.message("m2", "2025-03-10 09:00", from: Self.anna, to: [Self.sunna], sentiment: -0.9, politeness: -0.5),
        ]
        #expect(Mail.labels(Mail.assess(mail)) == [])
    }

    @Test func aDropFromDelightedToFriendlyIsNoAlarm() {
        let tones: [(Double, Double)] = [(1, 1), (1, 1), (0.4, 0.6), (0.4, 0.6), (0.4, 0.6)]
        let mail = tones.enumerated().map { index, tone in
            Mail.message("m\(index)", "2025-03-0\(index + 3) 09:00", from: Self.anna, to: [Self.sunna],
                         sentiment: tone.0, politeness: tone.1)
        }
        #expect(Mail.labels(Mail.assess(mail)) == [])
    }

    // MARK: - Conflict

    @Test func blameInBothDirectionsIsConflict() throws {
        let mail = [
            Mail.message("m1", "2025-03-03 09:00", from: Self.anna, to: [Self.sunna], sentiment: -0.4,
                         categories: ["conflict.anger": 0.6]),
            Mail.message("m2", "2025-03-04 09:00", from: Self.sunna, to: [Self.anna], sentiment: -0.3,
                         categories: ["conflict.blame": 0.5]),
        ]
        let report = Mail.assess(mail)
        #expect(Mail.labels(report) == ["warning conflict"])
        let flag = report.threads[0].flags[0]
        #expect(flag.reason == "Open conflict since 3 Mar: anger and blame in 2 messages from both sides, most recently on 4 Mar.")
        #expect(report.threads[0].nextStep == "Arrange a call with Anna Berg to settle the dispute that began on 3 Mar, before writing more.")
    }

    @Test func oneSevereThreatIsCriticalConflict() {
        let mail = [
            Mail.message("m1", "2025-03-03 09:00", from: Self.sunna, to: [Self.anna], sentiment: 0.5, politeness: 0.9),
            Mail.message("m2", "2025-03-04 09:00", from: Self.anna, to: [Self.sunna], sentiment: -0.5,
                         categories: ["conflict.threat": 0.8]),
        ]
        let report = Mail.assess(mail)
        #expect(Mail.labels(report) == ["critical conflict"])
        #expect(report.threads[0].flags[0].reason == "Open conflict since 4 Mar: threats in 1 message from customer.com.")
    }

    @Test func ourHostilityAloneIsNotTheirConflict() {
        let mail = [
            Mail.message("m1", "2025-03-03 09:00", from: Self.sunna, to: [Self.anna], sentiment: -0.5,
                         categories: ["conflict.blame": 0.7]),
            Mail.message("m2", "2025-03-04 09:00", from: Self.sunna, to: [Self.anna], sentiment: -0.5,
                         categories: ["conflict.anger": 0.7]),
            Mail.message("m3", "2025-03-05 09:00", from: Self.anna, to: [Self.sunna], sentiment: 0.1, politeness: 0.5),
        ]
        #expect(Mail.labels(Mail.assess(mail)) == [])
    }

    @Test func aComplaintResolvedWithWarmThanksIsNotConflict() {
        let mail = [
            Mail.message("m1", "2025-03-03 09:00", from: Self.anna, to: [Self.sunna], sentiment: -0.8,
                         politeness: -0.9, categories: ["conflict.anger": 0.85]),
            Mail.message("m2", "2025-03-03 10:00", from: Self.sunna, to: [Self.anna], sentiment: 0.2, politeness: 0.9),
            Mail.message("m3", "2025-03-04 09:00", from: Self.anna, to: [Self.sunna], sentiment: 0.8, politeness: 0.95,
                         categories: ["politeness.thanks": 0.7]),
        ]
        #expect(Mail.labels(Mail.assess(mail)) == [])
    }

    @Test func aPoliteComplaintIsNotHostile() {
        let mail = [
            Mail.message("m1", "2025-03-03 09:00", from: Self.anna, to: [Self.sunna], sentiment: 0.2, politeness: 0.8,
                         categories: ["conflict.complaint": 0.7]),
            Mail.message("m2", "2025-03-04 09:00", from: Self.anna, to: [Self.sunna], sentiment: 0.1, politeness: 0.8,
                         categories: ["conflict.complaint": 0.7]),
        ]
        #expect(Mail.labels(Mail.assess(mail)).filter { $0.hasSuffix("conflict") } == [])
    }
}
