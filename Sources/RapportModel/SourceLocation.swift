/// Where in the input something came from: the file, the message's position in it and the byte
/// offset, so every diagnostic and every document can be traced back to the bytes it was read from.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file path as given by the user, or `-` for standard input.
    public var file: String
    /// The 1-based number of the message within the file (mbox), or nil for single-message files.
    public var index: Int?
    /// The byte offset of the message (or problem) from the start of the file.
    public var offset: Int?
    /// The 1-based line, where known.
    public var line: Int?

    public init(file: String, index: Int? = nil, offset: Int? = nil, line: Int? = nil) {
        self.file = file
        self.index = index
        self.offset = offset
        self.line = line
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
