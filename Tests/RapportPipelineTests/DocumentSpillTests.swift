import Foundation
import Testing
import RapportHealth
import RapportIngest
import RapportLanguage
import RapportModel
import RapportTestSupport
@testable import RapportPipeline

/// `analyze` keeps texts and scores in a temporary file until their account is assessed; what it
/// reads back, and the report it gives, must be what keeping everything in memory gives.
@Suite struct DocumentSpillTests {
    static let samples = try! Pipeline.read([Fixtures.samples.path]).documents

    static func contents(_ documents: [Document]) -> [ScoredDocuments.Content] {
        let session = ScoringSession(scorer: .default)
        return documents.map { document in
            ScoredDocuments.Content(text: document.text, segments: document.segments,
                                    score: session.score(document.text, language: nil))
        }
    }

    static func equal(_ left: ScoredDocuments.Content, _ right: ScoredDocuments.Content) -> Bool {
        left.text == right.text && left.segments == right.segments && left.score == right.score
    }

    @Test func recordsReadBackAsWritten() throws {
        var contents = Self.contents(Self.samples)
        #expect(contents.contains { !$0.segments.isEmpty })
        #expect(contents.contains { $0.score.sentences.contains { !$0.evidence.isEmpty && !$0.rules.isEmpty } })
        let sentence = SentenceScore(
            text: "Þú ert 😀 e\u{301}", utf8Range: 3..<19, sentiment: -0.25, categories: ["conflict.anger": 0.5, "": 0],
            politeness: 1, evidence: [Evidence(term: "", entry: "x*", category: "sentiment", baseWeight: -0,
                                               finalWeight: .leastNonzeroMagnitude, rules: ["negation", ""])],
            rules: [])
        contents.append(ScoredDocuments.Content(
            text: "", segments: [Segment(speaker: nil, text: ""), Segment(speaker: "Anna", text: "\u{0}")],
            score: DocumentScore(language: .unknown, sentiment: .greatestFiniteMagnitude, categories: [:],
                                 sentences: [sentence, sentence])))
        let spill = DocumentSpill()
        #expect(!spill.inMemory, "the temporary directory is writable here")
        // Appended in uneven batches, as scoring hands them over.
        var start = 0
        for size in [1, 7, 0, 40, contents.count] {
            let batch = Array(contents[start..<min(contents.count, start + size)])
            spill.append(batch.map(DocumentSpill.record))
            start = min(contents.count, start + size)
        }
        for index in contents.indices { #expect(Self.equal(spill.content(index), contents[index]), "\(index)") }
        // Read from several threads at once.
        let written = contents
        let matches = written.indices.parallelMap(parallelism: 4) { Self.equal(spill.content($0), written[$0]) }
        #expect(matches.allSatisfy { $0 })
    }

    @Test func nonFiniteNumbersKeepTheirBits() {
        let values = [Double.nan, -.nan, .infinity, -.infinity, -0.0, Double(bitPattern: 0x7FF0_0000_0000_0001)]
        let score = DocumentScore(language: .english, sentiment: values[0], positive: values[1], negative: values[2],
                                  neutral: values[3], categories: ["a": values[5]], politeness: values[4])
        var reader = SpillReader(bytes: DocumentSpill.record(ScoredDocuments.Content(text: "t", segments: [], score: score)))
        let back = reader.content().score
        #expect([back.sentiment, back.positive, back.negative, back.neutral, back.categories["a"]!, back.politeness]
            .map(\.bitPattern) == [values[0], values[1], values[2], values[3], values[5], values[4]].map(\.bitPattern))
    }

    /// Category names read back are the process's one copy of each, not a string per record.
    @Test func categoryNamesAreShared() {
        func storage(_ name: String) -> UnsafePointer<UInt8>? {
            name.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil
        }
        let name = "conflict.complaint.custom-\(UUID().uuidString)"
        let evidence = Evidence(term: "late", entry: "late", category: name, baseWeight: 1, finalWeight: 1, rules: [])
        let sentence = SentenceScore(text: "late", utf8Range: 0..<4, sentiment: 0, categories: [name: 0.5],
                                     politeness: 0, evidence: [evidence], rules: [])
        let content = ScoredDocuments.Content(
            text: "late", segments: [],
            score: DocumentScore(language: .english, sentiment: 0, categories: [name: 0.5], sentences: [sentence]))
        var first = SpillReader(bytes: DocumentSpill.record(content))
        var second = SpillReader(bytes: DocumentSpill.record(content))
        let (one, two) = (first.content().score, second.content().score)
        #expect(one == content.score && two == content.score)
        let names = [one.categories.keys.first!, two.categories.keys.first!, one.sentences[0].categories.keys.first!,
                     two.sentences[0].evidence[0].category]
        #expect(names.allSatisfy { $0 == name })
        #expect(Set(names.map(storage)).count == 1, "one string for the name")
        #expect(storage(names[0]) != nil)
    }

