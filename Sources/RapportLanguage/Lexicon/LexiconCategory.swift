/// What a lexicon entry signals: sentiment, a conflict, negotiation, relationship or politeness
/// category, or a modifier that changes the entries around it. `Lexicons/README.md` lists them.
public struct LexiconCategory: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts the documented categories and user categories named `custom.NAME` (`NAME` in
    /// lower-case letters, digits, `_` and `-`), which importers use for emotions Rapport has no
    /// category for.
    public init?(rawValue: String) {
        guard LexiconCategory.knownNames.contains(rawValue) || LexiconCategory.isCustom(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    private init(known: String) { rawValue = known }

    public var description: String { rawValue }
    public static func < (lhs: LexiconCategory, rhs: LexiconCategory) -> Bool { lhs.rawValue < rhs.rawValue }

    public enum Family: String, Sendable, CaseIterable {
        case sentiment, conflict, negotiation, relationship, politeness, modifier, custom
    }

    public var family: Family {
        let prefix = rawValue.split(separator: ".", maxSplits: 1).first.map(String.init) ?? rawValue
        return Family(rawValue: prefix) ?? .custom
    }

    public var isModifier: Bool { family == .modifier }

    /// Weights a file may give entries of this category.
    public var weightRange: ClosedRange<Double> {
        switch rawValue {
        case "sentiment": return -4...4
        case "modifier.negator": return -1...0
        case "modifier.booster": return 0...2
        case "modifier.dampener": return -2...0
        case "modifier.contrast": return 0...2
        case "modifier.conditional": return 0...1
        case "modifier.clause": return 0...0
        default: return 0...4
        }
    }

    public static let sentiment = LexiconCategory(known: "sentiment")
    public static let negator = LexiconCategory(known: "modifier.negator")
    public static let booster = LexiconCategory(known: "modifier.booster")
    public static let dampener = LexiconCategory(known: "modifier.dampener")
    public static let contrast = LexiconCategory(known: "modifier.contrast")
    public static let conditional = LexiconCategory(known: "modifier.conditional")
    /// A word that opens a new clause (`and`, `because`, `og`) and so ends a negation's scope.
    public static let clause = LexiconCategory(known: "modifier.clause")

    /// Every documented category, in the order of `Lexicons/README.md`.
    public static let known: [LexiconCategory] = knownNames.map(LexiconCategory.init(known:))

    static let knownNames: [String] = [
        "sentiment",
        "conflict.anger", "conflict.blame", "conflict.threat", "conflict.escalation", "conflict.complaint",
        "conflict.urgency", "conflict.distrust",
        "negotiation.price", "negotiation.discount", "negotiation.competitor", "negotiation.stall",
        "negotiation.contract", "negotiation.deadline", "negotiation.walkaway",
        "relationship.appreciation", "relationship.commitment", "relationship.partnership",
        "politeness.greeting", "politeness.thanks", "politeness.please", "politeness.apology", "politeness.hedge",
        "politeness.signoff",
        "modifier.negator", "modifier.booster", "modifier.dampener", "modifier.contrast", "modifier.conditional",
        "modifier.clause",
    ]

    static func isCustom(_ name: String) -> Bool {
        guard name.hasPrefix("custom."), name.count > 7 else { return false }
        return name.dropFirst(7).utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }
}
