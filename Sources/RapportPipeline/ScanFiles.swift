import Foundation
import RapportStore

/// A fast, stable 128-bit hash of a byte stream, fed in any chunks: the content check that tells
/// a file that grew (its old bytes unchanged) from one that was rewritten. Not cryptographic; it
/// guards against accidents (a compacted or replaced mailbox), not attackers. Reads eight bytes
/// per step so that checking a large mailbox costs little next to reading it.
struct ContentHasher: Sendable, Equatable {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var pending: [UInt8] = []
    private(set) var count = 0

    // Multipliers from xxHash64, chosen there for good bit mixing.
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9

    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        count += bytes.count
        var start = 0
        if !pending.isEmpty {
            let take = min(8 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            start = take
            guard pending.count == 8 else { return }
            let word = pending.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            mix(UInt64(littleEndian: word))
            pending.removeAll(keepingCapacity: true)
        }
        var offset = start
        // The state in locals for the loop: through `self` each word cost three times the
        // instructions, and a grown file's whole old part is hashed at every scan.
        var a = self.a, b = self.b
        if let base = bytes.baseAddress {
            while offset + 8 <= bytes.count {
                let word = UInt64(littleEndian: (base + offset).loadUnaligned(as: UInt64.self))
                Self.mix(word, &a, &b)
                offset += 8
            }
        }
        self.a = a
        self.b = b
        pending.append(contentsOf: bytes[offset...])
    }

    mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine($0) }
    }

    private mutating func mix(_ word: UInt64) {
        Self.mix(word, &a, &b)
    }

    @inline(__always)
    private static func mix(_ word: UInt64, _ a: inout UInt64, _ b: inout UInt64) {
        a = ((a ^ (word &* prime2)).rotated(31)) &* prime1
        b = ((b &+ (word &* prime3)).rotated(27)) &* prime2 &+ a
    }

    /// The hash of everything combined so far, as 32 hex digits; more bytes may still be added.
    var hex: String {
        var copy = self
        var tail: UInt64 = 0
        for (index, byte) in pending.enumerated() { tail |= UInt64(byte) << (8 * UInt64(index)) }
        copy.mix(tail ^ UInt64(count) &* Self.prime3)
        let high = Self.avalanche(copy.a ^ copy.b.rotated(17)), low = Self.avalanche(copy.b ^ copy.a.rotated(41) ^ UInt64(count))
        return Self.hex(high) + Self.hex(low)
    }

    private static func avalanche(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= prime2
        x ^= x >> 29
        x &*= prime3
        x ^= x >> 32
        return x
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

private extension UInt64 {
    func rotated(_ bits: UInt64) -> UInt64 { (self << bits) | (self >> (64 - bits)) }
}

/// Reads a file's bytes for hashing, separately from the ingestor, so the hash of everything
/// up to a message boundary can follow the reading batch by batch.
struct PrefixHasher {
    private let handle: FileHandle
    private var hasher = ContentHasher()
    private(set) var position = 0

    init?(path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        self.handle = handle
    }

    /// Goes on from `hashed`, the hash of the file's first `hashed.count` bytes: a grown file's
    /// old part, hashed when its plan was made, is not read a second time.
    init?(path: String, continuing hashed: ContentHasher) {
        guard let handle = FileHandle(forReadingAtPath: path),
              (try? handle.seek(toOffset: UInt64(hashed.count))) != nil else { return nil }
        self.handle = handle
        hasher = hashed
        position = hashed.count
    }

    /// The hash of the bytes read so far.
    var hashed: ContentHasher { hasher }

    /// Hashes on up to `offset` (never back), or returns nil when the file ends first.
    mutating func advance(to offset: Int) -> String? {
        while position < offset {
            let want = min(1 << 20, offset - position)
            guard let data = try? handle.read(upToCount: want), !data.isEmpty else { return nil }
            data.withUnsafeBytes { hasher.combine($0) }
            position += data.count
        }
        return hasher.hex
    }

    func close() { try? handle.close() }
}

/// What the file system says about a file, and the cheap checks built on it.
struct FileState: Equatable {
    var size: Int
    /// Nanoseconds since 1970.
    var modified: Int64

    init?(path: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.intValue else { return nil }
        self.size = size
        let date = attributes[.modificationDate] as? Date ?? Date(timeIntervalSince1970: 0)
        modified = Int64((date.timeIntervalSince1970 * 1e9).rounded())
    }

    /// The bytes a sample check reads at each end of the part already read.
    static let sampleLength = 64 << 10

    /// A hash of the first and last 64 KiB of `0..<length` (all of it when shorter), and the length.
    static func sampleHash(path: String, length: Int) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = ContentHasher()
        func hash(_ range: Range<Int>) -> Bool {
            guard !range.isEmpty else { return true }
            guard (try? handle.seek(toOffset: UInt64(range.lowerBound))) != nil,
                  let data = try? handle.read(upToCount: range.count), data.count == range.count else { return false }
            data.withUnsafeBytes { hasher.combine($0) }
            return true
        }
        let head = 0..<min(length, sampleLength)
        let tail = max(head.upperBound, length - sampleLength)..<length
        guard hash(head), hash(tail) else { return nil }
        return hasher.hex
    }

    /// True when the bytes from `offset` on begin, after any empty lines, with an mbox `From `
    /// line: what appending whole messages to an mbox leaves there.
    static func startsMessage(path: String, at offset: Int) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: UInt64(offset))) != nil,
              let data = try? handle.read(upToCount: 4096) else { return false }
        let bytes = data.drop { $0 == 0x0A || $0 == 0x0D }
        return bytes.starts(with: Array("From ".utf8))
    }
}

