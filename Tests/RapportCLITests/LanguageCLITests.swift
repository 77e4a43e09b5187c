import Foundation
import RapportLanguage
import RapportReport
import RapportTestSupport
import Testing

@testable import rapport

/// `rapport score`, `explain` and `lexicon`, run as a user would. Scoring tests use a small
/// lexicon written here (`--no-default-lexicons`) so the expected numbers do not move when the
/// shipped lexicons are re-weighted.
@Suite struct LanguageCLITests {
    static let lexicon = """
        #!language any
        good\t1.9\tsentiment
        terrible\t-3.4\tsentiment
        angry\t-2.3\tsentiment
        angry\t2.5\tconflict.anger
        please\t1.5\tpoliteness.please
        not\t-0.74\tmodifier.negator
        but\t1.5\tmodifier.contrast

        """

    /// A file in a folder of the temporary directory that every run reuses, so that runs leave
    /// no folders behind; each name always holds the same text, written whole.
    static func temporaryFile(_ name: String, _ text: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-language-cli-tests")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url, options: .atomic)
        return url.path
    }

    static func lexiconArguments() throws -> [String] {
        ["--no-default-lexicons", "--lexicon", try temporaryFile("test.tsv", lexicon)]
    }

    // MARK: score

    @Test func scoresArgumentsAsNDJSONInOrder() throws {
        let result = try CLI.run(
            ["score"] + (try Self.lexiconArguments()) + ["This is not good.", "Please, angry", ""])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(
            result.stdout == """
                {"text":"This is not good.","language":"en","sentiment":-0.3412,"positive":0,"negative":0.4451,"neutral":0.5549,"categories":{},"politeness":-0.1731}
                {"text":"Please, angry","language":"en","sentiment":-0.5106,"positive":0,"negative":0.7674,"neutral":0.2326,"categories":{"conflict.anger":0.5423,"politeness.please":0.3612},"politeness":-0.6187}
                {"text":"","language":"unknown","sentiment":0,"positive":0,"negative":0,"neutral":0,"categories":{},"politeness":0}

                """)
    }

