import ArgumentParser
import Foundation
import RapportLanguage
import RapportReport

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score texts for sentiment, conflict, negotiation and politeness; one JSON object per text (NDJSON).",
        discussion: """
            Texts come from the arguments, or one per line from --file or standard input, which is read as \
            a stream: a million lines need no more memory than one. Output keeps input order, one line per \
            input line (empty lines included). Keys: text, language, sentiment (-1…1), positive, negative, \
            neutral (shares), categories (name → intensity 0…1, found ones only), politeness (-1…1).
            """
    )

    @Argument(help: "Texts to score. Without any, lines are read from --file or standard input.")
    var texts: [String] = []

    @Option(help: "Read one text per line from this file.")
    var file: String?

    @Option(help: "The language of the texts: auto identifies each one.")
    var language: LanguageChoice = .auto

    @OptionGroup var lexiconOptions: LexiconOptions

    func validate() throws {
        if !texts.isEmpty && file != nil { throw ValidationError("Give texts as arguments or --file, not both.") }
    }

    func run() throws {
        let session = ScoringSession(scorer: try lexiconOptions.scorer())
        var output = ByteOutput()
        let code = language.code
        let score = { (text: String) in
            let result = session.score(text, language: code, detail: .summary)
            ScoreRecord.append(text: text, score: result, to: &output.buffer)
            output.flushIfFull()
        }
        if !texts.isEmpty {
            texts.forEach(score)
        } else {
            let descriptor: Int32
            if let file, file != "-" {
                descriptor = open(file, O_RDONLY)
                guard descriptor >= 0 else {
                    StandardError.write("rapport: cannot read \(file): \(String(cString: strerror(errno)))\n")
                    throw ExitStatus.unreadableInput
                }
            } else {
                descriptor = STDIN_FILENO
            }
            defer { if descriptor != STDIN_FILENO { close(descriptor) } }
            var reader = LineReader(descriptor: descriptor)
            var lineNumber = 0
            // Flushing before each blocking read answers an interactive pipe line by line while
            // a large input still goes out in 64 KiB writes.
            while let line = try reader.next(beforeReading: { output.flush() }) {
                lineNumber += 1
                if line.truncated {
                    StandardError.write(
                        "rapport: line \(lineNumber) is longer than \(LineReader.maximumLineLength) bytes; scored its start\n"
                    )
                }
                score(line.text)
            }
        }
        output.flush()
    }
}

/// `--language auto|en|is`.
enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, en, `is`

    var code: LanguageCode? {
        switch self {
        case .auto: return nil
        case .en: return .english
        case .is: return .icelandic
        }
    }
}

// MARK: - Reading lines

/// Reads a file descriptor line by line through a fixed buffer, so input of any size streams.
/// Lines end at LF; a CR before the LF is dropped (CRLF); a last line without LF still counts.
/// Invalid UTF-8 is repaired with U+FFFD.
struct LineReader {
    /// Longer lines are cut here (and reported) so one hostile line cannot take all memory.
    static let maximumLineLength = 16 << 20
    static let chunkSize = 1 << 20

    let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false

    init(descriptor: Int32) { self.descriptor = descriptor }

    struct Line {
        var text: String
        var truncated: Bool
    }

    /// The next line, or nil at the end of input; `beforeReading` runs before each read that may block.
    mutating func next(beforeReading: () -> Void = {}) throws -> Line? {
        var searchFrom = start
        while true {
            if let newline = firstNewline(from: searchFrom) {
                let line = makeLine(start..<newline, truncated: false)
                start = newline + 1
                return line
            }
            if buffer.count - start > LineReader.maximumLineLength {
                let line = makeLine(start..<(start + LineReader.maximumLineLength), truncated: true)
                try skipRestOfLine(beforeReading)
                return line
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = makeLine(start..<buffer.count, truncated: false)
                start = buffer.count
                return line
            }
            searchFrom = buffer.count
            if start > 0 {
                searchFrom -= start
                buffer.removeSubrange(0..<start)
                start = 0
            }
            beforeReading()
            try fill()
        }
    }

