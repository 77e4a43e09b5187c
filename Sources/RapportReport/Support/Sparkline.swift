/// A tone trajectory drawn with the eight block characters `▁▂▃▄▅▆▇█`.
///
/// The scale is fixed at −1…1 rather than stretched to the thread's own range, so a flat neutral
/// thread stays in the middle and two threads' lines can be compared at a glance.
enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Longer trajectories are averaged into this many columns so a line fits a terminal.
    static let maximumWidth = 40

    static func render(_ values: [Double]) -> String {
        String(columns(values).map { value in
            let clamped = min(1, max(-1, value.isFinite ? value : 0))
            let level = Int(((clamped + 1) / 2 * Double(blocks.count - 1)).rounded())
            return blocks[level]
        })
    }

    /// The values averaged into at most `maximumWidth` consecutive buckets of near-equal size.
    static func columns(_ values: [Double]) -> [Double] {
        guard values.count > maximumWidth else { return values }
        return (0..<maximumWidth).map { column in
            let start = column * values.count / maximumWidth
            let end = (column + 1) * values.count / maximumWidth
            let bucket = values[start..<end]
            return bucket.reduce(0, +) / Double(bucket.count)
        }
    }
}
