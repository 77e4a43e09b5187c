import ArgumentParser
import Foundation
import RapportLanguage
import RapportModel
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
        var output = ScoreOutput(stream: ScoringStream(scorer: try lexiconOptions.scorer()), language: language.code)
        if !texts.isEmpty {
            for var text in texts { text.withUTF8 { output.score($0) } }
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
            while try reader.readLine(beforeReading: { output.bytes.flush() }, { line, truncated in
                lineNumber += 1
                if truncated {
                    StandardError.write(
                        "rapport: line \(lineNumber) is longer than \(LineReader.maximumLineLength) bytes; scored its start\n"
                    )
                }
                output.score(line)
            }) {}
        }
        output.bytes.flush()
    }
}

/// Scores texts and writes their records. A value the loop owns, not state captured by a
/// closure: a closure's captured variables are checked for exclusive access on every use.
struct ScoreOutput {
    var stream: ScoringStream
    let language: LanguageCode?
    var bytes = ByteOutput()
    var keys = CategoryKeys()

    /// Lines arrive as bytes: well-formed ones are scored and written without becoming a
    /// `String`; others are repaired (U+FFFD) first, as every text is.
    mutating func score(_ text: UnsafeBufferPointer<UInt8>) {
        if let summary = stream.summarize(validatingUTF8: text, language: language) {
            write(text, summary)
        } else {
            var repaired = String(decoding: text, as: UTF8.self)
            let summary = stream.summarize(repaired, language: language)
            repaired.withUTF8 { write($0, summary) }
        }
        bytes.flushIfFull()
    }

    /// Written without a closure: the keys and the summary captured by one were copied
    /// (retained and released) for every record.
    private mutating func write(_ text: UnsafeBufferPointer<UInt8>, _ summary: ScoreSummary) {
        keys.prepare(summary)
        let bound = ScoreRecord.maximumLength(utf8Count: text.count, summary: summary, keys: keys)
        var writer = bytes.writer(upTo: bound)
        ScoreRecord.write(utf8: text, summary: summary, keys: keys, to: &writer)
        bytes.commit(writer, bound: bound)
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
/// Lines are handed out as bytes, whatever they hold.
struct LineReader {
    /// Longer lines are cut here (and reported) so one hostile line cannot take all memory.
    static let maximumLineLength = 16 << 20
    static let chunkSize = 1 << 20

    let descriptor: Int32
    /// Storage, zero-filled once as it grows; the unread input is `buffer[start..<end]`.
    private var buffer: [UInt8] = []
    private var start = 0
    private var end = 0
    private var finished = false

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// Calls `body` with the next line's bytes (valid only during the call) and whether the line
    /// was cut at `maximumLineLength`; returns false at the end of input. `beforeReading` runs
    /// before each read that may block.
    mutating func readLine(
        beforeReading: () -> Void = {}, _ body: (UnsafeBufferPointer<UInt8>, _ truncated: Bool) throws -> Void
    ) throws -> Bool {
        var searchFrom = start
        while true {
            if let newline = firstNewline(from: searchFrom) {
                try withLine(start..<newline, truncated: false, body)
                start = newline + 1
                return true
            }
            if end - start > LineReader.maximumLineLength {
                try withLine(start..<(start + LineReader.maximumLineLength), truncated: true, body)
                try skipRestOfLine(beforeReading)
                return true
            }
            if finished {
                guard start < end else { return false }
                try withLine(start..<end, truncated: false, body)
                start = end
                return true
            }
            searchFrom = end - start
            beforeReading()
            try fill()
        }
    }

    /// The index of the next LF at or after `from` in the unread input, found with `memchr` (the
    /// generic `firstIndex(of:)` showed up in profiles at one comparison loop per byte).
    private func firstNewline(from: Int) -> Int? {
        buffer.withUnsafeBytes { raw in
            guard from < end, let base = raw.baseAddress,
                let found = memchr(base + from, Int32(UInt8(ascii: "\n")), end - from)
            else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }

    private func withLine(
        _ range: Range<Int>, truncated: Bool, _ body: (UnsafeBufferPointer<UInt8>, Bool) throws -> Void
    ) throws {
        var lineEnd = range.upperBound
        if lineEnd > range.lowerBound && buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        try buffer.withUnsafeBufferPointer { bytes in
            try body(UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<lineEnd]), truncated)
        }
    }

    /// Moves the unread input to the front and reads up to a chunk after it.
    private mutating func fill() throws {
        if start > 0 {
            let unread = end - start
            buffer.withUnsafeMutableBytes { raw in
                if unread > 0 { memmove(raw.baseAddress!, raw.baseAddress! + start, unread) }
            }
            start = 0
            end = unread
        }
        if buffer.count < end + LineReader.chunkSize {
            buffer.append(contentsOf: repeatElement(0, count: end + LineReader.chunkSize - buffer.count))
        }
        let offset = end
        let count = buffer.withUnsafeMutableBytes { raw in
            read(descriptor, raw.baseAddress! + offset, LineReader.chunkSize)
        }
        guard count >= 0 else {
            StandardError.write("rapport: read error: \(String(cString: strerror(errno)))\n")
            throw ExitStatus.unreadableInput
        }
        end += count
        if count == 0 { finished = true }
    }

    private mutating func skipRestOfLine(_ beforeReading: () -> Void) throws {
        start = 0
        end = 0
        while !finished {
            beforeReading()
            try fill()
            if let newline = firstNewline(from: 0) {
                start = newline + 1
                return
            }
            start = 0
            end = 0
        }
    }
}

// MARK: - Writing records

/// Standard output as bytes, written 64 KiB at a time. Records are written straight into its
/// storage through a pointer (`writer(upTo:)`, then `commit`).
struct ByteOutput {
    static let flushSize = 1 << 16

