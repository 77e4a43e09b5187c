/// Scores many texts one after another with the same buffers, so a stream of a million lines
/// allocates per line only what the result needs. `Scorer.score` uses a fresh one per call.
/// A session is for one thread at a time.
public final class ScoringSession {
    public let scorer: Scorer
    private var buffer = TokenBuffer()
    private var spans: [Range<Int>] = []
    /// Reused per matcher: unknown texts are read with the English lexicons.
    private var englishAnalysis: SentenceAnalysis
    private var icelandicAnalysis: SentenceAnalysis
    private var categorySums: [Double] = []
    private var wordSlots: [CompiledMatcher.WordSlot] = []

    public init(scorer: Scorer) {
        self.scorer = scorer
        englishAnalysis = SentenceAnalysis(matcher: scorer.lexicons.matcher(for: .english))
        icelandicAnalysis = SentenceAnalysis(matcher: scorer.lexicons.matcher(for: .icelandic))
    }

    /// Scores a text; the language is identified when not given.
    public func score(_ text: String, language: LanguageCode? = nil, detail: Scorer.Detail = .full) -> DocumentScore {
        withUTF8(text) { bytes in score(bytes: bytes, language: language, detail: detail) }
    }

    private func score(bytes: UnsafeBufferPointer<UInt8>, language: LanguageCode?, detail: Scorer.Detail)
        -> DocumentScore
    {
        scorer.tokenizer.scan(bytes, into: &buffer)
        let detected = language ?? scorer.identifier.identify(buffer, tokens: 0..<buffer.tokens.count)
        guard !buffer.tokens.isEmpty else { return DocumentScore(language: detected) }
        SentenceSplitter.split(buffer.tokens, bytes: bytes, into: &spans)
        return detected == .icelandic
            ? score(&icelandicAnalysis, bytes: bytes, language: detected, detail: detail)
            : score(&englishAnalysis, bytes: bytes, language: detected, detail: detail)
    }

    private func score(
        _ analysis: inout SentenceAnalysis, bytes: UnsafeBufferPointer<UInt8>, language: LanguageCode,
        detail: Scorer.Detail
    ) -> DocumentScore {
        let tokenArray = buffer.tokens
        let normalizedArray = buffer.normalized
        tokenArray.withUnsafeBufferPointer { tokens in
            normalizedArray.withUnsafeBufferPointer { normalized in
                analysis.matcher.lookUp(tokens, normalized: normalized, into: &wordSlots)
            }
        }
        let slotArray = wordSlots
        var anyCaps = false
        var anyLower = false
        for token in tokenArray where token.kind == .word && token.flags.contains(.hasLetters) {
            if token.flags.contains(.allCaps) { anyCaps = true } else { anyLower = true }
        }
        analysis.mixedCaps = anyCaps && anyLower
        return tokenArray.withUnsafeBufferPointer { tokens in
            normalizedArray.withUnsafeBufferPointer { normalized in
                slotArray.withUnsafeBufferPointer { slots in
                    analysis.tokens = tokens
                    analysis.normalized = normalized
                    analysis.slots = slots
                    analysis.bytes = bytes
                    return scoreSentences(&analysis, language: language, detail: detail)
                }
            }
        }
    }

