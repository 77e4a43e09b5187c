import RapportLanguage

/// The lexicon loader in every format, then the lexicon compiled and used to score a sentence
/// built from its own terms, so that odd terms reach the matcher too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let detected = Lexicon.detectFormat(text: text, file: "fuzz.tsv")
    var lexicons: [Lexicon] = []
    for format in Lexicon.Format.allCases {
        let (lexicon, _) = Lexicon.parse(text: text, file: "fuzz.tsv", format: format, language: .english)
        if format == detected { lexicons.append(lexicon) }
    }
    let scorer = Scorer(lexicons: LexiconSet(lexicons))
    let sample = lexicons.flatMap { $0.entries.prefix(16).map(\.term) }.joined(separator: " not very ")
    _ = scorer.score("I am not happy with this. " + sample, language: .english)
    _ = scorer.score(sample, language: .icelandic)
    return 0
}
