import Foundation
import RapportModel

/// `responsiveness-drop`: the counterparty answers much more slowly than they used to.
///
/// Their reply latencies, in business days, in thread order; a reply still awaited at `asOf`
/// after we asked something counts with the time waited so far. With at least
/// `thresholds.minimumReplies` of them, the recent level is the median of the last three (at
/// most half the series) and the earlier level the median of the rest. A flag needs the recent
/// level to be `thresholds.latencyFactor` times the earlier one (counted as at least one day)
/// and `thresholds.latencyIncrease` business days more. Critical from 20 business days (a
/// working month); otherwise a warning.
struct ResponsivenessDropRule: FlagRule {
    let identifier = "responsiveness-drop"
    let summary = "The counterparty's replies have slowed well beyond their usual pace."

    static let recentReplies = 3
    static let criticalBusinessDays = 20.0

    func flags(in thread: ThreadContext, phrasing: Phrasing) -> [RaisedFlag] {
        let replies = thread.replies(by: .them)
        let thresholds = thread.thresholds
        guard replies.count >= thresholds.minimumReplies else { return [] }
        let recentCount = min(Self.recentReplies, replies.count / 2)
        let recent = Array(replies.suffix(recentCount)), earlier = Array(replies.dropLast(recentCount))
        let before = RobustStatistics.median(earlier.map { Double($0.businessDays) })!
        let now = RobustStatistics.median(recent.map { Double($0.businessDays) })!
        guard now >= thresholds.latencyFactor * max(before, 1), now - before >= Double(thresholds.latencyIncrease)
        else { return [] }

        let readings = thread.readings
        let slow = recent.filter { Double($0.businessDays) >= before + Double(thresholds.latencyIncrease) }
        let start = slow.first ?? recent[0]
        guard let since = (start.reading.map { readings[$0].date } ?? readings[start.after].date) ?? nil else { return [] }
        let severity: Severity = now >= Self.criticalBusinessDays ? .critical : .warning
        let who = speaker(of: recent.compactMap(\.reading), in: thread)
        var reason = "\(Phrasing.possessive(who.name)) replies have slowed from about "
            + "\(Phrasing.count(Int(before.rounded()), "business day")) to \(Int(now.rounded())) since \(phrasing.day(since))"
        if let pending = recent.last, pending.pending, let asked = readings[pending.after].date {
            reason += "; our message of \(phrasing.day(asked)) is still unanswered"
        }
        reason += "."

        let picker = EvidencePicker(readings: readings, enabled: thread.quotesEvidence)
        let candidates = slow.flatMap { reply -> [EvidencePicker.Candidate] in
            if let index = reply.reading { return picker.opening(of: index) }
            return picker.candidates(in: thread.trailingOurs, strength: { $0.asks ? 1 : 0 }, terms: { $0.requestTerms })
        }
        let raised = flag(.responsivenessDrop, severity: severity, thread: thread, since: since, reason: reason,
                          evidence: picker.quotes(candidates))
        return [RaisedFlag(flag: raised, person: who.person, detail: nil, businessDays: Int(now.rounded()))]
    }
}
