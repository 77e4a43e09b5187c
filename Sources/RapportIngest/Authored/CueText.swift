import Foundation

/// Text prepared for comparing with reply cues: lower-cased, composed (NFC), every run of
/// whitespace folded to one space, invisible format characters dropped, trimmed. `Þann`, `þann`
/// and a decomposed `þann` all come out alike, and so do `Sent:` and `Sent：`.
///
/// Only a bounded prefix of a line is ever prepared, so no check costs more than a constant per
/// line however long a hostile line is.
struct CueText: Equatable, Sendable {
    /// How many scalars of a line are prepared; longer lines are cut, which is harmless because
    /// every cue that must match a whole line is far shorter.
    static let lineLimit = 400

    var scalars: [Unicode.Scalar]

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    init<Text: StringProtocol>(_ text: Text, limit: Int = CueText.lineLimit) {
        let latin1 = text.utf8.withContiguousStorageIfAvailable { Self.latin1Scalars($0, limit: limit) }
            ?? Self.latin1Scalars(Array(text.utf8.prefix(limit * 2)), limit: limit)
        scalars = latin1 ?? Self.unicodeScalars(text, limit: limit) ?? Self.composedScalars(text, limit: limit)
    }

    /// Text with non-ASCII letters, lower-cased one scalar at a time. Nil when it holds combining
    /// marks (decomposed accents), which need composing first.
    private static func unicodeScalars<Text: StringProtocol>(_ text: Text, limit: Int) -> [Unicode.Scalar]? {
        var result: [Unicode.Scalar] = []
        var pendingSpace = false
        for scalar in text.unicodeScalars.prefix(limit) {
            if scalar.value < 0x100 {
                appendLatin1(scalar.value, to: &result, pendingSpace: &pendingSpace)
                continue
            }
            if isSpace(scalar) {
                pendingSpace = !result.isEmpty
            } else if isCombiningMark(scalar) {
                return nil
            } else if !isInvisible(scalar) {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                if scalar.isASCII {
                    let value = UInt8(scalar.value)
                    result.append(Unicode.Scalar(value >= 0x41 && value <= 0x5A ? value | 0x20 : value))
                } else if scalar == "\u{FF1A}" {
                    result.append(":")
                } else if scalar.properties.changesWhenLowercased {
                    result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                } else {
                    result.append(scalar)
                }
            }
        }
        return result
    }

