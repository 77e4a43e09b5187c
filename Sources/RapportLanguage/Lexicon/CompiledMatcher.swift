import Foundation

/// How a modifier entry changes the entries around it.
public enum ModifierKind: String, Hashable, Sendable, Codable, CaseIterable {
    case negator, booster, dampener, contrast, conditional, clause

    init?(_ category: LexiconCategory) {
        guard category.isModifier else { return nil }
        self.init(rawValue: String(category.rawValue.dropFirst("modifier.".count)))
    }

    /// When one term carries several modifier entries, the first kind here wins.
    static let precedence: [ModifierKind] = [.negator, .contrast, .conditional, .booster, .dampener, .clause]
}

/// All entries of one term after merging the loaded lexicons.
struct CompiledTerm: Sendable {
    struct CategoryWeight: Sendable {
        var category: Int
        var weight: Double
    }

    /// The term as the lexicon wrote it.
    var text: String
    var shape: TermPattern.Shape
    var sentiment: Double?
    var modifier: ModifierKind?
    var modifierWeight: Double = 0
    /// Entries of the other categories (indices into `CompiledMatcher.categories`).
    var categories: [CategoryWeight] = []
}

/// A term's weights in a type without references, so the scoring loop reads them without
/// reference counting (`CompiledTerm` holds strings and arrays).
struct TermWeights: Sendable {
    var sentiment: Double?
    var modifier: ModifierKind?
    var modifierWeight: Double
    /// The term's entries of other categories, as a range of `CompiledMatcher.termCategories`.
    var categories: Range<Int>
}

/// A lexicon term found in a run of tokens.
struct TermMatch: Sendable {
    /// Token indices `first..<end`.
    var first: Int
    var end: Int
    var term: Int
    /// Found only after shortening repeated letters (`goooood` → `good`).
    var elongated: Bool
}

/// The lexicons of one language compiled for lookup: hash tables for words and stems, a trie of
/// word ids for phrases. Matching never scans the entries; the longest match wins, a phrase over
/// the words in it, an exact word over a stem, a stem over a suffix.
///
/// A class with constant tables, so handing it to every sentence costs one reference count.
public final class CompiledMatcher: Sendable {
    /// What the tables say about one word: everything matching needs, looked up once per token.
    struct WordSlot: Sendable {
        var term: Int32 = -1
        /// The word's id in phrase keys, or -1 when no phrase uses it.
        var phraseWord: Int32 = -1
        /// The phrase-trie node after this word when a phrase starts with it, or -1.
        var phraseStart: Int32 = -1
        /// For a word that is not a term itself: the stem that starts it or the suffix that ends
        /// it (`matchStemOrSuffix`), or -1.
        var stemOrSuffix: Int32 = -1

        /// Whether `match` can find anything starting here without stretched letters.
        var mayMatch: Bool { term >= 0 || phraseStart >= 0 || stemOrSuffix >= 0 }
    }

    struct StemChild: Sendable {
        var bytes: [UInt8]
        var term: Int32
    }

    let terms: [CompiledTerm]
    /// `terms` as the scoring loop reads them.
    let termWeights: [TermWeights]
    let termCategories: [CompiledTerm.CategoryWeight]
    /// Category names by index.
    let categories: [LexiconCategory]
    /// Each category's family and politeness factor, by index, so scoring compares no strings.
    let categoryFamilies: [LexiconCategory.Family]
    let categoryPoliteness: [Double]
    /// Each category's place in name order, the order categories are reported in.
    let categoryRanks: [Int]
    /// Each category's `CategoryNumbers` number.
    let categoryNumbers: [Int32]
    private let words: ByteTable<WordSlot>
    private let stems: ByteTable<Int32>
    /// Per bucket of a stem's first three bytes, bit `n` is set when such a stem is `n` bytes
    /// long (bit 63: 63 or more), so most words need no stem probe at all.
    private let stemLengths: [UInt64]
    private let suffixes: [StemChild]
    private let phraseChildren: EdgeTable
    /// What the phrase walk reads at each trie node, in one 16-byte value (three arrays cost
    /// three cache misses per step).
    struct PhraseNode: Sendable {
        /// Bit `w % 64` is set when some child follows word id `w`: most walks end at a word that
        /// continues nothing, told here without probing `phraseChildren`.
        var childFilter: UInt64 = 0
        /// The term of the phrase that ends here, or -1.
        var terminal: Int32 = -1
        /// An index into `phraseStemLists`, or -1 when no phrase ends in a stem here.
        var stemList: Int32 = -1
    }
    private let phraseNodes: [PhraseNode]
    private let phraseStemLists: [[StemChild]]

