import Foundation

/// A calendar date, possibly with a time of day and a zone, as written in a meeting note.
struct NoteDate: Hashable, Sendable {
    var year: Int
    var month: Int
    var day: Int
    /// Hour and minute, when the note gave a time.
    var hour: Int?
    var minute: Int?
    var second: Int?
    /// Seconds east of UTC, when the note gave a zone.
    var offset: Int?

    /// The instant in UTC. Without a zone the time is read as UTC (Iceland's time all year);
    /// without a time, midnight.
    var instant: Date {
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + (hour ?? 0) * 3600 + (minute ?? 0) * 60 + (second ?? 0) - (offset ?? 0)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// `yyyy-mm-dd`, for action items' due dates.
    var isoDay: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    var hasTime: Bool { hour != nil }

    /// True for a real day of the Gregorian calendar between 1900 and 2199.
    var isValid: Bool {
        guard (1900...2199).contains(year), (1...12).contains(month), day >= 1 else { return false }
        let lengths = [31, Self.isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return false }
        if let hour, !(0...23).contains(hour) { return false }
        if let minute, !(0...59).contains(minute) { return false }
        if let second, !(0...60).contains(second) { return false }
        return true
    }

    private static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// Finds dates in meeting-note text: ISO 8601 (`2026-03-04T10:00:00+00:00`), `dd.mm.yyyy`
/// (`04.03.2026 kl. 10:00`), day and month name (`4. mars 2026`, `4 March 2026`) and month name
/// and day (`March 4, 2026 10:00 AM`), each optionally followed by a time and a zone (`Z`, `UTC`,
/// `GMT`, `±hh:mm`, `±hhmm`, `UTC+1`, `BST`, `CET`, `CEST`). Month names come from the cue file.
/// A date without a year takes `defaultYear` when given, else it is not a date.
struct NoteDateParser: Sendable {
    let cues: NoteCues

    /// The first date in `text` and where it ends, or nil.
    func firstDate(in text: String, defaultYear: Int? = nil) -> (date: NoteDate, range: Range<String.Index>)? {
        let valid = candidates(in: text, defaultYear: defaultYear).filter { $0.date.isValid }
        guard var found = valid.min(by: { $0.range.lowerBound < $1.range.lowerBound }) else { return nil }
        if let time = Self.time(atStartOf: text[found.range.upperBound...], allowBareOffset: found.isISO) {
            found.date.hour = time.hour
            found.date.minute = time.minute
            found.date.second = time.second
            found.date.offset = time.offset
            found.range = found.range.lowerBound..<time.end
            guard found.date.isValid else { return nil }
        }
        return (found.date, found.range)
    }

    /// A date when `text` is nothing but a date (and time), as OneNote writes under the title.
    func wholeDate(_ text: String, defaultYear: Int? = nil) -> NoteDate? {
        guard let found = firstDate(in: text, defaultYear: defaultYear) else { return nil }
        let before = text[..<found.range.lowerBound]
        let after = text[found.range.upperBound...]
        let isWeekdayPrefix =
            before.allSatisfy { $0.isLetter || $0 == "," || $0 == " " || $0 == "." }
            && before.split(separator: " ").count <= 1
        return isWeekdayPrefix && after.allSatisfy({ $0 == " " || $0 == "." }) ? found.date : nil
    }

    /// A time of day alone (`10:00`, `10:00 AM`, `kl. 14`), with its zone if any.
    func wholeTime(_ text: String) -> (hour: Int, minute: Int, offset: Int?)? {
        guard let time = Self.time(atStartOf: Substring(text), allowBareOffset: false),
            text[time.end...].allSatisfy({ $0 == " " || $0 == "." })
        else { return nil }
        return (time.hour, time.minute, time.offset)
    }

    /// The time a text starts with (`10:00–11:00` gives 10:00), with its zone if any.
    func leadingTime(_ text: String) -> (hour: Int, minute: Int, offset: Int?)? {
        guard let time = Self.time(atStartOf: Substring(text), allowBareOffset: false) else { return nil }
        return (time.hour, time.minute, time.offset)
    }

    // MARK: - Date patterns

    private struct Candidate {
        var date: NoteDate
        var range: Range<String.Index>
        var isISO = false
    }

    private func candidates(in text: String, defaultYear: Int?) -> [Candidate] {
        var found: [Candidate] = []
        if let match = Self.firstMatch(Self.iso, in: text) {
            let (_, year, month, day) = match.output
            found.append(
                Candidate(
                    date: NoteDate(year: Int(year)!, month: Int(month)!, day: Int(day)!), range: match.range,
                    isISO: true))
        }
        if let match = Self.firstMatch(Self.dotted, in: text) {
            let (_, day, month, year) = match.output
            var fullYear = Int(year)!
            if year.count == 2 { fullYear += 2000 }
            found.append(
                Candidate(date: NoteDate(year: fullYear, month: Int(month)!, day: Int(day)!), range: match.range))
        }
        for match in Self.allMatches(Self.dayMonthName, in: text) {
            let (_, day, name, year) = match.output
            guard let month = cues.month(name), let resolvedYear = year.map({ Int($0)! }) ?? defaultYear else {
                continue
            }
            found.append(
                Candidate(date: NoteDate(year: resolvedYear, month: month, day: Int(day)!), range: match.range))
            break
        }
        for match in Self.allMatches(Self.monthNameDay, in: text) {
            let (_, name, day, year) = match.output
            guard let month = cues.month(name), let resolvedYear = year.map({ Int($0)! }) ?? defaultYear else {
                continue
            }
            found.append(
                Candidate(date: NoteDate(year: resolvedYear, month: month, day: Int(day)!), range: match.range))
            break
        }
        return found
    }

    nonisolated(unsafe) private static let iso = #/(\d{4})-(\d{1,2})-(\d{1,2})/#
    nonisolated(unsafe) private static let dotted = #/(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})/#
    nonisolated(unsafe) private static let dayMonthName = #/(\d{1,2})\.?\s+(\p{L}+\.?)(?:,?\s+(\d{4}))?/#
    nonisolated(unsafe) private static let monthNameDay = #/(\p{L}+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?/#

    /// The first match not glued to a preceding digit or letter, nor followed by a digit.
    private static func firstMatch<Output>(_ regex: Regex<Output>, in text: String) -> Regex<Output>.Match? {
        allMatches(regex, in: text).first
    }

    private static func allMatches<Output>(_ regex: Regex<Output>, in text: String) -> [Regex<Output>.Match] {
        text.matches(of: regex).filter { match in
            let before =
                match.range.lowerBound > text.startIndex ? text[text.index(before: match.range.lowerBound)] : " "
            let after = match.range.upperBound < text.endIndex ? text[match.range.upperBound] : " "
            return !before.isLetter && !before.isNumber && !after.isNumber
        }
    }

    // MARK: - Times and zones

    private struct Time {
        var hour: Int
        var minute: Int
        var second: Int?
        var offset: Int?
        var end: String.Index
    }

    nonisolated(unsafe) private static let clock =
        #/^(?:\s*,)?(?:T|\s*(?:kl\.?|klukkan|at|@)?\s*)(\d{1,2})[:.](\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s*([ap])\.?m\.?)?/#
        .ignoresCase()
    nonisolated(unsafe) private static let hourOnly =
        #/^(?:\s*,)?\s*(?:(?:kl\.?|klukkan)\s*(\d{1,2})(?!\d)|(?:at\s+)?(\d{1,2})\s*([ap])\.?m\.?)/#
        .ignoresCase()

    private static func time(atStartOf text: Substring, allowBareOffset: Bool) -> Time? {
        var time: Time
        if let match = text.firstMatch(of: clock) {
            let (_, hour, minute, second, meridiem) = match.output
            time = Time(
                hour: Int(hour)!, minute: Int(minute)!, second: second.map { Int($0)! }, end: match.range.upperBound)
            if let meridiem { time.hour = twentyFourHour(time.hour, meridiem) }
        } else if let match = text.firstMatch(of: hourOnly) {
            let (_, kl, hour, meridiem) = match.output
            if let kl {
                time = Time(hour: Int(kl)!, minute: 0, end: match.range.upperBound)
            } else if let hour, let meridiem {
                time = Time(hour: twentyFourHour(Int(hour)!, meridiem), minute: 0, end: match.range.upperBound)
            } else {
                return nil
            }
        } else {
            return nil
        }
        guard time.hour <= 23, time.minute <= 59 else { return nil }
        if let zone = Self.zone(atStartOf: text[time.end...], allowBareOffset: allowBareOffset) {
            time.offset = zone.offset
            time.end = zone.end
        }
        return time
    }

    private static func twentyFourHour(_ hour: Int, _ meridiem: Substring) -> Int {
        let pm = meridiem.lowercased() == "p"
        if hour == 12 { return pm ? 12 : 0 }
        return pm ? hour + 12 : hour
    }

    /// Zone abbreviations seen in the notes Rapport's users write; anything else needs a number.
    static let namedZones: [String: Int] = [
        "z": 0, "utc": 0, "gmt": 0, "wet": 0, "west": 3600, "bst": 3600,
        "cet": 3600, "cest": 7200,
    ]

    nonisolated(unsafe) private static let namedZone =
        #/^\s*\(?(Z|UTC|GMT|WEST|WET|BST|CEST|CET)(?!\p{L})(?:\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?)?\)?/#.ignoresCase()
    nonisolated(unsafe) private static let numericZone = #/^\s?([+\-−])(\d{2}):?(\d{2})(?!\d)/#

    /// A zone after a time. Bare numeric offsets (`+00:00`, `-0500`) count only after ISO dates,
    /// where they cannot be the second half of a range such as `10:00-11:00`.
    private static func zone(atStartOf text: Substring, allowBareOffset: Bool) -> (offset: Int, end: String.Index)? {
        if let match = text.firstMatch(of: namedZone) {
            let (_, name, sign, hours, minutes) = match.output
            // "Z" is only a zone when it touches the time ("10:00Z").
            if name.lowercased() == "z", text.first != "Z" && text.first != "z" { return nil }
            var offset = namedZones[name.lowercased()] ?? 0
            if let sign, let hours {
                let amount = Int(hours)! * 3600 + (minutes.map { Int($0)! } ?? 0) * 60
                offset += sign == "+" ? amount : -amount
            }
            return (offset, match.range.upperBound)
        }
        if allowBareOffset, let match = text.firstMatch(of: numericZone) {
            let (_, sign, hours, minutes) = match.output
            let amount = Int(hours)! * 3600 + Int(minutes)! * 60
            return (sign == "+" ? amount : -amount, match.range.upperBound)
        }
        return nil
    }
}
