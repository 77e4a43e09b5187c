/// Scores text against lexicons with explainable rules: every number in the result can be traced
/// to the words that matched and the rules that changed them.
public struct Scorer: Sendable {
    /// How much of the result to build. `summary` skips sentences and evidence, for bulk scoring.
    public enum Detail: Sendable { case full, summary }

    public let lexicons: LexiconSet
    public let rules: [any ScoringRule]
    public let tokenizer: Tokenizer
    public let identifier: LanguageIdentifier

    public init(lexicons: LexiconSet, rules: [any ScoringRule] = .default, tokenizer: Tokenizer = .default,
                identifier: LanguageIdentifier = .default) {
        precondition(rules.count <= 64, "evidence records at most 64 rules")
        self.lexicons = lexicons
        self.rules = rules
        self.tokenizer = tokenizer
        self.identifier = identifier
    }

    /// The scorer over the shipped lexicons, built once.
    public static let `default` = Scorer(lexicons: .default)

    /// Scores a text; the language is identified when not given.
    public func score(_ text: String, language: LanguageCode? = nil) -> DocumentScore {
        score(text, language: language, detail: .full)
    }

    public func score(_ text: String, language: LanguageCode?, detail: Detail) -> DocumentScore {
        withUTF8(text) { bytes in
            var buffer = TokenBuffer()
            tokenizer.scan(bytes, into: &buffer)
            return score(bytes: bytes, buffer: buffer, language: language, detail: detail)
        }
    }

    func score(bytes: UnsafeBufferPointer<UInt8>, buffer: TokenBuffer, language: LanguageCode?,
               detail: Detail) -> DocumentScore {
        let tokens = buffer.tokens
        let detected = language ?? identifier.identify(buffer, tokens: 0..<tokens.count)
        let matcher = lexicons.matcher(for: detected)
        guard !tokens.isEmpty else { return DocumentScore(language: detected) }

        var anyCaps = false, anyLower = false
        for token in tokens where token.kind == .word && token.flags.contains(.hasLetters) {
            if token.flags.contains(.allCaps) { anyCaps = true } else { anyLower = true }
        }
        let spans = SentenceSplitter.split(tokens, bytes: bytes)
        var analyses: [SentenceAnalysis] = []
        analyses.reserveCapacity(spans.count)
        for span in spans {
            var analysis = analyze(span, tokens: tokens, buffer: buffer, bytes: bytes, matcher: matcher,
                                   mixedCaps: anyCaps && anyLower)
            for (number, rule) in rules.enumerated() {
                analysis.currentRule = 1 << UInt64(number)
                rule.apply(to: &analysis)
            }
            analyses.append(analysis)
        }
        return summarize(analyses, language: detected, matcher: matcher, bytes: bytes, detail: detail)
    }

    // MARK: Matching

    func analyze(_ span: Range<Int>, tokens: [RawToken], buffer: TokenBuffer, bytes: UnsafeBufferPointer<UInt8>,
                 matcher: CompiledMatcher, mixedCaps: Bool) -> SentenceAnalysis {
        var analysis = SentenceAnalysis(tokens: tokens, normalized: buffer.normalized, bytes: bytes, range: span,
                                        matcher: matcher, mixedCaps: mixedCaps)
        tokens.withUnsafeBufferPointer { tokenPointer in
            buffer.normalized.withUnsafeBufferPointer { normalized in
                var index = span.lowerBound
                while index < span.upperBound {
                    let token = tokenPointer[index]
                    if token.kind == .punctuation {
                        for position in token.start..<token.end {
                            if bytes[position] == UInt8(ascii: "!") { analysis.exclamations += 1 }
                            if bytes[position] == UInt8(ascii: "?") { analysis.questions += 1 }
                        }
                    }
                    guard let match = matcher.match(tokenPointer, at: index, end: span.upperBound, normalized: normalized) else {
                        index += 1
                        continue
                    }
                    add(match, to: &analysis, matcher: matcher, categories: true)
                    let term = matcher.terms[match.term]
                    if match.end - match.first > 1 && term.sentiment == nil && term.modifier == nil {
                        // A category-only phrase ("if this is not fixed" as a threat) names a topic;
                        // the sentiment and modifiers inside it still count.
                        var inner = match.first
                        while inner < match.end {
                            let limit = inner == match.first ? match.end - 1 : match.end
                            guard let part = matcher.match(tokenPointer, at: inner, end: limit, normalized: normalized) else {
                                inner += 1
                                continue
                            }
                            add(part, to: &analysis, matcher: matcher, categories: false)
                            inner = part.end
                        }
                    }
                    index = match.end
                }
            }
        }
        markClauses(&analysis)
        dropModifierSentiment(&analysis)
        return analysis
    }

