/// An open-addressing hash table keyed by byte strings, so the hot path can look up a token's
/// normalised UTF-8 bytes without building a `String` for it.
///
/// Each slot holds the key's full 64-bit hash and length beside its index, so a probe touches
/// one cache line and compares bytes only on a likely hit. The table is built once (lexicon
/// load) and only read afterwards.
struct ByteTable<Value: Sendable>: Sendable {
    struct Slot: Sendable {
        var hash: UInt64
        /// Index into `values` and the key arrays, or -1 for an empty slot.
        var index: Int32
        var length: Int32
    }

    private var arena: [UInt8] = []
    private var keyStart: [Int] = []
    private(set) var values: [Value] = []
    /// A power of two in count.
    private var slots: [Slot] = [Slot](repeating: Slot(hash: 0, index: -1, length: 0), count: 16)

    var count: Int { values.count }

    /// Looks up a key whose FNV-1a hash the caller already computed.
    @inline(__always)
    func index(of key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var position = Int(truncatingIfNeeded: hash) & mask
            while true {
                let slot = slots[position]
                if slot.index < 0 { return nil }
                if slot.hash == hash && Int(slot.length) == key.count && equalKey(Int(slot.index), key) {
                    return Int(slot.index)
                }
                position = (position + 1) & mask
            }
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
        arena.append(contentsOf: key)
        values.append(value)
        place(Slot(hash: hash, index: Int32(values.count - 1), length: Int32(key.count)))
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

    private mutating func place(_ slot: Slot) {
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: slot.hash) & mask
        while slots[position].index >= 0 { position = (position + 1) & mask }
        slots[position] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(hash: 0, index: -1, length: 0), count: old.count * 2)
        for slot in old where slot.index >= 0 { place(slot) }
    }
}
