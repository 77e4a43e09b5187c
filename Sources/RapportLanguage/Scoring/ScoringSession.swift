/// Scores many texts one after another with the same buffers, so a stream of a million lines
/// allocates per line only what the result needs. A value, for a loop that owns it (`rapport
/// score`); `ScoringSession` is the same as a class, for code that shares one.
public struct ScoringStream {
    public let scorer: Scorer
    /// Everything reused from text to text.
    private var workspace: ScoringWorkspace

    public init(scorer: Scorer) {
        self.scorer = scorer
        workspace = ScoringWorkspace(scorer: scorer)
    }

    /// Scores a text; the language is identified when not given.
    public mutating func score(_ text: String, language: LanguageCode? = nil, detail: Scorer.Detail = .full)
        -> DocumentScore
    {
        withUTF8(text) { workspace.score(bytes: $0, language: language, detail: detail) }
    }

    /// Scores a text for bulk output: the numbers of `score(_:language:detail:)` with `.summary`
    /// detail, without building a dictionary per text.
    public mutating func summarize(_ text: String, language: LanguageCode? = nil) -> ScoreSummary {
        withUTF8(text) { workspace.summarize(bytes: $0, language: language) }
    }

    /// `summarize` of the text that UTF-8 bytes hold, without making a `String` of them; nil
    /// when they are not well-formed UTF-8 (then repair them into a `String` and score that).
    public mutating func summarize(validatingUTF8 bytes: UnsafeBufferPointer<UInt8>, language: LanguageCode? = nil)
        -> ScoreSummary?
    {
        guard UTF8Validation.isValid(bytes) else { return nil }
        return workspace.summarize(bytes: bytes, language: language)
    }
}

/// A `ScoringStream` shared by reference: `Scorer.score` uses a fresh one per call, parallel
/// scoring one per thread. A session is for one thread at a time.
public final class ScoringSession {
    public var scorer: Scorer { stream.scorer }
    /// Each use of a class's stored property is checked for exclusive access at run time; this
    /// one is not (the check cost a hundred instructions per text): a session is used by one
    /// thread at a time and its methods never call each other.
    @exclusivity(unchecked) private var stream: ScoringStream

    public init(scorer: Scorer) { stream = ScoringStream(scorer: scorer) }

    /// Scores a text; the language is identified when not given.
    public func score(_ text: String, language: LanguageCode? = nil, detail: Scorer.Detail = .full) -> DocumentScore {
        stream.score(text, language: language, detail: detail)
    }

    /// See `ScoringStream.summarize(_:language:)`.
    public func summarize(_ text: String, language: LanguageCode? = nil) -> ScoreSummary {
        stream.summarize(text, language: language)
    }

    /// See `ScoringStream.summarize(validatingUTF8:language:)`.
    public func summarize(validatingUTF8 bytes: UnsafeBufferPointer<UInt8>, language: LanguageCode? = nil)
        -> ScoreSummary?
    {
        stream.summarize(validatingUTF8: bytes, language: language)
    }
}

/// A session's buffers and the scoring of one text with them.
struct ScoringWorkspace {
    let scorer: Scorer
    private var buffer = TokenBuffer()
    private var spans: [Range<Int>] = []
    /// Reused per matcher: unknown texts are read with the English lexicons.
    private var englishAnalysis: SentenceAnalysis
    private var icelandicAnalysis: SentenceAnalysis
    private var entries: WordIndex.EntryNumbers = []
    private var wordSlots: [CompiledMatcher.WordSlot] = []
    private var unlisted = UnlistedWords()
    /// Raw sums per category of the matcher used for the last text.
    private var tally = CategoryTally()
    /// The last summary's categories, handed out and taken back so their storage is reused,
    /// and their ranks in name order.
    private var summaryCategories: [ScoreSummary.Category] = []
    private var summaryRanks: [Int] = []

    init(scorer: Scorer) {
        self.scorer = scorer
        englishAnalysis = SentenceAnalysis(matcher: scorer.lexicons.matcher(for: .english))
        icelandicAnalysis = SentenceAnalysis(matcher: scorer.lexicons.matcher(for: .icelandic))
    }

