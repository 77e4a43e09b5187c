/// Sixteen bytes tested at once with SIMD comparisons (SSE2 on x86-64, NEON on ARM), for the
/// loops that skip plain bytes: escaping JSON, checking UTF-8, finding link cues.
public enum SIMDBytes {
    /// The index of the first lane set in a comparison's mask, or 16 when none is. The mask's
    /// lanes are all-ones or all-zeros bytes, read here as two 64-bit words. Inlinable: passed
    /// to a call, the mask is built lane by lane and the comparisons lose their SIMD form.
    @inlinable @inline(__always)
    public static func firstSet(_ mask: SIMDMask<SIMD16<Int8>>) -> Int {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        let low = UInt64(littleEndian: words[0])
        if low != 0 { return low.trailingZeroBitCount / 8 }
        let high = UInt64(littleEndian: words[1])
        return high != 0 ? 8 + high.trailingZeroBitCount / 8 : 16
    }
}
