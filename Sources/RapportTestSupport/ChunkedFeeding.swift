/// The chunkings every streaming decoder must be fed in: byte by byte, small odd sizes, a large
/// size, and with empty chunks interleaved. Output must not depend on how bytes arrive.
public enum ChunkedFeeding {
    public static let sizes = [1, 2, 5, 8, 16, 50, 500]

    /// Splits `bytes` into chunks of `size`, inserting an empty chunk between each when
    /// `withEmptyChunks` is set.
    public static func chunks(_ bytes: [UInt8], size: Int, withEmptyChunks: Bool = false) -> [[UInt8]] {
        precondition(size > 0, "chunk size must be positive")
        var result: [[UInt8]] = []
        var start = 0
        while start < bytes.count {
            let end = min(start + size, bytes.count)
            result.append(Array(bytes[start..<end]))
            if withEmptyChunks { result.append([]) }
            start = end
        }
        if withEmptyChunks { result.insert([], at: 0) }
        return result
    }

    /// Every chunking to test: each size in `sizes`, with and without empty chunks, plus the whole input.
    public static func allChunkings(_ bytes: [UInt8]) -> [(label: String, chunks: [[UInt8]])] {
        var result: [(String, [[UInt8]])] = [("whole", [bytes])]
        for size in sizes {
            result.append(("\(size)", chunks(bytes, size: size)))
            result.append(("\(size)+empty", chunks(bytes, size: size, withEmptyChunks: true)))
        }
        return result
    }
}
