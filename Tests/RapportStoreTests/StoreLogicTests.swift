import Foundation
import Testing
import RapportModel
@testable import RapportStore

/// What makes two documents the same one.
@Suite struct DocumentKeyTests {
    @Test func whereAndWhenItWasReadDoesNotCount() {
        let inbox = Make.document("m1@x", file: "/mail/inbox.mbox", offset: 0)
        var sent = Make.document("m1@x", file: "/mail/sent.mbox", offset: 4711)
        sent.thread = "t9"
        sent.language = "is"
        #expect(DocumentKey(inbox) == DocumentKey(sent))
    }

    @Test(arguments: ["text", "subject", "date", "from", "cc", "references", "attachments", "id"])
    func whatTheMessageSaysCounts(field: String) {
        let original = Make.document("m1@x")
        var changed = original
        switch field {
        case "text": changed.text += " "
        case "subject": changed.subject = "Re: Renewal"
        case "date": changed.date = original.date?.addingTimeInterval(1)
        case "from": changed.from = [Participant(name: "Anna B", address: "anna@hafbrun.is")]
        case "cc": changed.cc = [Participant(address: "legal@hafbrun.is")]
        case "references": changed.references = ["m0@x"]
        case "attachments": changed.attachments = [Attachment(name: "a.pdf", type: "application/pdf", size: 10)]
        default: changed.id = "m2@x"
        }
        #expect(DocumentKey(original) != DocumentKey(changed), "\(field)")
    }

    @Test func fieldBoundariesAreKept() {
        var a = Make.document("m@x"), b = Make.document("m@x")
        a.subject = "ab"
        a.text = "c"
        b.subject = "a"
        b.text = "bc"
        #expect(DocumentKey(a) != DocumentKey(b))
    }
}

/// Storing what a scan read: idempotent, counted, resumable.
@Suite struct StoreSeenTests {
    @Test func theSameMessageIsStoredOnceWhereverItIsFound() throws {
        let store = try ScanStore.inMemory()
        let scan = try store.beginScan(Make.start()).scan.id
        let inbox = Make.document("m1@x", file: "/mail/inbox.mbox")
        let sent = Make.document("m1@x", file: "/mail/sent.mbox", offset: 900)
        let first = try store.commit(ScanBatch(documents: [try Make.new(inbox), try Make.new(sent)], files: [],
                                               counts: ScanCounts()), scan: scan)
        #expect(first == BatchResult(added: 1, duplicates: 1))
        let again = try store.commit(ScanBatch(documents: [try Make.new(inbox)], files: [], counts: ScanCounts()), scan: scan)
        #expect(again == BatchResult(added: 0, duplicates: 1))
        #expect(try store.documentCount() == 1)
        #expect(try store.documents(rowIDs: [1]).map(\.document.source.file) == ["/mail/inbox.mbox"])
        #expect(try store.scan(scan)?.counts.documentsAdded == 1)
        #expect(try store.scan(scan)?.counts.duplicates == 2)
    }

    /// Rows are read a few hundred per query: every row asked for comes back once per asking,
    /// in row order, across query boundaries; rows that do not exist are left out.
    @Test func documentsAreReadInRowOrderAcrossQueries() throws {
        let store = try ScanStore.inMemory()
        let scan = try store.beginScan(Make.start()).scan.id
        let count = ScanStore.rowsPerQuery * 2 + 7
        let documents = try (0..<count).map { try Make.new(Make.document("m\($0)@x", text: "Text \($0).")) }
        try store.commit(ScanBatch(documents: documents, files: [], counts: ScanCounts()), scan: scan)
        let wanted: [Int64] = Array((1...Int64(count)).reversed()) + [3, 3, Int64(count) + 5, 0]
        let read = try store.documents(rowIDs: wanted, parallelism: 2)
        let expected: [Int64] = [1, 2, 3, 3, 3] + Array(4...Int64(count))
        #expect(read.map(\.rowID) == expected)
        // Each row's document and score are its own, whichever query's buffer holds them.
        #expect(read.allSatisfy { $0.document.id == "m\($0.rowID - 1)@x" && $0.document.text == "Text \($0.rowID - 1)." })
        #expect(read.allSatisfy { $0.score == documents[Int($0.rowID) - 1].score })
        #expect(try store.documents(rowIDs: []).isEmpty)
    }

