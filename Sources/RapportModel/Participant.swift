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
        guard let at = address.lastIndex(of: "@") else { return "" }
        return String(address[address.index(after: at)...]).lowercased()
    }

    /// The name when there is one, else the address: for summaries.
    public var displayName: String { name ?? address }
}