    /// The index of the next LF at or after `start`, found with `memchr` (the generic
    /// `firstIndex(of:)` showed up in profiles at one comparison loop per byte).
    private func firstNewline(from start: Int) -> Int? {
        buffer.withUnsafeBytes { raw in
            guard start < raw.count, let base = raw.baseAddress,
                let found = memchr(base + start, Int32(UInt8(ascii: "\n")), raw.count - start)
            else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }

    private func makeLine(_ range: Range<Int>, truncated: Bool) -> Line {
        var end = range.upperBound
        if end > range.lowerBound && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return Line(text: String(decoding: buffer[range.lowerBound..<end], as: UTF8.self), truncated: truncated)
    }

    private mutating func fill() throws {
        let old = buffer.count
        buffer.reserveCapacity(old + LineReader.chunkSize)
        buffer.append(contentsOf: repeatElement(0, count: LineReader.chunkSize))
        let count = buffer.withUnsafeMutableBytes { raw in
            read(descriptor, raw.baseAddress! + old, LineReader.chunkSize)
        }
        guard count >= 0 else {
            buffer.removeSubrange(old...)
            StandardError.write("rapport: read error: \(String(cString: strerror(errno)))\n")
            throw ExitStatus.unreadableInput
        }
        buffer.removeSubrange((old + count)...)
        if count == 0 { finished = true }
    }

    private mutating func skipRestOfLine(_ beforeReading: () -> Void) throws {
        buffer.removeAll(keepingCapacity: true)
        start = 0
        while !finished {
            beforeReading()
            try fill()
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                start = newline + 1
                return
            }
            buffer.removeAll(keepingCapacity: true)
        }
    }
}

// MARK: - Writing records

/// Standard output as bytes, written 64 KiB at a time.
struct ByteOutput {
    var buffer: [UInt8] = []

    mutating func flushIfFull() { if buffer.count >= 1 << 16 { flush() } }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

/// One `rapport score` line. `jsonValue` is the definition; `append` writes the same bytes
/// directly (a test holds them equal) because building a `JSONValue` tree per line is the
/// slowest part of scoring a million lines.
enum ScoreRecord {
    static func jsonValue(text: String, score: DocumentScore) -> JSONValue {
        .object([
            ("text", .string(text)),
            ("language", .string(score.language.rawValue)),
            ("sentiment", .double(score.sentiment)),
            ("positive", .double(score.positive)),
            ("negative", .double(score.negative)),
            ("neutral", .double(score.neutral)),
            ("categories", .object(score.categories.sorted { $0.key < $1.key }.map { ($0.key, .double($0.value)) })),
            ("politeness", .double(score.politeness)),
        ])
    }

