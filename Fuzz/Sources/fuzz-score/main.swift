import RapportLanguage

/// Any text through the tokenizer, language identification and the scorer with the shipped
/// lexicons, rules and evidence: every authored text of every message reaches them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = Tokenizer.default.tokens(text)
    _ = Scorer.default.score(text)
    return 0
}
