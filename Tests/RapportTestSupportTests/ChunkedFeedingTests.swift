import Testing
@testable import RapportTestSupport

@Suite struct ChunkedFeedingTests {
    @Test func chunksReassembleToTheInput() {
        let bytes = Array("From a@b\nhello\n".utf8)
        for (label, chunks) in ChunkedFeeding.allChunkings(bytes) {
            #expect(chunks.flatMap { $0 } == bytes, "\(label)")
        }
        #expect(ChunkedFeeding.chunks([1, 2, 3], size: 2) == [[1, 2], [3]])
        #expect(ChunkedFeeding.chunks([1, 2, 3], size: 2, withEmptyChunks: true) == [[], [1, 2], [], [3], []])
    }
}
