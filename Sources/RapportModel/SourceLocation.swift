/// Where in the input something came from: the file, the message's position in it and the byte
/// offset, so every diagnostic and every document can be traced back to the bytes it was read from.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file path as given by the user, or `-` for standard input.
    public var file: String
    /// The 1-based number of the message within the file (mbox), or nil for single-message files.
    public var index: Int? {
        get { Self.optional(storedIndex) }
        set { storedIndex = Self.stored(newValue) }
    }
    /// The byte offset of the message (or problem) from the start of the file.
    public var offset: Int? {
        get { Self.optional(storedOffset) }
        set { storedOffset = Self.stored(newValue) }
    }
    /// The 1-based line, where known.
    public var line: Int? {
        get { Self.optional(storedLine) }
        set { storedLine = Self.stored(newValue) }
    }

    // Every document carries a location, and a large mailbox's headers are all held at once: an
    // `Int?` takes 16 bytes (its flag padded to 8), so the numbers are kept as plain `Int`s with
    // `Int.min`, which no count or offset can be, standing for none.
    private var storedIndex: Int
    private var storedOffset: Int
    private var storedLine: Int

    public init(file: String, index: Int? = nil, offset: Int? = nil, line: Int? = nil) {
        self.file = file
        storedIndex = Self.stored(index)
        storedOffset = Self.stored(offset)
        storedLine = Self.stored(line)
    }

    private static func stored(_ value: Int?) -> Int { value ?? .min }
    private static func optional(_ value: Int) -> Int? { value == .min ? nil : value }

    private enum CodingKeys: String, CodingKey {
        case file, index, offset, line
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(file: try container.decode(String.self, forKey: .file),
                  index: try container.decodeIfPresent(Int.self, forKey: .index),
                  offset: try container.decodeIfPresent(Int.self, forKey: .offset),
                  line: try container.decodeIfPresent(Int.self, forKey: .line))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encodeIfPresent(index, forKey: .index)
        try container.encodeIfPresent(offset, forKey: .offset)
        try container.encodeIfPresent(line, forKey: .line)
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let index { text += " message \(index)" }
        if let offset { text += " (byte \(offset))" }
        return text
    }
}

/// A problem met while reading input. Problems never stop the run; they are counted and reported.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable, Comparable {
        /// Something was repaired or guessed; the document is still complete.
        case note
        /// Part of the input could not be used (an undecodable part, a fallback date).
        case warning
        /// A whole message or file could not be used.
        case error

        private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// A short stable identifier, e.g. `charset.unknown`, `mime.depth`, `date.fallback-received`.
    public var code: String
    /// A sentence a person can read. Never contains mail content.
    public var message: String
    public var location: SourceLocation

    public init(_ severity: Severity, _ code: String, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }

    public var description: String { "\(location): \(severity.rawValue): \(message) [\(code)]" }
}