    /// The number of distinct terms.
    public var termCount: Int { terms.count }

    init(
        entries: [(term: String, category: LexiconCategory, weight: Double)], categories: [LexiconCategory],
        tokenizer: Tokenizer
    ) {
        self.categories = categories
        categoryFamilies = categories.map(\.family)
        categoryPoliteness = categories.map(PolitenessModel.factor(for:))
        var ranks = [Int](repeating: 0, count: categories.count)
        for (rank, index) in categories.indices.sorted(by: { categories[$0].rawValue < categories[$1].rawValue })
            .enumerated()
        {
            ranks[index] = rank
        }
        categoryRanks = ranks
        categoryNumbers = categories.map { CategoryNumbers.number(for: $0.rawValue) }
        let builder = Builder(entries: entries, categories: categories, tokenizer: tokenizer)
        terms = builder.terms
        var flatCategories: [CompiledTerm.CategoryWeight] = []
        termWeights = builder.terms.map { term in
            let start = flatCategories.count
            flatCategories.append(contentsOf: term.categories)
            return TermWeights(
                sentiment: term.sentiment, modifier: term.modifier, modifierWeight: term.modifierWeight,
                categories: start..<flatCategories.count)
        }
        termCategories = flatCategories
        var words = builder.words
        let children = builder.phraseChildren
        words.updateValues { slot in
            guard slot.phraseWord >= 0 else { return }
            slot.phraseStart = children.value(for: CompiledMatcher.edge(0, slot.phraseWord)) ?? -1
        }
        self.words = words
        stems = builder.stems
        stemLengths = builder.stemLengths
        suffixes = builder.suffixes
        phraseChildren = builder.phraseChildren
        var nodes = builder.phraseTerminal.map { PhraseNode(terminal: $0) }
        builder.phraseChildren.forEachEdge { edge, _ in
            nodes[Int(edge >> 32)].childFilter |= CompiledMatcher.childBit(Int32(truncatingIfNeeded: edge))
        }
        var lists: [[StemChild]] = []
        for (node, children) in builder.phraseStems.enumerated() where !children.isEmpty {
            lists.append(children)
            nodes[node].stemList = Int32(lists.count - 1)
        }
        phraseNodes = nodes
        phraseStemLists = lists
    }

