import Foundation
import RapportModel
import RapportStore

/// One account's health across nightly scans (`rapport report --account NAME`): a table in
/// text and Markdown, a line chart and a table in HTML. Output depends only on its input.
public struct ScanHistory: Sendable {
    public var account: Account
    public var points: [AccountHistoryPoint]

    public init(account: Account, points: [AccountHistoryPoint]) {
        self.account = account
        self.points = points
    }

    private var title: String {
        account.name == account.key ? account.key : "\(account.name) (\(account.key))"
    }

    // MARK: - Text

    public func text() -> String {
        var out = "\nHealth of \(Self.line(title)) after each scan\n"
        guard !points.isEmpty else { return out + "  no scan has assessed this account yet\n" }
        let header = ["scan", "date", "health", "band", "trend", "open flags", "new", "changed", "cleared"]
        let rows = points.map { point in
            [String(point.scan), Self.day(point.date), String(point.health), Self.band(point.health), point.trend.rawValue,
             String(point.openFlags), String(point.appeared), String(point.changed), String(point.cleared)]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let textColumns: Set<Int> = [1, 3, 4]
        for row in [header] + rows {
            let cells = row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return textColumns.contains(column) ? cell + pad : pad + cell
            }
            let line = "  " + cells.joined(separator: "  ")
            out += String(line.dropLast(line.reversed().prefix { $0 == " " }.count)) + "\n"
        }
        return out
    }

    // MARK: - Markdown

    public func markdown() -> String {
        var out = "\n## Health of \(Self.markdownCell(title)) after each scan\n\n"
        guard !points.isEmpty else { return out + "No scan has assessed this account yet.\n" }
        out += "| scan | date | health | band | trend | open flags | new | changed | cleared |\n"
        out += "|---:|---|---:|---|---|---:|---:|---:|---:|\n"
        for point in points {
            out += "| \(point.scan) | \(Self.day(point.date)) | \(point.health) | \(Self.band(point.health)) | \(point.trend.rawValue) "
                + "| \(point.openFlags) | \(point.appeared) | \(point.changed) | \(point.cleared) |\n"
        }
        return out
    }

    // MARK: - HTML

    /// A self-contained section (inline SVG, no script) to place in an HTML report.
    public func htmlSection() -> String {
        var out = "<section class=\"scan-history\">\n<h2>Health of \(Self.escape(title)) after each scan</h2>\n"
        guard !points.isEmpty else { return out + "<p>No scan has assessed this account yet.</p>\n</section>\n" }
        out += chart()
        out += "<table>\n<thead><tr><th>scan</th><th>date</th><th>health</th><th>band</th><th>trend</th>"
            + "<th>open flags</th><th>new</th><th>changed</th><th>cleared</th></tr></thead>\n<tbody>\n"
        for point in points {
            out += "<tr><td>\(point.scan)</td><td>\(Self.day(point.date))</td><td>\(point.health)</td>"
                + "<td>\(Self.band(point.health))</td><td>\(point.trend.rawValue)</td><td>\(point.openFlags)</td>"
                + "<td>\(point.appeared)</td><td>\(point.changed)</td><td>\(point.cleared)</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    /// Health 0–100 against scan order, with the fair (40) and good (60) bands marked.
    private func chart() -> String {
        let width = 600.0, height = 160.0, margin = 24.0
        let step = points.count > 1 ? (width - 2 * margin) / Double(points.count - 1) : 0
        func x(_ index: Int) -> Double { points.count > 1 ? margin + Double(index) * step : width / 2 }
        func y(_ health: Int) -> Double { margin + (100 - Double(min(100, max(0, health)))) / 100 * (height - 2 * margin) }
        func number(_ value: Double) -> String { String(format: "%.1f", value) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" "
            + "height=\"\(Int(height))\" role=\"img\" aria-label=\"health after each scan\">\n"
        for (band, health) in [("good", 60), ("fair", 40)] {
            svg += "<line x1=\"\(number(margin))\" x2=\"\(number(width - margin))\" y1=\"\(number(y(health)))\" "
                + "y2=\"\(number(y(health)))\" stroke=\"#bbb\" stroke-dasharray=\"4 4\"/>"
                + "<text x=\"\(number(width - margin))\" y=\"\(number(y(health) - 3))\" font-size=\"10\" text-anchor=\"end\" "
                + "fill=\"#888\">\(band)</text>\n"
        }
        let line = points.enumerated().map { "\(number(x($0.offset))),\(number(y($0.element.health)))" }.joined(separator: " ")
        svg += "<polyline fill=\"none\" stroke=\"#3366aa\" stroke-width=\"2\" points=\"\(line)\"/>\n"
        for (index, point) in points.enumerated() {
            svg += "<circle cx=\"\(number(x(index)))\" cy=\"\(number(y(point.health)))\" r=\"3\" fill=\"#3366aa\">"
                + "<title>scan \(point.scan), \(Self.day(point.date)): \(point.health)</title></circle>\n"
        }
        return svg + "</svg>\n"
    }

    /// Places the section before `</body>`, or at the end when there is none.
    public func inserted(into html: String) -> String {
        guard let body = html.range(of: "</body>", options: .backwards) else { return html + htmlSection() }
        var result = html
        result.insert(contentsOf: htmlSection(), at: body.lowerBound)
        return result
    }

    // MARK: - Formatting

    static func day(_ date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    static func band(_ health: Int) -> String { health >= 60 ? "good" : health >= 40 ? "fair" : "poor" }

    /// One line: control characters (line breaks, escapes) become spaces.
    static func line(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    static func markdownCell(_ text: String) -> String {
        line(text).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "<", with: "&lt;")
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// Flags a scan (or a span of scans) cleared: printed after the summary of what is new, since
/// the threads they belonged to may no longer be flagged at all.
public enum ClearedFlags {
    public static func text(_ changes: [FlagChange], threads: [String: String]) -> String {
        let cleared = changes.filter { $0.kind == .cleared }
        guard !cleared.isEmpty else { return "" }
        var out = "\nCleared (\(cleared.count)):\n"
        for change in cleared {
            let subject = change.flag.thread.flatMap { threads[$0] }.map { " — " + ScanHistory.line($0) } ?? ""
            out += "  • \(change.flag.label) on \(change.flag.account)\(subject) (scan \(change.scan); raised in scan \(change.appeared))\n"
        }
        return out
    }

    public static func markdown(_ changes: [FlagChange], threads: [String: String]) -> String {
        let cleared = changes.filter { $0.kind == .cleared }
        guard !cleared.isEmpty else { return "" }
        var out = "\n## Cleared (\(cleared.count))\n\n"
        for change in cleared {
            let subject = change.flag.thread.flatMap { threads[$0] }.map { " — " + ScanHistory.markdownCell($0) } ?? ""
            out += "- `\(change.flag.label)` on \(ScanHistory.markdownCell(change.flag.account))\(subject) "
                + "(scan \(change.scan); raised in scan \(change.appeared))\n"
        }
        return out
    }
}
