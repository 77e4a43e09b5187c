import Foundation
import RapportModel

/// Writes the pieces of reasons and next steps the same way everywhere: dates as "12 Jun" (with
/// the year when it is not the analysis year), signed numbers with a real minus sign, people by
/// name. English only, and independent of the machine's locale, so reports are reproducible.
struct Phrasing: Sendable {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    let calendar: BusinessCalendar
    let asOf: Date
    let directory: AccountDirectory

    func day(_ date: Date) -> String {
        let day = calendar.day(of: date)
        let text = "\(day.day) \(Self.months[day.month - 1])"
        return day.year == calendar.day(of: asOf).year ? text : "\(text) \(day.year)"
    }

    func person(_ participant: Participant?) -> String {
        participant.map(directory.displayName) ?? "someone"
    }

    /// "Jón Jónsson's", "James'": the possessive of a name.
    func possessive(_ participant: Participant?) -> String {
        Self.possessive(person(participant))
    }

    static func possessive(_ name: String) -> String {
        name.hasSuffix("s") ? name + "'" : name + "'s"
    }

    /// Two decimals with a minus sign (U+2212) for negative values: "−0.62".
    static func number(_ value: Double) -> String {
        let text = String(format: "%.2f", abs(value))
        return value < -0.005 ? "\u{2212}" + text : text
    }

    static func count(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(value) \(value == 1 ? singular : (plural ?? singular + "s"))"
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }
}
