import Foundation

/// Reads the dates written in mail headers and mbox envelope lines.
///
/// Real mail carries every date shape ever invented, so the parser does not follow one grammar:
/// it removes comments, splits the value into whitespace-separated chunks, recognises each chunk
/// (a time, a month name, a number, a zone, a numeric date) and then decides which number is the
/// day and which the year. Anything it does not recognise (weekday names, right or wrong, stray
/// words) is skipped. The result is nil only when no day, month and year can be found or a field
/// is out of range.
enum DateParser {
    /// RFC 5322 date-time, including the obsolete forms and the common broken ones seen in real mail.
    ///
    /// - Two-digit years are 2000–2049 for `00`–`49` and 1950–1999 for `50`–`99`; three-digit years
    ///   add 1900 (RFC 5322 §4.3). Years before 1900 are rejected (RFC 5322 §3.3).
    /// - Zones: `+hhmm`, `+hh:mm`, `+h`, named zones (`UT`, `GMT`, `EST` … and a few common
    ///   others), `GMT+1`, military letters as `-0000`; a numeric zone wins over a named one; no
    ///   zone means UTC.
    /// - Day-month order: `4 Mar 2026`, `Mar 4 2026`, asctime `Tue Mar  4 09:15:00 2026`,
    ///   ISO 8601 `2026-03-04T09:15:00Z`, dotted `04.03.2026` (day first), slashed `03/04/2026`
    ///   (month first unless the first number exceeds 12), RFC 850 `04-Mar-26`.
    /// - A missing time is midnight; `AM`/`PM` are honoured.
    static func parse(_ value: String) -> Date? {
        var fields = DateFields()
        let text = DateText.normalized(value)
        var start = text.startIndex
        while start < text.endIndex {
            guard !DateText.isSeparator(text[start]) else {
                start += 1
                continue
            }
            var end = start
            while end < text.endIndex, !DateText.isSeparator(text[end]) { end += 1 }
            fields.read(chunk: text[start..<end])
            start = end
        }
        return fields.resolve()
    }

    /// The date after the last `;` of a `Received:` header, or nil when there is no `;`.
    static func parseReceived(_ value: String) -> Date? {
        guard let semicolon = value.lastIndex(of: ";") else { return nil }
        return parse(String(value[value.index(after: semicolon)...]))
    }

    /// The asctime date at the end of an mbox `From sender Tue Mar  4 09:15:00 2026` line, also
    /// with a zone (`… 2026 +0100`, `… 09:15:00 PST 2026`) or a `remote from host` trailer.
    ///
    /// The sender is skipped first because an address may hold digits that look like a day or a
    /// year; a line whose sender is missing is read whole as a fallback.
    static func parseEnvelope(_ fromLine: String) -> Date? {
        var line = Substring(fromLine)
        while let last = line.last, last == "\n" || last == "\r" { line.removeLast() }
        if line.hasPrefix("From ") { line = line.dropFirst(5) }
        if let remote = line.range(of: " remote from ", options: .caseInsensitive) {
            line = line[..<remote.lowerBound]
        }
        let rest = line.drop { $0 == " " || $0 == "\t" }
        return parse(String(dropSender(rest))) ?? parse(String(rest))
    }

    /// The envelope line after its sender: a quoted local part may hold spaces.
    private static func dropSender(_ line: Substring) -> Substring {
        var index = line.startIndex
        var quoted = false
        while index < line.endIndex {
            let character = line[index]
            if character == "\"" {
                quoted.toggle()
            } else if !quoted, character == " " || character == "\t" {
                break
            }
            index = line.index(after: index)
        }
        return line[index...]
    }
}

// MARK: - Text clean-up

/// Byte-level preparation of a date value: comments dropped, ASCII lower-cased, commas turned into
/// spaces and the spaces that obsolete syntax allows around a time's colons removed.
private enum DateText {
    static let space = UInt8(ascii: " ")

    static func isSeparator(_ byte: UInt8) -> Bool {
        byte == space || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isLetter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }

