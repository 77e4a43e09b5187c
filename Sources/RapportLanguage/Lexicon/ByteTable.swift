/// An open-addressing hash table keyed by byte strings, so the hot path can look up a token's
/// normalised UTF-8 bytes without building a `String` for it.
///
/// Each slot holds part of the key's hash and its length beside its index, so a probe touches
/// one cache line and compares bytes only on a likely hit. The table is built once (lexicon
/// load) and only read afterwards.
struct ByteTable<Value: Sendable>: Sendable {
    /// Sixteen bytes, so four share a cache line: the low half of the key's hash (enough to
    /// place it and to rule out most other keys before comparing bytes), its index and its
    /// length, and where it starts in `arena`.
    struct Slot: Sendable {
        var hash: UInt32
        /// Index into `values` and the key arrays, or -1 for an empty slot.
        var index: Int32
        var length: Int32
        /// Where the key starts in `arena`.
        var start: Int32
    }

    private var arena: [UInt8] = []
    private var keyStart: [Int] = []
    private(set) var values: [Value] = []
    /// A power of two in count.
    private var slots: [Slot] = [Slot](repeating: ByteTable.emptySlot, count: 16)
    /// The length of the longest key, so a caller can tell that a longer key cannot be here.
    private(set) var longestKey = 0
    private static var emptySlot: Slot { Slot(hash: 0, index: -1, length: 0, start: 0) }

    var count: Int { values.count }

    /// Looks up a key whose FNV-1a hash the caller already computed.
    @inline(__always)
    func index(of key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        withReader { $0.index(of: key, hash: hash) }
    }

    /// The table's storage as pointers, for loops that probe it once per token: the array
    /// accesses of `index(of:hash:)` are then made once per loop, not once per probe.
    struct Reader {
        fileprivate let slots: UnsafeBufferPointer<Slot>
        fileprivate let arena: UnsafeBufferPointer<UInt8>
        fileprivate let values: UnsafeBufferPointer<Value>
        /// `ByteTable.longestKey`.
        let longestKey: Int

        @inline(__always)
        func value(for key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Value? {
            index(of: key, hash: hash).map { values[$0] }
        }

        @inline(__always)
        func index(of key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
            let mask = slots.count - 1
            var position = Int(truncatingIfNeeded: hash) & mask
            while true {
                let slot = slots[position]
                if slot.index < 0 { return nil }
                if slot.hash == UInt32(truncatingIfNeeded: hash) && Int(slot.length) == key.count
                    && (key.isEmpty
                        || ByteTable.equal(
                            UnsafeRawPointer(arena.baseAddress! + Int(slot.start)), UnsafeRawPointer(key.baseAddress!),
                            count: key.count))
                {
                    return Int(slot.index)
                }
                position = (position + 1) & mask
            }
        }
    }

    @inline(__always)
    func withReader<R>(_ body: (Reader) -> R) -> R {
        slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                values.withUnsafeBufferPointer { values in body(Reader(slots: slots, arena: arena, values: values, longestKey: longestKey)) }
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

    /// Whether two runs of `count` bytes are equal, compared eight or four bytes at a time (the
    /// last load overlapping the one before), never reading outside either run.
    @inline(__always)
    static func equal(_ first: UnsafeRawPointer, _ second: UnsafeRawPointer, count: Int) -> Bool {
        if count >= 8 {
            var offset = 0
            while offset + 8 <= count {
                guard first.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    == second.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                else { return false }
                offset += 8
            }
            return offset == count
                || first.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                    == second.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
        if count >= 4 {
            return first.loadUnaligned(as: UInt32.self) == second.loadUnaligned(as: UInt32.self)
                && first.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
                    == second.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        }
        for offset in 0..<count {
            guard first.load(fromByteOffset: offset, as: UInt8.self) == second.load(fromByteOffset: offset, as: UInt8.self)
            else { return false }
        }
        return true
    }

    /// Calls `body` with every key and its value, in insertion order.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>, Value) -> Void) {
        arena.withUnsafeBufferPointer { arena in
            for index in values.indices {
                let end = index + 1 < keyStart.count ? keyStart[index + 1] : arena.count
                body(UnsafeBufferPointer(rebasing: arena[keyStart[index]..<end]), values[index])
            }
        }
    }

    /// The value at an index `index(of:hash:)` gave, read and changed in place.
    subscript(valueAt index: Int) -> Value {
        get { values[index] }
        set { values[index] = newValue }
    }

    /// Changes every value in place.
    mutating func updateValues(_ change: (inout Value) -> Void) {
        for index in values.indices { change(&values[index]) }
    }

    /// Inserts or replaces the value for a key.
    mutating func set(_ value: Value, for key: [UInt8]) {
        set(value, for: key, hash: FNV1a.hash(key))
    }

    /// `set(_:for:)` for a key whose FNV-1a hash the caller already computed.
    mutating func set(_ value: Value, for key: [UInt8], hash: UInt64) {
        if let existing = key.withUnsafeBufferPointer({ index(of: $0, hash: hash) }) {
            values[existing] = value
            return
        }
        if (values.count + 1) * 2 > slots.count { grow() }
        let start = arena.count
        keyStart.append(start)
        longestKey = max(longestKey, key.count)
        arena.append(contentsOf: key)
        values.append(value)
        precondition(arena.count <= Int(Int32.max), "a byte table holds at most 2 GB of keys")
        place(Slot(
            hash: UInt32(truncatingIfNeeded: hash), index: Int32(values.count - 1), length: Int32(key.count),
            start: Int32(start)))
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
        slots = [Slot](repeating: ByteTable.emptySlot, count: old.count * 2)
        for slot in old where slot.index >= 0 { place(slot) }
    }
}
