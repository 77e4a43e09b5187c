/// Finds the lines of a body that are quoted history rather than the author's words:
/// - `>` blocks at any depth, with the attribution that introduces them ("On … wrote:", wrapped
///   over up to three lines) and lines that a client wrapped out of a long quoted line;
/// - the start of an original message after which everything is history even without `>`: an
///   attribution not followed by `>` lines (a top-posted reply), an `-----Original Message-----`
///   or forward separator, a quoted header block (`From:` plus `Sent:`/`To:`/`Subject:`, in any
///   language the cues cover, with the `____` rule above it), or a mobile footer with more text
///   under it.
///
/// Lines between `>` blocks stay: they are inline answers. One pass over the lines, each looked
/// at a bounded number of times.
struct QuotedHistory {
    /// Lines an attribution may be wrapped over.
    static let maximumAttributionLines = 3
    /// A quoted line at least this long may have been wrapped by the client, leaving its tail
    /// without `>`.
    static let wrappedQuoteLength = 60
    /// At most this many unquoted lines between two quoted ones are read as such wrapped tails.
    static let maximumWrappedTailLines = 2
    /// Lines a quoted header block is searched over, and unknown lines allowed inside it (a
    /// `From:` value wrapped onto the next line).
    static let headerBlockSearchLines = 10
    static let headerBlockGapLines = 1
    /// Blank lines allowed between Outlook's `____` rule and the header block under it.
    static let maximumBlankLinesUnderRule = 3

    /// For each line of the body, whether it is history.
    private(set) var isHistory: [Bool]
    /// Non-blank lines marked as history.
    private(set) var count = 0

    private let lines: [CueLine]
    private var shapes: [LineShape]
    /// The header field of each line, found once: a block check looks at the next lines again.
    private let fields: [ReplyCues.HeaderField?]
    private let cues: ReplyCues

    init(lines: [CueLine], cues: ReplyCues) {
        self.lines = lines
        self.cues = cues
        shapes = lines.map(\.shape)
        fields = lines.map { $0.headerField(cues) }
        isHistory = Array(repeating: false, count: lines.count)
        markWrappedQuoteTails()
        scan()
        count = zip(lines, isHistory).reduce(0) { $0 + ($1.1 && !$1.0.isBlank ? 1 : 0) }
    }

    private enum Boundary {
        /// An attribution over these lines: history itself, and the start of all history unless
        /// `>` lines follow it.
        case attribution(ClosedRange<Int>)
        /// Everything from this line on is history.
        case historyFrom(Int)
    }

    private mutating func scan() {
        var index = 0
        while index < lines.count {
            switch shapes[index] {
            case .blank:
                index += 1
            case .quoted:
                isHistory[index] = true
                index += 1
            case .text:
                var end = index
                while end + 1 < lines.count, shapes[end + 1] == .text { end += 1 }
                switch firstBoundary(inParagraph: index...end) {
                case nil:
                    index = end + 1
                case .historyFrom(let start)?:
                    markHistory(from: start)
                    return
                case .attribution(let range)?:
                    guard let next = nextNonBlank(after: range.upperBound), shapes[next] == .quoted else {
                        markHistory(from: range.lowerBound)
                        return
                    }
                    for line in range { isHistory[line] = true }
                    index = range.upperBound + 1
                }
            }
        }
    }

    /// The earliest boundary inside the paragraph `range` (consecutive unquoted, non-blank lines).
    private func firstBoundary(inParagraph range: ClosedRange<Int>) -> Boundary? {
        for line in range {
            if let end = anchoredAttributionEnd(startingAt: line, paragraphEnd: range.upperBound) {
                return .attribution(line...end)
            }
            let cueLine = lines[line]
            if cueLine.isSeparator(cues) || startsHeaderBlock(line) {
                return .historyFrom(ruleAbove(line) ?? line)
            }
            if cueLine.isMobileFooter(cues), let next = nextNonBlank(after: line), shapes[next] == .text {
                return .historyFrom(next)
            }
        }
        if let start = floatingAttributionStart(paragraph: range) {
            return .attribution(start...range.upperBound)
        }
        return nil
    }

    // MARK: - Attributions

