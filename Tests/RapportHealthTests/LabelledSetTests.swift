import Foundation
import RapportHealth
import RapportModel
import RapportTestSupport
import Testing

/// An independent labelled set (`Labelled/`, written by `make_labelled.py`, not derived from
/// `Samples/`): thirty conversations in English and Icelandic, seventeen built to show flag
/// kinds and thirteen healthy ones with traps. Prints precision and recall per kind and
/// asserts floors a little under what the rules achieve, so a regression fails.
@Suite struct LabelledSetTests {
    static let folder = "Tests/RapportHealthTests/Labelled"

    static func score() throws -> (FlagScoring, HealthReport) {
        let bytes = try Fixtures.bytes(folder + "/labelled.mbox")
        let documents = try Corpus.scored(bytes: bytes, name: "labelled.mbox")
        let report = HealthAnalyzer(ourDomains: ["kolka.is"]).assess(documents, asOf: nil)
        var scoring = FlagScoring()
        for label in try Label.read(folder + "/labels.tsv") {
            let threads = report.threads.filter { Corpus.normalized($0.subject) == Corpus.normalized(label.subject) }
            #expect(threads.count == 1, "\(label.subject)")
            guard let thread = threads.first else { continue }
            #expect(thread.account == label.account, "\(label.subject)")
            scoring.add(label: label, report: thread)
        }
        return (scoring, report)
    }

    @Test func precisionAndRecall() throws {
        let (scoring, report) = try Self.score()
        print("Labelled set, \(report.threads.count) threads:\n" + scoring.table)
        #expect(report.threads.count == 30)
        #expect(scoring.threads.precision >= 0.9 && scoring.threads.recall >= 0.9)
        #expect(scoring.overall.precision >= 0.9 && scoring.overall.recall >= 0.9)
        for (kind, counts) in scoring.kinds {
            #expect(counts.precision >= 0.6 && counts.recall >= 0.6, "\(kind)")
        }
        #expect(Set(scoring.kinds.keys) == Set(HealthFlag.Kind.allCases.map(\.rawValue)))
    }
}