    mutating func score(bytes: UnsafeBufferPointer<UInt8>, language: LanguageCode?, detail: Scorer.Detail)
        -> DocumentScore
    {
        var sentences: [SentenceScore] = []
        let scorer = self.scorer
        let (totals, matcher) = run(
            bytes: bytes, language: language,
            sentence: detail == .summary
                ? nil
                : { analysis, lexical, politeness in
                    sentences.append(scorer.sentenceScore(analysis, lexical: lexical, politeness: politeness))
                })
        guard let matcher else { return DocumentScore(language: totals.language) }
        var categories: [String: Double] = [:]
        for index in tally.found {
            categories[matcher.categories[index].rawValue] = normalize(tally.sums[index])
        }
        return DocumentScore(
            language: totals.language, sentiment: totals.sentiment, positive: totals.positive,
            negative: totals.negative, neutral: totals.neutral, categories: categories, politeness: totals.politeness,
            sentences: sentences)
    }

    mutating func summarize(bytes: UnsafeBufferPointer<UInt8>, language: LanguageCode?) -> ScoreSummary {
        let (totals, matcher) = run(bytes: bytes, language: language, sentence: nil)
        var categories = summaryCategories
        summaryCategories = []
        while !categories.isEmpty { categories.removeLast() }
        if let matcher {
            // The few categories found, each moved back to its place in name order.
            var ranks = summaryRanks
            summaryRanks = []
            while !ranks.isEmpty { ranks.removeLast() }
            for index in tally.found {
                categories.append(.init(number: matcher.categoryNumbers[index], intensity: normalize(tally.sums[index])))
                ranks.append(matcher.categoryRanks[index])
                var position = ranks.count - 1
                while position > 0 && ranks[position - 1] > ranks[position] {
                    ranks.swapAt(position - 1, position)
                    categories.swapAt(position - 1, position)
                    position -= 1
                }
            }
            summaryRanks = ranks
        }
        summaryCategories = categories
        return ScoreSummary(
            language: totals.language, sentiment: totals.sentiment, positive: totals.positive,
            negative: totals.negative, neutral: totals.neutral, categories: categories, politeness: totals.politeness)
    }

    /// What a text adds up to (its category sums stay in `tally`).
    struct Totals {
        var language: LanguageCode
        var sentiment = 0.0
        var positive = 0.0
        var negative = 0.0
        var neutral = 0.0
        var politeness = 0.0
    }

    /// Scores a text, calling `sentence` for each sentence when given; returns its totals and the
    /// matcher used, or nil for a text without tokens (whose totals are all zero).
    private mutating func run(
        bytes: UnsafeBufferPointer<UInt8>, language: LanguageCode?,
        sentence: ((SentenceAnalysis, _ lexical: Double, _ politeness: Double) -> Void)?
    ) -> (Totals, CompiledMatcher?) {
        scorer.tokenizer.scan(bytes, into: &buffer)
        // The buffers are read in place, each closure touching other fields than the one it
        // reads: copies of the arrays were retained and released (atomically) for every text.
        let detected = buffer.tokens.withUnsafeBufferPointer { tokens in
            buffer.normalized.withUnsafeBufferPointer { normalized in
                // Slots are looked up for the language given, else for English (which also reads
                // texts of unknown language), and again when the text turns out Icelandic.
                let assumed = language ?? .english
                let evidence = scorer.index.lookUp(
                    tokens, normalized: normalized, into: &entries, slots: &wordSlots, slotLanguage: assumed,
                    collectEvidence: language == nil, unlisted: &unlisted)
                let detected = language ?? LanguageIdentifier.decide(evidence)
                if (detected == .icelandic) != (assumed == .icelandic) {
                    scorer.index.slots(
                        detected, tokens, normalized: normalized, entries: entries, into: &wordSlots,
                        unlisted: &unlisted)
                }
                return detected
            }
        }
        tally.clear()
        guard !buffer.tokens.isEmpty else { return (Totals(language: detected), nil) }
        let mixedCaps = buffer.hasAllCapsWord && buffer.hasOtherWord
        let totals = buffer.tokens.withUnsafeBufferPointer { tokens in
            buffer.marked.withUnsafeBufferPointer { marked in
                SentenceSplitter.split(tokens, marked: marked, bytes: bytes, into: &spans)
                return buffer.normalized.withUnsafeBufferPointer { normalized in
                    wordSlots.withUnsafeBufferPointer { slots in
                        spans.withUnsafeBufferPointer { spans in
                            let text = PreparedText(
                                bytes: bytes, tokens: tokens, marked: marked, normalized: normalized,
                                slots: UnsafeBufferPointer(rebasing: slots[0..<tokens.count]), spans: spans,
                                language: detected, mixedCaps: mixedCaps)
                            return detected == .icelandic
                                ? scorer.scoreSentences(text, &icelandicAnalysis, &tally, sentence: sentence)
                                : scorer.scoreSentences(text, &englishAnalysis, &tally, sentence: sentence)
                        }
                    }
                }
            }
        }
        return (totals, detected == .icelandic ? icelandicAnalysis.matcher : englishAnalysis.matcher)
    }
}

