import Foundation
import RapportHealth
import RapportLanguage
import RapportModel

/// Where `analyze` keeps what assessment needs of each document only while its account is
/// assessed (text, speaker turns, sentences and evidence: most of a run's memory): a temporary
/// file, removed from the directory as soon as it is opened, so nothing is left behind however
/// the run ends. Without a writable temporary directory they are kept in memory instead.
final class DocumentSpill: @unchecked Sendable {
    /// The open, already unlinked file, or nil.
    private let file: UnlinkedTemporaryFile?
    /// True when records are kept in `held` rather than in the file.
    private(set) var inMemory: Bool
    private var held: [ScoredDocuments.Content] = []
    /// Where each record starts in the file; the last entry is the file's end.
    private var offsets: [Int64] = [0]

    /// `directory`: where the file goes (the system's temporary directory).
    init(directory: String = NSTemporaryDirectory()) {
        file = UnlinkedTemporaryFile(directory: directory, prefix: "rapport-spill")
        inMemory = file == nil
    }

    /// Appends records made by `record(_:)`, in document order. Falls back to memory, for these
    /// and every later record, when the file cannot be written (a full disk).
    func append(_ records: [[UInt8]]) {
        guard !inMemory else {
            held += records.map(Self.content(ofRecord:))
            return
        }
        var batch: [UInt8] = []
        batch.reserveCapacity(records.reduce(0) { $0 + $1.count })
        var end = offsets.last!
        var batchOffsets: [Int64] = []
        for record in records {
            batch += record
            end += Int64(record.count)
            batchOffsets.append(end)
        }
        let written = batch.withUnsafeBytes { file!.write($0, at: offsets.last!) }
        if written {
            offsets += batchOffsets
        } else {
            // Read back what the file has, then keep everything in memory from here on.
            held = (0..<offsets.count - 1).map(record)
            held += records.map(Self.content(ofRecord:))
            inMemory = true
        }
    }

    /// Content `index`. Safe from several threads once appending is over.
    func content(_ index: Int) -> ScoredDocuments.Content {
        inMemory ? held[index] : record(index)
    }

    private func record(_ index: Int) -> ScoredDocuments.Content {
        let start = offsets[index], length = Int(offsets[index + 1] - start)
        // The file is this run's own and unlinked: nothing else can shorten or change it.
        guard let bytes = file!.read(length, at: start) else {
            preconditionFailure("the temporary file of scored documents could not be read back")
        }
        return Self.content(ofRecord: bytes)
    }

    private static func content(ofRecord bytes: [UInt8]) -> ScoredDocuments.Content {
        var reader = SpillReader(bytes: bytes)
        return reader.content()
    }

    /// A document's record for the file.
    static func record(_ content: ScoredDocuments.Content) -> [UInt8] {
        // The text, each sentence again, and the numbers beside them.
        var writer = SpillWriter(capacity: 2 * content.text.utf8.count + 256 * content.score.sentences.count + 256)
        writer.content(content)
        return writer.finish()
    }
}

// MARK: - The record format

/// Writes a content record: strings as a length and UTF-8, numbers as their bits, collections
/// as a count and their elements, category names as their `CategoryNumbers` number. Read back
/// only by `SpillReader` in the same process, so it needs no version or byte order of its own.
struct SpillWriter: ~Copyable {
    /// The record so far, in `storage[..<count]`: grown by hand and written with plain stores,
    /// since appending eight bytes at a time to an array was most of writing a record.
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    private var count = 0

    init(capacity: Int = 4_096) {
        self.capacity = max(64, capacity)
        storage = .allocate(byteCount: self.capacity, alignment: 8)
    }

    deinit { storage.deallocate() }

