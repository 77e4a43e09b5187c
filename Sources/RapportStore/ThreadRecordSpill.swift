import Foundation
import RapportModel
import Synchronization

/// An assessment's thread reports on their way into the store: each is written as the JSON the
/// store keeps, to an unlinked temporary file, as soon as its account is assessed, and only what
/// their order and flags need stays in memory. A large mailbox's thread reports held together
/// (every message's assessment in them) were a scan's largest use of memory. Without a writable
/// temporary directory, or once the file cannot take more, the JSON is kept in memory instead.
/// Reports may be added from any thread.
public final class ThreadRecordSpill: Sendable {
    /// A thread's row without its JSON, with what ordering and flags need; the JSON is in the
    /// file or `held`.
    struct Entry: Sendable {
        var row: ThreadRecord
        var severity: Severity?
        var flags: [HealthFlag]
        var offset: Int64
        var length: Int
        /// The JSON, when it is not in the file.
        var held: String?

        var id: String { row.id }
        var order: ThreadReport.OrderKey { (severity, row.lastDate, row.id) }
    }

    private struct State {
        var entries: [Entry] = []
        var end: Int64 = 0
        var fileFull = false
        var failure: (any Error)?
    }

    private let file: UnlinkedTemporaryFile?
    private let state = Mutex(State())

    /// `directory`: where the file goes (the system's temporary directory).
    public init(directory: String = NSTemporaryDirectory()) {
        file = UnlinkedTemporaryFile(directory: directory, prefix: "rapport-threads")
    }

    /// Adds thread reports, from any thread; their JSON is made before the lock is taken.
    public func add(_ reports: [ThreadReport]) {
        var made: [(Entry, String)] = []
        made.reserveCapacity(reports.count)
        do {
            for report in reports {
                var row = try ThreadRecord(report, scan: 0)
                let body = row.body
                row.body = ""
                made.append((Entry(row: row, severity: report.severity, flags: report.flags, offset: 0,
                                   length: body.utf8.count, held: nil), body))
            }
        } catch {
            state.withLock { if $0.failure == nil { $0.failure = error } }
            return
        }
        state.withLock { state in
            for (entry, body) in made {
                var entry = entry, body = body
                if let file, !state.fileFull, body.withUTF8({ file.write(UnsafeRawBufferPointer($0), at: state.end) }) {
                    entry.offset = state.end
                    state.end += Int64(entry.length)
                } else {
                    state.fileFull = file != nil
                    entry.held = body
                }
                state.entries.append(entry)
            }
        }
    }

    /// The threads in `HealthReport`'s order, as `ThreadReport.reportOrder` sorts them; throws
    /// what went wrong making a report's JSON.
    func ordered() throws -> [Entry] {
        try state.withLock { state in
            if let failure = state.failure { throw failure }
            return state.entries.sorted { ThreadReport.reportOrder($0.order, $1.order) }
        }
    }

    /// An entry's row, as of `scan`.
    func record(_ entry: Entry, scan: Int64) -> ThreadRecord {
        var record = entry.row
        record.scan = scan
        record.body = body(entry)
        return record
    }

    /// An entry's JSON.
    func body(_ entry: Entry) -> String {
        if let held = entry.held { return held }
        // The file is this run's own and unlinked: nothing else can shorten or change it.
        guard let bytes = file?.read(entry.length, at: entry.offset) else {
            preconditionFailure("the temporary file of thread reports could not be read back")
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
