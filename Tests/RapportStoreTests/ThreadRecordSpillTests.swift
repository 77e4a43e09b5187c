import Foundation
import Testing
import RapportModel
@testable import RapportStore

@Suite struct ThreadRecordSpillTests {
    /// Threads of every kind of order: severities, dates, none, ties broken by id.
    static func reports() -> [ThreadReport] {
        (0..<60).map { index in
            var report = Make.thread("t\(String(format: "%02d", (index * 37) % 60))",
                                     account: index % 3 == 0 ? "fjordbridge.com" : "hafbrun.is")
            report.last = index % 7 == 0 ? nil : Make.start.addingTimeInterval(Double(index % 5) * Make.day)
            report.subject = "Renewal \(index) “Þór” \\ \n"
            if index % 4 == 1 { report.flags = [Make.flag(.conflict, thread: report.id, severity: .critical)] }
            if index % 4 == 2 { report.flags = [Make.flag(.unanswered, thread: report.id, severity: .info),
                                                Make.flag(.escalation, thread: report.id)] }
            return report
        }
    }

    /// Added from several threads in any grouping, threads come back in the report's order with
    /// the JSON the store writes, from the file or, without one, from memory.
    @Test(arguments: [true, false])
    func givesBackEveryThreadInReportOrder(withFile: Bool) throws {
        let reports = Self.reports()
        let spill = withFile ? ThreadRecordSpill() : ThreadRecordSpill(directory: "/nonexistent-\(UUID().uuidString)")
        DispatchQueue.concurrentPerform(iterations: 6) { part in
            spill.add(stride(from: part, to: reports.count, by: 6).map { reports[$0] })
        }
        let ordered = try spill.ordered()
        let expected = reports.sorted(by: ThreadReport.reportOrder)
        #expect(ordered.map(\.id) == expected.map(\.id))
        for (entry, report) in zip(ordered, expected) {
            #expect(spill.body(entry) == (try StoreJSON.encode(report)))
            #expect(try StoreJSON.threadReport(spill.body(entry)) == report)
            #expect(entry.flags == report.flags && entry.row.messages == report.messageIDs.count)
            #expect(spill.record(entry, scan: 4) == (try ThreadRecord(report, scan: 4)))
            #expect((entry.held == nil) == withFile)
        }
    }

    /// A scan's end stores spilled threads exactly as it stores threads held in memory.
    @Test func storingSpilledThreadsIsStoringHeldOnes() throws {
        let reports = Self.reports()
        let accounts = [Make.account(threads: reports.filter { $0.account == "hafbrun.is" }.map(\.id)),
                        Make.account("fjordbridge.com", flags: [Make.flag(.disengagement, thread: nil, account: "fjordbridge.com")])]
        /// The store, the changes, and the flags in the order they were stored.
        func stored(_ update: AssessmentUpdate) throws -> (StoreSnapshot, [FlagChange], [FlagChange]) {
            let store = try ScanStore.inMemory()
            let id = try store.beginScan(Make.start()).scan.id
            let changes = try store.finishScan(id, assessment: update, at: Make.start)
            return (try store.snapshot(), changes, try store.flagChanges(.afterScan(0)))
        }
        let held = try stored(Make.update(threads: reports.sorted(by: ThreadReport.reportOrder), accounts: accounts))
        var spilledUpdate = Make.update(threads: [], accounts: accounts)
        spilledUpdate.spilledThreads = ThreadRecordSpill()
        spilledUpdate.spilledThreads!.add(reports)
        let spilled = try stored(spilledUpdate)
        #expect(spilled.0 == held.0)
        #expect(spilled.1 == held.1)
        #expect(spilled.2 == held.2)
        #expect(held.0.threads.count == reports.count && !held.1.isEmpty)
        // Some held and some spilled: still the same store.
        var mixedUpdate = Make.update(threads: reports.prefix(25).sorted(by: ThreadReport.reportOrder), accounts: accounts)
        mixedUpdate.spilledThreads = ThreadRecordSpill()
        mixedUpdate.spilledThreads!.add(Array(reports.dropFirst(25)))
        let mixed = try stored(mixedUpdate)
        #expect(mixed.0 == held.0)
        #expect(mixed.1 == held.1)
        #expect(mixed.2 == held.2)
    }
}
