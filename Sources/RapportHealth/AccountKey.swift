import RapportModel

/// Groups counterparties into accounts. By default an account is a domain; free-mail domains
/// (where strangers share a domain) group by address instead.
public struct AccountGrouping: Sendable {
    /// Free-mail and consumer ISP domains whose users are unrelated to each other.
    public static let defaultFreeMailDomains: Set<String> = [
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "ymail.com", "hotmail.com",
        "hotmail.co.uk", "outlook.com", "live.com", "msn.com", "aol.com", "icloud.com", "me.com",
        "mac.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "gmx.net", "web.de",
        "mail.com", "yandex.ru", "yandex.com", "mail.ru", "zoho.com", "fastmail.com", "hey.com",
        "simnet.is", "internet.is", "visir.is", "talnet.is",
    ]

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
