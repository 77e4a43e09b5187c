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
    /// The text, speaker turns and score of each document asked for, in the order asked; the
    /// documents of one account are asked for together. Called from several threads at once.
    let contents: @Sendable ([Int]) -> [Content]
    /// The index `content` knows each document by, once `arrange` has moved them; nil while they
    /// are where they were given.
    private var contentIndices: [Int]?

    /// `headers[i]` is document `i` with its text and segments possibly removed; `content(i)`
    /// gives them back, with its score.
    public init(headers: [Document], boilerplateCandidates: [[TextDigest]], content: @escaping @Sendable (Int) -> Content) {
        self.init(headers: headers, boilerplateCandidates: boilerplateCandidates) { indices in indices.map(content) }
    }

    /// `contents(indices)` gives back the content of several documents at once (an account's,
    /// read from a store in one query rather than one by one).
    public init(
        headers: [Document], boilerplateCandidates: [[TextDigest]], contents: @escaping @Sendable ([Int]) -> [Content]
    ) {
        precondition(headers.count == boilerplateCandidates.count)
        self.headers = headers
        self.boilerplateCandidates = boilerplateCandidates
        self.contents = contents
    }

    /// Documents held in memory whole.
    public init(_ documents: [ScoredDocument], parallelism: Int = 1) {
        headers = documents.map(\.document)
        boilerplateCandidates = documents.parallelMap(parallelism: parallelism) { scored in
            Self.boilerplateCandidates(of: scored.score)
        }
        contents = { indices in
            indices.map { index in
                Content(text: documents[index].document.text, segments: documents[index].document.segments,
                        score: documents[index].score)
            }
        }
    }

    public var count: Int { headers.count }

    /// Document `index` whole, with its score; its thread and language as its header has them.
    public func scored(_ index: Int) -> ScoredDocument {
        scored([index])[0]
    }

    /// Documents `indices` whole, with their scores, their content asked for at once.
    public func scored(_ indices: [Int]) -> [ScoredDocument] {
        let contents = contentsOf(indices)
        precondition(contents.count == indices.count, "one content for each document asked for")
        return zip(indices, contents).map { index, content in
            var document = headers[index]
            document.text = content.text
            document.segments = content.segments
            return ScoredDocument(document: document, score: content.score)
        }
    }

    /// The normalised long sentences of a score, digested: the candidates for boilerplate.
    public static func boilerplateCandidates(of score: DocumentScore) -> [TextDigest] {
        boilerplateCandidates(ofSentences: score.sentences.map(\.text))
    }

    /// The candidates of a score whose sentences have these texts.
    public static func boilerplateCandidates(ofSentences texts: [String]) -> [TextDigest] {
        texts.compactMap { text in
            ReadingBuilder.wordCount(text) >= ReadingBuilder.boilerplateMinimumWords
                ? ReadingBuilder.normalizedDigest(text) : nil
        }
    }

    /// Keeps only the documents `order` names, in that order: document `i` is then the one that
    /// was `order[i]`. The headers are moved within their own array (a second array of them was
    /// the largest allocation of a large run).
    public mutating func arrange(_ order: [Int]) {
        Self.permute(&headers, order)
        if !boilerplateCandidates.isEmpty { Self.permute(&boilerplateCandidates, order) }
        let previous = contentIndices
        contentIndices = order.map { previous?[$0] ?? $0 }
    }

    /// Rearranges `elements` in place so that element `i` is the one that was at `order[i]`,
    /// and drops those `order` leaves out. `order` names distinct indices of `elements`.
    static func permute<Element>(_ elements: inout [Element], _ order: [Int]) {
        // The left-out elements go to the end, so that the whole is one permutation, applied
        // cycle by cycle with swaps.
        var source = order
        if order.count < elements.count {
            var named = [Bool](repeating: false, count: elements.count)
            for index in order {
                precondition(!named[index], "each document once")
                named[index] = true
            }
            source += elements.indices.filter { !named[$0] }
        }
        precondition(source.count == elements.count, "each document once")
        var placed = [Bool](repeating: false, count: elements.count)
        for start in elements.indices where !placed[start] {
            // Position `start` takes what was at `source[start]`, which takes what was at its
            // source, and so on round the cycle; every swap puts one element in its place.
            var position = start
            placed[position] = true
            while source[position] != start {
                let next = source[position]
                precondition(!placed[next], "each document once")
                elements.swapAt(position, next)
                placed[next] = true
                position = next
            }
        }
        elements.removeLast(elements.count - order.count)
    }

    /// Lets the boilerplate candidates go once boilerplate has been found.
    public mutating func forgetBoilerplateCandidates() {
        boilerplateCandidates = []
    }

    /// Puts the text back into the headers of documents that share a date, an id and a source
    /// location with another: the canonical orders of threading and assessment compare texts
    /// last, and only such documents ever get that far.
    public mutating func keepingTiedTexts() {
        let tied = Self.tied(headers)
        for (index, content) in zip(tied, contentsOf(tied)) { headers[index].text = content.text }
    }

    /// What two documents must share to tie before their texts are compared.
    struct TieKey: Hashable {
        var date: Date?
        var id: String
        var file: String
        var index: Int?
        var offset: Int?

        init(_ document: Document) {
            (date, id, file) = (document.date, document.id, document.source.file)
            (index, offset) = (document.source.index, document.source.offset)
        }
    }

    /// The documents that share their `TieKey` with another, in the order found. Found by the
    /// keys' hashes, compared where hashes meet (a dictionary of the keys themselves was about
    /// 20 MB per 100,000 documents); all keys are compared whole if two different ones ever
    /// share a hash. `hash` is the key's own but for tests.
    static func tied(_ headers: [Document], hash: (TieKey) -> Int = \.hashValue) -> [Int] {
        tied(headers.count, key: { hash(TieKey(headers[$0])) }, sameKey: { TieKey(headers[$0]) == TieKey(headers[$1]) })
            ?? tiedComparingKeys(headers)
    }

    /// `tied` by the keys themselves.
    static func tiedComparingKeys(_ headers: [Document]) -> [Int] {
        tied(headers.count, key: { TieKey(headers[$0]) }, sameKey: { _, _ in true })!
    }

    /// The indices below `count` whose `key` an earlier one has, each tie's first one included,
    /// in the order found; nil if `sameKey` finds two whose keys met to differ after all.
    private static func tied<Key: Hashable>(_ count: Int, key: (Int) -> Key, sameKey: (Int, Int) -> Bool) -> [Int]? {
        var first: [Key: (index: Int, tied: Bool)] = [:]
        first.reserveCapacity(count)
        var tied: [Int] = []
        for index in 0..<count {
            let key = key(index)
            guard let earlier = first[key] else {
                first[key] = (index, false)
                continue
            }
            guard sameKey(earlier.index, index) else { return nil }
            if !earlier.tied {
                tied.append(earlier.index)
                first[key] = (earlier.index, true)
            }
            tied.append(index)
        }
        return tied
    }

    /// Lets `threading` set each header's thread in place (it must not add, remove or move any).
    public mutating func assignThreads(_ threading: (inout [Document]) -> Void) {
        let count = headers.count
        threading(&headers)
        precondition(headers.count == count, "threading keeps every document where it is")
    }

    /// Lets the reply links (`inReplyTo`, `references`) go once threads are assigned: nothing
    /// after threading reads them, and on a large mailbox they are a tenth of what stays in
    /// memory. Not for runs that digest documents to remember them (a scan's history).
    public mutating func forgetReplyLinks() {
        for index in headers.indices {
            headers[index].inReplyTo = nil
            headers[index].references = []
        }
    }

    private func contentsOf(_ indices: [Int]) -> [Content] {
        guard !indices.isEmpty else { return [] }
        return contents(contentIndices.map { moved in indices.map { moved[$0] } } ?? indices)
    }
}
