import Foundation
import RapportModel

/// Account-level `disengagement`: the counterparty has gone quiet for far longer than usual
/// while we keep asking.
///
/// Their usual rhythm is the median gap, in business days, between consecutive counterparty
/// messages of the account (at least `minimumMessages` of them, so there is a rhythm to break).
/// A flag needs a message of ours that asks something after their last one, and a silence since
/// their last message longer than three times the rhythm and than twice
/// `thresholds.unansweredBusinessDays`. A warning; raised only when no thread of the account
/// already has a `disengagement` flag.
struct AccountSilenceRule: Sendable {
    static let minimumMessages = 4
    static let rhythmFactor = 3.0
    static let waitFactor = 2

    func flag(account: Account, readings: [Reading], asOf: Date, configuration: HealthConfiguration,
              phrasing: Phrasing) -> RaisedFlag? {
        let calendar = configuration.businessDays
        let dated = readings.filter { $0.date != nil && !$0.automated }
        let theirs = dated.filter { $0.side == .them }
        guard theirs.count >= Self.minimumMessages, let last = theirs.last?.date else { return nil }
        var gaps: [Double] = []
        for (previous, next) in zip(theirs, theirs.dropFirst()) {
            gaps.append(Double(calendar.businessDays(from: previous.date!, to: next.date!)))
        }
        let rhythm = RobustStatistics.median(gaps) ?? 0
        let silence = calendar.businessDays(from: last, to: asOf)
        let since = dated.indices.filter { dated[$0].side == .us && !dated[$0].isNote && dated[$0].date! > last }
        guard since.contains(where: { dated[$0].asks }),
            Double(silence) > Self.rhythmFactor * rhythm,
            silence > Self.waitFactor * configuration.thresholds.unansweredBusinessDays
        else { return nil }

        let reason = "\(account.name) has been silent for \(Phrasing.count(silence, "business day")) since "
            + "\(phrasing.day(last)), against a usual gap of about \(Phrasing.count(Int(rhythm.rounded()), "business day")), "
            + "while we have written \(Phrasing.count(since.count, "time"))."
        let picker = EvidencePicker(readings: dated)
        let candidates = picker.candidates(
            in: since, strength: { $0.asks ? ($0.text.utf8.contains(UInt8(ascii: "?")) ? 2 : 1) : 0 }, terms: { $0.requestTerms })
        let flag = HealthFlag(
            kind: .disengagement, severity: .warning, thread: nil, account: account.key, since: last, reason: reason,
            evidence: picker.quotes(candidates))
        return RaisedFlag(flag: flag, person: theirs.last?.author, detail: nil, businessDays: silence)
    }
}
