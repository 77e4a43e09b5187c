/// One line of a body together with its prepared text, and the questions both stages ask of it:
/// is it a header field, a separator, a mobile footer, a sign-off, part of a signature?
struct CueLine {
    /// Lines longer than this (in UTF-8 bytes) are never a cue, a signature or a header line.
    static let maximumCueLineBytes = 1_000
    /// A line longer than this (in characters) reads as running text, not a signature line.
    static let maximumSignatureLineLength = 72
    /// More words than this read as a sentence, not a name, title or company.
    static let maximumSignatureWords = 10
    /// Field names longer than this are not header fields (`envoyé le` is the longest we know).
    static let maximumFieldNameLength = 24
    /// Separator and mobile footer lines are short; longer lines are not compared.
    static let maximumMarkerLineLength = 120
    /// A footer of more words is a sentence ("Sent from my desk, which is much easier …").
    static let maximumFooterWords = 8
    /// Sign-off lines are short, even written in two languages.
    static let maximumSignOffLength = 80
    /// `-Name` signatures: a name, not a sentence after a dash.
    static let maximumDashNameLength = 40
    static let maximumDashNameWords = 4
    /// A name line: two or three words, short.
    static let nameWords = 2...3
    static let maximumNameLength = 40
    /// An address or link counts as a contact line only with at most this many words around it.
    static let maximumContactWords = 3
    /// A phone number: at least this many digits, after a label of at most this many characters.
    static let minimumPhoneDigits = 7
    static let maximumPhoneLabelLength = 12
    /// A contact block's first line has at most this many words.
    static let maximumContactHeadWords = 6

    let raw: Substring
    let shape: LineShape
    /// Prepared text; empty for blank and quoted lines and for lines too long to be a cue.
    let cue: CueText

    init(_ raw: Substring) {
        self.raw = raw
        shape = LineShape(raw)
        cue = shape == .text && raw.utf8.count <= Self.maximumCueLineBytes ? CueText(raw) : CueText(scalars: [])
    }

    var isBlank: Bool { shape == .blank }

    // MARK: - History cues

    /// The field of a quoted header line (`From: …`, `*Sent:* …`, `Envoyé le : …`).
    func headerField(_ cues: ReplyCues) -> ReplyCues.HeaderField? {
        let scalars = cue.scalars
        var start = 0
        while start < scalars.count, scalars[start] == "*" || scalars[start] == " " { start += 1 }
        let searchEnd = min(scalars.count, start + Self.maximumFieldNameLength + 2)
        guard let colon = scalars[start..<searchEnd].firstIndex(of: ":") else { return nil }
        let name = CueText(scalars: Array(scalars[start..<colon])).trimming(["*"])
        guard !name.isEmpty, name.scalars.count <= Self.maximumFieldNameLength else { return nil }
        return cues.headerField(named: name)
    }

    /// `-----Original Message-----`, `---------- Forwarded message ---------`,
    /// `Begin forwarded message:`.
    func isSeparator(_ cues: ReplyCues) -> Bool {
        guard let first = cue.scalars.first, let last = cue.scalars.last,
              cue.scalars.count <= Self.maximumMarkerLineLength else { return false }
        let decorated = Self.separatorDecoration.contains(first) || Self.separatorDecoration.contains(last)
        let bare = decorated ? cue.trimming(Self.separatorDecoration) : cue
        guard let initial = bare.scalars.first else { return false }
        return (cues.mayMatch(.separator, startingWith: initial) && cues.matches(.separator, bare))
            || (cues.mayMatch(.forward, startingWith: initial) && cues.matches(.forward, bare))
    }

    /// A line of only `-`, `_`, `=`, `~`, `*` or box-drawing dashes, or a lone em dash: the rule
    /// Outlook draws above a quoted header and some people draw above their signature.
    var isRule: Bool {
        var count = 0
        var dashes = 0
        for scalar in raw.unicodeScalars where !CueText.isSpace(scalar) {
            guard Self.ruleScalars.contains(scalar) else { return false }
            count += 1
            if scalar == "—" || scalar == "–" { dashes += 1 }
        }
        return count >= 2 || dashes == 1
    }

