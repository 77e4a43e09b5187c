/// Finds where the author's words end at the bottom of a message: before the `-- ` delimiter, a
/// rule with a short block under it, a mobile footer, a legal disclaimer, a contact block, or the
/// name and title lines under a sign-off phrase.
///
/// The sign-off phrase itself ("Best regards,", "Kveðja,") is kept: it is the author's own choice
/// of words, and how warm it is says something about the relationship. Only what follows it goes.
///
/// Works from the end and peels one block per pass, because these blocks stack ("Best regards, /
/// Name / -- / Company / Sent from my iPhone"). Each pass looks only at the last `windowLines`
/// non-blank lines, and there are at most `maximumPasses` passes.
struct SignatureTrimmer {
    static let maximumPasses = 8
    /// Non-blank lines looked at from the end; a disclaimer must start within them.
    static let windowLines = 60
    /// Under a rule (`____`, `—`, a bare `--`) at most this many short lines make a signature.
    static let maximumRuleBlockLines = 12
    /// Under a sign-off phrase or a `-Name` line, at most this many short lines are removed.
    static let maximumSignOffBlockLines = 6
    /// Under a mobile footer, at most this many short lines.
    static let maximumFooterBlockLines = 2
    /// A closing paragraph of this many short lines with an address, link or phone number in it
    /// is a contact block even without a sign-off phrase.
    static let contactBlockLines = 2...7

    let cues: ReplyCues

    /// How many of `lines` are the author's words; the rest, at the end, is signature or blank.
    /// `prepared[i]`, when given, is `CueLine(lines[i])`, made already.
    func authoredEnd(of lines: [Substring], prepared entries: [CueLine]? = nil) -> Int {
        precondition(entries == nil || entries!.count == lines.count, "a prepared line for each line")
        let nonBlank = lines.indices.filter { (entries?[$0].shape ?? LineShape(lines[$0])) != .blank }
        var kept = nonBlank.count
        var prepared = PreparedLines(lines, entries: entries)
        for _ in 0..<Self.maximumPasses {
            guard let cut = signatureStart(lines: lines, nonBlank: nonBlank[..<kept], prepared: &prepared) else { break }
            kept = cut
        }
        return kept == 0 ? 0 : nonBlank[kept - 1] + 1
    }

    /// How many of the non-blank lines stay when the last signature block among them goes, if
    /// there is one.
    private func signatureStart(lines: [Substring], nonBlank: ArraySlice<Int>, prepared: inout PreparedLines) -> Int? {
        let windowStart = max(nonBlank.startIndex, nonBlank.endIndex - Self.windowLines)
        let window = Window(lines: lines, indices: Array(nonBlank[windowStart...]), prepared: &prepared)
        for offset in window.entries.indices {
            if let cut = cut(at: offset, in: window) { return windowStart + cut }
        }
        return nil
    }

    /// Where to cut (an offset in the window) if the line at `offset` opens a signature block.
    /// What lies below a line is asked before what the line says: most lines of a window have
    /// too much below them to open any block but a disclaimer, and reading a line's cues costs more.
    private func cut(at offset: Int, in window: Window) -> Int? {
        let line = window.entries[offset]
        let below = window.entries.count - offset - 1
        let shortBelow = window.signatureLikeBelow[offset]
        if line.isSignatureDelimiter { return offset }
        if shortBelow, below <= Self.maximumRuleBlockLines, line.isRule { return offset }
        if shortBelow, below <= Self.maximumSignOffBlockLines, line.isDashName { return offset }
        if shortBelow, below <= Self.maximumFooterBlockLines, line.isMobileFooter(cues) {
            // "Jón Jónsson / Sent from my iPhone": a name standing alone right above the footer goes too.
            if offset > 0, window.follows(offset), window.opensParagraph(offset - 1),
               window.entries[offset - 1].isNameLike, !window.entries[offset - 1].isSignOff(cues) {
                return offset - 1
            }
            return offset
        }
        if shortBelow, (1...Self.maximumSignOffBlockLines).contains(below), line.isSignOff(cues) { return offset + 1 }
        guard window.opensParagraph(offset) else { return nil }
        if line.isDisclaimer(cues) { return offset }
        if Self.contactBlockLines.contains(below + 1), shortBelow, window.contactFrom[offset], window.isUnbroken(from: offset),
           line.opensContactBlock {
            return offset
        }
        return nil
    }
}

/// Each line's `CueLine` and the two answers every window asks of it, made once per message:
/// the passes look at overlapping windows, and preparing a line's cue text is the costly part.
private struct PreparedLines {
    struct Line {
        let entry: CueLine
        let isContact: Bool
        let isSignatureLike: Bool
    }

    private let lines: [Substring]
    private let entries: [CueLine]?
    private var prepared: [Line?]

    init(_ lines: [Substring], entries: [CueLine]?) {
        self.lines = lines
        self.entries = entries
        prepared = Array(repeating: nil, count: lines.count)
    }

    mutating func line(_ index: Int) -> Line {
        if let line = prepared[index] { return line }
        let entry = entries?[index] ?? CueLine(lines[index])
        let isContact = entry.isContact
        let line = Line(entry: entry, isContact: isContact, isSignatureLike: entry.isSignatureLike(contact: isContact))
        prepared[index] = line
        return line
    }
}

/// The last non-blank lines of a message, with what lies below each of them.
private struct Window {
    let lines: [Substring]
    /// Line numbers of the entries in `lines`.
    let indices: [Int]
    let entries: [CueLine]
    /// Whether every entry below could stand in a signature.
    private(set) var signatureLikeBelow: [Bool]
    /// Whether the entry or one below it is an address, link or phone number.
    private(set) var contactFrom: [Bool]

    init(lines: [Substring], indices: [Int], prepared: inout PreparedLines) {
        self.lines = lines
        self.indices = indices
        let lines = indices.map { prepared.line($0) }
        entries = lines.map(\.entry)
        let count = entries.count
        signatureLikeBelow = Array(repeating: true, count: count)
        contactFrom = Array(repeating: false, count: count)
        guard count > 0 else { return }
        contactFrom[count - 1] = lines[count - 1].isContact
        for offset in stride(from: count - 2, through: 0, by: -1) {
            signatureLikeBelow[offset] = signatureLikeBelow[offset + 1] && lines[offset + 1].isSignatureLike
            contactFrom[offset] = contactFrom[offset + 1] || lines[offset].isContact
        }
    }

    /// The entry sits right under the previous one, no blank line between.
    func follows(_ offset: Int) -> Bool { offset > 0 && indices[offset] == indices[offset - 1] + 1 }

    /// The entry starts a paragraph: first line, under a blank line, or under a rule.
    func opensParagraph(_ offset: Int) -> Bool {
        let index = indices[offset]
        if index == 0 || LineShape(lines[index - 1]) == .blank { return true }
        return follows(offset) && entries[offset - 1].isRule
    }

    /// No blank line between the entry and the last one.
    func isUnbroken(from offset: Int) -> Bool {
        indices[indices.count - 1] - indices[offset] == indices.count - 1 - offset
    }
}