    static func normalized(_ value: String) -> [UInt8] {
        var uncommented: [UInt8] = []
        uncommented.reserveCapacity(value.utf8.count)
        var depth = 0
        var escaped = false
        for byte in value.utf8 {
            if depth > 0 {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "(") {
                    depth += 1
                } else if byte == UInt8(ascii: ")") {
                    depth -= 1
                    if depth == 0 { uncommented.append(space) }
                }
            } else if byte == UInt8(ascii: "(") {
                depth = 1
                uncommented.append(space)
            } else if byte == UInt8(ascii: ",") {
                uncommented.append(space)
            } else {
                uncommented.append(ASCII.lower(byte))
            }
        }
        return joiningTimeColons(uncommented)
    }

    /// `09 :  55 : 06` becomes `09:55:06` (RFC 5322 Appendix A.6.3); other spaces stay.
    private static func joiningTimeColons(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard isSeparator(byte) else {
                result.append(byte)
                index += 1
                continue
            }
            var next = index
            while next < bytes.count, isSeparator(bytes[next]) { next += 1 }
            let before = result.last
            let after = next < bytes.count ? bytes[next] : nil
            let colonAhead = after == UInt8(ascii: ":") && before.map(isDigit) == true
            let colonBehind = before == UInt8(ascii: ":") && after.map(isDigit) == true
                && result.count >= 2 && isDigit(result[result.count - 2])
            if !(colonAhead || colonBehind) { result.append(space) }
            index = next
        }
        return result
    }
}

// MARK: - Fields

/// The pieces of a date found so far, and the rules that turn them into an instant.
private struct DateFields {
    struct Number {
        var value: Int
        var digits: Int
    }

    enum Meridiem {
        case am, pm
    }

    var time: (hour: Int, minute: Int, second: Int)?
    var meridiem: Meridiem?
    var month: Int?
    var numbers: [Number] = []
    var numericDate: (year: Number, month: Int, day: Int)?
    var numericZone: Int?
    var namedZone: Int?
    /// Set when a chunk is recognised but holds an impossible value (a zone of `+2500`).
    var invalid = false

