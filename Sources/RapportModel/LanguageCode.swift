/// A language Rapport reads, by its ISO 639-1 code.
public enum LanguageCode: String, Sendable, Codable, CaseIterable {
    case english = "en"
    case icelandic = "is"
    case unknown = "unknown"
}
