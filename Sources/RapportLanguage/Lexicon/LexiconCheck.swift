/// Validates lexicon files loaded together (`rapport lexicon check`): the problems each file has
/// on its own, plus duplicates and conflicting weights across files, terms the tokenizer can
/// never produce (unreachable), and terms given several modifier roles.
public struct LexiconCheck: Sendable {
    public let tokenizer: Tokenizer

    public init(tokenizer: Tokenizer = .default) { self.tokenizer = tokenizer }

    /// Every problem, file by file in the given order, then by line.
    public func issues(_ files: [(lexicon: Lexicon, issues: [LexiconIssue])]) -> [LexiconIssue] {
        var found: [LexiconIssue] = []
        var firstSeen: [String: (file: String, line: Int, weight: Double, language: LanguageCode?)] = [:]
        for (lexicon, parseIssues) in files {
            var perFile = parseIssues
            var modifierRoles: [String: (line: Int, category: LexiconCategory)] = [:]
            var reachable: [String: String?] = [:]
            for entry in lexicon.entries {
                let key = entry.term + "\t" + entry.category.rawValue
                if let first = firstSeen[key], first.file != lexicon.file,
                    first.language == nil || lexicon.language == nil || first.language == lexicon.language
                {
                    let reason =
                        first.weight == entry.weight
                        ? "'\(entry.term)' \(entry.category) is already in \(first.file):\(first.line)"
                        : "conflicting weights for '\(entry.term)' \(entry.category): \(first.file):\(first.line) says \(LexiconParser.format(first.weight))"
                    perFile.append(LexiconIssue(file: lexicon.file, line: entry.line, reason: reason))
                } else if firstSeen[key] == nil {
                    firstSeen[key] = (lexicon.file, entry.line, entry.weight, lexicon.language)
                }
                if entry.category.isModifier {
                    if let other = modifierRoles[entry.term], other.category != entry.category {
                        perFile.append(
                            LexiconIssue(
                                file: lexicon.file, line: entry.line,
                                reason:
                                    "'\(entry.term)' is already \(other.category) (line \(other.line)); a term has one modifier role",
                                severity: .warning))
                    } else {
                        modifierRoles[entry.term] = (entry.line, entry.category)
                    }
                }
                let problem = reachable[entry.term] ?? unreachable(entry.pattern)
                reachable[entry.term] = problem
                if let problem {
                    perFile.append(
                        LexiconIssue(file: lexicon.file, line: entry.line, reason: problem, severity: .warning))
                }
            }
            found += perFile.sorted { ($0.line, $0.reason) < ($1.line, $1.reason) }
        }
        return found
    }

    /// Why a term can never match text, or nil: every word must come out of the tokenizer as one
    /// token with the same normalised form.
    func unreachable(_ pattern: TermPattern) -> String? {
        guard pattern.shape != .suffix else { return nil }
        for word in pattern.words {
            let tokens = tokenizer.tokens(word)
            guard tokens.count == 1 else {
                let parts = tokens.map { "'\($0.text)'" }.joined(separator: " ")
                return "unreachable: the tokenizer reads '\(word)' as \(tokens.count) tokens (\(parts))"
            }
            let token = tokens[0]
            guard token.kind == .word || token.kind == .emoticon || token.kind == .emoji else {
                return "unreachable: '\(word)' is read as \(token.kind.rawValue), which is never scored"
            }
        }
        return nil
    }
}
