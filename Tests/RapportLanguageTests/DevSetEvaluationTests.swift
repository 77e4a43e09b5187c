import Foundation
import RapportTestSupport
import Testing

@testable import RapportLanguage

/// Rated sentences in `DevSet/` (format in its README), scored with the shipped lexicons.
struct DevSet {
    struct Row: Sendable {
        var text: String
        var gold: Double
        var tag: String?
        var line: Int
    }

    var scale = 4.0
    var rows: [Row] = []

    init(text: String, file: String) throws {
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let content = line.hasSuffix("\r") ? line.dropLast() : line[...]
            if content.hasPrefix("#!scale ") {
                guard let value = Double(content.dropFirst(8)), value > 0 else {
                    throw DataFileError(file: file, line: lineNumber, reason: "'#!scale N' needs a positive number")
                }
                scale = value
                continue
            }
            if content.isEmpty || content.hasPrefix("#") { continue }
            let fields = content.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 || fields.count == 3, let gold = Double(fields[1]), abs(gold) <= scale else {
                throw DataFileError(
                    file: file, line: lineNumber,
                    reason: "expected sentence<TAB>gold[<TAB>tag] with gold within the scale")
            }
            rows.append(
                Row(
                    text: String(fields[0]), gold: gold, tag: fields.count == 3 ? String(fields[2]) : nil,
                    line: lineNumber))
        }
    }

    /// VADER's neutral band for scores.
    static let neutralScore = 0.05

    struct Result: Sendable {
        var pearson: Double
        var signAccuracy: Double
        var count: Int
    }

    func evaluate(_ predict: (String) -> Double) -> Result {
        let predicted = rows.map { predict($0.text) }
        let gold = rows.map(\.gold)
        let agree = zip(predicted, gold).filter {
            DevSet.sign($0, band: DevSet.neutralScore) == DevSet.sign($1, band: scale / 8)
        }
        return Result(
            pearson: DevSet.pearson(predicted, gold), signAccuracy: Double(agree.count) / Double(max(rows.count, 1)),
            count: rows.count)
    }

    static func sign(_ value: Double, band: Double) -> Int { value >= band ? 1 : (value <= -band ? -1 : 0) }

    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        guard x.count > 1 else { return 0 }
        let meanX = x.reduce(0, +) / n
        let meanY = y.reduce(0, +) / n
        var covariance = 0.0
        var varianceX = 0.0
        var varianceY = 0.0
        for (a, b) in zip(x, y) {
            covariance += (a - meanX) * (b - meanY)
            varianceX += (a - meanX) * (a - meanX)
            varianceY += (b - meanY) * (b - meanY)
        }
        guard varianceX > 0, varianceY > 0 else { return 0 }
        return covariance / (varianceX * varianceY).squareRoot()
    }
}

@Suite struct DevSetEvaluationTests {
    struct Floor: Sendable, CustomTestStringConvertible {
        var file: String
        var minimumRows: Int
        var pearson: Double
        var signAccuracy: Double
        var politeness: Bool
        var testDescription: String { file }
    }

    /// Floors the shipped lexicons must keep; raise them as the scorer improves.
    static let floors = [
        Floor(file: "en.tsv", minimumRows: 300, pearson: 0.55, signAccuracy: 0.65, politeness: false),
        Floor(file: "is.tsv", minimumRows: 150, pearson: 0.45, signAccuracy: 0.55, politeness: false),
        Floor(file: "politeness-en.tsv", minimumRows: 1, pearson: 0.3, signAccuracy: 0.45, politeness: true),
        Floor(file: "politeness-is.tsv", minimumRows: 1, pearson: 0.3, signAccuracy: 0.45, politeness: true),
    ]

    @Test(arguments: floors)
    func meetsTheFloor(_ floor: Floor) throws {
        let url = Fixtures.packageRoot.appendingPathComponent("Tests/RapportLanguageTests/DevSet/" + floor.file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            print("DevSet/\(floor.file) is absent: not evaluated")
            return
        }
        let set = try DevSet(text: String(decoding: data, as: UTF8.self), file: floor.file)
        #expect(set.rows.count >= floor.minimumRows)
        let result = set.evaluate { text in
            let score = Scorer.default.score(text)
            return floor.politeness ? score.politeness : score.sentiment
        }
        print(
            String(
                format: "DevSet/%@: %d rows, Pearson r %.3f, sign accuracy %.3f", floor.file, result.count,
                result.pearson, result.signAccuracy))
        #expect(result.pearson >= floor.pearson)
        #expect(result.signAccuracy >= floor.signAccuracy)
    }

    @Test func readsTheFormat() throws {
        let set = try DevSet(text: "# c\n#!scale 1\nGood.\t0.8\tmail\nBad.\t-1\n\n", file: "x")
        #expect(set.scale == 1)
        #expect(set.rows.map(\.text) == ["Good.", "Bad."])
        #expect(set.rows.map(\.gold) == [0.8, -1])
        #expect(set.rows.map(\.tag) == ["mail", nil])
        #expect(set.rows.map(\.line) == [3, 4])
    }

    @Test(arguments: ["Good.\t5\n", "Good.\n", "#!scale x\n", "Good.\tok\n"])
    func rejectsBadRows(_ text: String) {
        #expect(throws: DataFileError.self) { try DevSet(text: text, file: "x") }
    }

    @Test func measures() throws {
        let set = try DevSet(text: "a\t4\nb\t-4\nc\t0\nd\t2\n", file: "x")
        let perfect = set.evaluate { ["a": 1, "b": -1, "c": 0, "d": 0.5][$0]! }
        #expect(abs(perfect.pearson - 1) < 1e-12)
        #expect(perfect.signAccuracy == 1)
        let inverted = set.evaluate { ["a": -1, "b": 1, "c": 0, "d": -0.5][$0]! }
        #expect(abs(inverted.pearson + 1) < 1e-12)
        #expect(inverted.signAccuracy == 0.25)
        #expect(DevSet.pearson([1, 1], [1, 2]) == 0)
    }
}
