import Foundation
import Testing
import RapportModel
import RapportStore
@testable import RapportPipeline

/// `rapport report --account`: an account's health after each scan, as a table and a chart.
@Suite struct ScanHistoryTests {
    static let day: TimeInterval = 86_400
    static let start = Date(timeIntervalSince1970: 1_780_000_000)   // 2026-05-28
    static let history = ScanHistory(
        account: Account(key: "hafbrun.is", name: "Hafbrún <hf.>", type: .customer),
        points: [
            AccountHistoryPoint(scan: 1, date: start, health: 72, trend: .stable, openFlags: 1, appeared: 1, changed: 0, cleared: 0),
            AccountHistoryPoint(scan: 4, date: start + 3 * day, health: 38, trend: .declining, openFlags: 3, appeared: 2,
                                changed: 1, cleared: 0),
        ])

    @Test func textIsAnAlignedTable() {
        #expect(Self.history.text() == """

            Health of Hafbrún <hf.> (hafbrun.is) after each scan
              scan  date        health  band  trend      open flags  new  changed  cleared
                 1  2026-05-28      72  good  stable              1    1        0        0
                 4  2026-05-31      38  poor  declining           3    2        1        0

            """)
    }

    @Test func markdownIsATableWithEscapedCells() {
        #expect(Self.history.markdown() == """

            ## Health of Hafbrún &lt;hf.> (hafbrun.is) after each scan

            | scan | date | health | band | trend | open flags | new | changed | cleared |
            |---:|---|---:|---|---|---:|---:|---:|---:|
            | 1 | 2026-05-28 | 72 | good | stable | 1 | 1 | 0 | 0 |
            | 4 | 2026-05-31 | 38 | poor | declining | 3 | 2 | 1 | 0 |

            """)
    }

    @Test func htmlHasAnEscapedTitleAChartAndATable() {
        let section = Self.history.htmlSection()
        #expect(section.contains("<h2>Health of Hafbrún &lt;hf.&gt; (hafbrun.is) after each scan</h2>"))
        #expect(!section.contains("<hf.>"))
        #expect(section.contains("<polyline fill=\"none\" stroke=\"#3366aa\" stroke-width=\"2\" points=\"24.0,55.4 576.0,93.4\"/>"))
        #expect(section.contains("<tr><td>4</td><td>2026-05-31</td><td>38</td><td>poor</td><td>declining</td><td>3</td><td>2</td><td>1</td><td>0</td></tr>"))
        #expect(!section.contains("<script"))
        let page = "<html><body><h1>Report</h1></body></html>"
        #expect(Self.history.inserted(into: page) == "<html><body><h1>Report</h1>" + section + "</body></html>")
        #expect(Self.history.inserted(into: "no body") == "no body" + section)
    }

    @Test func anAccountWithoutScansSaysSo() {
        let empty = ScanHistory(account: Account(key: "x.is", name: "x.is"), points: [])
        #expect(empty.text() == "\nHealth of x.is after each scan\n  no scan has assessed this account yet\n")
        #expect(empty.htmlSection().contains("<p>No scan has assessed this account yet.</p>"))
    }

    @Test func clearedFlagsAreListedWithTheirThread() {
        let flag = HealthFlag(kind: .unanswered, severity: .warning, thread: "t1", account: "hafbrun.is", since: Self.start,
                              reason: "Waiting.", evidence: [])
        let changes = [
            FlagChange(kind: .cleared, scan: 5, severity: .warning, flag: flag, appeared: 2, changed: nil, cleared: 5),
            FlagChange(kind: .appeared, scan: 5, severity: .warning, flag: flag, appeared: 5, changed: nil, cleared: nil),
        ]
        #expect(ClearedFlags.text(changes, threads: ["t1": "SLA\ncredit"])
                == "\nCleared (1):\n  • unanswered on hafbrun.is — SLA credit (scan 5; raised in scan 2)\n")
        #expect(ClearedFlags.markdown(changes, threads: [:])
                == "\n## Cleared (1)\n\n- `unanswered` on hafbrun.is (scan 5; raised in scan 2)\n")
        #expect(ClearedFlags.text(Array(changes.dropFirst()), threads: [:]) == "")
    }
}

/// What scan prints: the threads whose flags appeared or changed, in the documented order.
@Suite struct ScanReportTests {
    @Test func showsChangedThreadsOnlyMostSevereFirst() throws {
        let store = try ScanStore.inMemory()
        func flag(_ thread: String, _ severity: Severity) -> HealthFlag {
            HealthFlag(kind: .conflict, severity: severity, thread: thread, account: "a.is", since: ScanHistoryTests.start,
                       reason: "Hostile.", evidence: [])
        }
        func thread(_ id: String, _ flags: [HealthFlag], day: Double) -> ThreadReport {
            ThreadReport(id: id, subject: id, account: "a.is", ours: [], theirs: [], first: nil,
                         last: ScanHistoryTests.start + day * ScanHistoryTests.day, messageIDs: [id], messages: [], flags: flags,
                         trajectory: [], waiting: .nobody, nextStep: nil)
        }
        let account = AccountReport(account: Account(key: "a.is", name: "A"), health: 50, trend: .stable, history: [],
                                    flags: [], threads: [])
        #expect(try store.storedAssessment() == nil, "nothing assessed yet")
        let scan = try store.beginScan(ScanStart(kind: .scan, inputs: [], toolVersion: "t", scoringFingerprint: "f",
                                                 startedAt: ScanHistoryTests.start)).scan.id
        let changes = try store.finishScan(scan, assessment: AssessmentUpdate(
            scope: .everything, threadAssignments: [:],
            threads: [thread("calm", [], day: 9), thread("warm", [flag("warm", .warning)], day: 5),
                      thread("hot", [flag("hot", .critical)], day: 1), thread("recent", [flag("recent", .warning)], day: 7)],
            accounts: [account], removedThreads: [], asOf: ScanHistoryTests.start, ourDomains: ["us.is"],
            ourDomainsAssumed: true, settings: "s"), at: ScanHistoryTests.start)
        let stored = try #require(try store.storedAssessment(changes: .inScan(scan), account: "A"))
        #expect(stored.changes?.count == 3)
        #expect(stored.account?.key == "a.is", "found by display name")
        #expect(stored.account?.history.map(\.health) == [50])
        let everything = ScanReport.report(stored, selection: .everything)
        #expect(everything.threads.map(\.id) == ["hot", "recent", "warm", "calm"])
        #expect(everything.ourDomains == ["us.is"])
        #expect(everything.ourDomainsAssumed)
        let changed = ScanReport.report(stored, selection: .changed(changes.filter { $0.flag.thread != "warm" }))
        #expect(changed.threads.map(\.id) == ["hot", "recent"])
        #expect(changed.accounts.map(\.account.key) == ["a.is"])
        #expect(ScanReport.report(stored, selection: .changed([])).threads.isEmpty)

        // Asking for some threads reads only those, on any number of threads, with the same report.
        for parallelism in [1, 2] {
            let some = try #require(try store.storedAssessment(threads: ["hot", "recent", "gone"], parallelism: parallelism))
            #expect(some.threads.map(\.id) == ["hot", "recent"])
            #expect(some.accounts.map(\.account.key) == ["a.is"])
            #expect(ScanReport.report(some, selection: .changed(changes.filter { $0.flag.thread != "warm" })) == changed)
            let all = try #require(try store.storedAssessment(parallelism: parallelism))
            #expect(all.threads.map(\.id) == ["calm", "hot", "recent", "warm"])
        }
        #expect(try store.storedAssessment(threads: [])?.threads.isEmpty == true)
    }
}