    mutating func read(chunk: ArraySlice<UInt8>) {
        var chunk = chunk
        while chunk.count > 1, chunk.last == UInt8(ascii: ".") { chunk = chunk.dropLast() }
        guard let first = chunk.first else { return }
        if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            readZone(chunk)
        } else if DateText.isDigit(first) {
            readNumeric(chunk)
        } else if DateText.isLetter(first) {
            readWord(chunk)
        }
    }

    // MARK: Chunks

    private mutating func readNumeric(_ chunk: ArraySlice<UInt8>) {
        if chunk.allSatisfy(DateText.isDigit) {
            if let value = Self.integer(chunk) { numbers.append(Number(value: value, digits: chunk.count)) }
            return
        }
        if let isoEnd = isoDateEnd(chunk) {
            readNumericDate(chunk[..<isoEnd])
            let rest = chunk[isoEnd...]
            if rest.first == UInt8(ascii: "t") { readTime(rest.dropFirst()) }
            return
        }
        if chunk.contains(UInt8(ascii: ":")) {
            readTime(chunk)
        } else if chunk.contains(where: DateText.isLetter), chunk.contains(UInt8(ascii: "-")) {
            for part in chunk.split(separator: UInt8(ascii: "-")) { read(chunk: part) }
        } else {
            readNumericDate(chunk)
        }
    }

    /// The end of a leading `yyyy-mm-dd` in an ISO 8601 chunk, or nil.
    private func isoDateEnd(_ chunk: ArraySlice<UInt8>) -> ArraySlice<UInt8>.Index? {
        var index = chunk.startIndex
        var parts = 0
        while parts < 3 {
            let start = index
            while index < chunk.endIndex, DateText.isDigit(chunk[index]) { index += 1 }
            guard index > start else { return nil }
            if parts == 0, index - start != 4 { return nil }
            parts += 1
            if parts < 3 {
                guard index < chunk.endIndex, chunk[index] == UInt8(ascii: "-") else { return nil }
                index += 1
            }
        }
        return index
    }

    /// `04.03.2026`, `2026.03.04`, `03/04/2026`, `2026/03/04`, `2026-03-04`, `04-03-2026`.
    private mutating func readNumericDate(_ chunk: ArraySlice<UInt8>) {
        guard let separator = chunk.first(where: { !DateText.isDigit($0) }),
              [UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "-")].contains(separator)
        else { return }
        let parts = chunk.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(DateText.isDigit) }),
              let a = Self.integer(parts[0]), let b = Self.integer(parts[1]), let c = Self.integer(parts[2])
        else { return }
        if parts[0].count >= 3 {
            numericDate = (Number(value: a, digits: parts[0].count), b, c)
        } else if separator == UInt8(ascii: "/"), a <= 12 {
            numericDate = (Number(value: c, digits: parts[2].count), a, b)
        } else {
            numericDate = (Number(value: c, digits: parts[2].count), b, a)
        }
    }

    /// `9:15`, `09:15:00`, `09:15:00.250`, with an attached `z`, `pm` or `+01:00`.
    private mutating func readTime(_ chunk: ArraySlice<UInt8>) {
        var index = chunk.startIndex
        var values: [Int] = []
        while values.count < 3 {
            let start = index
            while index < chunk.endIndex, DateText.isDigit(chunk[index]) { index += 1 }
            guard index > start, index - start <= 2, let value = Self.integer(chunk[start..<index]) else { break }
            values.append(value)
            guard index < chunk.endIndex, chunk[index] == UInt8(ascii: ":") else { break }
            index += 1
        }
        guard values.count >= 2, time == nil else { return }
        time = (values[0], values[1], values.count > 2 ? values[2] : 0)
        if index < chunk.endIndex, chunk[index] == UInt8(ascii: ".") {
            index += 1
            while index < chunk.endIndex, DateText.isDigit(chunk[index]) { index += 1 }
        }
        if index < chunk.endIndex { read(chunk: chunk[index...]) }
    }

    private mutating func readWord(_ chunk: ArraySlice<UInt8>) {
        let letters = chunk.prefix(while: DateText.isLetter)
        let rest = chunk[letters.endIndex...]
        let word = String(decoding: letters, as: UTF8.self)
        if !rest.isEmpty {
            // `gmt+1`, `utc-05:00`, `pm`-less junk such as `h0500`.
            guard let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
                  let base = Self.zones[word]
            else { return }
            if namedZone == nil, let offset = Self.numericOffset(rest) { namedZone = base + offset }
            return
        }
        if word == "am" || word == "pm" {
            meridiem = word == "am" ? .am : .pm
        } else if let zone = Self.zones[word] {
            if namedZone == nil { namedZone = zone }
        } else if word.count == 1, word != "j" {
            // RFC 5322 §4.3: military zones were defined wrongly in RFC 822; treat them as -0000.
            if namedZone == nil { namedZone = 0 }
        } else if month == nil, let number = Self.month(word) {
            month = number
        }
    }

    private mutating func readZone(_ chunk: ArraySlice<UInt8>) {
        guard numericZone == nil else { return }
        if let offset = Self.numericOffset(chunk) {
            numericZone = offset
        } else if chunk.count > 1, chunk.dropFirst().allSatisfy({ DateText.isDigit($0) || $0 == UInt8(ascii: ":") }) {
            invalid = true
        }
    }

    // MARK: Resolution

    func resolve() -> Date? {
        guard !invalid, let (year, month, day) = dayMonthYear() else { return nil }
        guard (1900...9999).contains(year), (1...12).contains(month),
              (1...CivilCalendar.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var (hour, minute, second) = time ?? (0, 0, 0)
        if let meridiem, (1...12).contains(hour) {
            if meridiem == .pm, hour < 12 { hour += 12 }
            if meridiem == .am, hour == 12 { hour = 0 }
        }
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        let zone = numericZone ?? namedZone ?? 0
        let days = CivilCalendar.daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - zone
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private func dayMonthYear() -> (Int, Int, Int)? {
        if let numericDate {
            return (Self.fullYear(numericDate.year), numericDate.month, numericDate.day)
        }
        guard let month else { return nil }
        let day: Number
        let year: Number
        if let yearIndex = numbers.firstIndex(where: { $0.digits >= 3 }) {
            guard let dayNumber = numbers.first(where: { $0.digits <= 2 }) else { return nil }
            day = dayNumber
            year = numbers[yearIndex]
        } else {
            guard numbers.count >= 2 else { return nil }
            day = numbers[0]
            year = numbers[1]
        }
        return (Self.fullYear(year), month, day.value)
    }

    /// RFC 5322 §4.3: `00`–`49` are 2000–2049, `50`–`99` are 1950–1999, three digits add 1900.
    private static func fullYear(_ year: Number) -> Int {
        switch year.digits {
        case ...2: return year.value < 50 ? 2000 + year.value : 1900 + year.value
        case 3: return 1900 + year.value
        default: return year.value
        }
    }

    // MARK: Tables

    private static let monthNames = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]

    /// 1–12 for a month name or an abbreviation of at least three letters (`sep`, `sept`).
    private static func month(_ word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        return monthNames.firstIndex { $0.hasPrefix(word) }.map { $0 + 1 }
    }

    /// Offsets in seconds east of UTC: the RFC 5322 names first, then abbreviations common enough
    /// in real mail that reading them as UTC would be needlessly wrong.
    private static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "cut": 0, "uct": 0,
        "est": -5 * 3600, "edt": -4 * 3600, "cst": -6 * 3600, "cdt": -5 * 3600,
        "mst": -7 * 3600, "mdt": -6 * 3600, "pst": -8 * 3600, "pdt": -7 * 3600,
        "ast": -4 * 3600, "adt": -3 * 3600, "akst": -9 * 3600, "akdt": -8 * 3600, "hst": -10 * 3600,
        "wet": 0, "west": 3600, "bst": 3600, "cet": 3600, "cest": 2 * 3600, "met": 3600, "mest": 2 * 3600,
        "eet": 2 * 3600, "eest": 3 * 3600, "msk": 3 * 3600, "jst": 9 * 3600, "kst": 9 * 3600,
        "aest": 10 * 3600, "aedt": 11 * 3600, "nzst": 12 * 3600, "nzdt": 13 * 3600,
    ]

    /// `+hhmm`, `+hh:mm`, `+hmm`, `+hh`, `+h` as seconds east of UTC; nil when malformed or when
    /// hours or minutes are out of range.
    private static func numericOffset(_ chunk: ArraySlice<UInt8>) -> Int? {
        guard let sign = chunk.first else { return nil }
        let body = chunk.dropFirst()
        let hours: Int
        let minutes: Int
        if let colon = body.firstIndex(of: UInt8(ascii: ":")) {
            let left = body[..<colon]
            let right = body[(colon + 1)...]
            guard (1...2).contains(left.count), right.count == 2,
                  let h = integer(left), let m = integer(right) else { return nil }
            (hours, minutes) = (h, m)
        } else {
            guard (1...4).contains(body.count), let value = integer(body) else { return nil }
            (hours, minutes) = body.count <= 2 ? (value, 0) : (value / 100, value % 100)
        }
        guard hours <= 23, minutes <= 59 else { return nil }
        let offset = hours * 3600 + minutes * 60
        return sign == UInt8(ascii: "-") ? -offset : offset
    }

    private static func integer(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        var value = 0
        for byte in digits {
            guard DateText.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

// MARK: - Calendar arithmetic

/// Proleptic Gregorian arithmetic, done by hand so that parsing needs no `Calendar` or time zone
/// database and gives the same answer on every machine.
private enum CivilCalendar {
    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 (Howard Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
