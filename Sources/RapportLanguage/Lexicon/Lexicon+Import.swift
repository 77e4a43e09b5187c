import Foundation

/// Importers for the public lexicon formats people already trust, so they can bring them to
/// Rapport unchanged. Each maps the foreign scale onto Rapport's categories and weights; lines
/// that cannot be used are skipped and reported as warnings with their line.
extension Lexicon {
    /// AFINN rates words −5…+5; Rapport's valence runs −4…+4 (Nielsen 2011, "A new ANEW").
    static let afinnScale = 4.0 / 5.0
    /// NRC EmoLex and LIWC mark membership without intensity; 2 is the middle of Rapport's 0…4
    /// intensity and of the positive half of its −4…+4 valence.
    static let unweightedMembershipWeight = 2.0

    /// Reads a lexicon in any supported format; `language` applies to imported formats, which
    /// carry none (a `#!language` line at the top of the file overrides it).
    public static func load(text: String, file: String, format: Format, language: LanguageCode? = nil) throws -> Lexicon
    {
        let (lexicon, issues) = parse(text: text, file: file, format: format, language: language)
        if issues.contains(where: { $0.severity == .error }) { throw LexiconError(issues: issues) }
        return lexicon
    }

    public static func parse(
        text: String, file: String, format: Format,
        language: LanguageCode? = nil
    ) -> (Lexicon, [LexiconIssue]) {
        if format == .rapport { return parse(text: text, file: file) }
        var importer = LexiconImporter(file: file, format: format, language: language)
        importer.read(text)
        return (importer.lexicon, importer.issues)
    }

    /// Guesses a file's format from its name and first lines: `.dic` or a leading `%` is LIWC, a
    /// `[ratings]` fourth field VADER, `word<TAB>emotion<TAB>0|1` NRC, `word<TAB>integer` AFINN,
    /// anything else Rapport's own.
    public static func detectFormat(text: String, file: String) -> Format {
        if file.lowercased().hasSuffix(".dic") { return .liwc }
        for line in text.split(separator: "\n").prefix(50) {
            let content = line.hasSuffix("\r") ? line.dropLast() : line[...]
            if content.trimmingCharacters(in: .whitespaces) == "%" { return .liwc }
            if content.hasPrefix("#") || content.isEmpty { continue }
            let fields = content.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count >= 3, LexiconCategory(rawValue: String(fields[2])) != nil { return .rapport }
            if fields.count == 4, fields[3].hasPrefix("[") { return .vader }
            if fields.count == 3, fields[2] == "0" || fields[2] == "1" { return .nrc }
            if fields.count == 2, Int(fields[1]) != nil { return .afinn }
            return .rapport
        }
        return .rapport
    }
}

/// Reads one foreign-format file.
struct LexiconImporter {
    let file: String
    let format: Lexicon.Format
    var language: LanguageCode?
    var entries: [LexiconEntry] = []
    var issues: [LexiconIssue] = []
    var seen: Set<String> = []

    init(file: String, format: Lexicon.Format, language: LanguageCode?) {
        self.file = file
        self.format = format
        self.language = language
    }

    var lexicon: Lexicon { Lexicon(file: file, language: language, format: format, entries: entries) }

    mutating func read(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        switch format {
        case .vader: readVADER(lines)
        case .afinn: readAFINN(lines)
        case .nrc: readNRC(lines)
        case .liwc: readLIWC(lines)
        case .rapport: break
        }
    }

    /// `#!language` lines are honoured; the foreign formats have no comments of their own.
    mutating func isDirective(_ line: Substring, _ number: Int) -> Bool {
        guard line.hasPrefix("#!language ") else { return false }
        switch line.dropFirst(11).trimmingCharacters(in: .whitespaces) {
        case "en": language = .english
        case "is": language = .icelandic
        case "any": language = nil
        default: warn(number, "unknown language in '#!language'")
        }
        return true
    }

    // MARK: Formats

