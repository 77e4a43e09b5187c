import RapportModel

/// One row per thread in the report (by default the flagged ones), for spreadsheets.
///
/// RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line
/// break, quotes doubled. Mail text is folded to one line, and a field from mail that starts with
/// `=`, `+`, `-` or `@` gets a leading `'` so a spreadsheet shows it instead of running it as a
/// formula.
public struct CSVRenderer: ReportRenderer {
    public static let identifier = "csv"

    static let header = [
        "thread", "subject", "account", "account_name", "account_type", "account_health", "severity", "flags",
        "top_reason", "first", "last", "messages", "waiting", "waiting_days", "next_step",
    ]

    public init() {}

    public func render(_ report: HealthReport, context: RenderContext) -> String {
        let digest = ReportDigest(report)
        var out = Self.header.joined(separator: ",") + "\r\n"
        for thread in report.threads {
            let account = digest.account(of: thread)
            let top = thread.flags.first { $0.severity == thread.severity }
            let labels = thread.flags.map(\.label).reduce(into: [String]()) { labels, label in
                if !labels.contains(label) { labels.append(label) }
            }
            let fields = [
                Self.mailField(thread.id), Self.mailField(thread.subject), Self.field(thread.account),
                Self.mailField(account.name), Self.field(account.type.rawValue),
                Self.field(digest.accountReport(of: thread).map { String($0.health) } ?? ""),
                Self.field(thread.severity?.rawValue ?? ""), Self.field(labels.joined(separator: ";")),
                Self.mailField(top?.reason ?? ""),
                Self.field(thread.first.map(DocumentJSON.isoDate) ?? ""), Self.field(thread.last.map(DocumentJSON.isoDate) ?? ""),
                Self.field(String(thread.messageIDs.count)), Self.field(thread.waiting.rawValue),
                Self.field(digest.waitingDays(thread).map(String.init) ?? ""), Self.mailField(thread.nextStep ?? ""),
            ]
            out += fields.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// Quotes the field when RFC 4180 requires it.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A field that may hold text from mail: one line, and never read as a formula.
    static func mailField(_ text: String) -> String {
        var line = MailText.line(text)
        if let first = line.first, "=+-@".contains(first) { line = "'" + line }
        return field(line)
    }
}
