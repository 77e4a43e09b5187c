import Foundation
@testable import RapportHealth
import RapportModel
import Testing
import RapportTestSupport

@Suite struct StatisticsTests {
    @Test func median() {
        #expect(RobustStatistics.median([]) == nil)
        #expect(RobustStatistics.median([5]) == 5)
        #expect(RobustStatistics.median([3, 1, 2]) == 2)
        #expect(RobustStatistics.median([4, 1, 3, 2]) == 2.5)
        #expect(RobustStatistics.median([1, 1, 1, 100]) == 1)
    }

    @Test func weightedMedian() {
        #expect(RobustStatistics.weightedMedian([1, 2, 3, 4], weights: [1, 1, 1, 1]) == 2.5)
        #expect(RobustStatistics.weightedMedian([1, 2, 3], weights: [1, 1, 5]) == 3)
        #expect(RobustStatistics.weightedMedian([10, -4], weights: [0.2, 0.9]) == -4)
        #expect(RobustStatistics.weightedMedian([7], weights: [0]) == nil)
        #expect(RobustStatistics.weightedMedian([], weights: []) == nil)
    }

    @Test func theilSenFindsTheSlopeDespiteAnOutlier() {
        let x: [Double] = [0, 1, 2, 3, 4, 5, 6]
        #expect(RobustStatistics.theilSenSlope(x: x, y: x.map { 2 * $0 + 1 }) == 2)
        var y = x.map { 2 * $0 + 1 }
        y[3] = -50
        #expect(RobustStatistics.theilSenSlope(x: x, y: y) == 2)
        #expect(RobustStatistics.theilSenSlope(x: [1, 1, 1], y: [0, 5, 9]) == nil)
        #expect(RobustStatistics.theilSenSlope(x: [0, 10], y: [1, 0]) == -0.1)
    }

    /// The sign found by counting equals the sign of the slope found by sorting every pairwise
    /// slope: seeded series of every length up to 40, with repeated days and tones, including
    /// balanced ones (half the slopes below zero) where the mean of the middle two decides, both ways.
    @Test func theilSenSignByCountingIsTheSortedOne() {
        var generator = SplitMix64(seed: 31)
        func random(_ range: Int) -> Int { Int(generator.next() % UInt64(range)) }
        var compared = 0
        var balanced: Set<Bool> = []
        for round in 0..<4_000 {
            let count = round % 2 == 0 ? random(41) : 2 + random(4)
            let x = (0..<count).map { _ in Double(random(12)) + (random(3) == 0 ? 0.5 : 0) }
            let y = (0..<count).map { _ in random(4) == 0 ? Double(random(3)) / 2 : Double(random(2_001) - 1_000) / 1_000 }
            let expected = RobustStatistics.theilSenSlope(x: x, y: y).map { $0 < 0 }
            #expect(RobustStatistics.theilSenSlopeFalls(x: x, y: y) == expected, "\(x) \(y)")
            guard let expected else { continue }
            compared += 1
            var slopes: [Double] = []
            for i in x.indices { for j in x.indices where j > i && x[j] != x[i] { slopes.append((y[j] - y[i]) / (x[j] - x[i])) } }
            if slopes.count % 2 == 0 && slopes.filter({ $0 < 0 }).count == slopes.count / 2 { balanced.insert(expected) }
        }
        #expect(compared > 3_000)
        #expect(balanced == [true, false])
        #expect(RobustStatistics.theilSenSlopeFalls(x: [1, 1, 1], y: [0, 5, 9]) == nil)
        #expect(RobustStatistics.theilSenSlopeFalls(x: [], y: []) == nil)
        #expect(RobustStatistics.theilSenSlopeFalls(x: [0, 10], y: [1, 0]) == true)
        #expect(RobustStatistics.theilSenSlopeFalls(x: [0, 10], y: [0, 0]) == false)
        #expect(RobustStatistics.theilSenSlopeFalls(x: [0, 1, 2], y: [0, .nan, 1]) == (RobustStatistics.theilSenSlope(x: [0, 1, 2], y: [0, .nan, 1])! < 0))
    }

    @Test func changePointSplitsWhereTheLevelMoves() {
        let drop = RobustStatistics.changePoint([0.8, 0.9, 0.7, -0.5, -0.4], direction: .drop)
        #expect(drop?.index == 3)
        #expect(drop.map { abs($0.before - 0.8) < 1e-12 && abs($0.after + 0.45) < 1e-12 } == true)
        #expect(RobustStatistics.changePoint([0, 0, 1, 1], direction: .rise)?.index == 2)
        #expect(RobustStatistics.changePoint([0, 0, 1, 1], direction: .drop) == nil)
        #expect(RobustStatistics.changePoint([1, 0], minimumSegment: 2, direction: .drop) == nil)
        // With segments of two, the lone low first value cannot be a segment of its own.
        #expect(RobustStatistics.changePoint([1, 1, 0, 0, 0], minimumSegment: 2, direction: .drop)?.index == 2)
        // Ties go to the earliest split.
        #expect(RobustStatistics.changePoint([1, 0, 1, 0], direction: .drop)?.index == 1)
    }

    @Test(arguments: [(0.0, 1.0), (90, 0.5), (180, 0.25), (-5, 1)])
    func decayHalvesEveryHalfLife(age: Double, weight: Double) {
        #expect(RobustStatistics.decay(ageDays: age, halfLifeDays: 90) == weight)
    }
}

@Suite struct RuleCatalogueTests {
    @Test func everyFlagKindHasOneThreadRuleNamedAfterIt() {
        let identifiers = ThreadRules.all.map(\.identifier)
        #expect(identifiers.sorted() == HealthFlag.Kind.allCases.map(\.rawValue).sorted())
        #expect(ThreadRules.all.allSatisfy { !$0.summary.isEmpty && $0.summary.hasSuffix(".") })
    }
}
