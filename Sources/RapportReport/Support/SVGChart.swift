import Foundation
import RapportModel

/// Small inline SVG line charts for the HTML report: no scripts, no external assets, presentation
/// attributes only, so a chart also renders when saved on its own. Coordinates have one decimal,
/// written without the locale, so the same data always gives the same bytes.
enum SVGChart {
    static let width = 360.0
    static let left = 34.0
    static let right = 10.0
    static let top = 10.0

    /// Counterparty tone per message on a fixed −1…1 scale with the neutral line dashed.
    static func tone(_ values: [Double], title: String) -> String {
        let height = 96.0, bottom = 12.0
        let plot = (x: left, y: top, width: width - left - right, height: height - top - bottom)
        let y = { (value: Double) in plot.y + (1 - (min(1, max(-1, value)) + 1) / 2) * plot.height }
        let x = { (index: Int) in
            values.count == 1 ? plot.x + plot.width / 2 : plot.x + Double(index) * plot.width / Double(values.count - 1)
        }
        var svg = open(height: height, title: title)
        svg += rect(plot.x, y(1), plot.width, y(0) - y(1), fill: "#eef7ee")
        svg += rect(plot.x, y(0), plot.width, y(-1) - y(0), fill: "#fbeeee")
        svg += line(plot.x, y(0), plot.x + plot.width, y(0), stroke: "#999", dashed: true)
        for (label, value) in [("+1", 1.0), ("0", 0.0), ("−1", -1.0)] {
            svg += text(label, x: plot.x - 6, y: y(value) + 4, anchor: "end")
        }
        let points = values.enumerated().map { (x($0.offset), y($0.element)) }
        svg += series(points, stroke: "#35506b") { index in values[index] < 0 ? "#c0392b" : "#2e7d32" }
        return svg + "</svg>"
    }

    /// Account health 0–100 over time, on the good / fair / poor bands (60 and 40).
    static func health(_ history: [HealthPoint], title: String) -> String {
        let height = 120.0, bottom = 24.0
        let plot = (x: left, y: top, width: width - left - right, height: height - top - bottom)
        let y = { (value: Int) in plot.y + (1 - Double(min(100, max(0, value))) / 100) * plot.height }
        let times = history.map(\.date.timeIntervalSince1970)
        let start = times.min() ?? 0, span = (times.max() ?? 0) - start
        let x = { (time: Double) in span > 0 ? plot.x + (time - start) / span * plot.width : plot.x + plot.width / 2 }
        var svg = open(height: height, title: title)
        svg += rect(plot.x, y(100), plot.width, y(60) - y(100), fill: "#e6f4ea")
        svg += rect(plot.x, y(60), plot.width, y(40) - y(60), fill: "#fff4d6")
        svg += rect(plot.x, y(40), plot.width, y(0) - y(40), fill: "#fde7e7")
        for value in [100, 60, 40, 0] { svg += text(String(value), x: plot.x - 6, y: y(value) + 4, anchor: "end") }
        if let first = history.first, let last = history.last {
            let bottomLine = plot.y + plot.height + 16
            if history.count > 1 {
                svg += text(ReportDates.day(first.date), x: plot.x, y: bottomLine, anchor: "start")
                svg += text(ReportDates.day(last.date), x: plot.x + plot.width, y: bottomLine, anchor: "end")
            } else {
                svg += text(ReportDates.day(first.date), x: plot.x + plot.width / 2, y: bottomLine, anchor: "middle")
            }
        }
        let points = history.map { (x($0.date.timeIntervalSince1970), y($0.health)) }
        svg += series(points, stroke: "#35506b") { index in
            history[index].health >= 60 ? "#2e7d32" : history[index].health >= 40 ? "#b7791f" : "#c0392b"
        }
        return svg + "</svg>"
    }

    // MARK: - Pieces

    private static func open(height: Double, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(number(width)) \(number(height))\" "
            + "width=\"\(number(width))\" height=\"\(number(height))\" role=\"img\" font-family=\"sans-serif\" "
            + "font-size=\"10\"><title>\(HTMLText.escape(title))</title>"
    }

    private static func series(_ points: [(Double, Double)], stroke: String, dot: (Int) -> String) -> String {
        var svg = ""
        if points.count > 1 {
            let list = points.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " ")
            svg += "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"2\" stroke-linejoin=\"round\"/>"
        }
        for (index, point) in points.enumerated() {
            svg += "<circle cx=\"\(number(point.0))\" cy=\"\(number(point.1))\" r=\"3\" fill=\"\(dot(index))\"/>"
        }
        return svg
    }

    private static func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, fill: String) -> String {
        "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(width))\" height=\"\(number(height))\" fill=\"\(fill)\"/>"
    }

    private static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, dashed: Bool) -> String {
        "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" stroke=\"\(stroke)\""
            + (dashed ? " stroke-dasharray=\"4 3\"/>" : "/>")
    }

    private static func text(_ content: String, x: Double, y: Double, anchor: String) -> String {
        "<text x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\" fill=\"#555\">\(HTMLText.escape(content))</text>"
    }

    /// One decimal, no trailing `.0`, computed with integers so no locale can change it.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}

/// HTML escaping for text and attribute values.
enum HTMLText {
    /// Mail text folded to one line with `& < > " '` escaped: safe in element content and in
    /// quoted attributes.
    static func escape(_ text: String) -> String { escapeLine(MailText.line(text)) }

    /// Escapes text that is already one clean line, keeping its spaces (pieces of a sentence).
    static func escapeLine(_ text: String) -> String {
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
