import Foundation

/// The word lists the rules read beyond the scorer's lexicons: request cues (does a message ask
/// something?) and role cues (is a newcomer senior or legal, is a sender automated?).
struct HealthCues: Hashable, Sendable {
    /// The kinds in `role-cues.txt`.
    enum Role: String, CaseIterable, Comparable {
        case legal, executive, senior, automated

        /// Legal outranks executive outranks senior, for picking one role per newcomer.
        var rank: Int {
            switch self {
            case .legal: return 3
            case .executive: return 2
            case .senior: return 1
            case .automated: return 0
            }
        }
        static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
    }

    var requests: CueList
    var roles: CueList

    static let requestFile = "request-cues.txt"
    static let roleFile = "role-cues.txt"

    /// The shipped lists (`Lexicons/request-cues.txt`, `Lexicons/role-cues.txt`).
    static let `default` = HealthCues(
        requests: .shipped(requestFile, kinds: ["en", "is"]),
        roles: .shipped(roleFile, kinds: Set(Role.allCases.map(\.rawValue))))

    /// The request cues in a text, as written.
    func requestTerms(in text: String) -> [String] {
        requests.matches(in: text).map(\.text)
    }

    /// True when the text asks: a question mark, or a request cue.
    func asks(_ text: String) -> Bool {
        Self.hasQuestionMark(text) || !requests.matches(in: text).isEmpty
    }

    /// Whether a text asks, and the request cues in it, from one pass over its words.
    func request(in text: String) -> (asks: Bool, terms: [String]) {
        let terms = requestTerms(in: text)
        return (Self.hasQuestionMark(text) || !terms.isEmpty, terms)
    }

    /// `text.utf8.contains("?")` on the contiguous bytes (`memchr`), not through the UTF-8 view.
    static func hasQuestionMark(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(UInt8(ascii: "?")), bytes.count) != nil
        }
    }

    /// The role cues in a text, strongest first, with the words as written.
    func roles(in text: String) -> [(role: Role, text: String)] {
        roles.matches(in: text).compactMap { match in Role(rawValue: match.kind).map { ($0, match.text) } }
            .sorted { $0.role.rank != $1.role.rank ? $0.role.rank > $1.role.rank : $0.text < $1.text }
    }
}
