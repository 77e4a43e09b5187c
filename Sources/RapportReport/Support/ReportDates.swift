import Foundation

/// Dates as the human-readable formats print them: `9 Mar 2026`, always in UTC and with English
/// month names, so output never depends on the machine's time zone or locale.
enum ReportDates {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func day(_ date: Date) -> String {
        let (year, month, day) = DocumentJSON.civilDate(fromDays: days(date))
        return "\(day) \(months[month - 1]) \(year)"
    }

    /// `9 Mar 2026 – 6 May 2026`, or a single day when both ends fall on it.
    static func span(_ first: Date?, _ last: Date?) -> String {
        switch (first, last) {
        case let (first?, last?):
            let from = day(first), to = day(last)
            return from == to ? from : "\(from) – \(to)"
        case let (first?, nil): return "from \(day(first))"
        case let (nil, last?): return "until \(day(last))"
        case (nil, nil): return "undated"
        }
    }

    /// Whole calendar days from `start` to `end` (0 when `end` is not later).
    static func daysBetween(_ start: Date, _ end: Date) -> Int {
        max(0, Int(((end.timeIntervalSince1970 - start.timeIntervalSince1970) / 86_400).rounded(.down)))
    }

    private static func days(_ date: Date) -> Int {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        return seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    }
}