    /// Memory of its own rather than an array's, so a writer can point into it between calls;
    /// freed with the last copy of the output. Copies share it: an output has one owner (the
    /// command's loop), never two writers.
    private final class Storage {
        let base: UnsafeMutablePointer<UInt8>
        let capacity: Int

        init(capacity: Int) {
            base = .allocate(capacity: capacity)
            self.capacity = capacity
        }

        deinit { base.deallocate() }
    }

    /// Grows only for a record larger than it; bytes `0..<used` wait to be written.
    private var storage = Storage(capacity: ByteOutput.flushSize * 2)
    private var used = 0

    mutating func flushIfFull() { if used >= Self.flushSize { flush() } }

    /// A writer for at most `bound` bytes at the end of the output, valid until the next call on
    /// the output; `commit` adds what it wrote.
    mutating func writer(upTo bound: Int) -> ByteWriter {
        if used + bound > storage.capacity {
            flush()
            if bound > storage.capacity { storage = Storage(capacity: bound) }
        }
        return ByteWriter(storage.base + used)
    }

    mutating func commit(_ writer: ByteWriter, bound: Int) {
        precondition(writer.count <= bound, "wrote more than the room asked for")
        used += writer.count
    }

    /// Lets `body` write at most `bound` bytes at the end of the output.
    mutating func write(upTo bound: Int, _ body: (inout ByteWriter) -> Void) {
        var writer = writer(upTo: bound)
        body(&writer)
        commit(writer, bound: bound)
    }

    mutating func append(contentsOf bytes: some Collection<UInt8>) {
        let count = bytes.count
        write(upTo: count) { writer in
            for byte in bytes { writer.write(byte) }
        }
    }

    mutating func append(_ byte: UInt8) { write(upTo: 1) { $0.write(byte) } }

