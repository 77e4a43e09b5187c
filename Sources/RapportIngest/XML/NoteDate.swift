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

    /// The longest text, in bytes, that `wholeDate` and `wholeTime` read: a weekday, a date with
    /// the month written out, a time and a zone, with room to spare.
    static let longestWholeDate = 120

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
        // Every paragraph of a note is asked whether it is a date line; a long one cannot be
        // ("Þriðjudagur 4. mars 2026 kl. 10:00 GMT" is 39 bytes), so it is not searched.
        guard text.utf8.count <= Self.longestWholeDate else { return nil }
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
        guard text.utf8.count <= Self.longestWholeDate else { return nil }
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
        let text = Substring(text)
        var found: [Candidate] = []
        if let match = Self.firstMatch(in: text, DatePattern.iso) {
            found.append(Candidate(date: match.date(year: match.number(0), defaultYear: nil), range: match.range, isISO: true))
        }
        if let match = Self.firstMatch(in: text, DatePattern.dotted) {
            found.append(Candidate(date: match.date(year: match.number(2), defaultYear: nil), range: match.range))
        }
        Self.forEachMatch(in: text, DatePattern.dayMonthName) { match in
            guard let month = cues.month(match.fields[1]!), let year = match.fields[2].map({ Int($0)! }) ?? defaultYear
            else { return false }
            found.append(Candidate(date: NoteDate(year: year, month: month, day: match.number(0)), range: match.range))
            return true
        }
        Self.forEachMatch(in: text, DatePattern.monthNameDay, resumeAfterFailure: DatePattern.endOfLetters) { match in
            guard let month = cues.month(match.fields[0]!), let year = match.fields[2].map({ Int($0)! }) ?? defaultYear
            else { return false }
            found.append(Candidate(date: NoteDate(year: year, month: month, day: match.number(1)), range: match.range))
            return true
        }
        return found
    }

    /// The first match not glued to a preceding digit or letter, nor followed by a digit.
    private static func firstMatch(in text: Substring, _ pattern: (Substring, String.Index) -> DatePattern.Match?)
        -> DatePattern.Match?
    {
        var first: DatePattern.Match?
        forEachMatch(in: text, pattern) { match in
            first = match
            return true
        }
        return first
    }

    /// Calls `body` with the matches of `pattern` from left to right that are not glued to a
    /// preceding digit or letter nor followed by a digit, until it returns true. As a regular
    /// expression search does, the search resumes at the end of every match, kept or not; after
    /// a failed attempt it resumes where `resumeAfterFailure` says (the next character unless a
    /// pattern knows better). Every pattern looks at a bounded stretch of text per attempt, or
    /// skips what it looked at, so the search is linear in the text.
    private static func forEachMatch(
        in text: Substring, _ pattern: (Substring, String.Index) -> DatePattern.Match?,
        resumeAfterFailure: (Substring, String.Index) -> String.Index = { $0.index(after: $1) },
        _ body: (DatePattern.Match) -> Bool
    ) {
        var position = text.startIndex
        while position < text.endIndex {
            guard let match = pattern(text, position) else {
                position = resumeAfterFailure(text, position)
                continue
            }
            let before = match.range.lowerBound > text.startIndex ? text[text.index(before: match.range.lowerBound)] : " "
            let after = match.range.upperBound < text.endIndex ? text[match.range.upperBound] : " "
            if !before.isLetter, !before.isNumber, !after.isNumber, body(match) { return }
            position = match.range.upperBound
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

    private static func time(atStartOf text: Substring, allowBareOffset: Bool) -> Time? {
        var time: Time
        if let clock = DatePattern.clock(text) {
            time = Time(hour: clock.hour, minute: clock.minute, second: clock.second, end: clock.end)
        } else if let hour = DatePattern.hourOnly(text) {
            time = Time(hour: hour.hour, minute: 0, end: hour.end)
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

    /// Zone abbreviations seen in the notes Rapport's users write; anything else needs a number.
    static let namedZones: [String: Int] = [
        "z": 0, "utc": 0, "gmt": 0, "wet": 0, "west": 3600, "bst": 3600,
        "cet": 3600, "cest": 7200,
    ]

    /// A zone after a time. Bare numeric offsets (`+00:00`, `-0500`) count only after ISO dates,
    /// where they cannot be the second half of a range such as `10:00-11:00`.
    private static func zone(atStartOf text: Substring, allowBareOffset: Bool) -> (offset: Int, end: String.Index)? {
        if let zone = DatePattern.namedZone(text) {
            // "Z" is only a zone when it touches the time ("10:00Z").
            if zone.name.lowercased() == "z", text.first != "Z" && text.first != "z" { return nil }
            return (zone.offset, zone.end)
        }
        if allowBareOffset, let zone = DatePattern.numericZone(text) {
            return (zone.offset, zone.end)
        }
        return nil
    }
}

// MARK: - Patterns

/// The shapes of dates, times and zones the parser knows, each matched by hand at one position.
///
/// They were regular expressions once; Swift's engine backtracks, and `\p{L}+\s+\d` tried at
/// every letter of a long word costs the square of its length (seconds for a few thousand
/// letters). Each function here reads the text once from where it starts and says in a comment
/// which expression it stands for. Digits are ASCII digits; spaces and letters are Unicode's.
private enum DatePattern {
    /// A match: where it stands and its fields in order (nil for an optional field not present).
    struct Match {
        var range: Range<String.Index>
        var fields: [Substring?]

        func number(_ field: Int) -> Int { Int(fields[field]!)! }

        /// Day, month and year read from fields 2, 1 and `year` (ISO: 0, 1, 2; dotted: 0, 1, 2).
        func date(year: Int, defaultYear: Int?) -> NoteDate {
            if fields[0]!.count == 4 {
                return NoteDate(year: year, month: number(1), day: number(2))
            }
            let fullYear = fields[2]!.count == 2 ? year + 2000 : year
            return NoteDate(year: fullYear, month: number(1), day: number(0))
        }
    }

    /// `(\d{4})-(\d{1,2})-(\d{1,2})`
    static func iso(_ text: Substring, _ start: String.Index) -> Match? {
        var cursor = Cursor(text, at: start)
        guard let year = cursor.digits(4...4, before: { $0 == "-" }), cursor.take("-"),
            let month = cursor.digits(1...2, before: { $0 == "-" }), cursor.take("-"),
            let day = cursor.digits(1...2)
        else { return nil }
        return Match(range: start..<cursor.index, fields: [year, month, day])
    }

    /// `(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})`
    static func dotted(_ text: Substring, _ start: String.Index) -> Match? {
        var cursor = Cursor(text, at: start)
        guard let day = cursor.digits(1...2, before: { $0 == "." }), cursor.take("."),
            let month = cursor.digits(1...2, before: { $0 == "." }), cursor.take("."),
            let year = cursor.digits(4...4) ?? cursor.digits(2...2)
        else { return nil }
        return Match(range: start..<cursor.index, fields: [day, month, year])
    }

    /// `(\d{1,2})\.?\s+(\p{L}+\.?)(?:,?\s+(\d{4}))?`
    static func dayMonthName(_ text: Substring, _ start: String.Index) -> Match? {
        var cursor = Cursor(text, at: start)
        guard let day = cursor.digits(1...2) else { return nil }
        _ = cursor.take(".")
        guard cursor.skip(while: \.isWhitespace) > 0, let name = cursor.letters() else { return nil }
        let year = cursor.optionalYear()
        return Match(range: start..<cursor.index, fields: [day, name, year])
    }

    /// `(\p{L}+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?`
    static func monthNameDay(_ text: Substring, _ start: String.Index) -> Match? {
        var cursor = Cursor(text, at: start)
        guard let name = cursor.letters(), cursor.skip(while: \.isWhitespace) > 0, let day = cursor.digits(1...2)
        else { return nil }
        for suffix in ["st", "nd", "rd", "th"] where cursor.take(suffix, ignoringCase: false) { break }
        let year = cursor.optionalYear()
        return Match(range: start..<cursor.index, fields: [name, day, year])
    }

    /// After a failed `monthNameDay` at a letter, every later start in the same run of letters
    /// fails the same way: they all reach the same text after the run.
    static func endOfLetters(_ text: Substring, _ start: String.Index) -> String.Index {
        var cursor = Cursor(text, at: start)
        return cursor.skip(while: \.isLetter) > 0 ? cursor.index : text.index(after: start)
    }

    /// `^(?:\s*,)?(?:T|\s*(?:kl\.?|klukkan|at|@)?\s*)(\d{1,2})[:.](\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s*([ap])\.?m\.?)?`,
    /// ignoring case, with the hour already on a 24-hour clock.
    static func clock(_ text: Substring) -> (hour: Int, minute: Int, second: Int?, end: String.Index)? {
        var cursor = Cursor(text, at: text.startIndex)
        cursor.skipLeadingComma()
        let afterComma = cursor.index
        var leads: [Cursor] = []
        if cursor.take("t", ignoringCase: true) { leads.append(cursor) }
        cursor.index = afterComma
        cursor.skip(while: \.isWhitespace)
        let afterSpace = cursor.index
        for keyword in ["kl.", "kl", "klukkan", "at", "@", ""] {
            cursor.index = afterSpace
            if cursor.take(keyword, ignoringCase: true) {
                cursor.skip(while: \.isWhitespace)
                leads.append(cursor)
            }
        }
        for var lead in leads {
            guard let hour = lead.digits(1...2, before: { $0 == ":" || $0 == "." }) else { continue }
            lead.advance()
            guard let minute = lead.digits(2...2) else { continue }
            var second: Substring?
            let beforeSeconds = lead.index
            if lead.take(":"), let seconds = lead.digits(2...2) {
                second = seconds
                let beforeFraction = lead.index
                if !((lead.take(".") || lead.take(",")) && lead.skip(while: \.isASCIIDigit) > 0) {
                    lead.index = beforeFraction
                }
            } else {
                lead.index = beforeSeconds
            }
            var hourValue = Int(hour)!
            if let meridiem = lead.meridiem() { hourValue = twentyFourHour(hourValue, pm: meridiem) }
            return (hourValue, Int(minute)!, second.map { Int($0)! }, lead.index)
        }
        return nil
    }

    /// `^(?:\s*,)?\s*(?:(?:kl\.?|klukkan)\s*(\d{1,2})(?!\d)|(?:at\s+)?(\d{1,2})\s*([ap])\.?m\.?)`, ignoring
    /// case, with the hour on a 24-hour clock.
    static func hourOnly(_ text: Substring) -> (hour: Int, end: String.Index)? {
        var cursor = Cursor(text, at: text.startIndex)
        cursor.skipLeadingComma()
        cursor.skip(while: \.isWhitespace)
        let start = cursor.index
        for keyword in ["kl.", "kl", "klukkan"] {
            cursor.index = start
            guard cursor.take(keyword, ignoringCase: true) else { continue }
            cursor.skip(while: \.isWhitespace)
            if let hour = cursor.digits(1...2, before: { !$0.isASCIIDigit }, orAtEnd: true) {
                return (Int(hour)!, cursor.index)
            }
        }
        cursor.index = start
        if !(cursor.take("at", ignoringCase: true) && cursor.skip(while: \.isWhitespace) > 0) { cursor.index = start }
        guard let hour = cursor.digits(1...2), let pm = cursor.meridiem() else { return nil }
        return (twentyFourHour(Int(hour)!, pm: pm), cursor.index)
    }

    /// `^\s*\(?(Z|UTC|GMT|WEST|WET|BST|CEST|CET)(?!\p{L})(?:\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?)?\)?`,
    /// ignoring case; the offset is the named zone's plus the written one.
    static func namedZone(_ text: Substring) -> (name: Substring, offset: Int, end: String.Index)? {
        var cursor = Cursor(text, at: text.startIndex)
        cursor.skip(while: \.isWhitespace)
        _ = cursor.take("(")
        let nameStart = cursor.index
        guard cursor.skip(while: \.isLetter) > 0 else { return nil }
        let name = text[nameStart..<cursor.index]
        guard let base = NoteDateParser.namedZones[name.lowercased()] else { return nil }
        var offset = base
        let beforeOffset = cursor.index
        cursor.skip(while: \.isWhitespace)
        if let sign = cursor.sign() {
            cursor.skip(while: \.isWhitespace)
            if let hours = cursor.digits(1...2) {
                let beforeMinutes = cursor.index
                _ = cursor.take(":")
                let minutes = cursor.digits(2...2)
                if minutes == nil { cursor.index = beforeMinutes }
                offset += sign * (Int(hours)! * 3600 + (minutes.map { Int($0)! } ?? 0) * 60)
            } else {
                cursor.index = beforeOffset
            }
        } else {
            cursor.index = beforeOffset
        }
        _ = cursor.take(")")
        return (name, offset, cursor.index)
    }

    /// `^\s?([+\-−])(\d{2}):?(\d{2})(?!\d)`
    static func numericZone(_ text: Substring) -> (offset: Int, end: String.Index)? {
        var cursor = Cursor(text, at: text.startIndex)
        if cursor.current?.isWhitespace == true { cursor.advance() }
        guard let sign = cursor.sign(), let hours = cursor.digits(2...2) else { return nil }
        _ = cursor.take(":")
        guard let minutes = cursor.digits(2...2, before: { !$0.isASCIIDigit }, orAtEnd: true) else { return nil }
        return (sign * (Int(hours)! * 3600 + Int(minutes)! * 60), cursor.index)
    }

    private static func twentyFourHour(_ hour: Int, pm: Bool) -> Int {
        if hour == 12 { return pm ? 12 : 0 }
        return pm ? hour + 12 : hour
    }
}

/// A position in a text and the moves the patterns make; a move that fails leaves it in place.
private struct Cursor {
    let text: Substring
    var index: String.Index

    init(_ text: Substring, at index: String.Index) {
        self.text = text
        self.index = index
    }

    var current: Character? { index < text.endIndex ? text[index] : nil }

    mutating func advance() { index = text.index(after: index) }

    /// Skips characters while `predicate` holds; returns how many.
    @discardableResult
    mutating func skip(while predicate: (Character) -> Bool) -> Int {
        var count = 0
        while let character = current, predicate(character) {
            advance()
            count += 1
        }
        return count
    }

    /// Takes `literal` when the text continues with it.
    mutating func take(_ literal: String, ignoringCase: Bool = false) -> Bool {
        var probe = index
        for expected in literal {
            guard probe < text.endIndex else { return false }
            let character = text[probe]
            let same = ignoringCase ? character.lowercased() == expected.lowercased() : character == expected
            guard same else { return false }
            probe = text.index(after: probe)
        }
        index = probe
        return true
    }

    /// The longest run of ASCII digits whose length is in `lengths` and after which `before`
    /// holds for the next character (a regular expression's greedy `\d{m,n}` followed by
    /// something). Without `before` any run qualifies; with it, a run at the end of the text
    /// qualifies only when `orAtEnd` is set (a negative lookahead holds there, a character
    /// class does not).
    mutating func digits(
        _ lengths: ClosedRange<Int>, before: ((Character) -> Bool)? = nil, orAtEnd: Bool = false
    ) -> Substring? {
        var ends: [String.Index] = []
        var probe = index
        while ends.count < lengths.upperBound, probe < text.endIndex, text[probe].isASCIIDigit {
            probe = text.index(after: probe)
            ends.append(probe)
        }
        for length in stride(from: ends.count, through: max(lengths.lowerBound, 1), by: -1) {
            let end = ends[length - 1]
            let fits = end < text.endIndex ? before?(text[end]) ?? true : before == nil || orAtEnd
            if fits {
                defer { index = end }
                return text[index..<end]
            }
        }
        return nil
    }

    /// `\p{L}+\.?`
    mutating func letters() -> Substring? {
        let start = index
        guard skip(while: \.isLetter) > 0 else { return nil }
        _ = take(".")
        return text[start..<index]
    }

    /// `(?:,?\s+(\d{4}))?`
    mutating func optionalYear() -> Substring? {
        let start = index
        _ = take(",")
        if skip(while: \.isWhitespace) > 0, let year = digits(4...4) { return year }
        index = start
        return nil
    }

    /// `(?:\s*,)?`
    mutating func skipLeadingComma() {
        let start = index
        skip(while: \.isWhitespace)
        if !take(",") { index = start }
    }

    /// `(?:\s*([ap])\.?m\.?)?`, ignoring case: true for PM, false for AM, nil when absent.
    mutating func meridiem() -> Bool? {
        let start = index
        skip(while: \.isWhitespace)
        let pm: Bool
        if take("p", ignoringCase: true) {
            pm = true
        } else if take("a", ignoringCase: true) {
            pm = false
        } else {
            index = start
            return nil
        }
        _ = take(".")
        guard take("m", ignoringCase: true) else {
            index = start
            return nil
        }
        _ = take(".")
        return pm
    }

    /// `[+\-−]` as 1 or -1.
    mutating func sign() -> Int? {
        if take("+") { return 1 }
        if take("-") || take("\u{2212}") { return -1 }
        return nil
    }
}

extension Character {
    /// 0–9 only: other scripts' digits are not read as numbers in dates.
    fileprivate var isASCIIDigit: Bool { asciiValue.map { (0x30...0x39).contains($0) } ?? false }
}
