import Foundation
import RapportModel

/// The scored documents of one analysis, held the way assessment reads them: every document's
/// headers at once (threads, accounts and who is who are decided over all of them), and its text,
/// speaker turns and scores only while its account is assessed. Those can then wait outside
/// memory (`rapport analyze` writes them to a temporary file as it scores), so that a large
/// mailbox's sentences and evidence are never all held together.
public struct ScoredDocuments: Sendable {
    /// What a document's headers leave out.
    public struct Content: Sendable {
        public var text: String
        public var segments: [Segment]
        public var score: DocumentScore

        public init(text: String, segments: [Segment], score: DocumentScore) {
            self.text = text
            self.segments = segments
            self.score = score
        }
    }

    /// Every document, its `text` and `segments` possibly left empty (`content` has them), except
    /// where `keepingTiedTexts` put them back.
    public private(set) var headers: [Document]
    /// Each document's long sentences, normalised and digested: all that finding boilerplate
    /// across documents needs of their sentences.
    public private(set) var boilerplateCandidates: [[TextDigest]]
    /// Document `index`'s text, speaker turns and score. Called from several threads at once.
    let content: @Sendable (Int) -> Content
    /// The index `content` knows each document by, once `arrange` has moved them; nil while they
    /// are where they were given.
    private var contentIndices: [Int]?

    /// `headers[i]` is document `i` with its text and segments possibly removed; `content(i)`
    /// gives them back, with its score.
    public init(headers: [Document], boilerplateCandidates: [[TextDigest]], content: @escaping @Sendable (Int) -> Content) {
        precondition(headers.count == boilerplateCandidates.count)
        self.headers = headers
        self.boilerplateCandidates = boilerplateCandidates
        self.content = content
    }

    /// Documents held in memory whole.
    public init(_ documents: [ScoredDocument], parallelism: Int = 1) {
        headers = documents.map(\.document)
        boilerplateCandidates = documents.parallelMap(parallelism: parallelism) { scored in
            Self.boilerplateCandidates(of: scored.score)
        }
        content = { index in
            Content(text: documents[index].document.text, segments: documents[index].document.segments,
                    score: documents[index].score)
        }
    }

    public var count: Int { headers.count }

    /// Document `index` whole, with its score; its thread and language as its header has them.
    public func scored(_ index: Int) -> ScoredDocument {
        var document = headers[index]
        let content = contentOf(index)
        document.text = content.text
        document.segments = content.segments
        return ScoredDocument(document: document, score: content.score)
    }

    /// The normalised long sentences of a score, digested: the candidates for boilerplate.
    public static func boilerplateCandidates(of score: DocumentScore) -> [TextDigest] {
        score.sentences.compactMap { sentence in
            ReadingBuilder.wordCount(sentence.text) >= ReadingBuilder.boilerplateMinimumWords
                ? TextDigest(ReadingBuilder.normalized(sentence.text)) : nil
        }
    }

    /// Keeps only the documents `order` names, in that order: document `i` is then the one that
    /// was `order[i]`. Made in place of the old headers, so that only one array of them is held.
    public mutating func arrange(_ order: [Int]) {
        headers = order.map { headers[$0] }
        if !boilerplateCandidates.isEmpty { boilerplateCandidates = order.map { boilerplateCandidates[$0] } }
        let previous = contentIndices
        contentIndices = order.map { previous?[$0] ?? $0 }
    }

    /// Lets the boilerplate candidates go once boilerplate has been found.
    public mutating func forgetBoilerplateCandidates() {
        boilerplateCandidates = []
    }

    /// Puts the text back into the headers of documents that share a date, an id and a source
    /// location with another: the canonical orders of threading and assessment compare texts
    /// last, and only such documents ever get that far.
    public mutating func keepingTiedTexts() {
        struct Key: Hashable {
            var date: Date?
            var id: String
            var file: String
            var index: Int?
            var offset: Int?
        }
        var first: [Key: Int] = [:]
        var tied: [Int] = []
        for (index, header) in headers.enumerated() {
            let key = Key(date: header.date, id: header.id, file: header.source.file, index: header.source.index,
                          offset: header.source.offset)
            if let earlier = first[key] {
                if earlier >= 0 {
                    tied.append(earlier)
                    first[key] = -1
                }
                tied.append(index)
            } else {
                first[key] = index
            }
        }
        for index in tied { headers[index].text = contentOf(index).text }
    }

    /// Lets `threading` set each header's thread in place (it must not add, remove or move any).
    public mutating func assignThreads(_ threading: (inout [Document]) -> Void) {
        let count = headers.count
        threading(&headers)
        precondition(headers.count == count, "threading keeps every document where it is")
    }

    private func contentOf(_ index: Int) -> Content {
        content(contentIndices?[index] ?? index)
    }
}
