/// Extracts the words the author of one email wrote in it, from the decoded plain-text body:
/// without the quoted history (`>` blocks and their attribution, a top-posted original, Outlook
/// header blocks, forwards), signatures, mobile footers and legal disclaimers.
///
/// Scoring reads only this text, so a customer quoting our own angry mail back at us does not
/// count as their anger, and a disclaimer's "confidential … prohibited … delete" never scores.
///
/// Two stages: `QuotedHistory` marks history anywhere in the body, then `SignatureTrimmer` cuts
/// the signature blocks at the end of what is left. Both are linear in the body's length.
/// Accepted line endings: LF and CRLF (see `MailLines`).
struct AuthoredTextExtractor: Sendable {
    struct Result: Equatable, Sendable {
        /// The author's words, lines joined with LF. Leading and trailing blank lines are
        /// dropped; where history was removed between two kept lines, one blank line remains.
        var text: String
        /// Non-blank lines of quoted history removed: attribution lines, `>` lines, and every
        /// line after the start of a top-posted original or forward. Signatures, footers and
        /// disclaimers are not counted.
        var quotedLines: Int
    }

    let cues: ReplyCues

    init(cues: ReplyCues = .default) {
        self.cues = cues
    }

    func extract(_ body: String) -> Result {
        let (kept, keptLines, quotedLines) = removingHistory(body)
        let end = SignatureTrimmer(cues: cues).authoredEnd(of: kept, prepared: keptLines)
        return Result(text: kept[..<end].joined(separator: "\n"), quotedLines: quotedLines)
    }

    /// The first stage alone: the body without its quoted history, signature still in place.
    /// Useful to compare with tools that strip quotes but leave signatures.
    func extractReply(_ body: String) -> Result {
        let (kept, _, quotedLines) = removingHistory(body)
        return Result(text: kept.joined(separator: "\n"), quotedLines: quotedLines)
    }

    /// The lines that are not history, blank lines normalised to empty ones and trimmed from
    /// both ends, plus the number of non-blank history lines.
    /// `keptLines[i]` is `CueLine(kept[i])`, the one made for history: signature trimming
    /// asks the same of the last lines, and preparing a line is the costly part.
    private func removingHistory(_ body: String) -> (kept: [Substring], keptLines: [CueLine], quotedLines: Int) {
        let lines = MailLines.split(body).map(CueLine.init)
        let history = QuotedHistory(lines: lines, cues: cues)
        let blank = CueLine("")
        var kept: [Substring] = []
        var keptLines: [CueLine] = []
        var blanks = 0
        var removedSinceText = false
        for (line, isHistory) in zip(lines, history.isHistory) {
            if isHistory {
                removedSinceText = true
            } else if line.isBlank {
                blanks += 1
            } else {
                if !kept.isEmpty {
                    let separation = removedSinceText ? 1 : blanks
                    kept.append(contentsOf: repeatElement("", count: separation))
                    keptLines.append(contentsOf: repeatElement(blank, count: separation))
                }
                kept.append(line.raw)
                keptLines.append(line)
                blanks = 0
                removedSinceText = false
            }
        }
        return (kept, keptLines, history.count)
    }
}
