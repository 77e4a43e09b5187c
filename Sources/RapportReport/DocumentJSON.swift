import Foundation
import RapportModel

/// The `rapport extract` shape of a document: one JSON object per line.
public enum DocumentJSON {
    /// ISO 8601 in UTC with seconds, e.g. `2026-03-04T09:15:00Z`.
    public static func isoDate(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilDate(fromDays: days)
        guard (0...9999).contains(year) else {
            return String(
                format: "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day,
                secondOfDay / 3600, (secondOfDay % 3600) / 60, secondOfDay % 60)
        }
        // Digits written directly: `String(format:)` was a noticeable part of writing a report.
        return String(unsafeUninitializedCapacity: 20) { buffer in
            func put(_ value: Int, _ width: Int, at offset: Int) {
                var value = value
                for position in stride(from: offset + width - 1, through: offset, by: -1) {
                    buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(year, 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(month, 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(day, 2, at: 8)
            buffer[10] = UInt8(ascii: "T")
            put(secondOfDay / 3600, 2, at: 11)
            buffer[13] = UInt8(ascii: ":")
            put((secondOfDay % 3600) / 60, 2, at: 14)
            buffer[16] = UInt8(ascii: ":")
            put(secondOfDay % 60, 2, at: 17)
            buffer[19] = UInt8(ascii: "Z")
            return 20
        }
    }

    /// Howard Hinnant's days-to-civil algorithm: exact for the proleptic Gregorian calendar and
    /// independent of the process's time zone and locale.
    static func civilDate(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public static func participant(_ participant: Participant) -> JSONValue {
        var members: [(String, JSONValue)] = [("name", JSONValue(participant.name)), ("address", .string(participant.address))]
        if let organisation = participant.organisation { members.append(("organisation", .string(organisation))) }
        if let role = participant.role { members.append(("role", .string(role))) }
        return .object(members)
    }

    public static func value(_ document: Document) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(document.id)),
            ("kind", .string(document.kind.rawValue)),
            ("date", JSONValue(document.date.map(isoDate))),
            ("dateSource", .string(document.dateSource.rawValue)),
            ("from", .array(document.from.map(participant))),
            ("to", .array(document.to.map(participant))),
            ("cc", .array(document.cc.map(participant))),
            ("subject", JSONValue(document.subject)),
            ("account", JSONValue(document.account)),
            ("thread", JSONValue(document.thread)),
            ("inReplyTo", JSONValue(document.inReplyTo)),
            ("references", .array(document.references.map(JSONValue.string))),
            ("language", JSONValue(document.language)),
            ("text", .string(document.text)),
            ("quoted", .int(document.quoted)),
            ("attachments", .array(document.attachments.map { attachment in
                .object([
                    ("name", JSONValue(attachment.name)), ("type", .string(attachment.type)),
                    ("size", .int(attachment.size)),
                ])
            })),
        ]
        if document.kind == .note || !document.segments.isEmpty {
            members.append(("segments", .array(document.segments.map { segment in
                .object([("speaker", JSONValue(segment.speaker)), ("text", .string(segment.text))])
            })))
        }
        members.append(("source", .object([
            ("file", .string(document.source.file)),
            ("index", JSONValue(document.source.index)),
            ("offset", JSONValue(document.source.offset)),
        ])))
        return .object(members)
    }
}
