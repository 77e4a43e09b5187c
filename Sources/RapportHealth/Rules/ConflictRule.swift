import Foundation
import RapportModel

/// `conflict`: open hostility in the thread, from either side.
///
/// A message is hostile when anger, blame, threat or distrust reach `thresholds.hostility`, or
/// when it complains (complaint ≥ 0.6) in a negative voice. A flag needs at least one hostile
/// counterparty message, and either two hostile messages in all (blame in both directions
/// counts) or one counterparty message at `thresholds.severeHostility`. A thread whose last
/// counterparty message, after their last hostile one, is warm has recovered and is not
/// flagged. Critical when the counterparty threatens (threat ≥ `severeHostility`) or four or
/// more messages are hostile; otherwise a warning.
struct ConflictRule: FlagRule {
    let identifier = "conflict"
    let summary = "Anger, blame, threats or distrust in the thread, not resolved by a warm close."

    /// Complaint intensity that is hostile when the message is negative.
    static let complaint = 0.6
    /// Hostile messages from which the conflict is critical.
    static let criticalCount = 4

    static let names: [(category: String, name: String)] = [
        ("conflict.anger", "anger"), ("conflict.blame", "blame"), ("conflict.threat", "threats"),
        ("conflict.distrust", "distrust"), ("conflict.complaint", "complaints"),
    ]

    func isHostile(_ reading: Reading, _ thresholds: HealthConfiguration.Thresholds) -> Bool {
        reading.hostility >= thresholds.hostility
            || (reading.complaint >= Self.complaint && reading.sentiment < 0)
    }

    func flags(in thread: ThreadContext, phrasing: Phrasing) -> [RaisedFlag] {
        let readings = thread.readings, thresholds = thread.thresholds
        let hostile = readings.indices.filter { !readings[$0].automated && isHostile(readings[$0], thresholds) }
        let theirHostile = hostile.filter { readings[$0].side == .them }
        guard let lastTheirHostile = theirHostile.last else { return [] }
        let severe = theirHostile.contains { readings[$0].hostility >= thresholds.severeHostility }
        guard hostile.count >= 2 || severe else { return [] }
        if let lastTheirs = thread.theirs.last, lastTheirs > lastTheirHostile,
            readings[lastTheirs].isWarm(hostileFrom: thresholds.hostility)
        {
            return []
        }
        guard let since = readings[hostile[0]].date ?? readings[lastTheirHostile].date else { return [] }

        let threatens = theirHostile.contains { readings[$0].category("conflict.threat") >= thresholds.severeHostility }
        let severity: Severity = threatens || hostile.count >= Self.criticalCount ? .critical : .warning
        let found = Self.names.filter { entry in
            hostile.contains { readings[$0].category(entry.category) >= thresholds.hostility }
        }.map(\.name)
        let sides = Set(hostile.map { readings[$0].side })
        let from = sides.count == 2 ? "from both sides" : "from \(thread.account.name)"
        let what = found.isEmpty ? "hostile words" : Phrasing.list(found)
        var reason = "Open conflict since \(phrasing.day(since)): \(what) in \(Phrasing.count(hostile.count, "message")) \(from)"
        if let latest = readings[hostile.last!].date, latest != since { reason += ", most recently on \(phrasing.day(latest))" }
        reason += "."

        let picker = EvidencePicker(readings: readings, enabled: thread.quotesEvidence)
        let quoted = Set(Reading.hostileCategories + ["conflict.complaint"])
        let candidates = hostile.flatMap { index in
            // Their words show the conflict best; ours count too, at half strength.
            let weight = readings[index].side == .them ? 1.0 : 0.5
            return picker.candidates(
                in: [index], strength: { weight * EvidencePicker.intensity($0) { quoted.contains($0) } },
                terms: { EvidencePicker.terms($0) { quoted.contains($0) } })
        }
        let who = speaker(of: theirHostile, in: thread)
        let raised = flag(.conflict, severity: severity, thread: thread, since: since, reason: reason,
                          evidence: picker.quotes(candidates))
        return [RaisedFlag(flag: raised, person: who.person ?? readings[lastTheirHostile].author, detail: nil,
                           businessDays: nil)]
    }
}
