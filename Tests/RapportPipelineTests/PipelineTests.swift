import Testing
import RapportTestSupport
@testable import RapportPipeline

@Suite struct PipelineReadTests {
    @Test func readsEverySampleMessageInInputOrder() throws {
        let result = try Pipeline.read([Fixtures.samples.appendingPathComponent("eml").path])
        #expect(result.summary.messages == 7)
        #expect(result.documents.count == 8)   // one message forwards another as message/rfc822
        #expect(result.documents.allSatisfy { $0.kind == .email })
        #expect(result.summary.skippedTotal == 0)
    }
}