    @Test func aReusedIdWithOtherContentIsASecondDocument() throws {
        let store = try ScanStore.inMemory()
        let scan = try store.beginScan(Make.start()).scan.id
        let documents = [Make.document("m1@x", text: "First."), Make.document("m1@x", text: "Second.")]
        let result = try store.commit(ScanBatch(documents: try documents.map { try Make.new($0) }, files: [],
                                                counts: ScanCounts()), scan: scan)
        #expect(result == BatchResult(added: 2, duplicates: 0))
        #expect(try store.existingKeys(documents.map(DocumentKey.init)).count == 2)
        #expect(try store.existingKeys([DocumentKey(Make.document("m1@x", text: "Third."))]).isEmpty)
    }

    @Test func documentsAndScoresRoundTrip() throws {
        let store = try ScanStore.inMemory()
        let scan = try store.beginScan(Make.start()).scan.id
        var document = Make.document("m1@x", references: ["m0@x", "root@x"])
        document.thread = "ignored-until-threaded"
        document.segments = [Segment(speaker: "Anna", text: "Hi")]
        try store.commit(ScanBatch(documents: [try Make.new(document, sentiment: -0.25)], files: [], counts: ScanCounts()),
                         scan: scan)
        let stored = try #require(try store.documents(rowIDs: [1]).first)
        var expected = document
        expected.thread = nil
        #expect(stored.document == expected)
        #expect(stored.scan == scan)
        #expect(try stored.score?.decode(Make.Score.self) == Make.Score(sentiment: -0.25, words: ["thanks"]))
        #expect(stored.score?.sentiment == -0.25)
        let entry = try #require(try store.threadingEntries().first)
        #expect(entry.document.references == ["m0@x", "root@x"])
        #expect(entry.document.inReplyTo == "root@x")
        #expect(entry.document.date == document.date)
        #expect(entry.document.text == DocumentKey(document).contentHash)
        #expect(entry.document.from.map(\.address) == ["anna@hafbrun.is"])
        #expect(entry.document.to.map(\.address) == ["jon@example.com"])
        #expect(entry.document.cc.isEmpty)
    }

    @Test func countsAddUpOnTheScanRow() throws {
        let store = try ScanStore.inMemory()
        let scan = try store.beginScan(Make.start()).scan.id
        var counts = ScanCounts()
        counts.messages = 3
        counts.skipped = 1
        counts.bytesRead = 1000
        try store.commit(ScanBatch(documents: [try Make.new(Make.document("a@x"))], files: [], counts: counts), scan: scan)
        try store.commit(ScanBatch(documents: [try Make.new(Make.document("b@x"))], files: [], counts: counts), scan: scan)
        var unchanged = ScanCounts()
        unchanged.filesUnchanged = 2
        try store.addCounts(unchanged, to: scan)
        let row = try #require(try store.scan(scan)).counts
        #expect([row.messages, row.skipped, row.bytesRead, row.documentsAdded, row.filesUnchanged] as [Int] == [6, 2, 2000, 2, 2])
    }

    @Test func anInterruptedScanIsResumedNotRestarted() throws {
        let store = try ScanStore.inMemory()
        let (first, resumedFirst) = try store.beginScan(Make.start(["/mail/a"]))
        #expect(!resumedFirst)
        let (second, resumed) = try store.beginScan(Make.start(["/mail/a", "/mail/b"]))
        #expect(resumed)
        #expect(second.id == first.id)
        #expect(second.runs == 2)
        #expect(second.inputs == ["/mail/a", "/mail/b"])
        try store.finishScan(second.id, assessment: nil, at: Make.start)
        let (third, resumedAfterFinish) = try store.beginScan(Make.start())
        #expect(!resumedAfterFinish)
        #expect(third.id == first.id + 1)
        #expect(try store.scan(first.id)?.status == .complete)
    }

