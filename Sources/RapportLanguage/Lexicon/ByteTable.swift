/// An open-addressing hash table keyed by byte strings, so the hot path can look up a token's
/// normalised UTF-8 bytes without building a `String` for it.
///
/// Keys live in one byte arena; slots keep the full 64-bit hash so most probes never compare bytes.
/// The table is built once (lexicon load) and only read afterwards.
struct ByteTable<Value: Sendable>: Sendable {
    private var arena: [UInt8] = []
    private var keyStart: [Int] = []
    private var keyLength: [Int] = []
    private var keyHash: [UInt64] = []
    private(set) var values: [Value] = []
    /// Index into the key arrays, or -1 for an empty slot. The count is a power of two.
    private var slots: [Int32] = [Int32](repeating: -1, count: 16)

    var count: Int { values.count }

    /// Looks up a key whose FNV-1a hash the caller already computed.
    @inline(__always)
    func index(of key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let candidate = Int(slots[slot])
            if candidate < 0 { return nil }
            if keyHash[candidate] == hash && keyLength[candidate] == key.count && equalKey(candidate, key) {
                return candidate
            }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    func value(for key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Value? {
        index(of: key, hash: hash).map { values[$0] }
    }

    func value(for key: [UInt8]) -> Value? {
        key.withUnsafeBufferPointer { value(for: $0, hash: FNV1a.hash($0)) }
    }

    func value(for key: String) -> Value? { value(for: Array(key.utf8)) }

    @inline(__always)
    private func equalKey(_ candidate: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = keyStart[candidate]
        return arena.withUnsafeBufferPointer { stored in
            for offset in 0..<key.count where stored[start + offset] != key[offset] { return false }
            return true
        }
    }

    /// Inserts or replaces the value for a key.
    mutating func set(_ value: Value, for key: [UInt8]) {
        let hash = FNV1a.hash(key)
        if let existing = key.withUnsafeBufferPointer({ index(of: $0, hash: hash) }) {
            values[existing] = value
            return
        }
        if (values.count + 1) * 2 > slots.count { grow() }
        keyStart.append(arena.count)
        keyLength.append(key.count)
        keyHash.append(hash)
        arena.append(contentsOf: key)
        values.append(value)
        place(values.count - 1)
    }

    /// Updates the value for a key in place, inserting `initial` first when absent.
    mutating func update(_ key: [UInt8], initial: @autoclosure () -> Value, _ change: (inout Value) -> Void) {
        let hash = FNV1a.hash(key)
        if let existing = key.withUnsafeBufferPointer({ index(of: $0, hash: hash) }) {
            change(&values[existing])
            return
        }
        var value = initial()
        change(&value)
        set(value, for: key)
    }

    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: keyHash[index]) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for index in values.indices { place(index) }
    }
}
