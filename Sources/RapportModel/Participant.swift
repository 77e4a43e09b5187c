/// A person (or role address) taking part in a conversation.
public struct Participant: Hashable, Sendable, Codable {
    /// The display name as written, decoded; nil when the address stood alone.
    public var name: String?
    /// The address with its domain lower-cased (the local part keeps its case).
    public var address: String
    /// The organisation, where a meeting note names it.
    public var organisation: String?
    /// The role (e.g. "CFO", "account manager"), where a meeting note names it.
    public var role: String?

    public init(name: String? = nil, address: String, organisation: String? = nil, role: String? = nil) {
        self.name = name
        self.address = address
        self.organisation = organisation
        self.role = role
    }

    /// The lower-cased domain after the last `@`, or an empty string for a bare local name.
    public var domain: String {
        // An ASCII address (nearly all) is searched byte by byte and lower-cased only when it
        // holds a capital: health rules ask for domains many times per message, and the search by
        // `Character` with an unconditional `lowercased()` was a noticeable part of assessing.
        let utf8 = address.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            guard let at = utf8.lastIndex(of: UInt8(ascii: "@")) else { return "" }
            let domain = address[utf8.index(after: at)...]
            return domain.utf8.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
                ? String(domain).lowercased() : String(domain)
        }
        guard let at = address.lastIndex(of: "@") else { return "" }
        return String(address[address.index(after: at)...]).lowercased()
    }

    /// The name when there is one, else the address: for summaries.
    public var displayName: String { name ?? address }
}
