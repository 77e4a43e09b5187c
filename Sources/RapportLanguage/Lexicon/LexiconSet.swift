import Foundation
import RapportResources

/// The lexicons in force, in load order, compiled once per language. A later lexicon's entry for
/// the same term and category replaces an earlier one, so a user file can re-weight a shipped
/// term; files marked `any` apply to both languages.
public struct LexiconSet: Sendable {
    public let lexicons: [Lexicon]
    /// Problems met while loading (lines that were skipped).
    public let issues: [LexiconIssue]
    let english: CompiledMatcher
    let icelandic: CompiledMatcher

    public init(_ lexicons: [Lexicon], issues: [LexiconIssue] = [], tokenizer: Tokenizer = .default) {
        self.lexicons = lexicons
        self.issues = issues
        let categories = Array(Set(lexicons.flatMap { $0.entries.map(\.category) })).filter {
            $0 != .sentiment && !$0.isModifier
        }.sorted()
        // The two languages compile side by side (most of a run's start-up); the categories are
        // numbered first, in this order, so their numbers do not depend on which finishes first.
        for category in categories { _ = CategoryNumbers.number(for: category.rawValue) }
        let matchers = [LanguageCode.english, .icelandic].parallelMap(parallelism: LexiconSet.parallelism) { language in
            CompiledMatcher(
                entries: LexiconSet.merged(lexicons, for: language), categories: categories, tokenizer: tokenizer)
        }
        english = matchers[0]
        icelandic = matchers[1]
    }

    /// Threads for loading: two languages, and a handful of files.
    static var parallelism: Int { min(2, AvailableCores.count) }

    /// The lexicon set with more lexicons loaded after these (so theirs win).
    public func adding(_ more: [Lexicon], issues moreIssues: [LexiconIssue] = []) -> LexiconSet {
        LexiconSet(lexicons + more, issues: issues + moreIssues)
    }

    /// The matcher for a language; text of unknown language is read with the English lexicons.
    public func matcher(for language: LanguageCode) -> CompiledMatcher {
        language == .icelandic ? icelandic : english
    }

    /// Entries for one language in load order, later (term, category) pairs replacing earlier ones.
    static func merged(_ lexicons: [Lexicon], for language: LanguageCode) -> [(
        term: String, category: LexiconCategory, weight: Double
    )] {
        // Entries in first-seen order; a later one for the same (term, category) replaces the
        // earlier in its place.
        var merged: [(term: String, category: LexiconCategory, weight: Double)] = []
        var positions: [TermCategoryKey: Int] = [:]
        for lexicon in lexicons where lexicon.language == nil || lexicon.language == language {
            positions.reserveCapacity(positions.count + lexicon.entries.count)
            for entry in lexicon.entries {
                let key = TermCategoryKey(term: entry.term, category: entry.category)
                if let position = positions[key] {
                    merged[position] = (entry.term, entry.category, entry.weight)
                } else {
                    positions[key] = merged.count
                    merged.append((entry.term, entry.category, entry.weight))
                }
            }
        }
        return merged
    }

    // MARK: Shipped lexicons

    /// Every `*.tsv` file embedded from `Lexicons/`, read leniently: good lines are kept and the
    /// bad ones listed in `issues` (a test keeps that list empty).
    public static let `default`: LexiconSet = {
        let (lexicons, issues) = embedded()
        return LexiconSet(lexicons, issues: issues)
    }()

    /// The shipped lexicon files, parsed, with their problems.
    public static func embedded() -> (lexicons: [Lexicon], issues: [LexiconIssue]) {
        let files = embeddedFiles()
        return (files.map(\.lexicon), files.flatMap(\.issues))
    }

    /// Each shipped lexicon file with its own problems, in name order (`Lexicons/en/…`).
    public static func embeddedFiles() -> [(lexicon: Lexicon, issues: [LexiconIssue])] {
        DefaultResources.names.filter { $0.hasSuffix(".tsv") }.parallelMap(parallelism: parallelism) { name in
            DefaultResources.text(name).map { Lexicon.parse(text: $0, file: "Lexicons/" + name) }
        }.compactMap { $0 }
    }
}

// MARK: - Looking terms up

/// A term found in a text, for tools and tests that want to see what matched.
public struct LexiconMatch: Hashable, Sendable, Codable {
    /// The words as written in the text.
    public var text: String
    /// The lexicon term that matched (`disappoint*`).
    public var term: String
    public var shape: TermPattern.Shape
    /// Every category the term carries, with its weight, sorted by category.
    public var weights: [String: Double]
}

extension CompiledMatcher {
    /// The terms found in a text, longest match first, left to right.
    public func matches(in text: String, tokenizer: Tokenizer = .default) -> [LexiconMatch] {
        withUTF8(text) { bytes in
            var buffer = TokenBuffer()
            tokenizer.scan(bytes, into: &buffer)
            var slotArray: [WordSlot] = []
            let tokenArray = buffer.tokens
            let normalizedArray = buffer.normalized
            tokenArray.withUnsafeBufferPointer { tokens in
                normalizedArray.withUnsafeBufferPointer { lookUp(tokens, normalized: $0, into: &slotArray) }
            }
            var found: [LexiconMatch] = []
            tokenArray.withUnsafeBufferPointer { tokens in
                normalizedArray.withUnsafeBufferPointer { normalized in
                    slotArray.withUnsafeBufferPointer { slots in
                        var index = 0
                        while index < tokens.count {
                            guard
                                let match = match(
                                    tokens, slots: slots, at: index, end: tokens.count, normalized: normalized)
                            else {
                                index += 1
                                continue
                            }
                            let range = tokens[match.first].start..<tokens[match.end - 1].end
                            found.append(
                                LexiconMatch(
                                    text: String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self),
                                    term: terms[match.term].text, shape: terms[match.term].shape,
                                    weights: weights(of: match.term)
                                ))
                            index = match.end
                        }
                    }
                }
            }
            return found
        }
    }

    func weights(of term: Int) -> [String: Double] {
        let compiled = terms[term]
        var weights: [String: Double] = [:]
        if let sentiment = compiled.sentiment { weights["sentiment"] = sentiment }
        if let modifier = compiled.modifier { weights["modifier." + modifier.rawValue] = compiled.modifierWeight }
        for entry in compiled.categories { weights[categories[entry.category].rawValue] = entry.weight }
        return weights
    }
}
