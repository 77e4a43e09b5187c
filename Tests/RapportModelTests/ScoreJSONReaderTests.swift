import Foundation
import Testing
@testable import RapportModel

@Suite struct ScoreJSONReaderTests {
    static let tricky = [
        "", "plain", "quote \" and \\ backslash / slash", "tab\tnew\nline\rcr\u{8}\u{C}", "\u{1}\u{1F}\u{7F}",
        "line\u{2028}para\u{2029}", "Þetta “virkar” — 👍🏽 𝄞", "\u{FEFF}bom", "ends with backslash \\",
    ]

    static func sample(_ text: String) -> DocumentScore {
        DocumentScore(
            language: .icelandic, sentiment: -0.123456789, positive: 0.1, negative: 1e-5, neutral: 0.8999,
            categories: ["conflict.anger": 0.5, text.isEmpty ? "x" : text: 5e-324, "b": 1e300], politeness: -0.0,
            sentences: [
                SentenceScore(
                    text: text, utf8Range: 3..<17, sentiment: 0.25, categories: [:], politeness: 0.333,
                    evidence: [
                        Evidence(term: text, entry: "disappoint*", category: "sentiment", baseWeight: -2,
                                 finalWeight: -2.9000000000000004, rules: ["booster", text]),
                    ],
                    rules: ["question", text]),
                SentenceScore(text: "Second.", utf8Range: 0..<0, sentiment: 0, categories: ["a": 1], politeness: 0,
                              evidence: [], rules: []),
            ])
    }

    static func encoded(_ score: DocumentScore, sorted: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = sorted ? [.sortedKeys, .withoutEscapingSlashes] : [.prettyPrinted]
        return String(decoding: try encoder.encode(score), as: UTF8.self)
    }

    /// What the store writes reads back equal to the score and to what `JSONDecoder` reads.
    @Test(arguments: tricky)
    func readsWhatTheEncoderWrites(_ text: String) throws {
        let score = Self.sample(text)
        for sorted in [true, false] {
            let json = try Self.encoded(score, sorted: sorted)
            let read = try ScoreJSONReader.documentScore(json)
            #expect(read == score)
            #expect(read == (try JSONDecoder().decode(DocumentScore.self, from: Data(json.utf8))))
            #expect(read.politeness.sign == score.politeness.sign)
        }
    }

    @Test func readsEscapesJSONAllows() throws {
        let json = #"{"language":"en","sentiment":1.5E2,"positive":0,"negative":-0.5e-1,"neutral":1,"#
            + #""categories":{},"politeness":0,"sentences":[{"text":"\u00e9\ud834\udd1e\/\b","utf8Range":[0,4],"#
            + #""sentiment":0,"categories":{},"politeness":0,"evidence":[],"rules":[]}]}"#
        let read = try ScoreJSONReader.documentScore(json)
        #expect(read == (try JSONDecoder().decode(DocumentScore.self, from: Data(json.utf8))))
        #expect(read.sentences[0].text == "é𝄞/\u{8}")
        #expect(read.sentiment == 150)
    }

    /// Anything else is refused, for `JSONDecoder` to read or reject.
    @Test(arguments: [
        "", "{}", "[]", #"{"language":"en"}"#,
        #"{"language":"xx","sentiment":0,"positive":0,"negative":0,"neutral":0,"categories":{},"politeness":0,"sentences":[]}"#,
        #"{"language":"en","sentiment":0,"positive":0,"negative":0,"neutral":0,"categories":{},"politeness":0,"sentences":[],"extra":1}"#,
        #"{"language":"en","sentiment":0,"positive":0,"negative":0,"neutral":0,"categories":{},"politeness":0,"sentences":[]} x"#,
        #"{"language":"en","sentiment":01,"positive":0,"negative":0,"neutral":0,"categories":{},"politeness":0,"sentences":[]}"#,
        #"{"language":"en","sentiment":+1,"positive":0,"negative":0,"neutral":0,"categories":{},"politeness":0,"sentences":[]}"#,
        #"{"language":"en","sentiment":.5,"positive":0,"negative":0,"neutral":0,"categories":{},"politeness":0,"sentences":[]}"#,
        #"{"language":"e\q","sentiment":0,"positive":0,"negative":0,"neutral":0,"categories":{},"politeness":0,"sentences":[]}"#,
        #"{"language":"\ud834","sentiment":0,"positive":0,"negative":0,"neutral":0,"categories":{},"politeness":0,"sentences":[]}"#,
        #"{"language":"en","sentiment":0,"positive":0,"negative":0,"neutral":0,"categories":{"a":1,"a":2},"politeness":0,"sentences":[]}"#,
        #"{"language":"en","sentiment":0,"sentiment":0,"negative":0,"neutral":0,"categories":{},"politeness":0,"sentences":[]}"#,
    ])
    func refusesOtherShapes(_ json: String) {
        #expect(throws: ScoreJSONReader.Unreadable.self) { try ScoreJSONReader.documentScore(json) }
    }
}
