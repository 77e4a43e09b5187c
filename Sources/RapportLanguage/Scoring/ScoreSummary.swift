import Synchronization

/// A text's scores without its sentences, for scoring texts in bulk: `DocumentScore`'s numbers,
/// with the categories found as a list in name order instead of a dictionary (building, hashing
/// and then sorting a dictionary per text was a large part of `rapport score`).
public struct ScoreSummary: Hashable, Sendable {
    public struct Category: Hashable, Sendable {
        /// The name's `CategoryNumbers` number: a summary made per text holds no strings, whose
        /// reference counting was a noticeable part of `rapport score`.
        public var number: Int32
        /// 0…1.
        public var intensity: Double

        public var name: String { CategoryNumbers.name(of: number) }

        public init(name: String, intensity: Double) {
            self.init(number: CategoryNumbers.number(for: name), intensity: intensity)
        }

        public init(number: Int32, intensity: Double) {
            self.number = number
            self.intensity = intensity
        }
    }

    public var language: LanguageCode
    public var sentiment: Double
    public var positive: Double
    public var negative: Double
    public var neutral: Double
    /// The categories found, sorted by name.
    public var categories: [Category]
    public var politeness: Double

    public init(
        language: LanguageCode, sentiment: Double = 0, positive: Double = 0, negative: Double = 0,
        neutral: Double = 0, categories: [Category] = [], politeness: Double = 0
    ) {
        self.language = language
        self.sentiment = sentiment
        self.positive = positive
        self.negative = negative
        self.neutral = neutral
        self.categories = categories
        self.politeness = politeness
    }

    /// The summary of a score, its categories sorted by name.
    public init(_ score: DocumentScore) {
        self.init(
            language: score.language, sentiment: score.sentiment, positive: score.positive,
            negative: score.negative, neutral: score.neutral,
            categories: score.categories.sorted { $0.key < $1.key }.map { Category(name: $0.key, intensity: $0.value) },
            politeness: score.politeness)
    }
}

/// A number for each category name, the same in every matcher of the process (names are few:
/// the known categories and the custom ones of loaded lexicons).
public enum CategoryNumbers {
    private struct Table {
        var names: [String] = []
        /// Open addressing on an FNV-1a hash of the name's bytes: each slot holds a number + 1,
        /// 0 when empty. Hashing a name with `Hasher` for a dictionary was most of the lookup,
        /// which every category of every scored sentence makes.
        var slots = [Int32](repeating: 0, count: 1_024)
        /// Names beyond half the slots (never, with the shipped lexicons and a few of one's own).
        var overflow: [String: Int32] = [:]
    }

    private static let table = Mutex<Table>(Table())

    public static func number(for name: String) -> Int32 {
        var bytes = name
        let hash = bytes.withUTF8 { utf8 in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return hash
        }
        return table.withLock { table in
            let mask = table.slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while table.slots[slot] != 0 {
                let number = table.slots[slot] - 1
                if table.names[Int(number)] == name { return number }
                slot = (slot + 1) & mask
            }
            if let number = table.overflow[name] { return number }
            let number = Int32(table.names.count)
            table.names.append(name)
            if table.names.count * 2 <= table.slots.count {
                table.slots[slot] = number + 1
            } else {
                table.overflow[name] = number
            }
            return number
        }
    }

    /// The name of a number `number(for:)` gave.
    public static func name(of number: Int32) -> String {
        table.withLock { $0.names[Int(number)] }
    }
}
