import Foundation
import Testing
import RapportIngest
import RapportModel
import RapportTestSupport
@testable import RapportPipeline

/// `Ingestor.readFile`, the resumable reading scans rely on: the same events as `read`, on any
/// number of threads, with each message's end, and the same tail when started at one of them.
@Suite struct ScanReadingTests {
    struct Read: Equatable {
        var documents: [Document] = []
        var diagnostics: [Diagnostic] = []
        var ends: [FilePosition] = []
    }

    static func readFile(_ path: String, from position: FilePosition = FilePosition(), parallelism: Int = 1) throws -> Read {
        var read = Read()
        try Ingestor().readFile(path, from: position, parallelism: parallelism) { event in
            switch event {
            case .document(let document): read.documents.append(document)
            case .diagnostic(let diagnostic): read.diagnostics.append(diagnostic)
            }
        } messageEnded: { read.ends.append($0) }
        return read
    }

    static let samples = Ingestor.files(in: [Fixtures.samples.path]).files

    @Test(arguments: [1, 2, 5])
    func givesWhatReadGivesOnAnyNumberOfThreads(parallelism: Int) throws {
        for path in Self.samples {
            var expected = Read()
            try Ingestor().read([path]) { event in
                switch event {
                case .document(let document): expected.documents.append(document)
                case .diagnostic(let diagnostic): expected.diagnostics.append(diagnostic)
                }
            }
            let read = try Self.readFile(path, parallelism: parallelism)
            #expect(read.documents == expected.documents, "\(path)")
            #expect(read.diagnostics == expected.diagnostics, "\(path)")
        }
    }

    @Test func reportsWhereEachMessageEnds() throws {
        let path = Fixtures.samples.appendingPathComponent("mbox/thunderbird-ari-accounts.mbox").path
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        let read = try Self.readFile(path, parallelism: 2)
        #expect(read.ends.count == 45)
        #expect(read.ends.map(\.messages) == Array(1...45))
        #expect(read.ends.last?.offset == size)
        // Each message ends where the next begins.
        let starts = read.documents.compactMap(\.source.offset)
        #expect(Array(read.ends.dropLast().map(\.offset)) == Array(Set(starts).sorted().dropFirst()))
        let eml = Fixtures.samples.appendingPathComponent("eml/hafbrun-sla-juni.eml").path
        #expect(try Self.readFile(eml).ends == [FilePosition(offset: 3920, messages: 1)])
        let readme = Fixtures.samples.appendingPathComponent("README.md").path
        #expect(try Self.readFile(readme).ends.map(\.messages) == [0], "a file that is not mail holds no message")
    }

    @Test func startingAtAMessageEndGivesTheRestOfTheFile() throws {
        let path = Fixtures.samples.appendingPathComponent("mbox/gmail-takeout-gudrun.mbox").path
        let whole = try Self.readFile(path)
        for cut in [1, 7, 20, 37] {
            let start = whole.ends[cut - 1]
            let rest = try Self.readFile(path, from: start, parallelism: 2)
            let expected = whole.documents.filter { ($0.source.offset ?? 0) >= start.offset }
            #expect(rest.documents == expected, "from message \(cut)")
            #expect(rest.ends == Array(whole.ends[cut...]), "from message \(cut)")
        }
        let end = try #require(whole.ends.last)
        #expect(try Self.readFile(path, from: end) == Read(), "nothing after the end")
    }