    /// An attribution cue that starts with literal text ("On", "Am", "Le", "Þann") may begin on
    /// any line; it may run over the next lines of the same paragraph.
    private func anchoredAttributionEnd(startingAt start: Int, paragraphEnd: Int) -> Int? {
        guard cues.mayOpenAttribution(lines[start].cue) else { return nil }
        var parts: [CueText] = []
        for line in start...min(start + Self.maximumAttributionLines - 1, paragraphEnd) {
            guard !lines[line].cue.isEmpty else { return nil }
            parts.append(lines[line].cue)
            let candidate = Self.attributionText(parts)
            if cues.matchesAttribution(candidate, anchoredOnly: true), candidate.hasDateOrAddress { return line }
        }
        return nil
    }

    /// An attribution cue that starts with `*` ("* kirjoitti:", "*<*@*>:") says nothing about
    /// where it begins, so it must end its paragraph and begin on a line that holds a digit and
    /// does not start with the address (the tail of a wrapped line). The shortest such wins.
    private func floatingAttributionStart(paragraph range: ClosedRange<Int>) -> Int? {
        let end = range.upperBound
        var start = end
        while start >= range.lowerBound, end - start < Self.maximumAttributionLines {
            guard !lines[start].cue.isEmpty else { return nil }
            let first = Self.attributionText([lines[start].cue])
            let firstWord = first.scalars.prefix { $0 != " " }
            if first.scalars.contains(where: CueText.isDigit), !firstWord.contains("@"),
               firstWord.first != "<", firstWord.first != "(" {
                let candidate = Self.attributionText((start...end).map { lines[$0].cue })
                if cues.matchesAttribution(candidate, anchoredOnly: false), candidate.hasDateOrAddress { return start }
            }
            start -= 1
        }
        return nil
    }

    /// Attribution lines are read joined and without the dashes some clients put around them
    /// (`--- On Wed, 4/4/12, … wrote:`, `- Le 2021-04-09 23:25, … a écrit :`).
    private static func attributionText(_ parts: [CueText]) -> CueText {
        CueText.joined(parts).trimming(ReplyCues.attributionDecoration)
    }

    // MARK: - Header blocks

    /// A run of header field lines holding `From:` (or its translation) and at least one other
    /// field, starting at `start`. Single blank lines between the fields are allowed (some clients
    /// and HTML conversions space them out), and so is a line the `From:` value wrapped onto.
    private func startsHeaderBlock(_ start: Int) -> Bool {
        guard fields[start] != nil else { return false }
        var found: Set<ReplyCues.HeaderField> = []
        var textLines = 0
        var blanksInRow = 0
        var gap = 0
        var line = start
        scan: while line < lines.count, textLines < Self.headerBlockSearchLines {
            switch shapes[line] {
            case .quoted:
                break scan
            case .blank:
                blanksInRow += 1
                if blanksInRow > 1 { break scan }
            case .text:
                blanksInRow = 0
                textLines += 1
                if let field = fields[line] {
                    found.insert(field)
                    gap = 0
                } else {
                    gap += 1
                    if gap > Self.headerBlockGapLines { break scan }
                }
            }
            line += 1
        }
        return found.contains(.from) && found.count >= 2
    }

    /// The rule line (`________________________________`) drawn just above a header block.
    private func ruleAbove(_ line: Int) -> Int? {
        var above = line - 1
        while above >= 0, shapes[above] == .blank, line - 1 - above < Self.maximumBlankLinesUnderRule { above -= 1 }
        guard above >= 0, shapes[above] == .text, !isHistory[above], lines[above].isRule else { return nil }
        return above
    }

    // MARK: - Helpers

    private func nextNonBlank(after line: Int) -> Int? {
        var next = line + 1
        while next < lines.count, shapes[next] == .blank { next += 1 }
        return next < lines.count ? next : nil
    }

    private mutating func markHistory(from start: Int) {
        for line in start..<lines.count { isHistory[line] = true }
    }

    /// Mail clients wrap long quoted lines and the tail loses its `>`: one or two unquoted lines
    /// squeezed between a long quoted line and the next quoted line are part of the quote.
    private mutating func markWrappedQuoteTails() {
        var index = 1
        while index < lines.count {
            guard shapes[index] == .text, shapes[index - 1] == .quoted else {
                index += 1
                continue
            }
            var end = index
            while end < lines.count, shapes[end] == .text, end - index < Self.maximumWrappedTailLines { end += 1 }
            if end < lines.count, shapes[end] == .quoted,
               lines[index - 1].raw.unicodeScalars.count >= Self.wrappedQuoteLength {
                for line in index..<end { shapes[line] = .quoted }
            }
            index = end
        }
    }
}
