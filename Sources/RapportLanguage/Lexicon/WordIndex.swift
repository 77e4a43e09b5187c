/// Every word the scorer knows — the lexicon words of both languages and the identifier's
/// function words — in one table, with what each side needs worked out when the scorer is built.
/// A text's tokens are then looked up once each: identifying the language and matching the
/// lexicons used to take two probes per token, and the stem and suffix search ran again for
/// every occurrence of a common word.
///
/// A class with constant tables, so a scorer copies one reference.
final class WordIndex: Sendable {
    /// Per token of a text: its entry, or -1 for a token that is not looked up or not found.
    typealias EntryNumbers = [Int32]

    let identifier: LanguageIdentifier
    let english: CompiledMatcher
    let icelandic: CompiledMatcher
    /// What the lookup of a token reads, by entry number, in one record: kept in arrays of
    /// their own, the parts cost a cache miss each for the less common words.
    struct Record {
        var english: CompiledMatcher.WordSlot
        var icelandic: CompiledMatcher.WordSlot
        /// The identifier's weights when the word is a listed function word (else zero).
        var listedEvidence: LanguageIdentifier.Evidence
        var isListed: Bool
        /// The word holds a letter the identifier weighs (what counts for an unlisted word).
        var hasWeightedLetter: Bool
    }

    /// Word → entry number.
    private let table: ByteTable<Void>
    private let records: [Record]

    init(identifier: LanguageIdentifier, english: CompiledMatcher, icelandic: CompiledMatcher) {
        self.identifier = identifier
        self.english = english
        self.icelandic = icelandic
        var words = ByteTable<Bool>()
        english.forEachWord { words.set(true, for: Array($0)) }
        icelandic.forEachWord { words.set(true, for: Array($0)) }
        identifier.words.forEach { key, _ in words.set(true, for: Array(key)) }
        var table = ByteTable<Void>()
        var records: [Record] = []
        words.forEach { key, _ in
            let hash = FNV1a.hash(key)
            let listed = identifier.words.value(for: key, hash: hash)
            records.append(Record(
                english: english.slot(for: key, hash: hash), icelandic: icelandic.slot(for: key, hash: hash),
                listedEvidence: listed ?? LanguageIdentifier.Evidence(), isListed: listed != nil,
                hasWeightedLetter: identifier.hasWeightedLetter(key)))
            table.set((), for: Array(key), hash: hash)
        }
        self.table = table
        self.records = records
    }

    /// Looks every token up once, writing each one's entry number to `entries` and its word slot
    /// in the lexicons of `slotLanguage` (the language given, or the likeliest) to `slots` (the
    /// first `tokens.count` of each; the arrays only grow, so they are not filled anew for each
    /// text), and returns the identifier's evidence for the text when `collectEvidence` is set
    /// (what `LanguageIdentifier.collect` finds, added in the same order). Inlined into its one
    /// caller, where the loop keeps the tables' pointers in registers.
    @inline(__always)
    func lookUp(
        _ tokens: UnsafeBufferPointer<RawToken>, normalized: UnsafeBufferPointer<UInt8>,
        into entries: inout EntryNumbers, slots: inout [CompiledMatcher.WordSlot], slotLanguage: LanguageCode,
        collectEvidence: Bool, unlisted: inout UnlistedWords
    ) -> LanguageIdentifier.Evidence {
        var evidence = LanguageIdentifier.Evidence()
        if entries.count < tokens.count {
            entries.append(contentsOf: repeatElement(-1, count: tokens.count - entries.count))
        }
        if slots.count < tokens.count {
            slots.append(contentsOf: repeatElement(CompiledMatcher.WordSlot(), count: tokens.count - slots.count))
        }
        let isIcelandic = slotLanguage == .icelandic
        let matcher = isIcelandic ? icelandic : english
        entries.withUnsafeMutableBufferPointer { entries in
            slots.withUnsafeMutableBufferPointer { slots in
                records.withUnsafeBufferPointer { records in
                    table.withReader { table in
                        for (position, token) in tokens.enumerated() {
                            guard token.isLookupable, token.normalizedEnd > token.normalizedStart else {
                                entries[position] = -1
                                slots[position] = CompiledMatcher.WordSlot()
                                continue
                            }
                            let key = UnsafeBufferPointer(
                                rebasing: normalized[token.normalizedStart..<token.normalizedEnd])
                            let number = table.index(of: key, hash: token.hash)
                            if let number {
                                entries[position] = Int32(truncatingIfNeeded: number)
                                slots[position] = isIcelandic ? records[number].icelandic : records[number].english
                            } else {
                                entries[position] = -1
                                let found = unlisted.look(
                                    key, hash: token.hash, in: matcher, isIcelandic: isIcelandic, identifier: identifier)
                                var slot = CompiledMatcher.WordSlot()
                                slot.stemOrSuffix = found.stemOrSuffix
                                slots[position] = slot
                                guard collectEvidence, token.kind == .word, found.hasWeightedLetter else { continue }
                                identifier.addLetterEvidence(of: key, to: &evidence)
                                continue
                            }
                            guard collectEvidence, token.kind == .word, let number else { continue }
                            let record = records[number]
                            if record.isListed {
                                evidence.english += record.listedEvidence.english
                                evidence.icelandic += record.listedEvidence.icelandic
                                continue
                            }
                            guard record.hasWeightedLetter else { continue }
                            identifier.addLetterEvidence(of: key, to: &evidence)
                        }
                    }
                }
            }
        }
        return evidence
    }