    @Test func fileProgressKeepsTheScanThatFirstReadIt() throws {
        let store = try ScanStore.inMemory()
        let first = try store.beginScan(Make.start()).scan.id
        var file = FileRecord(path: "/mail/inbox.mbox", size: 100, modified: 1, readTo: 60, messages: 2, prefixHash: "p",
                              sampleHash: "s", state: .partial, firstScan: first, lastScan: first)
        try store.commit(ScanBatch(documents: [], files: [file], counts: ScanCounts()), scan: first)
        try store.finishScan(first, assessment: nil, at: Make.start)
        let second = try store.beginScan(Make.start()).scan.id
        file.firstScan = second
        file.lastScan = second
        file.readTo = 100
        file.state = .complete
        try store.commit(ScanBatch(documents: [], files: [file], counts: ScanCounts()), scan: second)
        let stored = try #require(try store.fileRecord("/mail/inbox.mbox"))
        #expect(stored.firstScan == first)
        #expect(stored.lastScan == second)
        #expect(stored.readTo == 100)
        var gone = stored
        gone.state = .missing
        gone.firstScan = second
        var counts = ScanCounts()
        counts.filesMissing = 1
        try store.saveFiles([gone], counts: counts, scan: second)
        #expect(try store.fileRecords().map(\.state) == [.missing])
        #expect(try store.fileRecords().map(\.firstScan) == [first])
        #expect(try store.scan(second)?.counts.filesMissing == 1)
    }

    @Test func rescoringReplacesScoresWithOtherFingerprintsOnly() throws {
        let store = try ScanStore.inMemory()
        let scan = try store.beginScan(Make.start()).scan.id
        try store.commit(ScanBatch(documents: try ["a@x", "b@x", "c@x"].map { try Make.new(Make.document($0)) }, files: [],
                                   counts: ScanCounts()), scan: scan)
        #expect(try store.scoreFingerprints() == ["lex-1": 3])
        let pending = try store.documentsToRescore(fingerprint: "lex-2", after: 0, limit: 2)
        #expect(pending.map(\.rowID) == [1, 2])
        try store.replaceScores(try pending.map { ($0.rowID, "is", try Make.score(0.9, fingerprint: "lex-2")) }, scan: scan)
        #expect(try store.documentsToRescore(fingerprint: "lex-2", after: 0, limit: 10).map(\.rowID) == [3])
        #expect(try store.scoreFingerprints() == ["lex-1": 1, "lex-2": 2])
        #expect(try store.documents(rowIDs: [1]).first?.document.language == "is")
        #expect(try store.scan(scan)?.counts.rescored == 2)
    }
}

/// Flags across scans: each appears, changes and clears in a named scan; what an assessment does
/// not speak for is left alone.
@Suite struct StoreFlagTests {
    /// Runs one scan whose assessment holds these threads and account.
    private func scan(_ store: ScanStore, threads: [ThreadReport], account: AccountReport? = nil,
                      scope: AssessmentUpdate.Scope = .everything) throws -> [FlagChange] {
        let id = try store.beginScan(Make.start()).scan.id
        let accounts = account.map { [$0] } ?? [Make.account(threads: threads.map(\.id))]
        return try store.finishScan(id, assessment: Make.update(threads: threads, accounts: accounts, scope: scope),
                                    at: Make.start)
    }

    private func summary(_ changes: [FlagChange]) -> [String] {
        changes.map { "\($0.kind.rawValue) \($0.flag.label) \($0.flag.thread ?? "-") \($0.severity.rawValue) @\($0.scan)" }
    }

