import Foundation
import RapportHealth
import RapportLanguage
import RapportModel

/// Hand-built conversations with hand-set scores, so each rule can be tested on exactly the
/// signal it reads. "Us" is kolka.is; the counterparty is customer.com.
enum Mail {
    static let us = "kolka.is"

    static let people: [String: String] = [
        "sunna@kolka.is": "Sunna Ragnarsdóttir",
        "ceo@kolka.is": "Our Chief",
        "anna@customer.com": "Anna Berg",
        "carl@customer.com": "Carl Jones",
        "dana@customer.com": "Dana Reed",
        "erik@customer.com": "Erik Holm",
    ]

    static func participant(_ address: String) -> Participant {
        Participant(name: people[address], address: address)
    }

    /// `2025-03-03 09:00` in UTC.
    static func date(_ text: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: text)!
    }

    /// A sentence with its scores; `terms` maps each word that counted to its category.
    static func sentence(_ text: String, sentiment: Double = 0, politeness: Double = 0,
                         categories: [String: Double] = [:], terms: [(String, String)] = []) -> SentenceScore {
        SentenceScore(
            text: text, utf8Range: 0..<text.utf8.count, sentiment: sentiment, categories: categories,
            politeness: politeness,
            evidence: terms.map { Evidence(term: $0.0, entry: $0.0, category: $0.1, baseWeight: 2, finalWeight: 2, rules: []) },
            rules: [])
    }

    /// A message with the given document-level scores. Without `sentences`, its text is one
    /// sentence scored like the document.
    static func message(
        _ id: String, _ when: String, from: String, to: [String], cc: [String] = [], thread: String = "thread",
        subject: String = "Topic", text: String? = nil, sentiment: Double = 0, politeness: Double = 0,
        categories: [String: Double] = [:], sentences: [SentenceScore]? = nil
    ) -> ScoredDocument {
        let body = text ?? sentences?.map(\.text).joined(separator: " ") ?? "Message \(id)."
        let parts = sentences ?? [sentence(body, sentiment: sentiment, politeness: politeness, categories: categories)]
        let document = Document(
            id: id, subject: subject, date: date(when), dateSource: .header, from: [participant(from)],
            to: to.map(participant), cc: cc.map(participant), thread: thread, text: body,
            source: SourceLocation(file: "test.mbox"))
        let score = DocumentScore(
            language: .english, sentiment: sentiment, categories: categories, politeness: politeness, sentences: parts)
        return ScoredDocument(document: document, score: score)
    }

    static func assess(_ documents: [ScoredDocument], asOf: String? = nil,
                       configuration: HealthConfiguration = .init()) -> HealthReport {
        HealthAnalyzer(configuration: configuration, ourDomains: [us]).assess(documents, asOf: asOf.map(date))
    }

    /// The flags of the only thread, as `severity label` strings.
    static func labels(_ report: HealthReport) -> [String] {
        report.threads.flatMap(\.flags).map { "\($0.severity.rawValue) \($0.label)" }
    }
}
