import Foundation
import RapportModel

/// A flag with what the next-step writer needs to know about it.
struct RaisedFlag: Hashable, Sendable {
    var flag: HealthFlag
    /// The person the flag is mainly about: who asked, who turned cold, who was brought in.
    var person: Participant?
    /// A short noun phrase for next steps: "pricing question", "Chief Executive".
    var detail: String?
    /// A count of business days the flag speaks of (waiting, silence), when it has one.
    var businessDays: Int?
}

/// One way a thread can go wrong. Each rule looks at a whole thread and raises zero or more
/// flags of its kind; rules do not see each other's results.
protocol FlagRule: Sendable {
    /// A stable identifier, as in the documentation (`deteriorating-tone`).
    var identifier: String { get }
    /// One line saying what the rule looks for.
    var summary: String { get }
    func flags(in thread: ThreadContext, phrasing: Phrasing) -> [RaisedFlag]
}

extension FlagRule {
    func flag(_ kind: HealthFlag.Kind, _ negotiation: HealthFlag.NegotiationKind? = nil, severity: Severity,
              thread: ThreadContext, since: Date, reason: String, evidence: [EvidenceQuote]) -> HealthFlag {
        HealthFlag(kind: kind, negotiation: negotiation, severity: severity, thread: thread.id,
                   account: thread.account.key, since: since, reason: reason, evidence: evidence)
    }

    /// The one person behind the given readings, else the account's name: "Megan Ortiz's tone"
    /// when she wrote them all, "Hafbrún hf.'s tone" when several people did.
    func speaker(of indices: [Int], in thread: ThreadContext) -> (name: String, person: Participant?) {
        let authors = indices.compactMap { thread.readings[$0].author }
        let addresses = Set(authors.map { $0.address.lowercasedFast() })
        if addresses.count == 1, let author = authors.first {
            return (thread.directory.displayName(author), author)
        }
        return (thread.account.name, nil)
    }
}

/// The rules of a thread, in the order their flags are listed when severities tie.
enum ThreadRules {
    static let all: [any FlagRule] = [
        UnansweredRule(), EscalationRule(), ConflictRule(), NegotiationRule(), DeterioratingToneRule(),
        DisengagementRule(), ResponsivenessDropRule(),
    ]
}
