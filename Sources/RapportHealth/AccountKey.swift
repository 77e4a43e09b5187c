import RapportModel

/// Groups counterparties into accounts. By default an account is a domain; free-mail domains
/// (where strangers share a domain) group by address instead.
public struct AccountGrouping: Sendable {
    /// Free-mail and consumer ISP domains whose users are unrelated to each other.
    public static let defaultFreeMailDomains = FreeMailDomains.standard

    public var freeMailDomains: Set<String>

    public init(freeMailDomains: Set<String> = AccountGrouping.defaultFreeMailDomains) {
        self.freeMailDomains = freeMailDomains
    }

    /// The key that groups this participant with others of the same account: the domain, or the
    /// lower-cased address for free-mail users and addresses without a domain.
    public func key(for participant: Participant) -> String {
        let domain = participant.domain
        if domain.isEmpty || freeMailDomains.contains(domain) { return participant.address.lowercasedFast() }
        return domain
    }
}