    /// The tokens' word slots in another language's lexicons than `lookUp` assumed (the first
    /// `tokens.count` of `slots`, which only grows), from the entries it found.
    func slots(
        _ language: LanguageCode, _ tokens: UnsafeBufferPointer<RawToken>, normalized: UnsafeBufferPointer<UInt8>,
        entries: EntryNumbers, into slots: inout [CompiledMatcher.WordSlot], unlisted: inout UnlistedWords
    ) {
        let isIcelandic = language == .icelandic
        let matcher = isIcelandic ? icelandic : english
        if slots.count < tokens.count {
            slots.append(contentsOf: repeatElement(CompiledMatcher.WordSlot(), count: tokens.count - slots.count))
        }
        slots.withUnsafeMutableBufferPointer { slots in
            records.withUnsafeBufferPointer { records in
                entries.withUnsafeBufferPointer { entries in
                    for (position, token) in tokens.enumerated() {
                        let number = entries[position]
                        if number >= 0 {
                            let record = records[Int(number)]
                            slots[position] = isIcelandic ? record.icelandic : record.english
                        } else if token.isLookupable, token.normalizedEnd > token.normalizedStart {
                            let key = UnsafeBufferPointer(
                                rebasing: normalized[token.normalizedStart..<token.normalizedEnd])
                            var slot = CompiledMatcher.WordSlot()
                            slot.stemOrSuffix = unlisted.look(
                                key, hash: token.hash, in: matcher, isIcelandic: isIcelandic, identifier: identifier
                            ).stemOrSuffix
                            slots[position] = slot
                        } else {
                            slots[position] = CompiledMatcher.WordSlot()
                        }
                    }
                }
            }
        }
    }
}

/// The words of past texts that the word table does not hold (names, numbers, misspellings,
/// inflections no stem covers), with what looking each one up found. A session meets the same
/// few thousand of them over and over, so the stem and suffix search and the letter check run
/// once per word and language instead of once per occurrence. Bounded: it starts afresh when
/// full, so hostile input of ever new tokens costs no more than it did without it.
struct UnlistedWords {
    struct Found {
        /// What `CompiledMatcher.matchStemOrSuffix` gives for the word, or -1.
        var stemOrSuffix: Int32
        /// The word holds a letter the language identifier weighs.
        var hasWeightedLetter: Bool
    }

    /// Per word: the stem or suffix in the English and the Icelandic lexicons (`notLooked` until
    /// asked for), and the letter check.
    private struct Entry {
        var english: Int32
        var icelandic: Int32
        var hasWeightedLetter: Bool
    }

    private static let notLooked: Int32 = -2
    static let capacity = 1 << 16
    private var table = ByteTable<Entry>()

    /// The words remembered.
    var count: Int { table.count }

    /// What the word `key` (whose FNV-1a hash is `hash`) finds in `matcher`, the lexicons of
    /// one language.
    mutating func look(
        _ key: UnsafeBufferPointer<UInt8>, hash: UInt64, in matcher: CompiledMatcher, isIcelandic: Bool,
        identifier: LanguageIdentifier
    ) -> Found {
        let index: Int
        if let known = table.index(of: key, hash: hash) {
            index = known
        } else {
            if table.count >= UnlistedWords.capacity { table = ByteTable() }
            table.set(
                Entry(
                    english: UnlistedWords.notLooked, icelandic: UnlistedWords.notLooked,
                    hasWeightedLetter: identifier.hasWeightedLetter(key)),
                for: Array(key), hash: hash)
            index = table.count - 1
        }
        var entry = table[valueAt: index]
        var stem = isIcelandic ? entry.icelandic : entry.english
        if stem == UnlistedWords.notLooked {
            stem = matcher.unlistedSlot(for: key).stemOrSuffix
            if isIcelandic { entry.icelandic = stem } else { entry.english = stem }
            table[valueAt: index] = entry
        }
        return Found(stemOrSuffix: stem, hasWeightedLetter: entry.hasWeightedLetter)
    }
}
