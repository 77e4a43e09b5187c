import Foundation
import RapportModel

/// A JSON value whose object keys keep the order they were written in, so that output is
/// byte-identical from run to run and reads in a sensible order (id first, text last).
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// Compact JSON text on one line (suitable for NDJSON).
    public func serialized() -> String {
        var out: [UInt8] = []
        write(to: &out, indent: nil, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Indented JSON text, two spaces per level.
    public func pretty() -> String {
        var out: [UInt8] = []
        write(to: &out, indent: "  ", level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// `pretty()`, with the elements of this object's array members written on up to
    /// `parallelism` threads (a large report's threads are most of its text); the same text.
    public func pretty(parallelism: Int) -> String {
        guard parallelism > 1, case .object(let members) = self, !members.isEmpty else { return pretty() }
        var out: [UInt8] = []
        JSONValue.writePretty(members.map { key, value in
            guard case .array(let items) = value, items.count > 1 else { return .value(key, value) }
            return .array(key, count: items.count) { items[$0] }
        }, parallelism: parallelism) { out += $0 }
        return String(decoding: out, as: UTF8.self)
    }

    /// A member of an object written by `writePretty`: a value, or an array whose elements are
    /// made only when they are written. `weight(i)` tells how large element `i` is, in units of
    /// about a kilobyte of text (a thread's messages).
    public enum StreamedMember {
        case value(String, JSONValue)
        case array(String, count: Int, weight: (Int) -> Int = { _ in 1 }, element: @Sendable (Int) -> JSONValue)
    }

    /// Elements of a streamed array made and written together (on up to `parallelism` threads),
    /// then handed on: at most this many, and as many as weigh `streamedWeight` together, so
    /// that a large report never has more than a few megabytes of its threads made at once.
    static let streamedChunk = 512
    static let streamedWeight = 2_048

    /// The text `pretty()` gives for an object of `members`, handed to `sink` piece by piece.
    public static func writePretty(
        _ members: [StreamedMember], parallelism: Int = 1, sink: ([UInt8]) throws -> Void
    ) rethrows {
        let indent: StaticString = "  "
        var out: [UInt8] = []
        guard !members.isEmpty else { return try sink(Array("{}".utf8)) }
        out.append(UInt8(ascii: "{"))
        for (index, member) in members.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            newline(&out, indent, 1)
            switch member {
            case .value(let key, let value):
                escape(key, into: &out)
                append(": ", to: &out)
                value.write(to: &out, indent: indent, level: 1)
            case .array(let key, let count, let weight, let element):
                escape(key, into: &out)
                append(": ", to: &out)
                guard count > 0 else {
                    append("[]", to: &out)
                    continue
                }
                out.append(UInt8(ascii: "["))
                var start = 0
                while start < count {
                    var end = start, total = 0
                    while end < count && end - start < streamedChunk && (end == start || total + weight(end) <= streamedWeight) {
                        total += weight(end)
                        end += 1
                    }
                    defer { start = end }
                    let pieces = Array(start..<end).parallelMap(parallelism: parallelism) {
                        position in
                        var bytes: [UInt8] = []
                        element(position).write(to: &bytes, indent: indent, level: 2)
                        return bytes
                    }
                    for (offset, piece) in pieces.enumerated() {
                        if start + offset > 0 { out.append(UInt8(ascii: ",")) }
                        newline(&out, indent, 2)
                        out.append(contentsOf: piece)
                    }
                    try sink(out)
                    out.removeAll(keepingCapacity: true)
                }
                newline(&out, indent, 1)
                out.append(UInt8(ascii: "]"))
            }
        }
        newline(&out, indent, 0)
        out.append(UInt8(ascii: "}"))
        try sink(out)
    }

    /// Writes into bytes: appending to a `String` piece by piece was most of rendering a report.
    private func write(to out: inout [UInt8], indent: StaticString?, level: Int) {
        switch self {
        case .null: JSONValue.append("null", to: &out)
        case .bool(let value): JSONValue.append(value ? "true" : "false", to: &out)
        case .int(let value): out.append(contentsOf: String(value).utf8)
        case .double(let value): JSONValue.writeNumber(value, to: &out)
        case .string(let value): JSONValue.escape(value, into: &out)
        case .array(let items):
            if items.isEmpty { JSONValue.append("[]", to: &out); return }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.newline(&out, indent, level + 1)
                item.write(to: &out, indent: indent, level: level + 1)
            }
            JSONValue.newline(&out, indent, level)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { JSONValue.append("{}", to: &out); return }
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.newline(&out, indent, level + 1)
                JSONValue.escape(key, into: &out)
                JSONValue.append(indent == nil ? ":" : ": ", to: &out)
                value.write(to: &out, indent: indent, level: level + 1)
            }
            JSONValue.newline(&out, indent, level)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func append(_ text: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private static func newline(_ out: inout [UInt8], _ indent: StaticString?, _ level: Int) {
        guard let indent else { return }
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<level { append(indent, to: &out) }
    }

    /// Numbers are written with at most four decimals and no trailing zeros, the same on every
    /// platform; non-finite values become null.
    /// `format`'s text written straight into bytes: from the whole number of ten-thousandths
    /// when that is below 10¹⁵ (exact in a `Double`), which is every score, share and weight;
    /// `String(format:)` was a tenth of writing a report.
    static func writeNumber(_ value: Double, to out: inout [UInt8]) {
        let scaled = (value * 10_000).rounded()
        guard value.isFinite, abs(scaled) < 1e15 else {
            out.append(contentsOf: format(value).utf8)
            return
        }
        let units = Int64(scaled)
        if units < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = units.magnitude
        out.append(contentsOf: String(magnitude / 10_000).utf8)
        var fraction = magnitude % 10_000
        guard fraction != 0 else { return }
        out.append(UInt8(ascii: "."))
        var digits = 4
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        var divisor: UInt64 = 1
        for _ in 1..<digits { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        let rounded = (value * 10_000).rounded() / 10_000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        var text = String(format: "%.4f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// A JSON string, quotes included: quotes, backslashes, control characters and U+2028/2029
    /// escaped; runs of UTF-8 that need no escaping copied whole.
    static func escape(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                var escape: StaticString?
                var length = 1
                switch byte {
                case UInt8(ascii: "\""): escape = #"\""#
                case UInt8(ascii: "\\"): escape = #"\\"#
                case UInt8(ascii: "\n"): escape = #"\n"#
                case UInt8(ascii: "\r"): escape = #"\r"#
                case UInt8(ascii: "\t"): escape = #"\t"#
                case 0..<0x20, 0x7F: break
                case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = bytes[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#
                    length = 3
                default:
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                if let escape {
                    append(escape, to: &out)
                } else {
                    let digits: StaticString = "0123456789abcdef"
                    append(#"\u00"#, to: &out)
                    out.append(digits.utf8Start[Int(byte >> 4)])
                    out.append(digits.utf8Start[Int(byte & 0xF)])
                }
                index += length
                runStart = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}

extension JSONValue {
    public init(_ text: String?) { self = text.map(JSONValue.string) ?? .null }
    public init(_ number: Int?) { self = number.map(JSONValue.int) ?? .null }
}