/// How a scan treats one input file, decided from what the store remembers of it.
enum FilePlan: Equatable {
    /// Never seen, or changed in place: read it all (documents already stored are recognised).
    case readAll(reason: Reason)
    /// Read on from a message boundary: the file grew, or an interrupted scan stopped there.
    /// `hashed` is the hash of the bytes before `offset`, which the check made.
    case resume(offset: Int, messages: Int, reason: Reason, hashed: ContentHasher)
    /// Size, time and content samples match what was read: nothing to do.
    case unchanged
    /// Already read to its end earlier in this same scan (before an interruption).
    case doneThisScan

    enum Reason: Equatable {
        case new, changed, shrunk, grown, interrupted
    }

    /// Decides from the file's state now and the record of the last read.
    static func decide(path: String, state: FileState, record: FileRecord?, scan: Int64) -> FilePlan {
        guard let record else { return .readAll(reason: .new) }
        if record.state == .partial {
            if state.size >= record.readTo, let hashed = matchingPrefix(path: path, record: record) {
                return .resume(offset: record.readTo, messages: record.messages, reason: .interrupted, hashed: hashed)
            }
            return .readAll(reason: state.size < record.readTo ? .shrunk : .changed)
        }
        if state.size < record.readTo { return .readAll(reason: .shrunk) }
        if state.size == record.size, state.modified == record.modified,
           FileState.sampleHash(path: path, length: record.readTo) == record.sampleHash {
            return record.lastScan == scan && record.state == .complete ? .doneThisScan : .unchanged
        }
        if state.size > record.readTo, record.messages > 0, FileState.startsMessage(path: path, at: record.readTo),
           let hashed = matchingPrefix(path: path, record: record) {
            return .resume(offset: record.readTo, messages: record.messages, reason: .grown, hashed: hashed)
        }
        if state.size == record.readTo, matchingPrefix(path: path, record: record) != nil {
            // Same bytes with a new modification time (touched, copied): nothing new to read.
            return record.lastScan == scan && record.state == .complete ? .doneThisScan : .unchanged
        }
        return .readAll(reason: .changed)
    }

    /// The hash of the file's first `record.readTo` bytes when it is the one recorded, else nil.
    private static func matchingPrefix(path: String, record: FileRecord) -> ContentHasher? {
        guard var hasher = PrefixHasher(path: path) else { return nil }
        defer { hasher.close() }
        return hasher.advance(to: record.readTo) == record.prefixHash ? hasher.hashed : nil
    }
}
