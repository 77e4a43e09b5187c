import Foundation
import RapportHealth
@testable import RapportIngest
import RapportLanguage
import RapportModel
import RapportTestSupport

/// Reads mail the way `rapport analyze` does: ingest, thread, score with the shipped lexicons.
enum Corpus {
    static func scored(paths: [String]) throws -> [ScoredDocument] {
        var documents: [Document] = []
        try Ingestor().read(paths) { event in
            if case .document(let document) = event { documents.append(document) }
        }
        Threader().assignThreads(&documents)
        return documents.map { ScoredDocument(document: $0, score: Scorer.default.score($0.text)) }
    }

    static func scored(bytes: [UInt8], name: String) throws -> [ScoredDocument] {
        var documents: [Document] = []
        try Ingestor().read(bytes: bytes, name: name) { event in
            if case .document(let document) = event { documents.append(document) }
        }
        Threader().assignThreads(&documents)
        return documents.map { ScoredDocument(document: $0, score: Scorer.default.score($0.text)) }
    }

    /// A subject as threading compares it: reply prefixes and gateway tags removed, lower-cased.
    static func normalized(_ subject: String) -> String {
        SubjectNormalizer.normalize(subject)
    }
}

/// One line of an expectations file: a thread, its account, the verdict and the flag kinds.
struct Label: Hashable {
    var subject: String
    var account: String
    var flagged: Bool
    /// Labels such as `conflict` or `negotiation-issue:price` the thread must raise.
    var kinds: Set<String>
    /// Kinds the thread may raise or not (written with a trailing `?`).
    var optional: Set<String>

    /// Reads `subject<TAB>account<TAB>flag|healthy<TAB>kinds` lines; `#` lines are comments.
    static func read(_ relativePath: String) throws -> [Label] {
        let text = String(decoding: try Fixtures.bytes(relativePath), as: UTF8.self)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let kinds = fields.count > 3 ? fields[3].split(separator: ",").map(String.init) : []
            return Label(
                subject: fields[0], account: fields[1], flagged: fields[2] == "flag",
                kinds: Set(kinds.filter { !$0.hasSuffix("?") }),
                optional: Set(kinds.filter { $0.hasSuffix("?") }.map { String($0.dropLast()) }))
        }
    }
}

/// Precision and recall of flag kinds against labels, per kind and overall.
struct FlagScoring {
    struct Counts: Hashable {
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        var precision: Double {
            truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        var recall: Double {
            truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
    }

    /// Per top-level kind (`negotiation-issue` for every sub-kind).
    var kinds: [String: Counts] = [:]
    /// Per label, sub-kinds included.
    var labels: [String: Counts] = [:]
    /// Thread verdicts: flagged (a warning or critical flag) or not.
    var threads = Counts()

    /// Scores one thread. Only warning and critical flags count: info flags are notes, not alarms.
    mutating func add(label: Label, report: ThreadReport) {
        let raised = Set(report.flags.filter { $0.severity >= .warning }.map(\.label))
        let flagged = !raised.isEmpty
        switch (flagged, label.flagged) {
        case (true, true): threads.truePositives += 1
        case (true, false): threads.falsePositives += 1
        case (false, true): threads.falseNegatives += 1
        case (false, false): break
        }
        Self.count(expected: label.kinds, optional: label.optional, raised: raised, into: &labels)
        func top(_ label: String) -> String { String(label.split(separator: ":")[0]) }
        Self.count(expected: Set(label.kinds.map(top)), optional: Set(label.optional.map(top)),
                   raised: Set(raised.map(top)), into: &kinds)
    }

    private static func count(expected: Set<String>, optional: Set<String>, raised: Set<String>,
                              into table: inout [String: Counts]) {
        for name in expected.union(raised) {
            var counts = table[name, default: Counts()]
            if expected.contains(name) && raised.contains(name) {
                counts.truePositives += 1
            } else if expected.contains(name) {
                counts.falseNegatives += 1
            } else if !optional.contains(name) {
                counts.falsePositives += 1
            }
            table[name] = counts
        }
    }

    /// Micro-averaged over the top-level kinds.
    var overall: Counts {
        kinds.values.reduce(into: Counts()) { total, counts in
            total.truePositives += counts.truePositives
            total.falsePositives += counts.falsePositives
            total.falseNegatives += counts.falseNegatives
        }
    }

    var table: String {
        func row(_ name: String, _ counts: Counts) -> String {
            let padded = name.padding(toLength: 34, withPad: " ", startingAt: 0)
            return "\(padded) P \(String(format: "%.2f", counts.precision))  R \(String(format: "%.2f", counts.recall))"
                + "  (tp \(counts.truePositives), fp \(counts.falsePositives), fn \(counts.falseNegatives))"
        }
        var lines = kinds.keys.sorted().map { row($0, kinds[$0]!) }
        lines.append(row("overall (kinds, micro)", overall))
        lines.append(row("threads flagged", threads))
        lines += labels.keys.filter { $0.contains(":") }.sorted().map { row("  " + $0, labels[$0]!) }
        return lines.joined(separator: "\n")
    }
}