    /// The lookup form of a lexicon word: what the tokenizer makes of it when it reads it as one
    /// token, so both sides are normalised the same way.
    static func lookupBytes(_ word: String, tokenizer: Tokenizer) -> [UInt8] {
        // A lower-case ASCII word that starts and ends with a letter or digit is its own form.
        let utf8 = Array(word.utf8)
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        if let first = utf8.first, let last = utf8.last, isAlphanumeric(first), isAlphanumeric(last),
            utf8.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "-") }),
            !utf8.indices.dropFirst().contains(where: { !isAlphanumeric(utf8[$0]) && !isAlphanumeric(utf8[$0 - 1]) })
        {
            return utf8
        }
        // Simple text is already composed (and Foundation's composition is slow).
        let composed = SimpleText.isSimple(word) ? word : word.precomposedStringWithCanonicalMapping
        let tokens = tokenizer.tokens(composed)
        if tokens.count == 1, !tokens[0].normalized.isEmpty { return Array(tokens[0].normalized.utf8) }
        return Array(composed.lowercased().replacingOccurrences(of: "\u{2019}", with: "'").utf8)
    }

    /// Builds the tables term by term.
    private struct Builder {
        var terms: [CompiledTerm] = []
        var words = ByteTable<WordSlot>()
        var stems = ByteTable<Int32>()
        var stemLengths = [UInt64](repeating: 0, count: CompiledMatcher.stemBuckets)
        var suffixes: [StemChild] = []
        var phraseChildren = EdgeTable()
        var phraseTerminal: [Int32] = [-1]
        var phraseStems: [[StemChild]] = [[]]
        var phraseWordCount: Int32 = 0

        init(
            entries: [(term: String, category: LexiconCategory, weight: Double)], categories: [LexiconCategory],
            tokenizer: Tokenizer
        ) {
            let categoryIndex = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, $0) })
            var termIndex: [String: Int] = [:]
            termIndex.reserveCapacity(entries.count)
            // Entries come file by file, a category's together: the last one's number is kept.
            var lastCategory: (category: LexiconCategory, number: Int?)?
            for (text, category, weight) in entries {
                let index: Int
                if let existing = termIndex[text] {
                    index = existing
                } else {
                    index = terms.count
                    termIndex[text] = index
                    let pattern = TermPattern(text)
                    terms.append(CompiledTerm(text: text, shape: pattern.shape))
                    insert(pattern, term: Int32(index), tokenizer: tokenizer)
                }
                if category == .sentiment {
                    terms[index].sentiment = weight
                } else if let kind = ModifierKind(category) {
                    let current =
                        terms[index].modifier.flatMap { ModifierKind.precedence.firstIndex(of: $0) } ?? Int.max
                    if ModifierKind.precedence.firstIndex(of: kind)! < current {
                        terms[index].modifier = kind
                        terms[index].modifierWeight = weight
                    }
                } else {
                    let number: Int?
                    if let last = lastCategory, last.category == category {
                        number = last.number
                    } else {
                        number = categoryIndex[category]
                        lastCategory = (category, number)
                    }
                    if let number { terms[index].categories.append(.init(category: number, weight: weight)) }
                }
            }
        }

        mutating func insert(_ pattern: TermPattern, term: Int32, tokenizer: Tokenizer) {
            let keys = pattern.words.map { CompiledMatcher.lookupBytes($0, tokenizer: tokenizer) }
            switch pattern.shape {
            case .word:
                words.update(keys[0], initial: WordSlot()) { $0.term = term }
            case .stem:
                stems.set(term, for: keys[0])
                keys[0].withUnsafeBufferPointer { key in
                    stemLengths[CompiledMatcher.stemBucket(key)] |= 1 << UInt64(min(key.count, 63))
                }
            case .suffix:
                suffixes.append(StemChild(bytes: Array(pattern.words[0].utf8), term: term))
            case .phrase:
                var node: Int32 = 0
                let fixed = pattern.endsWithStem ? keys.count - 1 : keys.count
                for key in keys[0..<fixed] {
                    var slot = words.value(for: key) ?? WordSlot()
                    if slot.phraseWord < 0 {
                        slot.phraseWord = phraseWordCount
                        phraseWordCount += 1
                        words.set(slot, for: key)
                    }
                    let edge = CompiledMatcher.edge(node, slot.phraseWord)
                    if let child = phraseChildren.value(for: edge) {
                        node = child
                    } else {
                        let child = Int32(phraseTerminal.count)
                        phraseTerminal.append(-1)
                        phraseStems.append([])
                        phraseChildren.set(child, for: edge)
                        node = child
                    }
                }
                if pattern.endsWithStem {
                    phraseStems[Int(node)].append(StemChild(bytes: keys[keys.count - 1], term: term))
                } else {
                    phraseTerminal[Int(node)] = term
                }
            }
        }
    }

    @inline(__always)
    private static func edge(_ node: Int32, _ word: Int32) -> UInt64 {
        UInt64(UInt32(node)) << 32 | UInt64(UInt32(word))
    }

    /// A word id's bit in `PhraseNode.childFilter`.
    @inline(__always)
    private static func childBit(_ word: Int32) -> UInt64 { 1 << UInt64(UInt32(bitPattern: word) & 63) }

    // MARK: Matching

    /// Looks every token up once in the word table (what a phrase walk needs again and again).
    func lookUp(
        _ tokens: UnsafeBufferPointer<RawToken>, normalized: UnsafeBufferPointer<UInt8>,
        into slots: inout [WordSlot]
    ) {
        slots.removeAll(keepingCapacity: true)
        for token in tokens {
            guard token.isLookupable, token.normalizedEnd > token.normalizedStart else {
                slots.append(WordSlot())
                continue
            }
            let key = UnsafeBufferPointer(rebasing: normalized[token.normalizedStart..<token.normalizedEnd])
            slots.append(slot(for: key, hash: token.hash))
        }
    }

    /// The slot of a lookup key (a token's normalised bytes) and its FNV-1a hash.
    func slot(for key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> WordSlot {
        guard let listed = words.value(for: key, hash: hash) else { return unlistedSlot(for: key) }
        return listed.term >= 0 ? listed : completed(listed, key)
    }

    /// The slot of a word that is not in the word table.
    func unlistedSlot(for key: UnsafeBufferPointer<UInt8>) -> WordSlot {
        completed(WordSlot(), key)
    }

    private func completed(_ slot: WordSlot, _ key: UnsafeBufferPointer<UInt8>) -> WordSlot {
        var slot = slot
        slot.stemOrSuffix = matchStemOrSuffix(key).map(Int32.init) ?? -1
        return slot
    }

    /// Every word of the word table, for tables built on top of this one.
    func forEachWord(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        words.forEach { key, _ in body(key) }
    }

    /// Whether a term matches token `index` on its own: `match(…, at: index, end: index + 1, …)`
    /// is not nil, told by the slot unless the word is stretched (`goooood`).
    func matchesAlone(
        _ tokens: UnsafeBufferPointer<RawToken>, slots: UnsafeBufferPointer<WordSlot>, at index: Int,
        normalized: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let token = tokens[index]
        guard token.isLookupable, token.normalizedEnd > token.normalizedStart else { return false }
        if slots[index].term >= 0 || slots[index].stemOrSuffix >= 0 { return true }
        return token.flags.contains(.elongated)
            && match(tokens, slots: slots, at: index, end: index + 1, normalized: normalized) != nil
    }

    /// `match`, with the common cases answered inline: a word that starts no phrase the next
    /// token can continue is its own term (or stem, or nothing). Most tokens that may match are
    /// such words, and a call per token was a noticeable part of scoring.
    @inline(__always)
    func matchQuickly(
        _ tokens: UnsafeBufferPointer<RawToken>, slots: UnsafeBufferPointer<WordSlot>, at index: Int, end: Int,
        normalized: UnsafeBufferPointer<UInt8>
    ) -> TermMatch? {
        let slot = slots[index]
        if slot.phraseStart >= 0 && index + 1 < end {
            // What `matchPhrase` checks first at the phrase's first node.
            let node = phraseNodes[Int(slot.phraseStart)]
            let next = slots[index + 1]
            if node.stemList >= 0 || (next.phraseWord >= 0 && node.childFilter & CompiledMatcher.childBit(next.phraseWord) != 0) {
                return match(tokens, slots: slots, at: index, end: end, normalized: normalized)
            }
        }
        let token = tokens[index]
        guard token.isLookupable, token.normalizedEnd > token.normalizedStart else { return nil }
        return wordMatch(token, slot, at: index, normalized: normalized)
    }

    /// The longest term starting at token `index`, looking no further than `end`; `slots` are
    /// the tokens' word-table entries from `lookUp`.
    func match(
        _ tokens: UnsafeBufferPointer<RawToken>, slots: UnsafeBufferPointer<WordSlot>, at index: Int, end: Int,
        normalized: UnsafeBufferPointer<UInt8>
    ) -> TermMatch? {
        let token = tokens[index]
        guard token.isLookupable, token.normalizedEnd > token.normalizedStart else { return nil }
        let slot = slots[index]
        if slot.phraseStart >= 0, index + 1 < end,
            let phrase = matchPhrase(tokens, slots, index, end, slot.phraseStart, normalized)
        {
            return phrase
        }
        return wordMatch(token, slot, at: index, normalized: normalized)
    }

    /// The term of the word at `index` alone: its own, else its stem or suffix, else (stretched)
    /// what shortening its repeated letters finds.
    @inline(__always)
    private func wordMatch(
        _ token: RawToken, _ slot: WordSlot, at index: Int, normalized: UnsafeBufferPointer<UInt8>
    ) -> TermMatch? {
        if slot.term >= 0 { return TermMatch(first: index, end: index + 1, term: Int(slot.term), elongated: false) }
        if slot.stemOrSuffix >= 0 {
            return TermMatch(first: index, end: index + 1, term: Int(slot.stemOrSuffix), elongated: false)
        }
        guard token.flags.contains(.elongated) else { return nil }
        let key = UnsafeBufferPointer(rebasing: normalized[token.normalizedStart..<token.normalizedEnd])
        return matchElongated(key).map { TermMatch(first: index, end: index + 1, term: $0, elongated: true) }
    }

    private func matchPhrase(
        _ tokens: UnsafeBufferPointer<RawToken>, _ slots: UnsafeBufferPointer<WordSlot>, _ index: Int,
        _ end: Int, _ firstNode: Int32, _ normalized: UnsafeBufferPointer<UInt8>
    ) -> TermMatch? {
        var node = firstNode
        var best: TermMatch?
        var next = index + 1
        while next < end {
            let token = tokens[next]
            guard token.isLookupable else { break }
            let phraseNode = phraseNodes[Int(node)]
            let stemList = phraseNode.stemList
            if stemList >= 0 {
                let key = UnsafeBufferPointer(rebasing: normalized[token.normalizedStart..<token.normalizedEnd])
                for stem in phraseStemLists[Int(stemList)] where CompiledMatcher.hasPrefix(key, stem.bytes) {
                    best = TermMatch(first: index, end: next + 1, term: Int(stem.term), elongated: false)
                    break
                }
            }
            let slot = slots[next]
            guard slot.phraseWord >= 0,
                phraseNode.childFilter & CompiledMatcher.childBit(slot.phraseWord) != 0,
                let child = phraseChildren.value(for: CompiledMatcher.edge(node, slot.phraseWord))
            else { break }
            node = child
            next += 1
            let terminal = phraseNodes[Int(node)].terminal
            if terminal >= 0 { best = TermMatch(first: index, end: next, term: Int(terminal), elongated: false) }
        }
        return best
    }

    static let stemBuckets = 4096

    /// The bucket of a key's first three bytes (keys shorter than three have none).
    @inline(__always)
    static func stemBucket(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        guard key.count >= 3 else { return 0 }
        let prefix = UInt32(key[0]) | UInt32(key[1]) << 8 | UInt32(key[2]) << 16
        return Int((prefix &* 2_654_435_761) >> 20) & (stemBuckets - 1)
    }

    /// The longest stem that starts the word, else a suffix that ends it.
    private func matchStemOrSuffix(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let lengths = key.count >= 3 ? stemLengths[CompiledMatcher.stemBucket(key)] : 0
        if lengths != 0 {
            let length = key.count
            let found: Int? = withUnsafeTemporaryAllocation(of: UInt64.self, capacity: length + 1) { hashes in
                var hash = FNV1a.offsetBasis
                hashes[0] = hash
                for offset in 0..<length {
                    hash = FNV1a.combine(hash, key[offset])
                    hashes[offset + 1] = hash
                }
                var prefix = length
                while prefix >= 1 {
                    if lengths & (1 << UInt64(min(prefix, 63))) != 0,
                        let term = stems.value(
                            for: UnsafeBufferPointer(rebasing: key[0..<prefix]), hash: hashes[prefix])
                    {
                        return Int(term)
                    }
                    prefix -= 1
                }
                return nil
            }
            if let found { return found }
        }
        for suffix in suffixes where key.count > suffix.bytes.count && CompiledMatcher.hasSuffix(key, suffix.bytes) {
            return Int(suffix.term)
        }
        return nil
    }

    /// Retries a word with letters repeated three or more times cut to two, then to one.
    private func matchElongated(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        for keep in [2, 1] {
            var collapsed: [UInt8] = []
            collapsed.reserveCapacity(key.count)
            var run = 0
            for (offset, byte) in key.enumerated() {
                run = offset > 0 && key[offset - 1] == byte ? run + 1 : 1
                let repeated = run > keep && byte >= 0x41 && byte < 0x80 && isLongRun(key, offset)
                if !repeated { collapsed.append(byte) }
            }
            let found: Int? = collapsed.withUnsafeBufferPointer { bytes in
                if let slot = words.value(for: bytes, hash: FNV1a.hash(bytes)), slot.term >= 0 { return Int(slot.term) }
                return matchStemOrSuffix(bytes)
            }
            if let found { return found }
        }
        return nil
    }

    /// Whether the byte at `offset` belongs to a run of three or more equal bytes.
    private func isLongRun(_ key: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        var start = offset
        var end = offset
        while start > 0 && key[start - 1] == key[offset] { start -= 1 }
        while end + 1 < key.count && key[end + 1] == key[offset] { end += 1 }
        return end - start >= 2
    }

    @inline(__always)
    static func hasPrefix(_ key: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        guard key.count >= prefix.count else { return false }
        for offset in 0..<prefix.count where key[offset] != prefix[offset] { return false }
        return true
    }

    @inline(__always)
    static func hasSuffix(_ key: UnsafeBufferPointer<UInt8>, _ suffix: [UInt8]) -> Bool {
        guard key.count >= suffix.count else { return false }
        let start = key.count - suffix.count
        for offset in 0..<suffix.count where key[start + offset] != suffix[offset] { return false }
        return true
    }
}