    static func append(text: String, score: DocumentScore, to out: inout [UInt8]) {
        appendStatic(#"{"text":"#, to: &out)
        appendString(text, to: &out)
        switch score.language {
        case .english: appendStatic(#","language":"en","sentiment":"#, to: &out)
        case .icelandic: appendStatic(#","language":"is","sentiment":"#, to: &out)
        case .unknown: appendStatic(#","language":"unknown","sentiment":"#, to: &out)
        }
        appendNumber(score.sentiment, to: &out)
        appendStatic(#","positive":"#, to: &out)
        appendNumber(score.positive, to: &out)
        appendStatic(#","negative":"#, to: &out)
        appendNumber(score.negative, to: &out)
        appendStatic(#","neutral":"#, to: &out)
        appendNumber(score.neutral, to: &out)
        appendStatic(#","categories":{"#, to: &out)
        if !score.categories.isEmpty {
            let sorted =
                score.categories.count == 1 ? Array(score.categories) : score.categories.sorted { $0.key < $1.key }
            for (index, (name, value)) in sorted.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                appendString(name, to: &out)
                out.append(UInt8(ascii: ":"))
                appendNumber(value, to: &out)
            }
        }
        appendStatic(#"},"politeness":"#, to: &out)
        appendNumber(score.politeness, to: &out)
        appendStatic("}\n", to: &out)
    }

    @inline(__always)
    static func appendStatic(_ text: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// `JSONValue`'s escaping: quotes, backslashes, control characters and U+2028/2029. Runs of
    /// bytes that need none are copied whole.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            let count = bytes.count
            let raw = UnsafeRawBufferPointer(bytes)
            while index < count {
                if index + 8 <= count, !mayNeedEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = bytes[index]
                if isPlain(byte) {
                    index += 1
                    continue
                }
                let escape: StaticString?
                var length = 1
                switch byte {
                case UInt8(ascii: "\""): escape = #"\""#
                case UInt8(ascii: "\\"): escape = #"\\"#
                case UInt8(ascii: "\n"): escape = #"\n"#
                case UInt8(ascii: "\r"): escape = #"\r"#
                case UInt8(ascii: "\t"): escape = #"\t"#
                case 0..<0x20, 0x7F: escape = nil
                case 0xE2
                where index + 2 < count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029 (E2 80 A8 / E2 80 A9)
                    escape = bytes[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#
                    length = 3
                default:
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                if let escape {
                    out.append(
                        contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
                } else {
                    let digits = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: #"\u00"#.utf8)
                    out.append(digits[Int(byte >> 4)])
                    out.append(digits[Int(byte & 0xF)])
                }
                index += length
                runStart = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Bytes copied as they are: not a quote, backslash or control character, and not the lead
    /// byte 0xE2 of U+2028/2029. One test per byte keeps the common case out of the `switch`.
    @inline(__always)
    static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0x7F && byte != 0xE2
    }

    /// Whether any of eight bytes may need escaping (see `isPlain`), tested all at once: a byte
    /// below 0x20, or equal to `"`, `\\`, 0x7F or 0xE2. Exact for "none", so plain runs are
    /// copied eight bytes per test.
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let below20 = (word &- ones &* 0x20) & ~word & highs
        return (below20 | hasZeroByte(word ^ (ones &* 0x22)) | hasZeroByte(word ^ (ones &* 0x5C))
            | hasZeroByte(word ^ (ones &* 0x7F)) | hasZeroByte(word ^ (ones &* 0xE2))) != 0
    }

    /// `JSONValue`'s numbers: rounded to four decimals, trailing zeros dropped, integers without
    /// a point, non-finite as null.
    static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        let scaled = (value * 10_000).rounded()
        guard value.isFinite, abs(scaled) < 1e15 else {
            out.append(contentsOf: JSONValue.double(value).serialized().utf8)
            return
        }
        let units = Int64(scaled)
        // Sign, at most 11 integer digits, a point and four decimals: written into a stack buffer
        // and appended once, since each `Array.append` checks uniqueness and capacity.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { digits in
            var count = 0
            if units < 0 {
                digits[0] = UInt8(ascii: "-")
                count = 1
            }
            let magnitude = units.magnitude
            var whole = magnitude / 10_000
            let wholeStart = count
            repeat {
                digits[count] = UInt8(ascii: "0") + UInt8(whole % 10)
                count += 1
                whole /= 10
            } while whole != 0
            var low = wholeStart
            var high = count - 1
            while low < high {
                digits.swapAt(low, high)
                low += 1
                high -= 1
            }
            var fraction = magnitude % 10_000
            if fraction != 0 {
                digits[count] = UInt8(ascii: ".")
                count += 1
                var divisor: UInt64 = 1000
                while fraction != 0 {
                    digits[count] = UInt8(ascii: "0") + UInt8(fraction / divisor)
                    count += 1
                    fraction %= divisor
                    divisor /= 10
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[0..<count]))
        }
    }
}
