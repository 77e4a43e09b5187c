import Foundation

/// A day of the week, Monday first (ISO 8601).
public enum Weekday: Int, Hashable, Sendable, CaseIterable, Comparable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The English name (`monday`) or its three-letter abbreviation (`mon`), any case.
    public init?(name: String) {
        let lowered = name.lowercasedFast()
        guard let day = Weekday.allCases.first(where: { $0.name == lowered || $0.name.prefix(3) == lowered }) else {
            return nil
        }
        self = day
    }

    public var name: String {
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][rawValue]
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A date on the calendar with no time, e.g. a public holiday.
public struct CalendarDay: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDay.length(ofMonth: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `yyyy-mm-dd`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`), so day arithmetic needs no
    /// `Calendar` and gives the same answer everywhere.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day number (Howard Hinnant's `civil_from_days`).
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        Weekday(rawValue: ((dayNumber % 7) + 7 + 3) % 7)!
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.dayNumber < rhs.dayNumber }

    static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Counts business days, the unit in which people measure how long a reply has taken: working
/// weekdays in one time zone, minus holidays.
public struct BusinessCalendar: Hashable, Sendable {
    public var workdays: Set<Weekday>
    public var holidays: Set<CalendarDay>
    /// The zone whose midnight separates days (where the relationship manager works).
    public var timeZone: TimeZone

    public init(
        workdays: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday],
        holidays: Set<CalendarDay> = [], timeZone: TimeZone = TimeZone(identifier: "UTC")!
    ) {
        self.workdays = workdays
        self.holidays = holidays
        self.timeZone = timeZone
    }

    /// The calendar day a moment falls on in `timeZone`.
    public func day(of date: Date) -> CalendarDay {
        let seconds = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        return CalendarDay(dayNumber: Int((seconds / 86_400).rounded(.down)))
    }

    public func isBusinessDay(_ day: CalendarDay) -> Bool {
        workdays.contains(day.weekday) && !holidays.contains(day)
    }

    /// Business days after `start`'s day up to and including `end`'s day: a message sent on a
    /// Friday and answered on Monday took 1 business day; one answered the same day took 0.
    /// Zero when `end` is not after `start`.
    public func businessDays(from start: Date, to end: Date) -> Int {
        businessDays(after: day(of: start).dayNumber, through: day(of: end).dayNumber)
    }

    func businessDays(after first: Int, through last: Int) -> Int {
        guard last > first else { return 0 }
        let span = last - first
        let weeks = span / 7
        var count = weeks * workdays.count
        var dayNumber = first + weeks * 7
        while dayNumber < last {
            dayNumber += 1
            if workdays.contains(CalendarDay(dayNumber: dayNumber).weekday) { count += 1 }
        }
        for holiday in holidays {
            let number = holiday.dayNumber
            if number > first, number <= last, workdays.contains(holiday.weekday) { count -= 1 }
        }
        return count
    }
}
