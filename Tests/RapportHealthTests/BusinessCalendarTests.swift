import Foundation
import RapportHealth
import Testing

@Suite struct BusinessCalendarTests {
    @Test(arguments: [
        ("1970-01-01", 0, Weekday.thursday),
        ("2000-02-29", 11_016, .tuesday),
        ("2026-09-30", 20_726, .wednesday),
        ("1969-12-31", -1, .wednesday),
    ])
    func calendarDays(iso: String, dayNumber: Int, weekday: Weekday) throws {
        let day = try #require(CalendarDay(iso: iso))
        #expect(day.dayNumber == dayNumber)
        #expect(day.weekday == weekday)
        #expect(CalendarDay(dayNumber: dayNumber) == day)
        #expect(day.description == iso)
    }

    @Test(arguments: ["2026-02-29", "2025-13-01", "2025-9-01", "25-09-01", "2025-09-01T10:00", ""])
    func invalidDays(iso: String) {
        #expect(CalendarDay(iso: iso) == nil)
    }

    @Test(arguments: [
        ("2025-03-07 17:00", "2025-03-10 09:00", 1),  // Friday evening to Monday morning
        ("2025-03-03 09:00", "2025-03-03 17:00", 0),  // same day
        ("2025-03-07 09:00", "2025-03-14 09:00", 5),  // a week later
        ("2025-03-08 09:00", "2025-03-10 09:00", 1),  // Saturday to Monday
        ("2025-03-08 09:00", "2025-03-09 09:00", 0),  // Saturday to Sunday
        ("2025-03-10 09:00", "2025-03-03 09:00", 0),  // end before start
        ("2025-01-06 09:00", "2025-12-29 09:00", 255),  // across a year
        ("2026-08-25 08:02", "2026-09-30 15:40", 26),
    ])
    func businessDaysSkipWeekends(from: String, to: String, expected: Int) {
        #expect(BusinessCalendar().businessDays(from: Mail.date(from), to: Mail.date(to)) == expected)
    }

    @Test func holidaysAndOtherWorkweeks() {
        let monday = Mail.date("2025-03-03 09:00"), nextMonday = Mail.date("2025-03-10 09:00")
        var calendar = BusinessCalendar(holidays: [CalendarDay(year: 2025, month: 3, day: 5)!,
                                                   CalendarDay(year: 2025, month: 3, day: 8)!])
        #expect(calendar.businessDays(from: monday, to: nextMonday) == 4)
        calendar.workdays = [.sunday, .monday, .tuesday, .wednesday, .thursday]
        // Tue 4, (Wed 5 holiday), Thu 6, Sun 9, Mon 10.
        #expect(calendar.businessDays(from: monday, to: nextMonday) == 4)
        #expect(calendar.isBusinessDay(CalendarDay(year: 2025, month: 3, day: 9)!))
        #expect(!calendar.isBusinessDay(CalendarDay(year: 2025, month: 3, day: 7)!))
    }

    @Test func daysChangeAtMidnightInTheCalendarsZone() {
        let lateFriday = Mail.date("2025-03-08 04:00")  // Friday 20:00 in Los Angeles, Saturday in UTC
        let monday = Mail.date("2025-03-10 17:00")
        #expect(BusinessCalendar().businessDays(from: lateFriday, to: monday) == 1)
        let pacific = BusinessCalendar(timeZone: TimeZone(identifier: "America/Los_Angeles")!)
        #expect(pacific.day(of: lateFriday) == CalendarDay(year: 2025, month: 3, day: 7))
        #expect(pacific.businessDays(from: lateFriday, to: monday) == 1)
        #expect(pacific.businessDays(from: Mail.date("2025-03-07 20:00"), to: monday) == 1)
    }

    @Test func weekdayNames() {
        #expect(Weekday(name: "Monday") == .monday)
        #expect(Weekday(name: "sat") == .saturday)
        #expect(Weekday(name: "mánudagur") == nil)
    }
}
