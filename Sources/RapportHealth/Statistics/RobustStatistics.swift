import Foundation

/// Statistics that a single odd message cannot drag around: mail is noisy, and one sarcastic
/// "great, thanks" must not move a baseline the way it moves a mean.
enum RobustStatistics {
    /// The middle value (the mean of the two middle values for an even count); nil when empty.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The value at which half the total weight lies on each side; nil when empty or weightless.
    /// When the halfway point falls exactly between two values it is their mean, so equal
    /// weights give the ordinary median.
    static func weightedMedian(_ values: [Double], weights: [Double]) -> Double? {
        precondition(values.count == weights.count, "one weight per value")
        let pairs = zip(values, weights).filter { $0.1 > 0 }.sorted { $0.0 < $1.0 }
        let total = pairs.reduce(0) { $0 + $1.1 }
        guard total > 0 else { return nil }
        let half = total / 2, tolerance = 1e-9 * total
        var running = 0.0
        for (index, (value, weight)) in pairs.enumerated() {
            running += weight
            if abs(running - half) <= tolerance, index + 1 < pairs.count { return (value + pairs[index + 1].0) / 2 }
            if running > half { return value }
        }
        return pairs.last?.0
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The Theil–Sen estimator: the median of the slopes between every pair of points with
    /// different x. Up to 29 % of the points can be outliers without moving it. Nil when fewer
    /// than two distinct x values exist.
    static func theilSenSlope(x: [Double], y: [Double]) -> Double? {
        precondition(x.count == y.count, "one y per x")
        var slopes: [Double] = []
        for i in x.indices {
            for j in x.indices where j > i && x[j] != x[i] {
                slopes.append((y[j] - y[i]) / (x[j] - x[i]))
            }
        }
        return median(slopes)
    }

    /// Whether `theilSenSlope` is below zero, found without keeping every pairwise slope: a
    /// thread of thousands of messages has millions of them, which took hundreds of megabytes and
    /// most of a second to sort each time the deteriorating-tone rule looked at it. The slopes are
    /// counted by sign, and the two middle ones are known exactly where their mean decides.
    static func theilSenSlopeFalls(x: [Double], y: [Double]) -> Bool? {
        precondition(x.count == y.count, "one y per x")
        var pairs = 0, negative = 0
        var largestNegative = -Double.infinity, smallestOther = Double.infinity
        var unordered = false
        for i in x.indices {
            for j in (i + 1)..<x.count where x[j] != x[i] {
                let slope = (y[j] - y[i]) / (x[j] - x[i])
                pairs += 1
                if slope < 0 {
                    negative += 1
                    largestNegative = max(largestNegative, slope)
                } else if slope >= 0 {
                    smallestOther = min(smallestOther, slope)
                } else {
                    unordered = true
                }
            }
        }
        guard pairs > 0 else { return nil }
        let middle = pairs / 2
        // The slopes sorted: `negative` of them below zero, then the rest.
        if !unordered {
            if pairs % 2 == 1 { return negative > middle }
            if negative < middle { return false }
            if negative == middle { return (largestNegative + smallestOther) / 2 < 0 }
            // Both middle slopes are negative, and so is their mean unless it underflows to
            // zero, which only slopes within a few hundred powers of ten of zero can do.
            if largestNegative < -1e-300 { return true }
        }
        return theilSenSlope(x: x, y: y).map { $0 < 0 }
    }

    /// Which way a change must go to count.
    enum Direction { case drop, rise }

    /// A split of a series into an earlier and a later segment.
    struct ChangePoint: Equatable {
        /// The index of the first value of the later segment.
        var index: Int
        var before: Double
        var after: Double
    }

    /// The split into two segments (each at least `minimumSegment` long) whose means differ most
    /// in the given direction: the moment a series changed level. Nil when the series is too
    /// short or never moves that way. Ties go to the earliest split.
    static func changePoint(_ values: [Double], minimumSegment: Int = 1, direction: Direction) -> ChangePoint? {
        let minimum = max(1, minimumSegment)
        guard values.count >= 2 * minimum else { return nil }
        var prefix = [0.0]
        for value in values { prefix.append(prefix[prefix.count - 1] + value) }
        let total = prefix[values.count]
        var best: ChangePoint?
        var bestDifference = 0.0
        for index in minimum...(values.count - minimum) {
            let before = prefix[index] / Double(index)
            let after = (total - prefix[index]) / Double(values.count - index)
            let difference = direction == .drop ? before - after : after - before
            if difference > bestDifference + 1e-12 {
                bestDifference = difference
                best = ChangePoint(index: index, before: before, after: after)
            }
        }
        return best
    }

    /// The weight of a signal `ageDays` old when weight halves every `halfLifeDays`: 1 now, ½ at
    /// one half-life, ¼ at two. Future signals (negative age) weigh 1.
    static func decay(ageDays: Double, halfLifeDays: Double) -> Double {
        guard ageDays > 0, halfLifeDays > 0 else { return 1 }
        return pow(0.5, ageDays / halfLifeDays)
    }
}