    private func scoreSentences(
        _ analysis: inout SentenceAnalysis, language: LanguageCode,
        detail: Scorer.Detail
    ) -> DocumentScore {
        let matcher = analysis.matcher
        var result = DocumentScore(language: language)
        categorySums.removeAll(keepingCapacity: true)
        categorySums.append(contentsOf: repeatElement(0, count: matcher.categories.count))
        var documentSum = 0.0
        var previousLexical = 0.0
        var documentEmphasis = 0.0
        var politenessSum = 0.0
        var positiveSum = 0.0
        var negativeSum = 0.0
        var neutralCount = 0.0
        for span in spans {
            analysis.reset(range: span)
            scorer.analyze(&analysis)
            let rules = scorer.rules
            for number in rules.indices {
                analysis.currentRule = 1 << UInt64(number)
                rules[number].apply(to: &analysis)
            }
            var lexical = 0.0
            var politeness = 0.0
            for item in analysis.items {
                if item.isSentiment {
                    lexical += item.value
                    if item.value > 0 {
                        positiveSum += item.value + 1
                    } else if item.value < 0 {
                        negativeSum += item.value - 1
                    }
                    politeness += PolitenessModel.valenceWeight * item.value
                } else {
                    if item.value > 0 { categorySums[item.category] += item.value }
                    politeness += matcher.categoryPoliteness[item.category] * item.value
                }
            }
            neutralCount += Double(scorer.neutralWords(analysis))
            // A sentence opening with "However," lowers the one before it.
            documentSum += previousLexical * analysis.previousSentenceFactor
            previousLexical = lexical
            documentEmphasis += analysis.emphasis
            politenessSum += politeness
            if detail == .full {
                result.sentences.append(scorer.sentenceScore(analysis, lexical: lexical, politeness: politeness))
            }
        }
        documentSum += previousLexical
        documentEmphasis = min(documentEmphasis, Scorer.maximumEmphasis)
        result.sentiment = normalize(documentSum + signum(documentSum) * documentEmphasis)
        if positiveSum > -negativeSum {
            positiveSum += documentEmphasis
        } else if positiveSum < -negativeSum {
            negativeSum -= documentEmphasis
        }
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
}

// MARK: - Matching a sentence

extension Scorer {
    /// Fills a reset analysis with the sentence's matches, modifiers and clause numbers.
    func analyze(_ analysis: inout SentenceAnalysis) {
        let tokens = analysis.tokens
        let normalized = analysis.normalized
        let bytes = analysis.bytes
        let slots = analysis.slots
        let matcher = analysis.matcher
        let span = analysis.range
        var index = span.lowerBound
        while index < span.upperBound {
            let token = tokens[index]
            if token.kind == .punctuation {
                for position in token.start..<token.end {
                    if bytes[position] == UInt8(ascii: "!") { analysis.exclamations += 1 }
                    if bytes[position] == UInt8(ascii: "?") { analysis.questions += 1 }
                }
            }
            guard
                let match = matcher.match(tokens, slots: slots, at: index, end: span.upperBound, normalized: normalized)
            else {
                index += 1
                continue
            }
            add(match, to: &analysis, categories: true)
            let term = matcher.terms[match.term]
            if match.end - match.first > 1 && term.sentiment == nil && term.modifier == nil {
                // A category-only phrase ("if this is not fixed" as a threat) names a topic; the
                // sentiment and modifiers inside it still count.
                var inner = match.first
                while inner < match.end {
                    // The longest inner term that carries sentiment or a modifier: shorter
                    // category-only phrases inside would hide the words just the same.
                    var limit = inner == match.first ? match.end - 1 : match.end
                    var found: TermMatch?
                    while limit > inner,
                        let part = matcher.match(tokens, slots: slots, at: inner, end: limit, normalized: normalized)
                    {
                        let partTerm = matcher.terms[part.term]
                        if partTerm.sentiment != nil || partTerm.modifier != nil {
                            found = part
                            break
                        }
                        limit = part.end - 1
                    }
                    guard let part = found else {
                        inner += 1
                        continue
                    }
                    add(part, to: &analysis, categories: false)
                    inner = part.end
                }
            }
            index = match.end
        }
        // Clauses matter only to modifiers; most sentences have none.
        if !analysis.modifiers.isEmpty {
            markClauses(&analysis)
            dropModifierSentiment(&analysis)
        }
    }

    func add(_ match: TermMatch, to analysis: inout SentenceAnalysis, categories: Bool) {
        let term = analysis.matcher.terms[match.term]
        var allCaps = true
        for index in match.first..<match.end where !analysis.tokens[index].flags.contains(.allCaps) { allCaps = false }
        if let kind = term.modifier {
            analysis.modifiers.append(
                .init(
                    first: match.first, end: match.end, term: match.term, kind: kind, weight: term.modifierWeight,
                    allCaps: allCaps,
                    elongated: match.elongated || analysis.tokens[match.first].flags.contains(.elongated)
                ))
        }
        if let sentiment = term.sentiment {
            analysis.items.append(
                .init(
                    first: match.first, end: match.end, term: match.term,
                    category: SentenceAnalysis.sentimentCategory, base: sentiment, value: sentiment,
                    allCaps: allCaps, elongated: match.elongated))
        }
        guard categories else { return }
        for entry in term.categories {
            analysis.items.append(
                .init(
                    first: match.first, end: match.end, term: match.term, category: entry.category,
                    base: entry.weight, value: entry.weight, allCaps: allCaps, elongated: match.elongated))
        }
    }