    @Test func flagsAppearChangeAndClearInNamedScans() throws {
        let store = try ScanStore.inMemory()
        let tone = Make.flag(.deterioratingTone, thread: "t1")
        let unanswered = Make.flag(.unanswered, thread: "t1", severity: .info, reason: "Waiting 3 business days.")

        #expect(summary(try scan(store, threads: [Make.thread("t1", flags: [tone])]))
                == ["appeared deteriorating-tone t1 warning @1"])
        #expect(summary(try scan(store, threads: [Make.thread("t1", flags: [tone])])) == [], "the same flags change nothing")

        var worse = tone
        worse.severity = .critical
        #expect(summary(try scan(store, threads: [Make.thread("t1", flags: [worse, unanswered])]))
                == ["changed deteriorating-tone t1 critical @3", "appeared unanswered t1 info @3"])

        var quoted = worse
        quoted.evidence = []
        #expect(summary(try scan(store, threads: [Make.thread("t1", flags: [quoted, unanswered])])) == [],
                "new evidence alone is stored without an event")

        #expect(summary(try scan(store, threads: [Make.thread("t1", flags: [unanswered])]))
                == ["cleared deteriorating-tone t1 critical @5"])
        #expect(summary(try scan(store, threads: [Make.thread("t1", flags: [tone, unanswered])]))
                == ["appeared deteriorating-tone t1 warning @6"], "a flag that comes back is a new episode")

        #expect(summary(try store.flagChanges(.afterScan(4))) == [
            "cleared deteriorating-tone t1 critical @5", "appeared deteriorating-tone t1 warning @6",
        ])
        let episodes = try store.flagChanges(.afterScan(0)).filter { $0.flag.kind == .deterioratingTone }
        #expect(Set(episodes.map { "\($0.appeared) \($0.changed.map(String.init) ?? "-") \($0.cleared.map(String.init) ?? "-")" })
                == ["1 3 5", "6 - -"])
        let snapshot = try store.snapshot()
        #expect(snapshot.flags.count == 3)
        #expect(snapshot.flagEvents.count == 5)
    }

    /// A thread assessed again as the store holds it is left alone, with the scan that made its
    /// report; a thread whose report changed is written with the new scan.
    @Test func threadsAreWrittenOnlyWhenTheirReportChanges() throws {
        let store = try ScanStore.inMemory()
        func scans() throws -> [String: String] {
            Dictionary(uniqueKeysWithValues: try store.snapshot().threads.map { line in
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                return (fields[0].trimmingCharacters(in: ["\""]), fields[6])
            })
        }
        _ = try scan(store, threads: [Make.thread("t1"), Make.thread("t2")])
        #expect(try scans() == ["t1": "1", "t2": "1"])
        var renamed = Make.thread("t2")
        renamed.subject = "Renewal terms"
        _ = try scan(store, threads: [Make.thread("t1"), renamed])
        #expect(try scans() == ["t1": "1", "t2": "2"])
        #expect(try store.threadReports().sorted { $0.id < $1.id } == [Make.thread("t1"), renamed])
        let flagged = Make.thread("t1", flags: [Make.flag(.conflict, thread: "t1")])
        _ = try scan(store, threads: [flagged, renamed])
        #expect(try scans() == ["t1": "3", "t2": "2"])
        #expect(try store.snapshot().threads.contains { $0.hasPrefix("\"t1\"\t\"hafbrun.is\"\t\"Renewal\"\t\"warning\"\t") })
    }

    @Test func anAccountLimitedAssessmentLeavesOtherAccountsFlagsAlone() throws {
        let store = try ScanStore.inMemory()
        let other = Make.flag(.conflict, thread: "t2", account: "fjordbridge.com")
        let id = try store.beginScan(Make.start()).scan.id
        try store.finishScan(id, assessment: Make.update(
            threads: [Make.thread("t1", flags: [Make.flag(.escalation, thread: "t1")]),
                      Make.thread("t2", account: "fjordbridge.com", flags: [other])],
            accounts: [Make.account(), Make.account("fjordbridge.com")]), at: Make.start)

        let changes = try scan(store, threads: [Make.thread("t1")], scope: .accounts(["hafbrun.is"]))
        #expect(summary(changes) == ["cleared escalation t1 warning @2"])
        #expect(try store.threadReports().map(\.id) == ["t1", "t2"])
        #expect(try store.flagChanges(.inScan(2)).count == 1)
    }

    /// Month-end points are stored for the assessed accounts, replaced or dropped with them, and
    /// read back for the accounts asked for.
    @Test func historyInputsFollowTheAssessedAccounts() throws {
        let store = try ScanStore.inMemory()
        func points(_ health: Int) -> [HealthHistoryMemo.Point] {
            [HealthHistoryMemo.Point(date: Make.start, inputs: "digest-\(health)", health: health)]
        }
        let id = try store.beginScan(Make.start()).scan.id
        var first = Make.update(threads: [], accounts: [Make.account(), Make.account("fjordbridge.com")])
        first.history = HealthHistoryMemo(accounts: ["hafbrun.is": points(70), "fjordbridge.com": points(50),
                                                     "not-assessed.is": points(1)])
        try store.finishScan(id, assessment: first, at: Make.start)
        #expect(try store.historyInputs(ofAccounts: nil).accounts == ["hafbrun.is": points(70), "fjordbridge.com": points(50)])
        #expect(try store.historyInputs(ofAccounts: ["fjordbridge.com", "unknown.is"]).accounts == ["fjordbridge.com": points(50)])

        // An account assessed again by an assessor that keeps no points loses its old ones.
        let second = try store.beginScan(Make.start()).scan.id
        try store.finishScan(second, assessment: Make.update(threads: [], accounts: [Make.account()], scope: .accounts(["hafbrun.is"])),
                             at: Make.start)
        #expect(try store.historyInputs(ofAccounts: nil).accounts == ["fjordbridge.com": points(50)])
    }

    @Test func accountLevelFlagsAndRemovedThreads() throws {
        let store = try ScanStore.inMemory()
        let silence = Make.flag(.disengagement, thread: nil, reason: "No word from them for 40 days.")
        let id = try store.beginScan(Make.start()).scan.id
        try store.finishScan(id, assessment: Make.update(
            threads: [Make.thread("t1", flags: [Make.flag(.conflict, thread: "t1")]), Make.thread("t2")],
            accounts: [Make.account(flags: [silence])]), at: Make.start)
        #expect(try store.accountHistory("hafbrun.is").map(\.openFlags) == [2])

        // A missing link arrived: t1 is now part of t2.
        let second = try store.beginScan(Make.start()).scan.id
        let changes = try store.finishScan(second, assessment: Make.update(
            threads: [Make.thread("t2", flags: [Make.flag(.conflict, thread: "t2")])],
            accounts: [Make.account(health: 55, flags: [silence])], scope: .accounts(["hafbrun.is"]),
            assignments: [1: "t2"], removed: ["t1"]), at: Make.start)
        #expect(summary(changes) == ["cleared conflict t1 warning @2", "appeared conflict t2 warning @2"])
        #expect(try store.threadReports().map(\.id) == ["t2"])
        let history = try store.accountHistory("hafbrun.is")
        #expect(history.map(\.health) == [70, 55])
        #expect(history.map(\.openFlags) == [2, 2])
        #expect(history.map(\.appeared) == [2, 1])
        #expect(history.map(\.cleared) == [0, 1])
        #expect(try store.accountKey(matching: "HAFBRUN.IS") == "hafbrun.is")
        #expect(try store.accountKey(matching: "nobody") == nil)
    }

    @Test func threadAssignmentsMoveDocuments() throws {
        let store = try ScanStore.inMemory()
        let id = try store.beginScan(Make.start()).scan.id
        try store.commit(ScanBatch(documents: try ["a@x", "b@x"].map { try Make.new(Make.document($0)) }, files: [],
                                   counts: ScanCounts()), scan: id)
        try store.finishScan(id, assessment: Make.update(threads: [Make.thread("a@x")], accounts: [Make.account()],
                                                         assignments: [1: "a@x", 2: "a@x"]), at: Make.start)
        #expect(try store.threadingEntries().map(\.document.thread) == ["a@x", "a@x"])
        #expect(try store.documents(rowIDs: [2]).first?.document.thread == "a@x")
        #expect(try store.assessment()?.ourDomains == ["example.com"])
        #expect(try store.assessment()?.asOf == Make.start)
    }

    @Test func snapshotsCompareStoresTableByTable() throws {
        func fill(_ store: ScanStore, text: String) throws {
            let id = try store.beginScan(Make.start()).scan.id
            try store.commit(ScanBatch(documents: [try Make.new(Make.document("a@x", text: text))], files: [],
                                       counts: ScanCounts()), scan: id)
            try store.finishScan(id, assessment: Make.update(threads: [Make.thread("a@x")], accounts: [Make.account()]),
                                 at: Make.start.addingTimeInterval(Double(text.count)))
        }
        let a = try ScanStore.inMemory(), b = try ScanStore.inMemory(), c = try ScanStore.inMemory()
        try fill(a, text: "Same.")
        try fill(b, text: "Same.")
        try fill(c, text: "Other text.")
        #expect(try a.snapshot() == b.snapshot())
        #expect(try a.snapshot().differences(from: c.snapshot()) == [
            "documents: 1 vs 1 rows, 1 only here, 1 only there",
            "scores: 1 vs 1 rows, 1 only here, 1 only there",
        ])
    }

    /// Thread reports are read back a few hundred at a time: all of them in id order across
    /// batches, or those named; open flags are counted for each account at once.
    @Test func manyThreadsComeBackWholeAndOpenFlagsAreCountedPerAccount() throws {
        let store = try ScanStore.inMemory()
        let id = try store.beginScan(Make.start()).scan.id
        let count = ScanStore.threadReportsPerBatch * 2 + 7
        let threads = (0..<count).map { index in
            let thread = "t" + String(100_000 + index)
            let account = index % 3 == 0 ? "fjordbridge.com" : "hafbrun.is"
            let flags = index % 10 == 0 ? [Make.flag(.conflict, thread: thread, account: account)] : []
            return Make.thread(thread, account: account, flags: flags)
        }
        try store.finishScan(id, assessment: Make.update(
            threads: threads, accounts: [Make.account(), Make.account("fjordbridge.com")]), at: Make.start)
        #expect(try store.threadReports() == threads)
        let wanted: Set<String> = [threads[0].id, threads[ScanStore.threadReportsPerBatch + 1].id, threads[count - 1].id]
        #expect(try store.storedAssessment(threads: wanted, parallelism: 2)?.threads.map(\.id) == wanted.sorted())
        let flagged = (0..<count).filter { $0 % 10 == 0 }
        let theirs = flagged.filter { $0 % 3 == 0 }.count
        #expect(try store.accountHistory("fjordbridge.com").map(\.openFlags) == [theirs])
        #expect(try store.accountHistory("hafbrun.is").map(\.openFlags) == [flagged.count - theirs])
    }
}

@Suite struct StoredListTests {
    /// Lists cut on their bytes give the lines that cutting on `Character`s gives.
    @Test func storedListsAreCutIntoTheirLines() {
        var texts = ["", "a", "a\nb", "\n\na\n\nb\n", "anna@x.is\nbjorn@y.is", "é\nø\n", "a\r\nb", "\r", "a\n\u{301}b", "👍🏽\n日本"]
        let pieces = ["a", "@", "\n", "\n", "é", "\u{301}", "x.is", " ", "\r"]
        var state: UInt64 = 17
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<(state % 9) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            texts.append(text)
        }
        for text in texts {
            #expect(ScanStore.lines(text) == text.split(separator: "\n").map(String.init), "\(text.debugDescription)")
        }
    }
}

