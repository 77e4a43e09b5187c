import Foundation
import RapportModel

/// Writes one suggested next step for a flagged thread, from rules: the most severe flag
/// decides, and among equally severe ones the most actionable (a question waiting on us before
/// a legal escalation before a walk-away threat, and so on down `priority`).
struct NextStepWriter: Sendable {
    static let priority: [String] = [
        "unanswered", "escalation:legal", "negotiation-issue:walkaway", "escalation", "conflict", "disengagement",
        "deteriorating-tone", "responsiveness-drop", "negotiation-issue:competitor", "negotiation-issue:price",
        "negotiation-issue:discount", "negotiation-issue:contract", "negotiation-issue:stall",
        "negotiation-issue:deadline",
    ]

    let phrasing: Phrasing
    let account: Account
    let cues: HealthCues

    func nextStep(for flags: [RaisedFlag]) -> String? {
        let chosen = flags.min { lhs, rhs in
            if lhs.flag.severity != rhs.flag.severity { return lhs.flag.severity > rhs.flag.severity }
            return rank(lhs) < rank(rhs)
        }
        return chosen.map { step(for: $0, all: flags) }
    }

    private func key(_ raised: RaisedFlag) -> String {
        if raised.flag.kind == .escalation, let detail = raised.detail,
            cues.roles(in: detail).contains(where: { $0.role == .legal })
        {
            return "escalation:legal"
        }
        return raised.flag.label
    }

    private func rank(_ raised: RaisedFlag) -> Int {
        Self.priority.firstIndex(of: key(raised)) ?? Self.priority.count
    }

    private func step(for raised: RaisedFlag, all: [RaisedFlag]) -> String {
        let flag = raised.flag
        let name = raised.person.map(phrasing.directory.displayName) ?? account.name
        let since = phrasing.day(flag.since)
        switch key(raised) {
        case "unanswered":
            let days = raised.businessDays.map { " — unanswered \(Phrasing.count($0, "business day"))" } ?? ""
            return "Reply to \(Phrasing.possessive(name)) \(raised.detail ?? "question") of \(since)\(days)."
        case "escalation:legal":
            return "Bring in our own legal counsel and answer \(name) (\(raised.detail ?? "legal")) formally, in writing."
        case "negotiation-issue:walkaway":
            let threat = "they threatened to walk away on \(since)"
            if let escalation = all.first(where: { $0.flag.kind == .escalation }), let person = escalation.person,
                let role = escalation.detail
            {
                return "Call \(Phrasing.possessive(account.name)) \(role), \(phrasing.directory.displayName(person)), "
                    + "before the renewal date: \(threat)."
            }
            return "Call \(name) at \(account.name) before the renewal date: \(threat)."
        case "escalation":
            let role = raised.detail.map { " (\($0))" } ?? ""
            return "Write to \(name)\(role) directly with a plan and a date: they were brought in on \(since)."
        case "conflict":
            return "Arrange a call with \(name) to settle the dispute that began on \(since), before writing more."
        case "disengagement":
            return "Try another contact or channel at \(account.name): our messages since \(since) are unanswered."
        case "deteriorating-tone":
            return "Check in with \(name) personally: the tone has cooled since \(since)."
        case "responsiveness-drop":
            return "Ask \(name) whether priorities have changed: replies have slowed since \(since)."
        case "negotiation-issue:competitor":
            return "Prepare a value case against the competing offer \(name) raised on \(since), before the decision."
        case "negotiation-issue:price":
            return "Prepare a value case and one clear offer for \(name), who pushed back on price on \(since)."
        case "negotiation-issue:discount":
            return "Decide how far we can go on the concessions \(name) asked for on \(since), and reply with one offer."
        case "negotiation-issue:contract":
            return "Review the contract terms \(name) disputes with our own counsel before the next reply."
        case "negotiation-issue:stall":
            return "Agree a decision date with \(name): the decision has been postponed since \(since)."
        default:
            return "Confirm the deadlines \(name) has set and who owns each."
        }
    }
}