    /// The record, once written.
    consuming func finish() -> [UInt8] {
        Array(UnsafeRawBufferPointer(start: storage, count: count))
    }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        let grown = max(capacity * 2, count + extra)
        let larger = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 8)
        larger.copyMemory(from: storage, byteCount: count)
        storage.deallocate()
        storage = larger
        capacity = grown
    }

    @inline(__always)
    private mutating func word(_ value: UInt64) {
        reserve(8)
        storage.storeBytes(of: value.littleEndian, toByteOffset: count, as: UInt64.self)
        count += 8
    }

    @inline(__always)
    private mutating func byte(_ value: UInt8) {
        reserve(1)
        storage.storeBytes(of: value, toByteOffset: count, as: UInt8.self)
        count += 1
    }

    mutating func int(_ value: Int) { word(UInt64(bitPattern: Int64(value))) }

    mutating func double(_ value: Double) { word(value.bitPattern) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            reserve(utf8.count)
            if let base = utf8.baseAddress { (storage + count).copyMemory(from: base, byteCount: utf8.count) }
            count += utf8.count
        }
    }

    mutating func optional(_ value: String?) {
        if let value {
            byte(1)
            string(value)
        } else {
            byte(0)
        }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    mutating func category(_ name: String) {
        int(Int(CategoryNumbers.number(for: name)))
    }

    mutating func numbers(_ values: [String: Double]) {
        int(values.count)
        for (key, value) in values {
            category(key)
            double(value)
        }
    }

    mutating func content(_ content: ScoredDocuments.Content) {
        string(content.text)
        int(content.segments.count)
        for segment in content.segments {
            optional(segment.speaker)
            string(segment.text)
        }
        let score = content.score
        string(score.language.rawValue)
        for value in [score.sentiment, score.positive, score.negative, score.neutral, score.politeness] { double(value) }
        numbers(score.categories)
        int(score.sentences.count)
        for sentence in score.sentences {
            string(sentence.text)
            int(sentence.utf8Range.lowerBound)
            int(sentence.utf8Range.upperBound)
            double(sentence.sentiment)
            numbers(sentence.categories)
            double(sentence.politeness)
            int(sentence.evidence.count)
            for evidence in sentence.evidence {
                string(evidence.term)
                string(evidence.entry)
                category(evidence.category)
                double(evidence.baseWeight)
                double(evidence.finalWeight)
                strings(evidence.rules)
            }
            strings(sentence.rules)
        }
    }
}

/// Reads what `SpillWriter` wrote. Category names come back as the one string the process
/// holds for each: the report keeps every message's categories, and a copy of each name per
/// message was a quarter of what a large report held.
struct SpillReader {
    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func int() -> Int {
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: position, as: Int64.self) }
        position += 8
        return Int(Int64(littleEndian: value))
    }

    mutating func double() -> Double {
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: position, as: UInt64.self) }
        position += 8
        return Double(bitPattern: UInt64(littleEndian: value))
    }

    mutating func string() -> String {
        let length = int()
        defer { position += length }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[position..<position + length]), as: UTF8.self) }
    }

    mutating func optional() -> String? {
        position += 1
        return bytes[position - 1] == 0 ? nil : string()
    }

    mutating func strings() -> [String] {
        (0..<int()).map { _ in string() }
    }

    mutating func category() -> String {
        CategoryNumbers.name(of: Int32(int()))
    }

    mutating func numbers() -> [String: Double] {
        let count = int()
        var values: [String: Double] = Dictionary(minimumCapacity: count)
        for _ in 0..<count {
            let key = category()
            values[key] = double()
        }
        return values
    }

    mutating func content() -> ScoredDocuments.Content {
        let text = string()
        let segments = (0..<int()).map { _ in
            let speaker = optional()
            return Segment(speaker: speaker, text: string())
        }
        let language = LanguageCode(rawValue: string()) ?? .unknown
        let sentiment = double(), positive = double(), negative = double(), neutral = double(), politeness = double()
        let categories = numbers()
        let sentences = (0..<int()).map { _ -> SentenceScore in
            let text = string()
            let lower = int(), upper = int()
            let sentiment = double()
            let categories = numbers()
            let politeness = double()
            let evidence = (0..<int()).map { _ -> Evidence in
                let term = string(), entry = string(), category = category()
                let base = double(), final = double()
                return Evidence(term: term, entry: entry, category: category, baseWeight: base, finalWeight: final,
                                rules: strings())
            }
            return SentenceScore(text: text, utf8Range: lower..<upper, sentiment: sentiment, categories: categories,
                                 politeness: politeness, evidence: evidence, rules: strings())
        }
        return ScoredDocuments.Content(
            text: text, segments: segments,
            score: DocumentScore(language: language, sentiment: sentiment, positive: positive, negative: negative,
                                 neutral: neutral, categories: categories, politeness: politeness, sentences: sentences))
    }
}
