import Foundation
import RapportModel

/// `negotiation-issue`: the counterparty pushes on price, discounts, competitors, contract terms
/// or deadlines, stalls, or threatens to walk away. One flag per sub-kind, from the
/// `negotiation.*` categories of the counterparty's messages (our own proposals do not count).
///
/// A counterparty message counts for a sub-kind when its category reaches
/// `thresholds.negotiation`. A flag needs two such messages; one at
/// `thresholds.strongNegotiation` is enough for the sub-kinds that are a risk on first mention
/// (a competitor, contract or service-level terms, walking away). Price, discount, stall and
/// deadline need two: a single question about a discount is not yet a negotiation. A
/// thread whose last counterparty message is warm and below the strong level for the sub-kind
/// has settled and is not flagged. Walk-away risk is critical; deadlines are info; the rest
/// are warnings.
struct NegotiationRule: FlagRule {
    let identifier = "negotiation-issue"
    let summary = "Price, discount, competitor, stall, contract, deadline or walk-away pressure from the counterparty."

    static let riskOnFirstMention: Set<HealthFlag.NegotiationKind> = [.competitor, .contract, .walkaway]

    func flags(in thread: ThreadContext, phrasing: Phrasing) -> [RaisedFlag] {
        HealthFlag.NegotiationKind.allCases.indices.compactMap { flag(for: $0, in: thread, phrasing: phrasing) }
    }

    /// The sub-kind at `index` of `HealthFlag.NegotiationKind.allCases`; each reading keeps its
    /// categories' intensities in that order (`Reading.negotiation(_:)`), rather than each rule
    /// looking them up by name at every thread of every month.
    func flag(for index: Int, in thread: ThreadContext, phrasing: Phrasing) -> RaisedFlag? {
        let kind = HealthFlag.NegotiationKind.allCases[index]
        let category = Reading.negotiationCategories[index]
        let readings = thread.readings, thresholds = thread.thresholds
        let theirs = thread.theirs
        let points = theirs.filter { readings[$0].negotiation(index) >= thresholds.negotiation }
        guard let first = points.first, let since = readings[first].date ?? readings[points.last!].date else { return nil }
        let strong = points.contains { readings[$0].negotiation(index) >= thresholds.strongNegotiation }
        guard points.count >= 2 || (strong && Self.riskOnFirstMention.contains(kind)) else { return nil }
        if let last = theirs.last, readings[last].isWarm(hostileFrom: thresholds.hostility),
            readings[last].negotiation(index) < thresholds.strongNegotiation
        {
            return nil
        }

        let severity: Severity = kind == .walkaway ? .critical : kind == .deadline ? .info : .warning
        let who = speaker(of: points, in: thread)
        let when = points.count == 1
            ? "on \(phrasing.day(since))"
            : "in \(Phrasing.count(points.count, "message")) since \(phrasing.day(since))"
        let reason = "\(who.name) \(Self.verb(kind)) \(when)."
        let picker = EvidencePicker(readings: readings, enabled: thread.quotesEvidence)
        let candidates = picker.candidates(
            in: points,
            strength: { $0.categories[category] ?? 0 },
            terms: { EvidencePicker.terms($0) { $0 == category } })
        let raised = flag(.negotiationIssue, kind, severity: severity, thread: thread, since: since, reason: reason,
                          evidence: picker.quotes(candidates))
        return RaisedFlag(flag: raised, person: who.person ?? readings[first].author, detail: Self.topic(kind),
                          businessDays: nil)
    }

    static func verb(_ kind: HealthFlag.NegotiationKind) -> String {
        switch kind {
        case .price: return "pushed back on price"
        case .discount: return "asked for discounts or concessions"
        case .competitor: return "brought up a competing offer"
        case .stall: return "postponed or stalled the decision"
        case .contract: return "disputed contract or service-level terms"
        case .deadline: return "set deadlines"
        case .walkaway: return "threatened to walk away or not renew"
        }
    }

    /// What the negotiation is about, for next steps.
    static func topic(_ kind: HealthFlag.NegotiationKind) -> String {
        switch kind {
        case .price: return "pricing"
        case .discount: return "discount request"
        case .competitor: return "competing offer"
        case .stall: return "decision"
        case .contract: return "contract terms"
        case .deadline: return "deadlines"
        case .walkaway: return "renewal"
        }
    }
}
