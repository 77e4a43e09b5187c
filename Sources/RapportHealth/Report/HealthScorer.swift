import Foundation
import RapportModel

/// An account's health, 0–100, from its counterparty tone, open flags and responsiveness:
///
///     health = clamp(round(70 + 25·T + D − F − R), 0, 100)
///
/// - **T**, recent tone (−1…1): the mean tone of the counterparty's messages, each weighted by
///   `0.5^(age / half-life)` (age in days before `asOf`, half-life `windows.halfLifeDays`), so
///   old signals fade; 0 when they never wrote.
/// - **D**, direction (−10…10): 10 × the Theil–Sen slope of their last 20 tones per 30 days,
///   clamped; 0 with fewer than 3 messages.
/// - **F**, open flags (0…60): per thread, 25 for a critical worst flag, 12 for a warning, 3 for
///   info, plus 3 for each further flag of the thread; account-level flags count by severity
///   alone; the total is capped at 60.
/// - **R**, responsiveness (0…25): `min(15, 3 × (their median reply latency − 2))` plus
///   `min(10, 2 × (our median reply latency − 2))`, in business days, over the replies of the
///   last half-life (a reply still awaited counts with the wait so far); never negative.
///
/// A relationship with friendly mail, no flags and prompt replies sits around 85–95; neutral
/// mail with no flags, at 70. Bands: good ≥ 60, fair 40–59, poor < 40 (`AccountReport.band`).
struct HealthScorer: Sendable {
    static let start = 70.0
    static let toneWeight = 25.0
    static let directionWeight = 10.0
    static let directionWindow = 20
    static let directionDays = 30.0
    static let flagCap = 60.0
    static let extraFlag = 3.0
    static let latencyAllowance = 2.0
    static let theirLatencyWeight = 3.0, theirLatencyCap = 15.0
    static let ourLatencyWeight = 2.0, ourLatencyCap = 10.0

    static func weight(_ severity: Severity) -> Double {
        switch severity {
        case .critical: return 25
        case .warning: return 12
        case .info: return 3
        }
    }

    /// A reply's date and latency, for the responsiveness term.
    struct Latency: Hashable, Sendable {
        var date: Date
        var businessDays: Int
    }

    let configuration: HealthConfiguration

    func health(theirReadings: [Reading], threadFlags: [[RaisedFlag]], accountFlags: [RaisedFlag],
                theirLatencies: [Latency], ourLatencies: [Latency], asOf: Date) -> Int {
        let halfLife = configuration.windows.halfLifeDays
        let dated = theirReadings.filter { $0.date != nil && !$0.automated }
        var weighted = 0.0, total = 0.0
        for reading in dated {
            let weight = RobustStatistics.decay(ageDays: asOf.timeIntervalSince(reading.date!) / 86_400, halfLifeDays: halfLife)
            weighted += weight * reading.tone
            total += weight
        }
        let tone = total > 0 ? weighted / total : 0

        var direction = 0.0
        let window = Array(dated.suffix(Self.directionWindow))
        if window.count >= 3, let first = window.first?.date {
            let days = window.map { $0.date!.timeIntervalSince(first) / 86_400 }
            if let slope = RobustStatistics.theilSenSlope(x: days, y: window.map(\.tone)) {
                direction = max(-Self.directionWeight, min(Self.directionWeight, Self.directionWeight * slope * Self.directionDays))
            }
        }

        var flags = 0.0
        for raised in threadFlags where !raised.isEmpty {
            let worst = raised.map(\.flag.severity).max()!
            flags += Self.weight(worst) + Self.extraFlag * Double(raised.count - 1)
        }
        flags += accountFlags.reduce(0) { $0 + Self.weight($1.flag.severity) }
        flags = min(Self.flagCap, flags)

        let recentSince = asOf.addingTimeInterval(-halfLife * 86_400)
        func penalty(_ latencies: [Latency], weight: Double, cap: Double) -> Double {
            let recent = latencies.filter { $0.date >= recentSince }.map { Double($0.businessDays) }
            guard let median = RobustStatistics.median(recent) else { return 0 }
            return min(cap, weight * max(0, median - Self.latencyAllowance))
        }
        let responsiveness = penalty(theirLatencies, weight: Self.theirLatencyWeight, cap: Self.theirLatencyCap)
            + penalty(ourLatencies, weight: Self.ourLatencyWeight, cap: Self.ourLatencyCap)

        let raw = Self.start + Self.toneWeight * tone + direction - flags - responsiveness
        return Int(max(0, min(100, raw.rounded())))
    }

    /// The direction of the monthly health points: the Theil–Sen slope of the last six, in
    /// points per month; ±3 or more is a trend.
    static func trend(_ history: [HealthPoint]) -> Trend {
        let points = history.suffix(6)
        guard points.count >= 2, let first = points.first?.date else { return .stable }
        let months = points.map { $0.date.timeIntervalSince(first) / (30.44 * 86_400) }
        guard let slope = RobustStatistics.theilSenSlope(x: months, y: points.map { Double($0.health) }) else {
            return .stable
        }
        return slope >= 3 ? .improving : slope <= -3 ? .declining : .stable
    }
}
