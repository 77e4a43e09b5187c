import Testing

@testable import RapportLanguage

/// A session remembers what looking up a word outside the word table found; what it gives back
/// must be what the lookup itself gives, in either language and however full the memory is.
@Suite struct UnlistedWordsTests {
    static let words = [
        "zzyzx", "disappointingly", "unacceptableness", "óánægðastur", "vonbrigðanna", "þjónustufulltrúi",
        "davíð", "ragnar", "1234", "24", "q3", "x", "ab", "escalations", "frustratingly", "ætlunarverk",
    ]

    @Test func givesWhatTheLookupGives() {
        let index = Scorer.default.index
        var unlisted = UnlistedWords()
        // Twice through, so the second round is answered from memory.
        for _ in 0..<2 {
            for word in Self.words {
                for (matcher, isIcelandic) in [(index.english, false), (index.icelandic, true)] {
                    let bytes = Array(word.utf8)
                    let found = bytes.withUnsafeBufferPointer { key in
                        unlisted.look(
                            key, hash: FNV1a.hash(key), in: matcher, isIcelandic: isIcelandic,
                            identifier: index.identifier)
                    }
                    let expected = bytes.withUnsafeBufferPointer { key in
                        (matcher.unlistedSlot(for: key).stemOrSuffix, index.identifier.hasWeightedLetter(key))
                    }
                    #expect(found.stemOrSuffix == expected.0, "\(word) \(isIcelandic)")
                    #expect(found.hasWeightedLetter == expected.1, "\(word)")
                }
            }
        }
        // The stems above are found by the lookup, or the test would prove little.
        #expect(Self.words.contains { word in
            Array(word.utf8).withUnsafeBufferPointer { index.icelandic.unlistedSlot(for: $0).stemOrSuffix >= 0 }
        })
    }

    @Test func startsAfreshWhenFull() {
        let index = Scorer.default.index
        var unlisted = UnlistedWords()
        func look(_ word: String) -> Int32 {
            Array(word.utf8).withUnsafeBufferPointer {
                unlisted.look($0, hash: FNV1a.hash($0), in: index.icelandic, isIcelandic: true, identifier: index.identifier)
                    .stemOrSuffix
            }
        }
        let expected = Array("óánægðastur".utf8).withUnsafeBufferPointer { index.icelandic.unlistedSlot(for: $0).stemOrSuffix }
        #expect(look("óánægðastur") == expected)
        for number in 0..<(UnlistedWords.capacity + 10) { _ = look("w\(number)") }
        #expect(unlisted.count <= UnlistedWords.capacity)
        #expect(look("óánægðastur") == expected)
    }
}