    // MARK: - Signature cues

    /// `Sent from my iPhone`, `Get Outlook for iOS<https://aka.ms/…>`, `Sent úr iPhone`.
    /// A line with a comma or more than a few words is a sentence ("Sent from my desk, …").
    func isMobileFooter(_ cues: ReplyCues) -> Bool {
        guard let first = cue.scalars.first, cue.scalars.count <= Self.maximumMarkerLineLength,
              cues.mayMatch(.mobile, startingWith: first) else { return false }
        var scalars = cue.scalars
        let links: [(open: Unicode.Scalar, close: Unicode.Scalar)] = [("<", ">"), ("(", ")")]
        for link in links where scalars.last == link.close {
            if let start = scalars.lastIndex(of: link.open) { scalars.removeSubrange(start...) }
        }
        let footer = CueText(scalars: scalars).trimming(Self.footerEnds)
        guard footer.wordCount <= Self.maximumFooterWords, !footer.scalars.contains(where: Self.sentencePunctuation.contains)
        else { return false }
        return cues.matches(.mobile, footer)
    }

    /// `Best regards,`, `Kveðja`, `Cheers 🎉`: a sign-off phrase alone on its line, or written in
    /// two languages (`Með bestu kveðju / Best regards`).
    func isSignOff(_ cues: ReplyCues) -> Bool {
        guard let first = cue.scalars.first, cue.scalars.count <= Self.maximumSignOffLength,
              cues.mayMatch(.signoff, startingWith: first) else { return false }
        if cues.matches(.signoff, cue.trimmingTrailingSymbols()) { return true }
        let parts = cue.scalars.split { $0 == "/" || $0 == "|" }
        guard parts.count > 1 else { return false }
        return parts.allSatisfy { part in
            cues.matches(.signoff, CueText(scalars: Array(part)).trimming([]).trimmingTrailingSymbols())
        }
    }

    func isDisclaimer(_ cues: ReplyCues) -> Bool { cues.matches(.disclaimer, cue) }

    /// Exactly `-- ` (the RFC 3676 signature delimiter, trailing space included).
    var isSignatureDelimiter: Bool {
        raw.utf8.count > 2 && raw.utf8.count <= 8 && raw.hasPrefix("--")
            && raw.utf8.dropFirst(2).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// `-Abhishek Kona`: a name written right after a dash, as some people sign.
    var isDashName: Bool {
        let scalars = cue.scalars
        guard scalars.count >= 2, scalars.count <= Self.maximumDashNameLength, scalars[0] == "-",
              scalars[1].properties.isAlphabetic, !scalars.contains(where: CueText.isDigit) else { return false }
        return cue.wordCount <= Self.maximumDashNameWords
    }

    /// Two or three capitalised words without digits or punctuation: `Stavros Papadopoulos`.
    var isNameLike: Bool {
        guard cue.scalars.count <= Self.maximumNameLength else { return false }
        let words = raw.unicodeScalars.split(whereSeparator: CueText.isSpace)
        guard Self.nameWords.contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, first.properties.isUppercase else { return false }
            return word.allSatisfy { $0.properties.isAlphabetic || $0 == "-" || $0 == "'" }
        }
    }

    /// An address, link or phone number, perhaps after a short label (`Tel:`, `t.`, `Sími`, `📱`).
    var isContact: Bool {
        guard !cue.isEmpty, cue.scalars.count <= Self.maximumMarkerLineLength else { return false }
        // The words (runs between spaces) walked in place: splitting made an array per line.
        let scalars = cue.scalars
        var words = 0
        var hasAddress = false
        var index = 0
        while index < scalars.count {
            guard scalars[index] != " " else {
                index += 1
                continue
            }
            let start = index
            while index < scalars.count && scalars[index] != " " { index += 1 }
            words += 1
            guard words <= Self.maximumContactWords else { break }
            if !hasAddress { hasAddress = Self.isAddress(scalars[start..<index]) }
        }
        if words <= Self.maximumContactWords, hasAddress { return true }
        return isPhoneNumber
    }