    @Test func withoutATemporaryDirectoryContentsStayInMemory() {
        let contents = Self.contents(Array(Self.samples.prefix(20)))
        let spill = DocumentSpill(directory: "/nonexistent-\(UUID().uuidString)")
        #expect(spill.inMemory)
        spill.append(contents.map(DocumentSpill.record))
        for index in contents.indices { #expect(Self.equal(spill.content(index), contents[index])) }
    }

    /// Batches of any size give the same headers, candidates and contents.
    @Test func batchSizeChangesNothing() {
        func scored(batch: Int, parallelism: Int) -> ScoredDocuments {
            var scoring = StreamingScorer(parallelism: parallelism) { .default }
            scoring.batchSize = batch
            for document in Self.samples { scoring.add(document) }
            return scoring.finish()
        }
        let reference = scored(batch: 1_024, parallelism: 1)
        #expect(reference.count == Self.samples.count)
        #expect(reference.headers.allSatisfy { $0.text.isEmpty && $0.segments.isEmpty && $0.language != nil })
        for (batch, parallelism) in [(1, 1), (7, 2), (50, 2)] {
            let other = scored(batch: batch, parallelism: parallelism)
            #expect(other.headers == reference.headers)
            #expect(other.boilerplateCandidates == reference.boilerplateCandidates)
            #expect((0..<other.count).allSatisfy { other.scored($0) == reference.scored($0) })
        }
        // And scored back whole, each document is the one read, with its language.
        for (index, document) in Self.samples.enumerated() {
            var expected = document
            expected.language = reference.headers[index].language
            #expect(reference.scored(index).document == expected)
        }
    }

    /// A document scored where it was parsed (its text then given up there) and one scored with
    /// its batch come out the same, in any mixture: `analyze` scores the batches parsed before
    /// the shipped lexicons are compiled with the batches after them.
    @Test func documentsScoredWhereParsedOrLaterComeOutTheSame() {
        func finished(preparing: (Int) -> Bool) -> ScoredDocuments {
            var scoring = StreamingScorer(parallelism: 2) { .default }
            scoring.batchSize = 9
            scoring.scoredBatchSize = 4
            let session = ScoringSession(scorer: .default)
            for (index, document) in Self.samples.enumerated() {
                guard preparing(index) else {
                    scoring.add(document)
                    continue
                }
                var parsed = document
                let scored = StreamingScorer.prepared(&parsed, session: session)
                #expect(parsed.text.isEmpty && parsed.segments.isEmpty && parsed.language == scored.language)
                scoring.add(parsed, scored: scored)
            }
            return scoring.finish()
        }
        let reference = finished { _ in false }
        for preparing in [{ (_: Int) in true }, { $0 % 2 == 0 }, { $0 >= Self.samples.count / 3 }] {
            let other = finished(preparing: preparing)
            #expect(other.headers == reference.headers)
            #expect(other.boilerplateCandidates == reference.boilerplateCandidates)
            #expect((0..<other.count).allSatisfy { other.scored($0) == reference.scored($0) })
        }
    }

    /// Documents that share a date, an id and a source location keep their texts, so that the
    /// canonical orders, which compare texts last, see them; the others do not.
    @Test func tiedDocumentsKeepTheirTexts() {
        let source = SourceLocation(file: "notes.xml")
        let date = Date(timeIntervalSince1970: 1_790_000_000)
        let documents = [
            Document(id: "same", subject: "Renewal", date: date, text: "Zebra text.", source: source),
            Document(id: "other", subject: "Renewal", date: date, text: "Other text.", source: source),
            Document(id: "same", subject: "Renewal", date: date, text: "Apple text.", source: source),
            Document(id: "same", subject: "Renewal", date: date.addingTimeInterval(1), text: "Later.", source: source),
            Document(id: "same", subject: "Renewal", date: date, text: "Mango text.", source: source),
        ]
        var scoring = StreamingScorer(parallelism: 1) { .default }
        for document in documents { scoring.add(document) }
        var held = scoring.finish()
        held.keepingTiedTexts()
        #expect(held.headers.map(\.text) == ["Zebra text.", "", "Apple text.", "", "Mango text."])
        var headers = held.headers
        var whole = documents
        Threader().assignThreads(&headers)
        Threader().assignThreads(&whole)
        #expect(headers.map(\.thread) == whole.map(\.thread))
    }

    /// The report `analyze` gives equals assessing the same documents held whole in memory,
    /// threaded and scored as before spilling existed: on the samples, and on the shared corpora
    /// when this clone has them.
    @Test func spilledAnalysisEqualsOneInMemory() throws {
        var inputs = [[Fixtures.samples.path]]
        if let corpora = Fixtures.corpora {
            inputs.append([corpora.appendingPathComponent("email").path])
        } else {
            print("DocumentSpillTests: ../shared/corpora is absent; only the samples are compared")
        }
        for input in inputs {
            let options = AnalyzeOptions(searchDirectory: AnalyzeTests.folderWithoutConfiguration,
                                         asOf: Date(timeIntervalSince1970: 1_793_000_000))
            let spilled = try Pipeline.analyze(inputs: input, options: options).report
            var documents = try Pipeline.read(input).documents
            Threader().assignThreads(&documents)
            let session = ScoringSession(scorer: .default)
            let scored = documents.map { document in
                var document = document
                let score = session.score(document.text, language: nil)
                document.language = score.language.rawValue
                return ScoredDocument(document: document, score: score)
            }
            let held = HealthAnalyzer().assess(scored, asOf: options.asOf)
            #expect(spilled == held, "\(input)")
            #expect(!held.threads.isEmpty)
        }
    }

    /// Interned headers equal the documents they came from, and equal strings share one copy.
    @Test func internedHeadersAreTheSameValues() throws {
        var interner = HeaderInterner()
        let interned = Self.samples.map { interner.intern($0) }
        #expect(interned == Self.samples)
        func storage(_ text: String) -> UnsafePointer<UInt8>? { text.utf8.withContiguousStorageIfAvailable { $0.baseAddress! } }
        let senders = interned.compactMap(\.from.first).filter { $0.address.utf8.count > 15 }
        let repeated = try #require(Dictionary(grouping: senders, by: \.address).values.first { $0.count > 1 })
        #expect(Set(repeated.map { storage($0.address) }).count == 1)
        let replies = interned.filter { $0.inReplyTo != nil }
        let ids = Dictionary(interned.map { ($0.id, storage($0.id)) }) { first, _ in first }
        #expect(replies.contains { reply in ids[reply.inReplyTo!].map { $0 == storage(reply.inReplyTo!) } == true })
    }
}
