import Foundation
import RapportHealth
import RapportModel
import RapportTestSupport
import Testing

/// Real and deliberately broken mail from other projects' test suites (`../shared/corpora`):
/// odd dates, missing senders, threads of one. Analysis must take all of it and stay
/// deterministic.
@Suite struct CorporaTests {
    @Test(.enabled(if: Fixtures.corpora != nil, "needs ../shared/corpora beside the package"))
    func realMailIsAssessedDeterministically() throws {
        let folder = try #require(Fixtures.corpora).appendingPathComponent("email")
        let documents = try Corpus.scored(paths: [folder.path])
        #expect(documents.count > 1000)
        let started = Date()
        let report = HealthAnalyzer().assess(documents, asOf: nil)
        print("Assessed \(documents.count) corpus documents in \(String(format: "%.1f", Date().timeIntervalSince(started))) s: "
              + "\(report.threads.count) threads, \(report.accounts.count) accounts, "
              + "\(report.threads.filter { $0.severity != nil }.count) flagged")
        #expect(report.threads.reduce(0) { $0 + $1.messageIDs.count } == documents.count)
        let again = HealthAnalyzer().assess(documents.reversed(), asOf: nil)
        // Compared piece by piece, so a difference names the thread instead of printing the world.
        #expect(again.threads.map(\.id) == report.threads.map(\.id))
        for (left, right) in zip(again.threads, report.threads) where left != right {
            Issue.record("thread \(left.id) differs when the input is reversed")
        }
        #expect(again.accounts == report.accounts)
        for account in report.accounts { #expect((0...100).contains(account.health)) }
    }
}
