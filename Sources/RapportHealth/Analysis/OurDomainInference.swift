import Foundation
import RapportModel

/// Guesses our organisation's domain when nobody said: in a mailbox exported by one of us, our
/// domain is the one that both sends and receives across the most messages. Free-mail domains
/// are never "us", since their users are strangers to each other.
struct OurDomainInference: Sendable {
    let grouping: AccountGrouping

    /// The inferred domain, or nil when no domain both sends and receives.
    func infer(from documents: [Document]) -> String? {
        var sent: [String: Int] = [:], received: [String: Int] = [:], present: [String: Int] = [:]
        for document in documents where document.kind == .email {
            let senders = Set(document.from.map(\.domain).filter(eligible))
            let recipients = Set((document.to + document.cc).map(\.domain).filter(eligible))
            for domain in senders { sent[domain, default: 0] += 1 }
            for domain in recipients { received[domain, default: 0] += 1 }
            for domain in senders.union(recipients) { present[domain, default: 0] += 1 }
        }
        let candidates = present.keys.filter { sent[$0, default: 0] > 0 && received[$0, default: 0] > 0 }
        return candidates.min { lhs, rhs in
            let left = (present[lhs]!, min(sent[lhs]!, received[lhs]!))
            let right = (present[rhs]!, min(sent[rhs]!, received[rhs]!))
            return left != right ? left > right : lhs < rhs
        }
    }

    private func eligible(_ domain: String) -> Bool {
        !domain.isEmpty && !grouping.freeMailDomains.contains(domain)
    }
}