/// A tokenized text with its word slots and sentences, ready to score (valid while the
/// buffers it points into are not changed).
struct PreparedText {
    var bytes: UnsafeBufferPointer<UInt8>
    var tokens: UnsafeBufferPointer<RawToken>
    /// The indices of the marked tokens (`RawToken.isMarked`), in order.
    var marked: UnsafeBufferPointer<Int>
    var normalized: UnsafeBufferPointer<UInt8>
    var slots: UnsafeBufferPointer<CompiledMatcher.WordSlot>
    var spans: UnsafeBufferPointer<Range<Int>>
    var language: LanguageCode
    /// Some words are in capitals and some are not.
    var mixedCaps: Bool
}

/// Sums per category for one text and the categories found, so that neither clearing the sums
/// nor reporting them walks every category of the lexicons.
struct CategoryTally {
    /// Zero for every category not in `found`.
    private(set) var sums: [Double] = []
    /// The categories with a sum above zero, in the order they were found.
    private(set) var found: [Int] = []

    /// Makes room for `count` categories.
    mutating func prepare(count: Int) {
        if sums.count < count { sums.append(contentsOf: repeatElement(0, count: count - sums.count)) }
    }

    /// Adds a positive amount to a category.
    @inline(__always)
    mutating func add(_ amount: Double, to category: Int) {
        if sums[category] == 0 { found.append(category) }
        sums[category] += amount
    }

    mutating func clear() {
        while let category = found.popLast() { sums[category] = 0 }
    }
}

extension Scorer {
    /// Scores a text's sentences with `analysis` (the matcher of its language), summing its
    /// categories into `tally`.
    fileprivate func scoreSentences(
        _ text: PreparedText, _ analysis: inout SentenceAnalysis, _ tally: inout CategoryTally,
        sentence: ((SentenceAnalysis, Double, Double) -> Void)?
    ) -> ScoringWorkspace.Totals {
        analysis.mixedCaps = text.mixedCaps
        analysis.tokens = text.tokens
        analysis.marked = text.marked
        analysis.normalized = text.normalized
        analysis.slots = text.slots
        analysis.bytes = text.bytes
        return sumSentences(text, &analysis, &tally, sentence: sentence)
    }

    private func sumSentences(
        _ text: PreparedText, _ analysis: inout SentenceAnalysis, _ tally: inout CategoryTally,
        sentence: ((SentenceAnalysis, Double, Double) -> Void)?
    ) -> ScoringWorkspace.Totals {
        let matcher = analysis.matcher
        var totals = ScoringWorkspace.Totals(language: text.language)
        tally.prepare(count: matcher.categories.count)
        var documentSum = 0.0
        var previousLexical = 0.0
        var documentEmphasis = 0.0
        var politenessSum = 0.0
        var positiveSum = 0.0
        var negativeSum = 0.0
        var neutralCount = 0.0
        var marks = 0
        for span in text.spans {
            // Spans are in order and cover the text, so each one's marked tokens follow the last's.
            var marksEnd = marks
            while marksEnd < text.marked.count && text.marked[marksEnd] < span.upperBound { marksEnd += 1 }
            analysis.reset(range: span, marks: marks..<marksEnd)
            marks = marksEnd
            analyze(&analysis, matcher)
            // Rules are called only where they can change something: without evidence to give,
            // not those that only explain; in a sentence without matches, only those that act
            // without them; and only where the sentence has the facts each one needs. Rules
            // change weights, never which terms matched, so the facts hold for all of them.
            let matched = !analysis.items.isEmpty || !analysis.modifiers.isEmpty
            if matched || (sentence == nil ? weighingRulesActWithoutMatches : rulesActWithoutMatches) {
                let facts = analysis.facts
                for number in sentence == nil ? weighingRules : allRules
                where (matched || !ruleNeedsMatches[number]) && facts.isSuperset(of: ruleFacts[number]) {
                    analysis.currentRule = 1 << UInt64(number)
                    rules[number].apply(to: &analysis)
                }
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
                    if item.value > 0 { tally.add(item.value, to: item.category) }
                    politeness += matcher.categoryPoliteness[item.category] * item.value
                }
            }
            neutralCount += Double(neutralWords(analysis))
            // A sentence opening with "However," lowers the one before it.
            documentSum += previousLexical * analysis.previousSentenceFactor
            previousLexical = lexical
            documentEmphasis += analysis.emphasis
            politenessSum += politeness
            sentence?(analysis, lexical, politeness)
        }
        documentSum += previousLexical
        documentEmphasis = min(documentEmphasis, Scorer.maximumEmphasis)
        totals.sentiment = normalize(documentSum + signum(documentSum) * documentEmphasis)
        if positiveSum > -negativeSum {
            positiveSum += documentEmphasis
        } else if positiveSum < -negativeSum {
            negativeSum -= documentEmphasis
        }
        let total = positiveSum - negativeSum + neutralCount
        if total > 0 {
            totals.positive = positiveSum / total
            totals.negative = abs(negativeSum) / total
            totals.neutral = neutralCount / total
        }
        totals.politeness = normalize(politenessSum, alpha: PolitenessModel.alpha)
        return totals
    }
}