    func add(_ match: TermMatch, to analysis: inout SentenceAnalysis, matcher: CompiledMatcher, categories: Bool) {
        let term = matcher.terms[match.term]
        var allCaps = true
        for index in match.first..<match.end where !analysis.tokens[index].flags.contains(.allCaps) { allCaps = false }
        if let kind = term.modifier {
            analysis.modifiers.append(.init(first: match.first, end: match.end, term: match.term, kind: kind,
                                            weight: term.modifierWeight, allCaps: allCaps,
                                            elongated: match.elongated || analysis.tokens[match.first].flags.contains(.elongated)))
        }
        if let sentiment = term.sentiment {
            analysis.items.append(.init(first: match.first, end: match.end, term: match.term,
                                        category: SentenceAnalysis.sentimentCategory, base: sentiment, value: sentiment,
                                        allCaps: allCaps, elongated: match.elongated))
        }
        for entry in term.categories where categories {
            analysis.items.append(.init(first: match.first, end: match.end, term: match.term, category: entry.category,
                                        base: entry.weight, value: entry.weight, allCaps: allCaps, elongated: match.elongated))
        }
    }

    /// Numbers clauses and segments: punctuation breaks both; contrast words start a new clause
    /// and segment; conditional and clause-opening words start a new clause only.
    func markClauses(_ analysis: inout SentenceAnalysis) {
        let range = analysis.range
        var clause = [Int32](repeating: 0, count: range.count)
        var segment = [Int32](repeating: 0, count: range.count)
        var startsClause = [Bool](repeating: false, count: range.count)
        var startsSegment = [Bool](repeating: false, count: range.count)
        for modifier in analysis.modifiers {
            switch modifier.kind {
            case .contrast:
                startsClause[modifier.first - range.lowerBound] = true
                startsSegment[modifier.first - range.lowerBound] = true
            case .conditional, .clause:
                startsClause[modifier.first - range.lowerBound] = true
            default:
                break
            }
        }
        var clauseNumber: Int32 = 0, segmentNumber: Int32 = 0
        for index in range {
            let offset = index - range.lowerBound
            if analysis.isClauseBreak(analysis.tokens[index]) {
                clauseNumber += 1
                segmentNumber += 1
            } else {
                if startsClause[offset] { clauseNumber += 1 }
                if startsSegment[offset] { segmentNumber += 1 }
            }
            clause[offset] = clauseNumber
            segment[offset] = segmentNumber
        }
        analysis.clause = clause
        analysis.segment = segment
    }

    /// A modifier that is also a sentiment word (`super`, `no`) counts as sentiment only when it
    /// has nothing to modify later in its clause: "super helpful" boosts, "Super!" is praise.
    func dropModifierSentiment(_ analysis: inout SentenceAnalysis) {
        guard !analysis.modifiers.isEmpty else { return }
        var drop: [Int] = []
        for (index, item) in analysis.items.enumerated() where item.isSentiment {
            guard analysis.modifiers.contains(where: { $0.first == item.first }) else { continue }
            let clause = analysis.clauseOf(item.first)
            let modifiesSomething = analysis.items.contains { other in
                other.isSentiment && other.first >= item.end && analysis.clauseOf(other.first) == clause
                    && !analysis.modifiers.contains(where: { $0.first == other.first })
            }
            if modifiesSomething { drop.append(index) }
        }
        for index in drop.reversed() { analysis.items.remove(at: index) }
    }

    // MARK: Summing up

