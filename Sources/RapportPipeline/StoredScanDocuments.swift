import Foundation
import RapportHealth
import RapportModel
import RapportStore
import Synchronization

/// Stored documents as a scan's assessment reads them: the headers of all of them at once
/// (threads, accounts and who is who are decided over all), and each one's text and score read
/// back from the store only while its account is assessed. Holding every document of a large
/// store whole, with its sentences and evidence, took more memory than the mailbox's size.
public struct StoredScanDocuments: Sendable {
    /// Every document in row order, in its thread as the scan assigns it, without its text and
    /// speaker turns.
    public let headers: [Document]
    /// Each document's boilerplate candidates (`ScoredDocuments.boilerplateCandidates(of:)`).
    public let boilerplateCandidates: [[TextDigest]]
    let rowIDs: [Int64]
    let store: ScanStore
    /// The first error met reading documents back while assessing; the assessment is then void.
    let failure: Failure

    final class Failure: Sendable {
        private let error = Mutex<(any Error)?>(nil)

        func record(_ error: any Error) {
            self.error.withLock { if $0 == nil { $0 = error } }
        }

        func check() throws {
            if let error = error.withLock({ $0 }) { throw error }
        }
    }

    /// Reads the headers and boilerplate candidates of these rows, a few thousand rows at a
    /// time (the stored JSON of one batch is held at once), each put in `threads[rowID]`.
    static func read(
        _ rowIDs: [Int64], threads: [Int64: String], from store: ScanStore, batchSize: Int, parallelism: Int
    ) throws -> StoredScanDocuments {
        let sorted = rowIDs.sorted()
        var headers: [Document] = []
        var candidates: [[TextDigest]] = []
        // Headers share their repeated addresses, ids and subjects, as `analyze`'s do.
        var interner = HeaderInterner()
        headers.reserveCapacity(sorted.count)
        candidates.reserveCapacity(sorted.count)
        for start in stride(from: 0, to: sorted.count, by: batchSize) {
            let batch = Array(sorted[start..<min(start + batchSize, sorted.count)])
            // Each row's header is read without its text, on `parallelism` threads.
            let read = try store.documents(rowIDs: batch, parallelism: parallelism) { stored in
                var header = try stored.header() ?? stored.document()
                header.thread = threads[stored.rowID]
                header.text = ""
                header.segments = []
                return (rowID: stored.rowID, header: header, candidates: try Self.boilerplateCandidates(stored))
            }
            guard read.map(\.rowID) == batch else {
                throw StoreError(.corrupt, path: store.path, "stored documents went missing while the scan read them back")
            }
            for (_, header, digests) in read {
                headers.append(interner.intern(header))
                candidates.append(digests)
            }
        }
        return StoredScanDocuments(headers: headers, boilerplateCandidates: candidates, rowIDs: sorted, store: store,
                                   failure: Failure())
    }

    /// A stored score, read by `StoreJSONReader` (the shape the store writes), else by
    /// `JSONDecoder`; an unscored document has an empty score.
    static func score(_ stored: RawStoredDocument) throws -> DocumentScore {
        guard stored.scoreColumns != nil else { return DocumentScore(language: .unknown) }
        if let decoded = stored.withScoreBody({ try? StoreJSONReader.documentScore(utf8: $0) }) {
            return decoded
        }
        return try stored.score!.decode(DocumentScore.self)
    }

    /// A stored score's boilerplate candidates, from its sentences' texts alone where the store
    /// wrote it (the rest of it is read when its account is assessed).
    static func boilerplateCandidates(_ stored: RawStoredDocument) throws -> [TextDigest] {
        if stored.scoreColumns != nil,
           let texts = stored.withScoreBody({ try? StoreJSONReader.sentenceTexts(ofScoreUTF8: $0) }) {
            return ScoredDocuments.boilerplateCandidates(ofSentences: texts)
        }
        return ScoredDocuments.boilerplateCandidates(of: try score(stored))
    }

    /// The text, speaker turns and score of documents `indices`, read back in one query. A
    /// failed read gives empty content and is recorded in `failure`, to be thrown once the
    /// assessment it was for is over.
    func contents(_ indices: [Int]) -> [ScoredDocuments.Content] {
        Self.contents(indices, rowIDs: rowIDs, store: store, failure: failure)
    }

    private static func contents(
        _ indices: [Int], rowIDs: [Int64], store: ScanStore, failure: Failure
    ) -> [ScoredDocuments.Content] {
        let empty = ScoredDocuments.Content(text: "", segments: [], score: DocumentScore(language: .unknown))
        do {
            let stored = try store.documents(rowIDs: indices.map { rowIDs[$0] }) { stored in
                let document = try stored.document()
                return (stored.rowID, ScoredDocuments.Content(text: document.text, segments: document.segments,
                                                              score: try Self.score(stored)))
            }
            var byRow: [Int64: ScoredDocuments.Content] = [:]
            byRow.reserveCapacity(stored.count)
            for (rowID, content) in stored { byRow[rowID] = content }
            return indices.map { index in
                guard let content = byRow[rowIDs[index]] else {
                    failure.record(StoreError(
                        .corrupt, path: store.path, "stored document \(rowIDs[index]) went missing while it was assessed"))
                    return empty
                }
                return content
            }
        } catch {
            failure.record(error)
            return indices.map { _ in empty }
        }
    }

    /// Every document whole, with its score: for assessors that take them all at once.
    func all() throws -> [ScanDocument] {
        let contents = contents(Array(headers.indices))
        try failure.check()
        return zip(headers, contents).map { header, content in
            var document = header
            document.text = content.text
            document.segments = content.segments
            return ScanDocument(document: document, score: content.score)
        }
    }

    /// The documents as `HealthAnalyzer` takes them, their contents read back as asked for. The
    /// headers move into them: the analyzer arranges them in place, which would copy every one of
    /// them (a third of a large scan's memory) while this still held them.
    consuming func scoredDocuments() -> ScoredDocuments {
        let (rowIDs, store, failure) = (rowIDs, store, failure)
        return ScoredDocuments(headers: headers, boilerplateCandidates: boilerplateCandidates) { indices in
            Self.contents(indices, rowIDs: rowIDs, store: store, failure: failure)
        }
    }
}