    /// Text with decomposed accents, composed through Foundation: slow on Linux, but rare.
    private static func composedScalars<Text: StringProtocol>(_ text: Text, limit: Int) -> [Unicode.Scalar] {
        let prefix = String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit)))
        var result: [Unicode.Scalar] = []
        var pendingSpace = false
        for scalar in folded(prefix).unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !result.isEmpty
            } else if !isInvisible(scalar) {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar == "\u{FF1A}" ? ":" : scalar)
            }
        }
        return result
    }

    /// The common case, text in Latin-1 (ASCII, and every Icelandic letter), prepared straight
    /// from its UTF-8 bytes: no Unicode tables, no Foundation. What `unicodeScalars` does for
    /// such text; nil as soon as a scalar beyond U+00FF shows up.
    static func latin1Scalars<Bytes: RandomAccessCollection<UInt8>>(
        _ bytes: Bytes, limit: Int
    ) -> [Unicode.Scalar]? {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(min(limit, bytes.count))
        var pendingSpace = false
        var taken = 0
        var index = bytes.startIndex
        while index != bytes.endIndex && taken < limit {
            let byte = bytes[index]
            var value = UInt32(byte)
            if byte >= 0x80 {
                // C2 and C3 lead U+0080…U+00FF; a continuation byte must follow.
                guard byte == 0xC2 || byte == 0xC3 else { return nil }
                let next = bytes.index(after: index)
                guard next != bytes.endIndex, bytes[next] & 0xC0 == 0x80 else { return nil }
                value = (UInt32(byte & 0x1F) << 6) | UInt32(bytes[next] & 0x3F)
                index = next
            }
            index = bytes.index(after: index)
            taken += 1
            appendLatin1(value, to: &result, pendingSpace: &pendingSpace)
        }
        return result
    }

    /// `latin1Scalars` of contiguous bytes (every line of a message comes this way), written
    /// straight into the array: at most one scalar comes out per scalar read, a space only
    /// where spaces were read.
    static func latin1Scalars(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> [Unicode.Scalar]? {
        var isLatin1 = true
        let result = [Unicode.Scalar](unsafeUninitializedCapacity: min(limit, bytes.count)) { buffer, count in
            var written = 0, taken = 0, index = 0
            var pendingSpace = false
            defer { count = written }
            while index < bytes.count && taken < limit {
                let byte = bytes[index]
                var value = UInt32(byte)
                if byte >= 0x80 {
                    // C2 and C3 lead U+0080…U+00FF; a continuation byte must follow.
                    guard byte == 0xC2 || byte == 0xC3, index + 1 < bytes.count, bytes[index + 1] & 0xC0 == 0x80 else {
                        isLatin1 = false
                        return
                    }
                    value = (UInt32(byte & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F)
                    index += 1
                }
                index += 1
                taken += 1
                if value == 0x20 || (value >= 0x09 && value <= 0x0D) || value == 0x85 || value == 0xA0 {
                    pendingSpace = written > 0
                    continue
                }
                if pendingSpace {
                    buffer[written] = " "
                    written += 1
                    pendingSpace = false
                }
                let upper = (value >= 0x41 && value <= 0x5A) || (value >= 0xC0 && value <= 0xDE && value != 0xD7)
                buffer[written] = Unicode.Scalar(UInt8(upper ? value + 0x20 : value))
                written += 1
            }
        }
        return isLatin1 ? result : nil
    }

    /// Adds a Latin-1 scalar (where Icelandic letters live) without the Unicode property tables:
    /// NEL and no-break space are its only non-ASCII spaces, and its capitals are A…Z and À…Þ
    /// but ×, each lower-cased 0x20 higher.
    @inline(__always)
    private static func appendLatin1(_ value: UInt32, to result: inout [Unicode.Scalar], pendingSpace: inout Bool) {
        if value == 0x20 || (value >= 0x09 && value <= 0x0D) || value == 0x85 || value == 0xA0 {
            pendingSpace = !result.isEmpty
            return
        }
        if pendingSpace { result.append(" ") }
        pendingSpace = false
        let upper = (value >= 0x41 && value <= 0x5A) || (value >= 0xC0 && value <= 0xDE && value != 0xD7)
        result.append(Unicode.Scalar(UInt8(upper ? value + 0x20 : value)))
    }

    /// Lower-cased and composed. Composition goes through Foundation, which is slow on Linux, so
    /// only text holding combining marks (decomposed accents) takes that path.
    static func folded(_ text: String) -> String {
        let lowered = text.lowercasedFast()
        guard lowered.unicodeScalars.contains(where: isCombiningMark) else { return lowered }
        return lowered.precomposedStringWithCanonicalMapping
    }

    /// The combining marks of Latin, Greek and Cyrillic text (and Japanese voicing marks): what a
    /// decomposed `ó` or `é` is written with.
    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F, 0x3099...0x309A: true
        default: false
        }
    }

    var isEmpty: Bool { scalars.isEmpty }

    /// Several lines read as one (an attribution that the mail client wrapped), joined by a space.
    static func joined(_ parts: [CueText]) -> CueText {
        var result: [Unicode.Scalar] = []
        for part in parts where !part.isEmpty {
            if !result.isEmpty { result.append(" ") }
            result.append(contentsOf: part.scalars)
        }
        return CueText(scalars: result)
    }

    /// Drops the given scalars (and spaces) from both ends: the `-----` around
    /// `-----Original Message-----`, the `*` of `*From:*`.
    func trimming(_ decoration: ScalarSet) -> CueText {
        var start = 0
        var end = scalars.count
        while start < end, scalars[start] == " " || decoration.contains(scalars[start]) { start += 1 }
        while end > start, scalars[end - 1] == " " || decoration.contains(scalars[end - 1]) { end -= 1 }
        return CueText(scalars: Array(scalars[start..<end]))
    }

    /// Drops trailing scalars that are not letters or digits: the comma of `Best regards,`, the
    /// emoji of `Cheers 🎉`.
    func trimmingTrailingSymbols() -> CueText {
        var end = scalars.count
        while end > 0, !Self.isLetterOrDigit(scalars[end - 1]) { end -= 1 }
        return CueText(scalars: Array(scalars[..<end]))
    }

    var wordCount: Int {
        scalars.isEmpty ? 0 : scalars.reduce(1) { $1 == " " ? $0 + 1 : $0 }
    }

    func hasPrefix(_ prefix: String) -> Bool { scalars.starts(with: prefix.unicodeScalars) }

    /// True when the text carries what every real attribution line carries: an address, a time
    /// (`9:15`, `17.50`) or a four-digit year. "On the other hand, I wrote:" has none of them.
    var hasDateOrAddress: Bool {
        if scalars.contains("@") { return true }
        var digitRun = 0
        for (index, scalar) in scalars.enumerated() {
            guard Self.isDigit(scalar) else {
                if (scalar == ":" || scalar == "."), digitRun > 0, index + 2 < scalars.count,
                   Self.isDigit(scalars[index + 1]), Self.isDigit(scalars[index + 2]) {
                    return true
                }
                digitRun = 0
                continue
            }
            digitRun += 1
            if digitRun == 4 { return true }
        }
        return false
    }

    // MARK: - Scalar classes

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    /// Zero-width and byte-order marks that some clients scatter through text.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: true
        default: false
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return isDigit(scalar) || (value >= 0x61 && value <= 0x7A)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}

/// A few scalars asked about on nearly every line (decoration, punctuation, the first letters
/// of cues): ASCII members are bits of a 128-bit mask, the others a short list. A `Set` hashed
/// every scalar it was asked about.
struct ScalarSet: Hashable, Sendable, ExpressibleByArrayLiteral {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var others: [Unicode.Scalar] = []

    init() {}

    init(_ scalars: some Sequence<Unicode.Scalar>) {
        for scalar in scalars { insert(scalar) }
    }

    init(arrayLiteral scalars: Unicode.Scalar...) {
        self.init(scalars)
    }

    mutating func insert(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 64 {
            low |= 1 << UInt64(value)
        } else if value < 128 {
            high |= 1 << UInt64(value - 64)
        } else if !others.contains(scalar) {
            others.append(scalar)
        }
    }

    @inline(__always)
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 64 { return low & (1 << UInt64(value)) != 0 }
        if value < 128 { return high & (1 << UInt64(value - 64)) != 0 }
        return !others.isEmpty && others.contains(scalar)
    }
}
