import Foundation
import RapportModel

/// `disengagement`: we keep writing and they have stopped answering.
///
/// In a thread: the messages we sent after their last message (or the last meeting note) form
/// an open one-way stretch. A flag needs `thresholds.oneWayMessages` messages in it, at least
/// one that asks something, and the first of them older than
/// `thresholds.unansweredBusinessDays` business days. Critical with three or more messages or
/// after four times that wait; otherwise a warning. (A closing "thanks" of ours that nobody
/// answers is not a one-way stretch: it asks nothing.)
///
/// Across an account (`AccountSilenceRule`): see there.
struct DisengagementRule: FlagRule {
    let identifier = "disengagement"
    let summary = "We have written several times, asking, and the counterparty has not answered."

    static let criticalMessages = 3
    static let criticalWaitFactor = 4

    func flags(in thread: ThreadContext, phrasing: Phrasing) -> [RaisedFlag] {
        let run = thread.trailingOurs
        let readings = thread.readings
        let limit = thread.thresholds.unansweredBusinessDays
        guard run.count >= thread.thresholds.oneWayMessages, run.contains(where: { readings[$0].asks }),
            let since = readings[run[0]].date
        else { return [] }
        let waited = thread.age(of: run[0])
        guard waited > limit else { return [] }

        let severity: Severity =
            run.count >= Self.criticalMessages || waited >= Self.criticalWaitFactor * limit ? .critical : .warning
        let addressed = run.flatMap { readings[$0].participants }.filter { thread.directory.side(of: $0) == .them }
        let person = AccountDirectory.mostFrequentKey(addressed.map { $0.address.lowercasedFast() }).flatMap { address in
            addressed.first { $0.address.lowercasedFast() == address }
        }
        let whom = person.map(thread.directory.displayName) ?? thread.account.name
        let opening = run.count == 1
            ? "Our message of \(phrasing.day(since)) has" : "Our last \(run.count) messages since \(phrasing.day(since)) have"
        let reason = "\(opening) had no answer from \(whom) in \(Phrasing.count(waited, "business day"))."
        let picker = EvidencePicker(readings: readings, enabled: thread.quotesEvidence)
        let candidates = picker.candidates(
            in: run, strength: { $0.asks ? ($0.text.utf8.contains(UInt8(ascii: "?")) ? 2 : 1) : 0 }, terms: { $0.requestTerms })
        let raised = flag(.disengagement, severity: severity, thread: thread, since: since, reason: reason,
                          evidence: picker.quotes(candidates))
        return [RaisedFlag(flag: raised, person: person, detail: nil, businessDays: waited)]
    }
}
