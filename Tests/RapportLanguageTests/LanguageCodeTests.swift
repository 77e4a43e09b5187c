import Testing

@testable import RapportLanguage

@Suite struct LanguageCodeTests {
    @Test func codesAreISO6391() {
        #expect(LanguageCode.allCases.map(\.rawValue) == ["en", "is", "unknown"])
    }
}
