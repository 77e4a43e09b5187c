import Testing
@testable import RapportIngest

/// The extractor runs on hostile input, so its cost must grow linearly with the body. These
/// bodies would take minutes (or never finish) with a quadratic scan or a backtracking pattern;
/// each must simply return the right result. No timing is asserted.
@Suite struct AuthoredTextScalingTests {
    let extractor = AuthoredTextExtractor()

    @Test func twoMegabytesOfQuotedLines() {
        let quotedLine = "> We have reviewed the delivery schedule and cannot meet the deadline.\n"
        let count = 2_000_000 / quotedLine.utf8.count
        let body = "Noted, thanks.\n\n" + String(repeating: quotedLine, count: count)
        #expect(extractor.extract(body) == .init(text: "Noted, thanks.", quotedLines: count))
    }

    @Test func oneMegabyteSingleLine() {
        let line = String(repeating: "price increase ", count: 70_000) + "end"
        #expect(extractor.extract(line) == .init(text: line, quotedLines: 0))
    }

    @Test func oneMegabyteLineUnderAnAttribution() {
        let line = "On " + String(repeating: "Tue, Mar 4, 2026 at 9:15 AM ", count: 40_000) + "wrote:"
        let body = "Yes.\n\n\(line)\n> Can you?"
        // Too long to be an attribution, so it stays; the quote under it goes.
        #expect(extractor.extract(body) == .init(text: "Yes.\n\n\(line)", quotedLines: 1))
    }

    /// Shapes that make naive matchers or window scans work hard: each must come back with the
    /// result its rules give.
    @Test func manyLinesThatStartLikeAnAttribution() {
        let body = String(repeating: "On 2026 and on and on\n", count: 10_000)
        #expect(extractor.extract(body) == .init(text: String(body.dropLast()), quotedLines: 0))
    }

    @Test func manyLinesOfOneHeaderField() {
        let body = String(repeating: "From: anna@example.com\n", count: 10_000)
        #expect(extractor.extract(body) == .init(text: String(body.dropLast()), quotedLines: 0))
    }

    @Test func manyRuleLinesArePeeledAtMostEightBlocksDeep() {
        // Each pass removes the last rule block: a rule with twelve lines under it.
        let count = 50_000
        let body = String(repeating: "-----\n", count: count)
        let kept = String(repeating: "-----\n", count: count - SignatureTrimmer.maximumPasses * 13).dropLast()
        #expect(extractor.extract(body) == .init(text: String(kept), quotedLines: 0))
    }

    @Test func manySignOffLinesArePeeledAtMostEightBlocksDeep() {
        // Each pass keeps a sign-off and removes the six lines under it.
        let count = 20_000
        let body = String(repeating: "Best regards,\n", count: count)
        let kept = String(repeating: "Best regards,\n", count: count - SignatureTrimmer.maximumPasses * 6).dropLast()
        #expect(extractor.extract(body) == .init(text: String(kept), quotedLines: 0))
    }

    @Test func oneMegabyteRuleLine() {
        #expect(extractor.extract(String(repeating: "*", count: 1_000_000)) == .init(text: "", quotedLines: 0))
    }

    @Test func manyBlankLinesBetweenTwoWords() {
        let body = "Text.\n" + String(repeating: "\n", count: 200_000) + "Jón\n"
        let text = "Text." + String(repeating: "\n", count: 200_001) + "Jón"
        #expect(extractor.extract(body) == .init(text: text, quotedLines: 0))
    }
}
