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
    private static let table = Mutex<(numbers: [String: Int32], names: [String])>(([:], []))

    public static func number(for name: String) -> Int32 {
        table.withLock { table in
            if let number = table.numbers[name] { return number }
            let number = Int32(table.names.count)
            table.names.append(name)
            table.numbers[name] = number
            return number
        }
    }

    /// The name of a number `number(for:)` gave.
    public static func name(of number: Int32) -> String {
        table.withLock { $0.names[Int(number)] }
    }
}