// MARK: - Matching a sentence

extension Scorer {
    /// Fills a reset analysis with the sentence's matches, modifiers and clause numbers.
    /// `matcher` is `analysis.matcher`, passed in: read from `analysis` it was retained and
    /// released for every sentence.
    func analyze(_ analysis: inout SentenceAnalysis, _ matcher: CompiledMatcher) {
        let tokens = analysis.tokens
        let normalized = analysis.normalized
        let bytes = analysis.bytes
        let slots = analysis.slots
        let span = analysis.range
        // Only marked tokens are other than plain words: the counts come from them alone.
        var others = 0
        var elongated = false
        for position in analysis.marks {
            let token = tokens[analysis.marked[position]]
            if token.kind != .word { others += 1 }
            if token.flags.contains(.elongated) { elongated = true }
            if token.kind == .punctuation {
                for position in token.start..<token.end {
                    if bytes[position] == UInt8(ascii: "!") { analysis.exclamations += 1 }
                    if bytes[position] == UInt8(ascii: "?") { analysis.questions += 1 }
                }
            }
        }
        analysis.wordCount = span.count - others
        analysis.hasElongatedToken = elongated
        var index = span.lowerBound
        while index < span.upperBound {
            // Most tokens match nothing, which their slot tells without a call.
            guard slots[index].mayMatch || (elongated && tokens[index].flags.contains(.elongated)),
                let match = matcher.matchQuickly(
                    tokens, slots: slots, at: index, end: span.upperBound, normalized: normalized)
            else {
                index += 1
                continue
            }
            add(match, to: &analysis, matcher, categories: true)
            let term = matcher.termWeights[match.term]
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
                        let partTerm = matcher.termWeights[part.term]
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
                    add(part, to: &analysis, matcher, categories: false)
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

    func add(_ match: TermMatch, to analysis: inout SentenceAnalysis, _ matcher: CompiledMatcher, categories: Bool) {
        let term = matcher.termWeights[match.term]
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
        for position in term.categories {
            let entry = matcher.termCategories[position]
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
        let count = analysis.range.count
        let start = analysis.range.lowerBound
        let tokens = analysis.tokens
        let bytes = analysis.bytes
        // Written through pointers into arrays that only grow: appending two numbers per token
        // cost more than the numbering.
        var clause: [Int32] = []
        var segment: [Int32] = []
        swap(&clause, &analysis.clause)
        swap(&segment, &analysis.segment)
        if clause.count < count { clause.append(contentsOf: repeatElement(0, count: count - clause.count)) }
        if segment.count < count { segment.append(contentsOf: repeatElement(0, count: count - segment.count)) }
        // The modifiers are read in place: a copy of the array is retained and released.
        analysis.modifiers.withUnsafeBufferPointer { modifiers in
            clause.withUnsafeMutableBufferPointer { clause in
                segment.withUnsafeMutableBufferPointer { segment in
                    var clauseNumber: Int32 = 0
                    var segmentNumber: Int32 = 0
                    var next = 0
                    for offset in 0..<count {
                        let index = start + offset
                        if SentenceAnalysis.isClauseBreak(tokens[index], bytes) {
                            clauseNumber += 1
                            segmentNumber += 1
                        } else {
                            while next < modifiers.count && modifiers[next].first < index { next += 1 }
                            var modifier = next
                            while modifier < modifiers.count && modifiers[modifier].first == index {
                                switch modifiers[modifier].kind {
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
                        clause[offset] = clauseNumber
                        segment[offset] = segmentNumber
                    }
                }
            }
        }
        analysis.clause = clause
        analysis.segment = segment
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
        return max(0, analysis.wordCount - covered)
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
