import Testing
@testable import RapportIngest

@Suite struct ByteScanningTests {
    @Test func prefixIgnoresASCIICase() {
        #expect(Array("Content-Type: text/plain".utf8).hasPrefixIgnoringCase("content-type:"))
        #expect(!Array("Content".utf8).hasPrefixIgnoringCase("content-type"))
    }
}