    @Test func readsStandardInputLineByLine() throws {
        let input = "good\r\n\"quoted\"\tand\\slash\n\nnot good"
        let result = try CLI.run(["score"] + (try Self.lexiconArguments()), stdin: Array(input.utf8))
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5)
        #expect(lines.last == "")
        #expect(lines[0].hasPrefix(#"{"text":"good","language":"unknown","sentiment":0.4404,"#))
        #expect(lines[1].hasPrefix(#"{"text":"\"quoted\"\tand\\slash","#))
        #expect(lines[2].hasPrefix(#"{"text":"","#))
        #expect(lines[3].hasPrefix(#"{"text":"not good","language":"en","sentiment":-0.3412,"#))
    }

    @Test func readsAFileAndHonoursTheLanguage() throws {
        let path = try Self.temporaryFile("lines.txt", "Þetta er gott\nThis is good\n")
        let result = try CLI.run(["score", "--file", path, "--language", "is"] + (try Self.lexiconArguments()))
        #expect(result.status == 0)
        let languages = result.stdout.split(separator: "\n").map { $0.contains(#""language":"is""#) }
        #expect(languages == [true, true])
    }

    @Test func streamsInputOrderForManyLines() throws {
        let count = 20_000
        let text = (0..<count).map { $0 % 3 == 0 ? "line \($0) is good" : "line \($0) is terrible" }.joined(
            separator: "\n")
        let path = try Self.temporaryFile("many.txt", text)
        let result = try CLI.run(["score", "--file", path] + (try Self.lexiconArguments()))
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == count)
        for index in [0, 1, 9_999, count - 1] {
            #expect(lines[index].hasPrefix(#"{"text":"line \#(index) is "#))
        }
    }

    /// Output for a line appears before the input ends: the command streams, it does not read
    /// everything first.
    @Test func answersEachLineBeforeTheInputEnds() throws {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["score"] + (try Self.lexiconArguments())
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var received: [String] = []
        for text in ["good", "terrible"] {
            input.fileHandleForWriting.write(Data((text + "\n").utf8))
            let data = output.fileHandleForReading.availableData
            received.append(String(decoding: data, as: UTF8.self))
        }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(received.count == 2)
        #expect(received[0].hasPrefix(#"{"text":"good""#))
        #expect(received[1].hasPrefix(#"{"text":"terrible""#))
        #expect(process.terminationStatus == 0)
    }

    @Test func refusesArgumentsAndFileTogether() throws {
        let result = try CLI.run(["score", "--file", "x.txt", "some text"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Give texts as arguments or --file, not both."))
    }

    @Test func missingFileIsReported() throws {
        let result = try CLI.run(["score", "--file", "/nonexistent/rapport-input.txt"])
        #expect(result.status == 66)
        #expect(result.stderr.hasPrefix("rapport: cannot read /nonexistent/rapport-input.txt"))
    }

    @Test func badLexiconIsRejectedWithFileAndLine() throws {
        let path = try Self.temporaryFile("bad.tsv", "#!language en\ngood\t9\tsentiment\n")
        let result = try CLI.run(["score", "--lexicon", path, "good"])
        #expect(result.status == 64)
        #expect(result.stderr == "rapport: \(path):2: error: weight 9 is outside -4…4 for sentiment\n")
    }

    @Test func importsAPublicFormatByPrefix() throws {
        let path = try Self.temporaryFile("afinn.txt", "superb\t5\n")
        let result = try CLI.run(["score", "--no-default-lexicons", "--lexicon", "afinn:" + path, "superb"])
        #expect(result.status == 0)
        #expect(result.stdout.contains(#""sentiment":0.7184"#))
    }

    @Test func shippedLexiconsScoreTheHardCases() throws {
        let result = try CLI.run(["score", "This is unacceptable.", "Thank you so much for your help!"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains(#""sentiment":-"#))
        #expect(!lines[1].contains(#""sentiment":-"#))
    }

    // MARK: explain

    @Test func explainsForPeopleWithoutColourWhenAsked() throws {
        let result = try CLI.run(
            ["explain", "--color", "never"] + (try Self.lexiconArguments())
                + ["It is good but terrible. Not angry."])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                text 1  [en]  sentiment -0.5958  (positive 0.295, negative 0.4258, neutral 0.2792)  politeness -0.338
                  1. -0.7311  It is good but terrible.
                       good      sentiment +1.9 → +0.95  contrast
                       but       modifier.contrast 1.5
                       terrible  sentiment -3.4 → -5.1  contrast
                  2. +0.313  Not angry.
                       Not    modifier.negator -0.74
                       angry  sentiment -2.3 → +1.2765  negation
                       angry  conflict.anger 2.5 → 0  negation

                """)
    }

    @Test func colourOnlyWhenAllowed() throws {
        let arguments = ["explain"] + (try Self.lexiconArguments()) + ["good"]
        let always = try CLI.run(arguments + ["--color", "always"])
        #expect(always.stdout.contains("\u{1B}[32m"))
        // Not a terminal: no colour by default.
        let auto = try CLI.run(arguments)
        #expect(!auto.stdout.contains("\u{1B}["))
    }

    @Test func explainsAsJSONForTools() throws {
        let result = try CLI.run(["explain", "--format", "json"] + (try Self.lexiconArguments()) + ["Not good."])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                {"source":"text 1","language":"en","sentiment":-0.3412,"positive":0,"negative":0.7064,"neutral":0.2936,\
                "categories":{},"politeness":-0.1731,"sentences":[{"text":"Not good.","start":0,"end":9,"sentiment":-0.3412,\
                "categories":{},"politeness":-0.1731,"rules":[],"evidence":[{"term":"Not","entry":"not","category":"modifier.negator",\
                "base":-0.74,"final":-0.74,"rules":[]},{"term":"good","entry":"good","category":"sentiment","base":1.9,\
                "final":-1.406,"rules":["negation"]}]}]}

                """)
    }

    @Test func explainsAPlainTextFile() throws {
        let path = try Self.temporaryFile("mail.txt", "Hi,\nthis is good.\n\nThanks")
        let result = try CLI.run(["explain", "--file", path, "--format", "json"] + (try Self.lexiconArguments()))
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix(#"{"source":"\#(path)","#))
        #expect(result.stdout.components(separatedBy: #""text":"#).count - 1 == 3)
    }

    // MARK: lexicon

    @Test func checksShippedLexicons() throws {
        let result = try CLI.run(["lexicon", "check"])
        #expect(result.status == 0)
        #expect(result.stdout.contains(" 0 errors, "))
    }

    @Test func checkReportsEveryProblemAndFails() throws {
        let first = try Self.temporaryFile(
            "a.tsv", "#!language en\ngood\t2\tsentiment\nbad\t-2\tfeelings\ngood..\t1\tsentiment\n")
        let second = try Self.temporaryFile("b.tsv", "#!language any\ngood\t1\tsentiment\n")
        let result = try CLI.run(["lexicon", "check", first, second])
        #expect(result.status == 1)
        #expect(
            result.stdout == """
                \(first):3: error: unknown category 'feelings'
                \(first):4: warning: unreachable: the tokenizer reads 'good..' as 2 tokens ('good' '..')
                \(second):2: error: conflicting weights for 'good' sentiment: \(first):2 says 2
                2 files, 3 entries: 2 errors, 1 warning

                """)
    }

    @Test func checkPassesAGoodFile() throws {
        let path = try Self.temporaryFile("good.tsv", Self.lexicon)
        let result = try CLI.run(["lexicon", "check", path])
        #expect(result.status == 0)
        #expect(result.stdout == "1 file, 7 entries: 0 errors, 0 warnings\n")
    }

    @Test func listsWhatIsLoaded() throws {
        let path = try Self.temporaryFile("mine.tsv", Self.lexicon)
        let result = try CLI.run(["lexicon", "list", "--lexicon", path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Lexicons/en/modifiers.tsv\ten\trapport\t"))
        #expect(result.stdout.contains("\(path)\tany\trapport\t7 entries\n  conflict.anger\t1\n"))
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.suffix(2).allSatisfy { $0.hasSuffix(" distinct terms") })
    }

    // MARK: the NDJSON writer

    /// The fast writer must produce exactly what `JSONValue` would.
    @Test(arguments: [
        0.0, -0.0, 1, -1, 0.5, -0.5, 0.12345, -0.12345, 0.00004, -0.00004, 0.00005, -0.00005, 0.99995,
        -0.99995, 123.4567, 1e20, .infinity, .nan, 0.1 + 0.2, 2.675, 1.0005, -3.14159, 0.0001, 0.001, 0.01, 0.1,
        0.101, 0.1001, 0.011, 0.0011, 0.00995, 9.9999, 10.5, -12345.0001, 9_999_999_999.5, 12_345_678_901.5,
        99_999_999_999.99995, -99_999_999_999.9, 1e11, 123_456_789_012.25,
    ])
    func numbersMatchJSONValue(_ value: Double) {
        var bytes: [UInt8] = []
        ScoreRecord.appendNumber(value, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == JSONValue.double(value).serialized())
    }

    /// The writer stores whole groups of digits past what it keeps: never past the room asked for.
    @Test(arguments: [
        0.5, -0.1, 0.0001, -0.99995, 123.4567, -9_999_999_999.1, 12_345_678_901.5, -99_999_999_999.9, 1e11, 1e20,
    ])
    func numbersStayWithinTheirBound(_ value: Double) {
        let bound = ScoreRecord.maximumNumberLength(value)
        var storage = [UInt8](repeating: 0xAA, count: bound + 16)
        let written = storage.withUnsafeMutableBufferPointer { buffer in
            var writer = ByteWriter(buffer.baseAddress!)
            ScoreRecord.writeNumber(value, to: &writer)
            return writer.count
        }
        #expect(written <= bound)
        #expect(storage[bound...].allSatisfy { $0 == 0xAA }, "wrote past \(bound) bytes for \(value)")
    }

    @Test(arguments: [
        "", "plain", "quote \" and \\ back", "tab\tnew\nline\rcr", "\u{1}\u{1F}\u{7F}", "line\u{2028}para\u{2029}",
        "Þetta “virkar” — 👍🏽", "\u{E2}\u{80}",
    ])
    func recordsMatchJSONValue(_ text: String) { Self.expectRecordMatchesJSONValue(text) }

    /// Bytes to escape at every offset of texts long enough for the sixteen- and eight-byte
    /// steps of the escaping scan, and past their ends.
    @Test func escapesAnywhereInLongTexts() {
        for special in ["\"", "\\", "\n", "\u{1}", "\u{7F}", "\u{2028}", "\u{2029}", "é", "\u{E2}"] {
            for length in [15, 16, 17, 23, 24, 31, 32, 33, 47] {
                for offset in 0...length {
                    let base = String(repeating: "a", count: length)
                    let index = base.index(base.startIndex, offsetBy: offset)
                    Self.expectRecordMatchesJSONValue(base[..<index] + special + base[index...])
                }
            }
        }
    }

    static func expectRecordMatchesJSONValue(_ text: String) {
        let score = DocumentScore(
            language: .icelandic, sentiment: -0.25, positive: 0.1, negative: 0.3, neutral: 0.6,
            categories: ["conflict.anger": 0.5, "b.custom": 0.00001, "a": 1], politeness: 0.33333)
        var bytes: [UInt8] = []
        ScoreRecord.append(text: text, score: score, to: &bytes)
        #expect(
            String(decoding: bytes, as: UTF8.self) == ScoreRecord.jsonValue(text: text, score: score).serialized()
                + "\n")
    }
}
