import RapportModel

/// The summary as CommonMark, for tickets, wikis and mail: a section per thread, the flags with
/// their quotes as block quotes (counted words in bold), then the accounts as a table.
///
/// Mail text is folded to one line and every character Markdown could read as syntax is
/// backslash-escaped, so a subject like `<script>` or `**urgent**` shows as written.
public struct MarkdownRenderer: ReportRenderer {
    public static let identifier = "markdown"

    public init() {}

    public func render(_ report: HealthReport, context: RenderContext) -> String {
        let digest = ReportDigest(report)
        var out = "# Relationship health as of \(ReportDates.day(report.asOf))\n\n"
        out += "Our domains: " + Self.escape(report.ourDomains.isEmpty ? "none" : report.ourDomains.joined(separator: ", "))
        out += report.ourDomainsAssumed ? " (assumed from the mail).\n" : ".\n"
        let flagged = digest.flaggedThreads.count
        out += "\(flagged) flagged thread\(flagged == 1 ? "" : "s") shown"
        if report.threads.count != flagged { out += " (\(report.threads.count) threads in all)" }
        out += "; flags: \(SeverityCounts(digest.allFlags).phrase).\n"
        for (number, thread) in report.threads.enumerated() {
            out += "\n"
            self.thread(thread, number: number + 1, digest, into: &out)
        }
        accounts(digest, into: &out)
        return out
    }

    private func thread(_ thread: ThreadReport, number: Int, _ digest: ReportDigest, into out: inout String) {
        out += "## \(number). \(Self.escape(thread.subject)) — \(thread.severity?.rawValue ?? "healthy")\n\n"
        out += "- **Account:** \(Self.escape(digest.accountPhrase(thread)))\n"
        out += "- **Ours:** \(Self.people(thread.ours))\n"
        out += "- **Theirs:** \(Self.people(thread.theirs))\n"
        let count = thread.messageIDs.count
        out += "- **Span:** \(ReportDates.span(thread.first, thread.last)), \(count) message\(count == 1 ? "" : "s")\n"
        if let change = ReportDigest.toneChange(thread.trajectory) {
            out += "- **Their tone:** `\(Sparkline.render(thread.trajectory))` \(change)\n"
        }
        if let last = digest.lastMessagePhrase(thread) {
            out += "- **Last message:** \(Self.escape(last)); \(digest.waitingPhrase(thread))\n"
        }
        if let next = thread.nextStep { out += "- **Next step:** \(Self.escape(next))\n" }
        for flag in thread.flags {
            out += "\n"
            self.flag(flag, into: &out)
        }
    }

    private func flag(_ flag: HealthFlag, into out: inout String) {
        out += "- **\(flag.severity.rawValue)** `\(flag.label)`: \(Self.escape(flag.reason)) "
        out += "_(since \(ReportDates.day(flag.since)))_\n"
        for quote in flag.evidence {
            let sentence = TermHighlighter.pieces(MailText.line(quote.sentence), terms: quote.terms).map { piece in
                piece.marked ? "**\(Self.escapeLine(piece.text))**" : Self.escapeLine(piece.text)
            }.joined()
            out += "\n  > \(sentence)\n  > — \(Self.escape(TextRenderer.attribution(quote)))\n"
        }
    }

    private func accounts(_ digest: ReportDigest, into out: inout String) {
        let accounts = digest.report.accounts
        guard !accounts.isEmpty else { return }
        out += "\n## Accounts\n\n| Account | Type | Health | Band | Trend | Open flags |\n|---|---|--:|---|---|---|\n"
        for account in accounts {
            let cells = [
                Self.escape(account.account.name), ReportDigest.typeName(account.account.type), String(account.health),
                account.band, "\(ReportDigest.trendArrow(account.trend)) \(account.trend.rawValue)",
                SeverityCounts(account.flags).phrase,
            ]
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        for account in accounts where !digest.accountLevelFlags(account).isEmpty {
            out += "\n### \(Self.escape(account.account.name)) (account)\n"
            for flag in digest.accountLevelFlags(account) {
                out += "\n"
                self.flag(flag, into: &out)
            }
        }
    }

    static func people(_ people: [Participant]) -> String {
        people.isEmpty ? "—" : people.map { escape(ReportDigest.person($0)) }.joined(separator: ", ")
    }

    /// Mail text on one line with the characters Markdown reads as inline syntax (emphasis, code,
    /// links, HTML, tables, entities) backslash-escaped; CommonMark allows a backslash before any
    /// ASCII punctuation. A leading `-`, `+` or `1.` is escaped too, so text that opens a block
    /// quote line cannot start a list.
    static func escape(_ text: String) -> String { escapeLine(MailText.line(text)) }

    /// Escapes text that is already one clean line, keeping its spaces (pieces of a sentence).
    static func escapeLine(_ line: String) -> String {
        var out = ""
        for (offset, character) in line.enumerated() {
            if "\\`*_[]<>|~&#".contains(character) || (offset == 0 && "-+".contains(character)) { out.append("\\") }
            out.append(character)
        }
        let digits = out.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let marker = out.dropFirst(digits.count).first, marker == "." || marker == ")" {
            out.insert("\\", at: out.index(out.startIndex, offsetBy: digits.count))
        }
        return out
    }
}