    private var isPhoneNumber: Bool {
        let scalars = cue.scalars
        guard let start = scalars.firstIndex(where: { CueText.isDigit($0) || $0 == "+" || $0 == "(" }),
              start <= Self.maximumPhoneLabelLength else { return false }
        var digits = 0
        for scalar in scalars[start...] {
            if CueText.isDigit(scalar) {
                digits += 1
            } else {
                switch scalar {
                case " ", "+", "-", "(", ")", ".", ",", "/": continue
                default: return false
                }
            }
        }
        return digits >= Self.minimumPhoneDigits
    }

    private static func isAddress(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        if contains(word, "://") || contains(word, "www.") { return true }
        guard let at = word.firstIndex(of: "@") else { return false }
        return word[at...].contains(".")
    }

    /// Whether the scalars hold `needle` (ASCII), compared scalar by scalar.
    private static func contains(_ scalars: ArraySlice<Unicode.Scalar>, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard scalars.count >= count else { return false }
        let first = Unicode.Scalar(needle.utf8Start[0])
        var index = scalars.startIndex
        while index + count <= scalars.endIndex {
            if scalars[index] == first {
                var offset = 1
                while offset < count && scalars[index + offset] == Unicode.Scalar(needle.utf8Start[offset]) { offset += 1 }
                if offset == count { return true }
            }
            index += 1
        }
        return false
    }

    /// Could stand in a signature block: a name, a title, a company, an address, a short motto.
    /// Sentences (five words or more ending in `.`, `!` or `?`), long lines and P.S. lines cannot.
    var isSignatureLike: Bool { isSignatureLike(contact: isContact) }

    /// `isSignatureLike` of a line whose `isContact` is known.
    func isSignatureLike(contact: Bool) -> Bool {
        if isBlank { return true }
        if cue.isEmpty { return false }
        if cue.hasPrefix("p.s") || cue.hasPrefix("ps:") || cue.hasPrefix("ps ") { return false }
        if contact { return true }
        if cue.scalars.count > Self.maximumSignatureLineLength { return false }
        // Words with a letter or digit, counted in one pass (splitting made an array per line).
        var words = 0
        var wordHasLetter = false
        for scalar in cue.scalars {
            if scalar == " " {
                if wordHasLetter { words += 1 }
                wordHasLetter = false
            } else if !wordHasLetter && CueText.isLetterOrDigit(scalar) {
                wordHasLetter = true
            }
        }
        if wordHasLetter { words += 1 }
        if words > Self.maximumSignatureWords { return false }
        if words >= 5, let last = cue.scalars.last, ".!?…".unicodeScalars.contains(last) { return false }
        return true
    }

    /// The first line of a contact block: a name or a title, so no sentence ending and no colon
    /// (`Links:` heads a list the author wrote). A trailing abbreviation (`Ph.D.`, `Jr.`, `ehf.`)
    /// is allowed.
    var opensContactBlock: Bool {
        guard isSignatureLike, cue.wordCount <= Self.maximumContactHeadWords, let last = cue.scalars.last
        else { return false }
        if last == "!" || last == "?" || last == ":" { return false }
        guard last == "." else { return true }
        let lastWord = cue.scalars.split(separator: " ").last ?? []
        return lastWord.count <= 4 || lastWord.dropLast().contains(".")
    }

    private static let separatorDecoration: ScalarSet = ["-", "_", "=", "*", "~", ":", "—", "–"]
    private static let ruleScalars: ScalarSet = ["-", "_", "=", "~", "*", "—", "–", "─", "━", "═"]
    private static let footerEnds: ScalarSet = [".", ":"]
    private static let sentencePunctuation: ScalarSet = [",", ";", "!", "?"]
}
