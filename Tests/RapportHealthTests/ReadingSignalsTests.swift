import Foundation
@testable import RapportHealth
import RapportModel
import Testing

@Suite struct ReadingSignalsTests {
    static func reading(sentiment: Double, politeness: Double, categories: [String: Double]) -> Reading {
        Reading(document: Document(id: "<a@b>", source: SourceLocation(file: "test.mbox")), date: nil, isNote: false, side: .them, author: nil,
                automated: false, sentences: [], sentiment: sentiment, politeness: politeness, categories: categories,
                words: 0, asks: false, participants: [])
    }

    /// The signals as `Reading` computed them on every call before they were kept.
    static func expectedTone(_ reading: Reading) -> Double {
        let hostility = Reading.hostileCategories.map(reading.category).max()!
        let pressure = max(hostility, reading.category("negotiation.walkaway"))
        return min(1, max(-1, Tone.sentimentWeight * reading.sentiment + Tone.politenessWeight * reading.politeness
            - Tone.hostilityWeight * pressure))
    }

    @Test func signalsFollowEveryChangeOfTheNumbersBehindThem() {
        var reading = Self.reading(sentiment: 0.6, politeness: 0.5, categories: ["politeness.thanks": 0.7])
        #expect(reading.tone == Self.expectedTone(reading) && reading.tone == 0.6 * 0.6 + 0.4 * 0.5)
        #expect(reading.warmth == 0.7 && reading.hasCourtesy && reading.hostility == 0 && reading.pressure == 0)
        let before = reading
        reading.categories["conflict.blame"] = 0.8
        #expect(reading.hostility == 0.8 && reading.pressure == 0.8 && reading.tone == Self.expectedTone(reading))
        reading.categories["negotiation.walkaway"] = 0.9
        #expect(reading.hostility == 0.8 && reading.pressure == 0.9 && reading.tone == Self.expectedTone(reading))
        reading.sentiment = -1
        reading.politeness = -1
        #expect(reading.tone == -1)
        reading.categories = ["politeness.greeting": 0.2, "relationship.appreciation": 0.4]
        #expect(reading.hasCourtesy && reading.warmth == 0.4 && reading.pressure == 0 && reading.tone == Self.expectedTone(reading))
        reading.categories = ["negotiation.price": 0.5, "negotiation.walkaway": 0.7, "conflict.complaint": 0.6,
                              "conflict.escalation": 0.9]
        for (index, kind) in HealthFlag.NegotiationKind.allCases.enumerated() {
            #expect(reading.negotiation(index) == reading.category("negotiation." + kind.rawValue), "\(kind)")
        }
        #expect(reading.negotiation(0) == 0.5 && reading.negotiation(6) == 0.7 && reading.pressure == 0.7)
        #expect(reading.complaint == 0.6 && reading.escalation == 0.9)
        reading.categories = [:]
        #expect(reading.negotiation(6) == 0 && reading.complaint == 0 && reading.escalation == 0 && reading.pressure == 0)
        // The copy taken first kept its own numbers and signals.
        #expect(before.tone == 0.6 * 0.6 + 0.4 * 0.5 && before.hostility == 0 && before.warmth == 0.7)
    }
}

@Suite struct NameTrimmingTests {
    /// Every scalar the quick test calls plainly not a space is one that Foundation does not trim.
    @Test func plainScalarsAreNotWhitespace() {
        for value in UInt32(0)...0x2FFF {
            guard let scalar = Unicode.Scalar(value), AccountDirectory.plainlyNotSpace(scalar) else { continue }
            let text = String(Character(scalar))
            #expect(text.trimmingCharacters(in: .whitespaces) == text, "U+\(String(value, radix: 16))")
        }
    }
}