    /// Numbers clauses and segments: punctuation breaks both; contrast words start a new clause
    /// and segment; conditional and clause-opening words start a new clause only. Modifiers are
    /// in token order, so one pass over both does it.
    func markClauses(_ analysis: inout SentenceAnalysis) {
        var clauseNumber: Int32 = 0
        var segmentNumber: Int32 = 0
        var next = 0
        for index in analysis.range {
            if analysis.isClauseBreak(analysis.tokens[index]) {
                clauseNumber += 1
                segmentNumber += 1
            } else {
                while next < analysis.modifiers.count && analysis.modifiers[next].first < index { next += 1 }
                var modifier = next
                while modifier < analysis.modifiers.count && analysis.modifiers[modifier].first == index {
                    switch analysis.modifiers[modifier].kind {
                    case .contrast:
                        clauseNumber += 1
                        segmentNumber += 1
                    case .conditional, .clause:
                        clauseNumber += 1
                    default:
                        break
                    }
                    modifier += 1
                }
            }
            analysis.clause.append(clauseNumber)
            analysis.segment.append(segmentNumber)
        }
    }

    /// A modifier that is also a sentiment word (`super`, `no`) counts as sentiment only when it
    /// has nothing to modify later in its clause: "super helpful" boosts, "Super!" is praise.
    func dropModifierSentiment(_ analysis: inout SentenceAnalysis) {
        guard !analysis.modifiers.isEmpty else { return }
        var index = 0
        while index < analysis.items.count {
            let item = analysis.items[index]
            guard item.isSentiment, analysis.modifiers.contains(where: { $0.first == item.first }) else {
                index += 1
                continue
            }
            let clause = analysis.clauseOf(item.first)
            let modifiesSomething = analysis.items.contains { other in
                other.isSentiment && other.first >= item.end && analysis.clauseOf(other.first) == clause
                    && !analysis.modifiers.contains(where: { $0.first == other.first })
            }
            if modifiesSomething { analysis.items.remove(at: index) } else { index += 1 }
        }
    }

    // MARK: Summing up

    /// The most punctuation can add to a text: four `!` and a run of `?` (VADER's caps).
    static let maximumEmphasis =
        Double(VADERConstants.maximumExclamations) * VADERConstants.exclamationIncrement
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

    func sentenceScore(_ analysis: SentenceAnalysis, lexical: Double, politeness: Double) -> SentenceScore {
        let matcher = analysis.matcher
        func text(_ first: Int, _ end: Int) -> String {
            let range = analysis.tokens[first].start..<analysis.tokens[end - 1].end
            return String(decoding: UnsafeBufferPointer(rebasing: analysis.bytes[range]), as: UTF8.self)
        }
        func names(_ bits: UInt64) -> [String] {
            rules.indices.filter { bits & (1 << UInt64($0)) != 0 }.map { rules[$0].identifier }
        }
        var evidence: [(position: Int, order: Int, Evidence)] = []
        var categorySums: [String: Double] = [:]
        for (order, item) in analysis.items.enumerated() {
            let category = analysis.category(of: item).rawValue
            if !item.isSentiment && item.value > 0 { categorySums[category, default: 0] += item.value }
            evidence.append(
                (
                    item.first, order,
                    Evidence(
                        term: text(item.first, item.end), entry: matcher.terms[item.term].text, category: category,
                        baseWeight: item.base, finalWeight: item.value, rules: names(item.rules)
                    )
                ))
        }
        for (order, modifier) in analysis.modifiers.enumerated() {
            evidence.append(
                (
                    modifier.first, analysis.items.count + order,
                    Evidence(
                        term: text(modifier.first, modifier.end), entry: matcher.terms[modifier.term].text,
                        category: "modifier." + modifier.kind.rawValue, baseWeight: modifier.weight,
                        finalWeight: modifier.weight,
                        rules: []
                    )
                ))
        }
        evidence.sort { ($0.position, $0.order) < ($1.position, $1.order) }
        return SentenceScore(
            text: text(analysis.range.lowerBound, analysis.range.upperBound),
            utf8Range: analysis.tokens[analysis.range.lowerBound]
                .start..<analysis.tokens[analysis.range.upperBound - 1].end,
            sentiment: normalize(lexical + signum(lexical) * analysis.emphasis),
            categories: categorySums.mapValues { normalize($0) },
            politeness: normalize(politeness, alpha: PolitenessModel.alpha),
            evidence: evidence.map(\.2), rules: names(analysis.sentenceRules)
        )
    }
}
