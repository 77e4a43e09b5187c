import Foundation
import RapportModel

/// `unanswered`: a counterparty question or request waiting on us.
///
/// A counterparty mail asks when a sentence ends in a question mark or holds a request cue
/// (`Lexicons/request-cues.txt`); automated senders never ask. It is answered by any later
/// message of ours in the thread, a later meeting note, or a later mail of ours to the asker
/// anywhere in the account. An unanswered ask older than `thresholds.unansweredBusinessDays`
/// business days at `asOf` raises the flag, unless their last message closes the matter warmly
/// without asking again. Critical from three times that age or when they had to ask again;
/// otherwise a warning.
struct UnansweredRule: FlagRule {
    let identifier = "unanswered"
    let summary = "A counterparty question or request has waited on us too long."

    func flags(in thread: ThreadContext, phrasing: Phrasing) -> [RaisedFlag] {
        let readings = thread.readings
        let asks = thread.exchange.filter { readings[$0].side == .them && readings[$0].asks }
        let open = asks.filter { index in
            !thread.weAnswered(after: readings[index].date!, address: readings[index].author?.address)
        }
        guard let first = open.first, let since = readings[first].date else { return [] }
        if let last = thread.exchange.last, last > open.last!, readings[last].side == .them, !readings[last].asks,
            readings[last].isWarm(hostileFrom: thread.thresholds.hostility)
        {
            return []
        }
        let waited = thread.age(of: first)
        let limit = thread.thresholds.unansweredBusinessDays
        guard waited > limit else { return [] }

        let severity: Severity = waited >= 3 * limit || open.count >= 2 ? .critical : .warning
        let asker = readings[first].author
        let topic = Self.topic(of: readings[first])
        var reason = "\(phrasing.possessive(asker)) \(topic) of \(phrasing.day(since)) has waited "
            + "\(Phrasing.count(waited, "business day")) for our reply"
        if open.count >= 2, let again = readings[open.last!].date {
            reason += open.count == 2 ? ", and they asked again on \(phrasing.day(again))"
                : "; they have asked \(open.count - 1) more times since, last on \(phrasing.day(again))"
        }
        reason += "."
        let picker = EvidencePicker(readings: readings, enabled: thread.quotesEvidence)
        let candidates = picker.candidates(
            in: open,
            strength: { sentence in sentence.asks ? (sentence.text.utf8.contains(UInt8(ascii: "?")) ? 2 : 1) : 0 },
            terms: { $0.requestTerms })
        let raised = flag(.unanswered, severity: severity, thread: thread, since: since, reason: reason,
                          evidence: picker.quotes(candidates))
        return [RaisedFlag(flag: raised, person: asker, detail: topic, businessDays: waited)]
    }

    /// "pricing question", "contract request", "question": what the ask is about.
    static func topic(of reading: Reading) -> String {
        let asking = reading.sentences.filter(\.asks)
        let question = asking.isEmpty ? reading.document.text.utf8.contains(UInt8(ascii: "?")) : asking.contains { $0.text.utf8.contains(UInt8(ascii: "?")) }
        let noun = question ? "question" : "request"
        let about: [(String, String)] = [
            ("negotiation.price", "pricing"), ("negotiation.discount", "pricing"), ("negotiation.contract", "contract"),
            ("negotiation.deadline", "deadline"),
        ]
        let scope = asking.isEmpty ? [reading.categories] : asking.map(\.categories)
        for (category, word) in about where scope.contains(where: { ($0[category] ?? 0) > 0 }) {
            return "\(word) \(noun)"
        }
        return noun
    }
}
