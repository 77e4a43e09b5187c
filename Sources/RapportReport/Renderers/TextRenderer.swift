import Foundation
import RapportModel

/// The terminal summary: each flagged thread with its tone line, flags, quotes, who is waiting
/// and the next step, then an overview of the accounts.
///
/// Without colour the counted words in a quote are marked `*like this*`; with colour they are
/// bold and underlined, and severities and health bands are coloured.
public struct TextRenderer: ReportRenderer {
    public static let identifier = "text"

    public init() {}

    public func render(_ report: HealthReport, context: RenderContext) -> String {
        let digest = ReportDigest(report)
        let style = ANSIStyle(enabled: context.color)
        var out = ""
        header(digest, style, into: &out)
        for (number, thread) in report.threads.enumerated() {
            out += "\n"
            self.thread(thread, number: number + 1, digest, style, into: &out)
        }
        accounts(digest, style, into: &out)
        return out
    }

    // MARK: - Header

    private func header(_ digest: ReportDigest, _ style: ANSIStyle, into out: inout String) {
        let report = digest.report
        out += style.bold("Relationship health as of \(ReportDates.day(report.asOf))") + "\n"
        out += "Our domains: " + Self.domains(report) + "\n"
        let flagged = digest.flaggedThreads.count
        let counts = SeverityCounts(digest.allFlags)
        out += "\(flagged) flagged thread\(flagged == 1 ? "" : "s") shown"
        if report.threads.count != flagged { out += " (\(report.threads.count) threads in all)" }
        out += "; flags: \(counts.phrase).\n"
    }

    static func domains(_ report: HealthReport) -> String {
        let list = report.ourDomains.isEmpty ? "none" : report.ourDomains.map(MailText.line).joined(separator: ", ")
        return report.ourDomainsAssumed ? "\(list) (assumed from the mail; set them with --our-domain)" : list
    }

    // MARK: - Threads

    private func thread(_ thread: ThreadReport, number: Int, _ digest: ReportDigest, _ style: ANSIStyle,
                        into out: inout String) {
        let severity = thread.severity.map { style.severity($0, $0.rawValue.uppercased()) } ?? style.good("HEALTHY")
        out += "\(number). \(severity)  " + style.bold(MailText.line(thread.subject)) + "\n"
        let label = { (name: String) in style.dim(name.padding(toLength: 14, withPad: " ", startingAt: 0)) }
        out += "   " + label("Account") + digest.accountPhrase(thread) + "\n"
        out += "   " + label("Ours") + Self.people(thread.ours) + "\n"
        out += "   " + label("Theirs") + Self.people(thread.theirs) + "\n"
        let count = thread.messageIDs.count
        out += "   " + label("Span") + ReportDates.span(thread.first, thread.last)
            + ", \(count) message\(count == 1 ? "" : "s")\n"
        if let change = ReportDigest.toneChange(thread.trajectory) {
            out += "   " + label("Their tone") + Sparkline.render(thread.trajectory) + "  " + change + "\n"
        }
        for flag in thread.flags {
            self.flag(flag, style, indent: "   ", into: &out)
        }
        if let last = digest.lastMessagePhrase(thread) {
            out += "   " + label("Last message") + last + "; " + digest.waitingPhrase(thread) + "\n"
        }
        if let next = thread.nextStep {
            out += "   " + label("Next step") + style.bold(MailText.line(next)) + "\n"
        }
    }

    private func flag(_ flag: HealthFlag, _ style: ANSIStyle, indent: String, into out: inout String) {
        let severity = flag.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
        out += indent + "• " + style.severity(flag.severity, severity) + " " + style.bold(flag.displayLabel)
            + ": " + MailText.line(flag.reason) + style.dim(" (since \(ReportDates.day(flag.since)))") + "\n"
        for quote in flag.evidence {
            out += indent + "    " + style.dim(Self.attribution(quote) + ":") + " “" + Self.highlighted(quote, style) + "”\n"
        }
    }

    /// `25 Aug 2026, Björn Ágústsson`.
    static func attribution(_ quote: EvidenceQuote) -> String {
        let date = quote.date.map(ReportDates.day) ?? "undated"
        guard let author = quote.author else { return date }
        return date + ", " + MailText.line(author.displayName)
    }

    private static func highlighted(_ quote: EvidenceQuote, _ style: ANSIStyle) -> String {
        TermHighlighter.pieces(MailText.line(quote.sentence), terms: quote.terms).map { piece in
            piece.marked ? style.term(piece.text) : piece.text
        }.joined()
    }

    static func people(_ people: [Participant]) -> String {
        people.isEmpty ? "—" : people.map(ReportDigest.person).joined(separator: ", ")
    }

    // MARK: - Accounts

    private func accounts(_ digest: ReportDigest, _ style: ANSIStyle, into out: inout String) {
        let accounts = digest.report.accounts
        guard !accounts.isEmpty else { return }
        out += "\n" + style.bold("Accounts") + "\n"
        let rows = accounts.map { account in
            [MailText.line(account.account.name), ReportDigest.typeName(account.account.type), String(account.health),
             account.band, "\(ReportDigest.trendArrow(account.trend)) \(account.trend.rawValue)",
             SeverityCounts(account.flags).phrase]
        }
        let headings = ["Account", "Type", "Health", "Band", "Trend", "Open flags"]
        let widths = headings.indices.map { column in
            ([headings[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        let rightAligned: Set<Int> = [2]
        func line(_ cells: [String], colour: (Int, String) -> String) -> String {
            let padded = cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                if rightAligned.contains(column) { return colour(column, padding + cell) }
                return column == cells.count - 1 ? colour(column, cell) : colour(column, cell) + padding
            }
            return "  " + padded.joined(separator: "  ") + "\n"
        }
        out += line(headings) { _, cell in style.dim(cell) }
        for (account, row) in zip(accounts, rows) {
            out += line(row) { column, cell in column == 3 ? style.band(account.band, cell) : cell }
        }
        let withFlags = accounts.filter { !digest.accountLevelFlags($0).isEmpty }
        for account in withFlags {
            out += "\n" + style.bold(MailText.line(account.account.name)) + " (account)\n"
            for flag in digest.accountLevelFlags(account) { self.flag(flag, style, indent: "  ", into: &out) }
        }
    }
}

/// ANSI SGR sequences, or nothing when colour is off.
struct ANSIStyle {
    var enabled: Bool

    private func wrap(_ text: String, _ on: String, _ off: String) -> String {
        enabled ? "\u{1B}[\(on)m" + text + "\u{1B}[\(off)m" : text
    }

    func bold(_ text: String) -> String { wrap(text, "1", "22") }
    func dim(_ text: String) -> String { wrap(text, "2", "22") }
    func good(_ text: String) -> String { wrap(text, "32", "39") }

    /// The counted words in a quote: bold and underlined, or `*marked*` without colour.
    func term(_ text: String) -> String { enabled ? wrap(text, "1;4", "22;24") : "*\(text)*" }

    func severity(_ severity: Severity, _ text: String) -> String {
        switch severity {
        case .critical: wrap(text, "1;31", "22;39")
        case .warning: wrap(text, "33", "39")
        case .info: wrap(text, "36", "39")
        }
    }

    func band(_ band: String, _ text: String) -> String {
        switch band {
        case "good": wrap(text, "32", "39")
        case "fair": wrap(text, "33", "39")
        default: wrap(text, "31", "39")
        }
    }
}
