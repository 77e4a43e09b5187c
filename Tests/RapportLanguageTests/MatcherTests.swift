import Foundation
import Testing

@testable import RapportLanguage

/// `CompiledMatcher.matchQuickly`, which answers single words inline, must give what `match`
/// gives at every token and for every end of the span, in both languages' lexicons.
@Suite struct MatcherTests {
    static func same(_ first: TermMatch?, _ second: TermMatch?) -> Bool {
        first?.first == second?.first && first?.end == second?.end && first?.term == second?.term
            && first?.elongated == second?.elongated
    }

    @Test func quickMatchesAreFullMatches() throws {
        let scorer = Scorer.default
        let index = scorer.index
        var texts = try RequiredFactsTests.texts()
        texts += [
            "per my last email", "going over your head", "not happy at all", "sooo goooood", "no problem at all",
            "if this is not fixed", "Þetta er óásættanlegt", "hins vegar", "the the the", "per", "my last",
        ]
        var compared = 0
        var phrases = 0
        for text in texts {
            var buffer = TokenBuffer()
            withUTF8(text) { scorer.tokenizer.scan($0, into: &buffer) }
            for (matcher, language) in [(index.english, LanguageCode.english), (index.icelandic, .icelandic)] {
                var entries: WordIndex.EntryNumbers = []
                var slots: [CompiledMatcher.WordSlot] = []
                var unlisted = UnlistedWords()
                buffer.tokens.withUnsafeBufferPointer { tokens in
                    buffer.normalized.withUnsafeBufferPointer { normalized in
                        _ = index.lookUp(
                            tokens, normalized: normalized, into: &entries, slots: &slots, slotLanguage: language,
                            collectEvidence: false, unlisted: &unlisted)
                        slots.withUnsafeBufferPointer { slots in
                            let slots = UnsafeBufferPointer(rebasing: slots[0..<tokens.count])
                            for position in tokens.indices {
                                for end in (position + 1)...tokens.count {
                                    let full = matcher.match(
                                        tokens, slots: slots, at: position, end: end, normalized: normalized)
                                    let quick = matcher.matchQuickly(
                                        tokens, slots: slots, at: position, end: end, normalized: normalized)
                                    #expect(Self.same(full, quick), "\(text) at \(position)..<\(end)")
                                    compared += 1
                                    if let full, full.end - full.first > 1 { phrases += 1 }
                                }
                            }
                        }
                    }
                }
            }
        }
        #expect(compared > 10_000)
        #expect(phrases > 100, "phrases are matched, or the test proves little")
    }
}