    /// Writes the pending bytes with `write(2)` (`FileHandle` copied them into `Data` byte by
    /// byte). An output that cannot be written ends the process with status 70, as documented.
    mutating func flush() {
        guard used > 0 else { return }
        let count = used
        var offset = 0
        while offset < count {
            let written = Glibc.write(STDOUT_FILENO, storage.base + offset, count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                StandardError.write("rapport: cannot write the output: \(String(cString: strerror(errno)))\n")
                exit(ExitStatus.failure.rawValue)
            }
            offset += written
        }
        used = 0
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

    /// The record appended to bytes (the tests' way in; `rapport score` writes straight into its
    /// output with `ByteOutput.write(upTo:_:)`).
    static func append(text: String, score: DocumentScore, to out: inout [UInt8]) {
        let summary = ScoreSummary(score)
        var keys = CategoryKeys()
        keys.prepare(summary)
        var text = text
        text.withUTF8 { text in
            let bound = maximumLength(utf8Count: text.count, summary: summary, keys: keys)
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bound) { buffer in
                var writer = ByteWriter(buffer.baseAddress!)
                write(utf8: text, summary: summary, keys: keys, to: &writer)
                precondition(writer.count <= bound, "record longer than its bound")
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<writer.count]))
            }
        }
    }

    /// The most bytes `write(utf8:summary:to:)` can write for a text of `utf8Count` bytes.
    static func maximumLength(utf8Count: Int, summary: ScoreSummary, keys: CategoryKeys) -> Int {
        var bound = 128 + utf8Count * 6
        bound += maximumNumberLength(summary.sentiment) + maximumNumberLength(summary.positive)
        bound += maximumNumberLength(summary.negative) + maximumNumberLength(summary.neutral)
        bound += maximumNumberLength(summary.politeness)
        for category in summary.categories {
            bound += 2 + keys.length(of: category.number) + maximumNumberLength(category.intensity)
        }
        return bound
    }

    /// Writes one record, its line end included, through a pointer: a record has twenty-odd
    /// pieces, and each `Array.append` checks uniqueness and capacity.
    static func write(
        utf8 text: UnsafeBufferPointer<UInt8>, summary: ScoreSummary, keys: CategoryKeys, to writer: inout ByteWriter
    ) {
        writer.write(#"{"text":"#)
        writeString(utf8: text, to: &writer)
        switch summary.language {
        case .english: writer.write(#","language":"en","sentiment":"#)
        case .icelandic: writer.write(#","language":"is","sentiment":"#)
        case .unknown: writer.write(#","language":"unknown","sentiment":"#)
        }
        writeNumber(summary.sentiment, to: &writer)
        writer.write(#","positive":"#)
        writeNumber(summary.positive, to: &writer)
        writer.write(#","negative":"#)
        writeNumber(summary.negative, to: &writer)
        writer.write(#","neutral":"#)
        writeNumber(summary.neutral, to: &writer)
        writer.write(#","categories":{"#)
        for (index, category) in summary.categories.enumerated() {
            if index > 0 { writer.write(UInt8(ascii: ",")) }
            keys.write(category.number, to: &writer)
            writeNumber(category.intensity, to: &writer)
        }
        writer.write(#"},"politeness":"#)
        writeNumber(summary.politeness, to: &writer)
        writer.write("}\n")
    }

    // MARK: Strings

    /// `JSONValue`'s escaping, quotes included: quotes, backslashes, control characters and
    /// U+2028/2029 are escaped; runs of bytes that need none are copied whole.
    static func writeString(utf8 bytes: UnsafeBufferPointer<UInt8>, to writer: inout ByteWriter) {
        writer.write(UInt8(ascii: "\""))
        var runStart = 0
        forEachEscape(in: bytes) { index, escape, length in
            writer.write(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            writer.write(escape)
            runStart = index + length
        }
        writer.write(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        writer.write(UInt8(ascii: "\""))
    }

    /// `writeString(utf8:to:)` of a string, such as a category name.
    static func writeString(_ text: String, to writer: inout ByteWriter) {
        var text = text
        text.withUTF8 { writeString(utf8: $0, to: &writer) }
    }

    /// The most bytes `writeString` can write: every byte as `\u00XX`, and the quotes.
    static func maximumStringLength(_ text: String) -> Int { text.utf8.count * 6 + 2 }

    /// Calls `body` with the offset, escaped form and length in bytes of every character that
    /// needs escaping, in order.
    @inline(__always)
    static func forEachEscape(
        in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, UnsafeBufferPointer<UInt8>, Int) -> Void
    ) {
        var index = 0
        let count = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        while index < count {
            if index + 16 <= count {
                // Sixteen bytes at a time (a SIMD compare per kind of byte), jumping straight to
                // the first that may need escaping.
                let offset = escapeCandidate(in: raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self))
                guard offset < 16 else {
                    index += 16
                    continue
                }
                index += offset
            } else if index + 8 <= count {
                // Eight bytes at a time, likewise.
                let candidates = escapeCandidates(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                guard candidates != 0 else {
                    index += 8
                    continue
                }
                index += UInt64(littleEndian: candidates).trailingZeroBitCount / 8
            }
            let byte = bytes[index]
            if isPlain(byte) {
                index += 1
                continue
            }
            var length = 1
            switch byte {
            case UInt8(ascii: "\""): body(index, staticBytes(#"\""#), 1)
            case UInt8(ascii: "\\"): body(index, staticBytes(#"\\"#), 1)
            case UInt8(ascii: "\n"): body(index, staticBytes(#"\n"#), 1)
            case UInt8(ascii: "\r"): body(index, staticBytes(#"\r"#), 1)
            case UInt8(ascii: "\t"): body(index, staticBytes(#"\t"#), 1)
            case 0..<0x20, 0x7F:
                let digits: StaticString = "0123456789abcdef"
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 6) { escape in
                    var writer = ByteWriter(escape.baseAddress!)
                    writer.write(#"\u00"#)
                    writer.write(digits.utf8Start[Int(byte >> 4)])
                    writer.write(digits.utf8Start[Int(byte & 0xF)])
                    body(index, UnsafeBufferPointer(escape), 1)
                }
            case 0xE2
            where index + 2 < count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                // U+2028 and U+2029 (E2 80 A8 / E2 80 A9)
                body(index, bytes[index + 2] == 0xA8 ? staticBytes(#"\u2028"#) : staticBytes(#"\u2029"#), 3)
                length = 3
            default:
                break
            }
            index += length
        }
    }

    @inline(__always)
    private static func staticBytes(_ text: StaticString) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
    }

    /// Bytes copied as they are: not a quote, backslash or control character, and not the lead
    /// byte 0xE2 of U+2028/2029. One test per byte keeps the common case out of the `switch`.
    @inline(__always)
    static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0x7F && byte != 0xE2
    }

    /// The offset of the first of sixteen bytes that may need escaping (see `isPlain`), or 16.
    @inline(__always)
    static func escapeCandidate(in bytes: SIMD16<UInt8>) -> Int {
        let candidates = (bytes .< SIMD16<UInt8>(repeating: 0x20)) .| (bytes .== SIMD16<UInt8>(repeating: 0x22))
            .| (bytes .== SIMD16<UInt8>(repeating: 0x5C)) .| (bytes .== SIMD16<UInt8>(repeating: 0x7F))
            .| (bytes .== SIMD16<UInt8>(repeating: 0xE2))
        return SIMDBytes.firstSet(candidates)
    }

    /// Eight bytes tested at once for those that may need escaping (see `isPlain`): a byte below
    /// 0x20, or equal to `"`, `\\`, 0x7F or 0xE2. The high bit of each such byte is set; bits
    /// above the first one may be spurious, but the lowest set bit is exact, and 0 means none.
    @inline(__always)
    static func escapeCandidates(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let below20 = (word &- ones &* 0x20) & ~word & highs
        return below20 | zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x5C))
            | zeroBytes(word ^ (ones &* 0x7F)) | zeroBytes(word ^ (ones &* 0xE2))
    }

    // MARK: Numbers

    /// `JSONValue`'s numbers: rounded to four decimals, trailing zeros dropped, integers without
    /// a point, non-finite as null.
    static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumNumberLength(value)) { buffer in
            var writer = ByteWriter(buffer.baseAddress!)
            writeNumber(value, to: &writer)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<writer.count]))
        }
    }

    /// `x.rounded()` (to nearest, ties away from zero) without the call into the C library:
    /// below 2⁵², truncating to an integer and taking the difference are both exact.
    @inline(__always)
    static func roundedAwayFromZero(_ x: Double) -> Double {
        guard abs(x) < 0x1p52 else { return x.rounded() }
        let truncated = Double(Int64(x))
        let difference = x - truncated
        if difference >= 0.5 { return truncated + 1 }
        if difference <= -0.5 { return truncated - 1 }
        return truncated
    }

    /// The most bytes `writeNumber` writes for a value: a sign, eleven integer digits, a point and
    /// four decimals (all four are stored, whatever is kept); for larger values (never a score),
    /// the exact length if that is more.
    @inline(__always)
    static func maximumNumberLength(_ value: Double) -> Int {
        // Not true for NaN or an infinity either.
        abs(value) < 1e10 ? 17 : exactNumberLength(value)
    }

    @inline(never)
    private static func exactNumberLength(_ value: Double) -> Int {
        max(17, JSONValue.double(value).serialized().utf8.count)
    }

    static func writeNumber(_ value: Double, to writer: inout ByteWriter) {
        // Most numbers of a record are zero (no negative words, no sentiment).
        if value == 0 {
            writer.write(UInt8(ascii: "0"))
            return
        }
        let scaled = roundedAwayFromZero(value * 10_000)
        guard value.isFinite, abs(scaled) < 1e15 else {
            for byte in JSONValue.double(value).serialized().utf8 { writer.write(byte) }
            return
        }
        let units = Int64(scaled)
        if units < 0 { writer.write(UInt8(ascii: "-")) }
        let magnitude = units.magnitude
        let integer = magnitude / 10_000
        if integer < 10 {
            writer.write(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: integer))
        } else {
            writer.writeDigits(of: integer)
        }
        let fraction = UInt32(truncatingIfNeeded: magnitude &- integer &* 10_000)
        guard fraction != 0 else { return }
        // Up to four decimals, without the trailing zeros: the point and all four digits are
        // stored at once (the bound allows for them), and the count takes only those kept.
        let high = fraction / 100
        let low = fraction &- high &* 100
        let kept = low == 0 ? (high % 10 == 0 ? 1 : 2) : (low % 10 == 0 ? 3 : 4)
        writer.write(UInt8(ascii: "."))
        writer.write(fourBytes: digitPair(high) | digitPair(low) &<< 16, keeping: kept)
    }

    /// The two decimal digits of `value` (below 100), the first in the low byte.
    @inline(__always)
    static func digitPair(_ value: UInt32) -> UInt32 {
        let tens = (value &* 205) &>> 11  // value / 10 for value < 1029
        let ones = value &- tens &* 10
        return (0x30 | tens) | (0x30 | ones) &<< 8
    }
}

/// Each category's key as a record writes it (`"name":`, escaped), by `CategoryNumbers` number,
/// made once per name: writing the name itself cost a string copy per category and record.
struct CategoryKeys {
    private var bytes: [UInt8] = []
    /// By number; empty until the name is first met.
    private var ranges: [Range<Int>] = []

    /// Makes the keys of a summary's categories.
    mutating func prepare(_ summary: ScoreSummary) {
        for category in summary.categories {
            let number = Int(category.number)
            if number < ranges.count && !ranges[number].isEmpty { continue }
            if number >= ranges.count { ranges.append(contentsOf: repeatElement(0..<0, count: number + 1 - ranges.count)) }
            let name = category.name
            let start = bytes.count
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: ScoreRecord.maximumStringLength(name) + 1) { buffer in
                var writer = ByteWriter(buffer.baseAddress!)
                ScoreRecord.writeString(name, to: &writer)
                writer.write(UInt8(ascii: ":"))
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<writer.count]))
            }
            ranges[number] = start..<bytes.count
        }
    }

    func length(of number: Int32) -> Int { ranges[Int(number)].count }

    func write(_ number: Int32, to writer: inout ByteWriter) {
        let range = ranges[Int(number)]
        bytes.withUnsafeBufferPointer { writer.write(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}

/// Writes bytes through a pointer into memory the caller sized, counting them.
struct ByteWriter {
    private let start: UnsafeMutablePointer<UInt8>
    private(set) var count = 0

    init(_ start: UnsafeMutablePointer<UInt8>) { self.start = start }

    @inline(__always)
    mutating func write(_ byte: UInt8) {
        start[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        (start + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    /// Stores four bytes (the first in the low byte) and keeps the first `kept` of them.
    @inline(__always)
    mutating func write(fourBytes: UInt32, keeping kept: Int) {
        UnsafeMutableRawPointer(start + count).storeBytes(of: fourBytes.littleEndian, as: UInt32.self)
        count &+= kept
    }

    @inline(__always)
    mutating func write(_ text: StaticString) {
        write(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// The decimal digits of a number, most significant first.
    mutating func writeDigits(of value: UInt64) {
        if value < 10 {
            write(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits = 1
        var limit: UInt64 = 10
        while value >= limit && digits < 20 {
            digits += 1
            limit = limit &* 10
        }
        var rest = value
        for offset in stride(from: digits - 1, through: 0, by: -1) {
            start[count + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        count += digits
    }
}
