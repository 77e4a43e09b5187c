import Foundation
import RapportModel

/// `deteriorating-tone`: the counterparty's tone fell and stayed down.
///
/// The counterparty's messages form a tone series. The change point (the split with the largest
/// drop in mean, each segment at least one message) separates an
/// earlier level from the later one; the earlier level is the median of the earlier segment,
/// weighted so older messages count less (half-life `windows.halfLifeDays`, counted back from
/// the last message). A flag needs all of:
/// - at least `thresholds.minimumToneMessages` counterparty messages;
/// - the mean of the last `windows.recentMessages` messages at least `thresholds.toneDrop`
///   below the earlier level, and below `thresholds.coolTone`;
/// - a falling Theil–Sen slope over the whole series;
/// - no recovery: a thread whose last counterparty message is warm (thankful, positive, not
///   hostile) is not deteriorating, whatever came before.
/// Critical when the recent tone is hostile (mean ≤ −0.5) or a recent message is severely
/// hostile; otherwise a warning.
struct DeterioratingToneRule: FlagRule {
    let identifier = "deteriorating-tone"
    let summary = "The counterparty's tone fell from its earlier level and has not recovered."

    /// The recent tone from which the flag is critical.
    static let hostileTone = -0.5

    func flags(in thread: ThreadContext, phrasing: Phrasing) -> [RaisedFlag] {
        let points = thread.theirs.filter { thread.readings[$0].date != nil }
        guard points.count >= thread.thresholds.minimumToneMessages, let last = points.last else { return [] }
        let readings = thread.readings
        if readings[last].isWarm(hostileFrom: thread.thresholds.hostility) { return [] }

        let tones = points.map { readings[$0].tone }
        guard let change = RobustStatistics.changePoint(tones, minimumSegment: 1, direction: .drop)
        else { return [] }
        let lastDate = readings[last].date!
        let earlier = Array(points[..<change.index])
        let weights = earlier.map {
            RobustStatistics.decay(ageDays: lastDate.timeIntervalSince(readings[$0].date!) / 86_400,
                                   halfLifeDays: thread.configuration.windows.halfLifeDays)
        }
        guard let baseline = RobustStatistics.weightedMedian(earlier.map { readings[$0].tone }, weights: weights)
        else { return [] }
        let recentCount = min(thread.configuration.windows.recentMessages, tones.count - 1)
        let recent = Array(points.suffix(recentCount))
        let recentMean = RobustStatistics.mean(recent.map { readings[$0].tone })!
        guard baseline - recentMean >= thread.thresholds.toneDrop, recentMean <= thread.thresholds.coolTone else {
            return []
        }
        let firstDate = readings[points[0]].date!
        let days = points.map { readings[$0].date!.timeIntervalSince(firstDate) / 86_400 }
        guard RobustStatistics.theilSenSlopeFalls(x: days, y: tones) == true else { return [] }

        let later = Array(points[change.index...])
        let since = readings[later[0]].date!
        let severe = recent.contains { readings[$0].hostility >= thread.thresholds.severeHostility }
        let severity: Severity = recentMean <= Self.hostileTone || severe ? .critical : .warning
        let who = speaker(of: later, in: thread)
        let reason = reasonText(who: who.name, from: baseline, to: recentMean, since: since, recent: recent,
                                earlier: earlier, thread: thread, phrasing: phrasing)
        let picker = EvidencePicker(readings: readings, enabled: thread.quotesEvidence)
        var candidates = picker.candidates(
            in: later,
            strength: { sentence in
                max(0, -sentence.sentiment) + EvidencePicker.intensity(sentence) { $0.hasPrefix("conflict.") }
            },
            terms: { sentence in
                sentence.evidence.filter { ($0.category == "sentiment" && $0.finalWeight < 0) || $0.category.hasPrefix("conflict.") }
                    .reduce(into: [String]()) { terms, evidence in
                        if !terms.contains(evidence.term) { terms.append(evidence.term) }
                    }
            })
        if candidates.isEmpty { candidates = later.suffix(EvidencePicker.maximumQuotes).flatMap(picker.opening) }
        let raised = flag(.deterioratingTone, severity: severity, thread: thread, since: since, reason: reason,
                          evidence: picker.quotes(candidates))
        return [RaisedFlag(flag: raised, person: who.person, detail: nil, businessDays: nil)]
    }

    func reasonText(who: String, from baseline: Double, to recentMean: Double, since: Date, recent: [Int],
                    earlier: [Int], thread: ThreadContext, phrasing: Phrasing) -> String {
        let readings = thread.readings
        var details = ["the last \(Phrasing.count(recent.count, "message")) average \(Phrasing.number(recentMean))"]
        let courteousBefore = earlier.filter { readings[$0].hasCourtesy }.count * 2 >= earlier.count && !earlier.isEmpty
        if courteousBefore && !recent.contains(where: { readings[$0].hasCourtesy }) {
            details.append("greetings and thanks have stopped")
        }
        let wordsBefore = RobustStatistics.median(earlier.map { Double(readings[$0].words) }) ?? 0
        let wordsNow = RobustStatistics.median(recent.map { Double(readings[$0].words) }) ?? 0
        if wordsBefore > 0 && wordsNow <= wordsBefore / 2 { details.append("replies have grown short") }
        let from = Tone.label(baseline), to = Tone.label(recentMean)
        let change = from == to ? "fell further into \(to)" : "turned from \(from) to \(to)"
        return "\(Phrasing.possessive(who)) tone \(change) since \(phrasing.day(since)); "
            + Phrasing.list(details) + "."
    }
}