    @Test func anAppendedMboxIsReadFromItsOldEnd() throws {
        let folder = try ScanFolder()
        let first = try Data(contentsOf: Fixtures.samples.appendingPathComponent("mbox/thunderbird-ari-accounts.mbox"))
        let second = try Data(contentsOf: Fixtures.samples.appendingPathComponent("mbox/gmail-takeout-gudrun.mbox"))
        let path = folder.path("grown.mbox")
        try first.write(to: URL(fileURLWithPath: path))
        let before = try Self.readFile(path)
        try (first + second).write(to: URL(fileURLWithPath: path))
        let whole = try Self.readFile(path)
        let tail = try Self.readFile(path, from: try #require(before.ends.last), parallelism: 2)
        #expect(tail.documents.count == 38)
        #expect(before.documents + tail.documents == whole.documents)
        #expect(tail.documents.first?.source.index == 46)
        #expect(tail.documents.first?.source.offset == first.count)
    }

    @Test func listsTheFilesReadWouldOpen() {
        let (files, diagnostics) = Ingestor.files(in: [Fixtures.samples.appendingPathComponent("maildir").path, "/no/such/path", "-"])
        #expect(files.count == 25, "cur and new; tmp is skipped")
        #expect(files == files.sorted())
        #expect(diagnostics.map(\.code) == ["input.missing"])
    }
}

/// The content check behind incremental scans.
@Suite struct ContentHasherTests {
    @Test func theSameBytesInAnyChunkingHashAlike() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        var whole = ContentHasher()
        whole.combine(bytes)
        for size in [1, 2, 3, 5, 8, 13, 64, 999] {
            var chunked = ContentHasher()
            var start = 0
            while start < bytes.count {
                chunked.combine(Array(bytes[start..<min(bytes.count, start + size)]))
                start += size
            }
            #expect(chunked.hex == whole.hex, "chunk size \(size)")
        }
        #expect(whole.hex.count == 32)
    }

    /// Stores keep these hashes between scans and versions: the same bytes must always give the
    /// same digits (values made by the first version of the hash).
    @Test func hashesStayWhatStoresHold() {
        var hasher = ContentHasher()
        #expect(hasher.hex == "ce477b38912849f1f537f81e5251e46e")
        hasher.combine(Array("From anna@hafbrun.is Tue Mar  4 09:15:00 2026\n".utf8))
        #expect(hasher.hex == "28d7e0ac81e1c8f32095b6068abb9765")
        hasher.combine((0..<100_003).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 8) })
        #expect(hasher.hex == "fb1ca7d2ce13792615711fa7613c9335")
    }

    @Test func anyChangedByteOrLengthChangesTheHash() {
        let bytes = Array("From anna@hafbrun.is Tue Mar  4 09:15:00 2026\nSubject: x\n\nHello\n".utf8)
        var base = ContentHasher()
        base.combine(bytes)
        var seen: Set<String> = [base.hex]
        for index in bytes.indices {
            var changed = bytes
            changed[index] ^= 0x01
            var hasher = ContentHasher()
            hasher.combine(changed)
            seen.insert(hasher.hex)
        }
        var longer = ContentHasher()
        longer.combine(bytes + [0])
        seen.insert(longer.hex)
        var empty = ContentHasher()
        empty.combine([UInt8]())
        seen.insert(empty.hex)
        #expect(seen.count == bytes.count + 3)
    }

    /// A grown file's old part is hashed once, when its plan is made; hashing then goes on from
    /// there and must end where hashing the whole file from its start ends.
    @Test func goingOnFromAnEarlierHashEndsWhereTheWholeFileDoes() throws {
        let bytes = (0..<(3 << 20) + 12_345).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("prefix-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var whole = try #require(PrefixHasher(path: path))
        defer { whole.close() }
        let expected = whole.advance(to: bytes.count)
        #expect(expected != nil)
        for offset in [0, 1, 7, 8, 1 << 20, (1 << 20) + 3, bytes.count - 1, bytes.count] {
            var first = try #require(PrefixHasher(path: path))
            defer { first.close() }
            let head = first.advance(to: offset)
            var plain = ContentHasher()
            plain.combine(Array(bytes[0..<offset]))
            #expect(head == plain.hex, "offset \(offset)")
            var rest = try #require(PrefixHasher(path: path, continuing: first.hashed))
            defer { rest.close() }
            #expect(rest.position == offset)
            #expect(rest.advance(to: bytes.count) == expected, "offset \(offset)")
        }
    }
}