    /// VADER: `token<TAB>mean<TAB>sd<TAB>[ratings]`; the mean (−4…+4) is the valence.
    mutating func readVADER(_ lines: [Substring]) {
        for (offset, line) in lines.enumerated() where !line.isEmpty && !isDirective(line, offset + 1) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2, let mean = Double(fields[1].trimmingCharacters(in: .whitespaces)) else {
                warn(offset + 1, "expected token<TAB>mean<TAB>sd<TAB>[ratings]")
                continue
            }
            add(String(fields[0]), max(-4, min(4, mean)), .sentiment, offset + 1)
        }
    }

    /// AFINN: `word<TAB>integer` from −5 to +5, scaled to −4…+4.
    mutating func readAFINN(_ lines: [Substring]) {
        for (offset, line) in lines.enumerated() where !line.isEmpty && !isDirective(line, offset + 1) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2, let score = Int(fields[1].trimmingCharacters(in: .whitespaces)),
                (-5...5).contains(score)
            else {
                warn(offset + 1, "expected word<TAB>integer from -5 to 5")
                continue
            }
            add(String(fields[0]), (Double(score) * Lexicon.afinnScale * 1000).rounded() / 1000, .sentiment, offset + 1)
        }
    }

    /// NRC EmoLex: `word<TAB>emotion<TAB>0|1`. `positive`/`negative` become sentiment (dropped
    /// when a word is marked both), `anger` becomes `conflict.anger`, the other emotions
    /// `custom.EMOTION`.
    mutating func readNRC(_ lines: [Substring]) {
        var marks: [(word: String, emotions: Set<String>, line: Int)] = []
        var index: [String: Int] = [:]
        for (offset, line) in lines.enumerated() where !line.isEmpty && !isDirective(line, offset + 1) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3, fields[2] == "0" || fields[2] == "1", !fields[1].isEmpty else {
                warn(offset + 1, "expected word<TAB>emotion<TAB>0|1")
                continue
            }
            let word = String(fields[0])
            let slot =
                index[word]
                ?? {
                    marks.append((word, [], offset + 1))
                    index[word] = marks.count - 1
                    return marks.count - 1
                }()
            if fields[2] == "1" { marks[slot].emotions.insert(fields[1].lowercased()) }
        }
        let weight = Lexicon.unweightedMembershipWeight
        for (word, emotions, line) in marks {
            let positive = emotions.contains("positive")
            let negative = emotions.contains("negative")
            if positive != negative { add(word, positive ? weight : -weight, .sentiment, line) }
            for emotion in emotions.sorted() where emotion != "positive" && emotion != "negative" {
                add(
                    word, weight,
                    emotion == "anger" ? LexiconCategory(rawValue: "conflict.anger")! : custom(emotion, line), line)
            }
        }
    }

    /// LIWC `.dic`: a `%`-fenced header of `number<TAB>name`, then `term<TAB>number…` (terms may
    /// end in `*`). Positive and negative emotion become sentiment (dropped when a word is in
    /// both), anger `conflict.anger`, other categories `custom.NAME`.
    mutating func readLIWC(_ lines: [Substring]) {
        var names: [String: String] = [:]
        var fences = 0
        let weight = Lexicon.unweightedMembershipWeight
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            if line.trimmingCharacters(in: .whitespaces) == "%" {
                fences += 1
                continue
            }
            if line.trimmingCharacters(in: .whitespaces).isEmpty || isDirective(line, number) { continue }
            let fields = line.split(whereSeparator: { $0 == "\t" }).map { $0.trimmingCharacters(in: .whitespaces) }
            if fences == 1 {
                guard fields.count >= 2, Int(fields[0]) != nil else {
                    warn(number, "expected number<TAB>category name in the header")
                    continue
                }
                names[fields[0]] = fields[1].lowercased()
                continue
            }
            guard fences >= 2 else {
                warn(number, "a LIWC dictionary starts with a '%'-fenced category header")
                continue
            }
            guard fields.count >= 2 else {
                warn(number, "expected term<TAB>category number(s)")
                continue
            }
            var categoryNames: [String] = []
            for field in fields.dropFirst() {
                guard let name = names[field] else {
                    warn(
                        number,
                        "category '\(field)' is not in the header (conditional LIWC categories are not supported)")
                    continue
                }
                categoryNames.append(name)
            }
            let positive = categoryNames.contains { LexiconImporter.liwcPositive.contains($0) }
            let negative = categoryNames.contains { LexiconImporter.liwcNegative.contains($0) }
            if positive != negative { add(fields[0], positive ? weight : -weight, .sentiment, number) }
            for name in categoryNames
            where !LexiconImporter.liwcPositive.contains(name) && !LexiconImporter.liwcNegative.contains(name) {
                let category =
                    LexiconImporter.liwcAnger.contains(name)
                    ? LexiconCategory(rawValue: "conflict.anger")! : custom(name, number)
                add(fields[0], weight, category, number)
            }
        }
    }

    static let liwcPositive: Set<String> = ["posemo", "emo_pos", "positive_emotion", "positive emotion"]
    static let liwcNegative: Set<String> = ["negemo", "emo_neg", "negative_emotion", "negative emotion"]
    static let liwcAnger: Set<String> = ["anger", "emo_anger"]

    // MARK: Entries

    func custom(_ name: String, _ line: Int) -> LexiconCategory {
        let cleaned = String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
        return LexiconCategory(rawValue: "custom." + cleaned) ?? LexiconCategory(rawValue: "custom.other")!
    }

    mutating func add(_ rawTerm: String, _ weight: Double, _ category: LexiconCategory, _ line: Int) {
        let term = rawTerm.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
            .split(separator: " ").joined(separator: " ")
        if let problem = LexiconParser.termProblem(term, category: category) {
            warn(line, "skipped '\(term)': \(problem)")
            return
        }
        guard seen.insert(term + "\t" + category.rawValue).inserted else {
            warn(line, "skipped a second '\(term)' for \(category)")
            return
        }
        entries.append(LexiconEntry(term: term, weight: weight, category: category, line: line))
    }

    mutating func warn(_ line: Int, _ reason: String) {
        issues.append(LexiconIssue(file: file, line: line, reason: reason, severity: .warning))
    }
}