    func summarize(_ analyses: [SentenceAnalysis], language: LanguageCode, matcher: CompiledMatcher,
                   bytes: UnsafeBufferPointer<UInt8>, detail: Detail) -> DocumentScore {
        var result = DocumentScore(language: language)
        var documentSum = 0.0, documentEmphasis = 0.0
        var positiveSum = 0.0, negativeSum = 0.0, neutralCount = 0.0
        var categorySums = [Double](repeating: 0, count: matcher.categories.count)
        var politenessSum = 0.0
        for (number, analysis) in analyses.enumerated() {
            let nextFactor = number + 1 < analyses.count ? analyses[number + 1].previousSentenceFactor : 1
            var lexical = 0.0, politeness = 0.0
            var sentenceCategories: [Int: Double] = [:]
            for item in analysis.items {
                if item.isSentiment {
                    lexical += item.value
                    if item.value > 0 { positiveSum += item.value + 1 } else if item.value < 0 { negativeSum += item.value - 1 }
                } else if item.value > 0 {
                    sentenceCategories[item.category, default: 0] += item.value
                }
                politeness += PolitenessModel.contribution(category: analysis.category(of: item), value: item.value)
            }
            neutralCount += Double(neutralWords(analysis))
            documentSum += lexical * nextFactor
            documentEmphasis += analysis.emphasis
            politenessSum += politeness
            for (category, value) in sentenceCategories { categorySums[category] += value }
            if detail == .full {
                result.sentences.append(sentenceScore(analysis, lexical: lexical, categories: sentenceCategories,
                                                      politeness: politeness, matcher: matcher, bytes: bytes))
            }
        }
        documentEmphasis = min(documentEmphasis, Scorer.maximumEmphasis)
        let signed = documentSum + signum(documentSum) * documentEmphasis
        result.sentiment = normalize(signed)
        if positiveSum > -negativeSum { positiveSum += documentEmphasis } else if positiveSum < -negativeSum { negativeSum -= documentEmphasis }
        let total = positiveSum - negativeSum + neutralCount
        if total > 0 {
            result.positive = positiveSum / total
            result.negative = abs(negativeSum) / total
            result.neutral = neutralCount / total
        }
        for (index, sum) in categorySums.enumerated() where sum > 0 {
            result.categories[matcher.categories[index].rawValue] = normalize(sum)
        }
        result.politeness = normalize(politenessSum, alpha: PolitenessModel.alpha)
        return result
    }

    /// The most punctuation can add to a text: four `!` and a run of `?` (VADER's caps).
    static let maximumEmphasis = Double(VADERConstants.maximumExclamations) * VADERConstants.exclamationIncrement
        + VADERConstants.manyQuestionsIncrement

    /// Words carrying no sentiment, which VADER counts towards the neutral share.
    func neutralWords(_ analysis: SentenceAnalysis) -> Int {
        var covered = 0
        var lastEnd = -1
        for item in analysis.items where item.isSentiment && item.value != 0 && item.first >= lastEnd {
            for index in item.first..<item.end where analysis.tokens[index].kind == .word { covered += 1 }
            lastEnd = item.end
        }
        var words = 0
        for index in analysis.range where analysis.tokens[index].kind == .word { words += 1 }
        return max(0, words - covered)
    }

    func sentenceScore(_ analysis: SentenceAnalysis, lexical: Double, categories: [Int: Double], politeness: Double,
                       matcher: CompiledMatcher, bytes: UnsafeBufferPointer<UInt8>) -> SentenceScore {
        func text(_ first: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[analysis.tokens[first].start..<analysis.tokens[end - 1].end]),
                   as: UTF8.self)
        }
        func names(_ bits: UInt64) -> [String] {
            rules.indices.filter { bits & (1 << UInt64($0)) != 0 }.map { rules[$0].identifier }
        }
        var evidence: [(position: Int, order: Int, Evidence)] = []
        for (order, item) in analysis.items.enumerated() {
            evidence.append((item.first, order, Evidence(
                term: text(item.first, item.end), entry: matcher.terms[item.term].text,
                category: analysis.category(of: item).rawValue, baseWeight: item.base, finalWeight: item.value,
                rules: names(item.rules)
            )))
        }
        for (order, modifier) in analysis.modifiers.enumerated() {
            evidence.append((modifier.first, analysis.items.count + order, Evidence(
                term: text(modifier.first, modifier.end), entry: matcher.terms[modifier.term].text,
                category: "modifier." + modifier.kind.rawValue, baseWeight: modifier.weight, finalWeight: modifier.weight,
                rules: []
            )))
        }
        evidence.sort { ($0.position, $0.order) < ($1.position, $1.order) }
        let signed = lexical + signum(lexical) * analysis.emphasis
        var categoryScores: [String: Double] = [:]
        for (category, sum) in categories { categoryScores[matcher.categories[category].rawValue] = normalize(sum) }
        let range = analysis.tokens[analysis.range.lowerBound].start..<analysis.tokens[analysis.range.upperBound - 1].end
        return SentenceScore(
            text: String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self), utf8Range: range,
            sentiment: normalize(signed), categories: categoryScores,
            politeness: normalize(politeness, alpha: PolitenessModel.alpha),
            evidence: evidence.map(\.2), rules: names(analysis.sentenceRules)
        )
    }
}