/// Phrase-trie edges (node, word id) → child node, in open addressing: the phrase walk runs for
/// every token that starts a phrase, where `Dictionary`'s hashing showed up in profiles.
struct EdgeTable: Sendable {
    /// A key and its value side by side, so a hit costs one cache miss, not two.
    private struct Entry: Sendable {
        var key: UInt64 = .max
        var value: Int32 = -1
    }

    private var entries = [Entry](repeating: Entry(), count: 64)
    private var count = 0

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        // Fibonacci hashing spreads the (node, word) pairs, whose low bits are small integers.
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Calls `body` with every edge and its child.
    func forEachEdge(_ body: (UInt64, Int32) -> Void) {
        for entry in entries where entry.key != .max { body(entry.key, entry.value) }
    }

    @inline(__always)
    func value(for key: UInt64) -> Int32? {
        let mask = entries.count - 1
        var slot = EdgeTable.slot(key, mask)
        while true {
            let entry = entries[slot]
            if entry.key == key { return entry.value }
            if entry.key == .max { return nil }
            slot = (slot + 1) & mask
        }
    }

    mutating func set(_ value: Int32, for key: UInt64) {
        if (count + 1) * 2 > entries.count { grow() }
        let mask = entries.count - 1
        var slot = EdgeTable.slot(key, mask)
        while entries[slot].key != .max && entries[slot].key != key { slot = (slot + 1) & mask }
        if entries[slot].key == .max { count += 1 }
        entries[slot] = Entry(key: key, value: value)
    }

    private mutating func grow() {
        let old = entries
        entries = [Entry](repeating: Entry(), count: old.count * 2)
        count = 0
        for entry in old where entry.key != .max { set(entry.value, for: entry.key) }
    }
}
