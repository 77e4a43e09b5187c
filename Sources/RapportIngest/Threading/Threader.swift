import Foundation
import RapportModel

/// Groups documents into conversations with Jamie Zawinski's algorithm
/// (https://www.jwz.org/doc/threading.html) and stamps each with a stable thread id.
///
/// Choices where the algorithm leaves room, all made so that the same documents give the same
/// threads whatever order they arrive in:
/// - Documents are processed in a canonical order: by date (undated last), then id, then their
///   source location and content. This order decides every "first come" rule below.
/// - `Document.id` is the message-id. When several documents share one, the first in canonical
///   order keeps it and the others become `<id>#2`, `<id>#3`, … (skipping any suffix that is itself
///   a real id). References to the id lead to the first. `Document.id` itself is left unchanged;
///   the synthetic id is only visible as a thread id when such a document starts a thread, which
///   keeps thread ids unique.
/// - A message's parent is the last entry of its `References`, with `In-Reply-To` appended when
///   it is not already among them, ignoring references to itself. Consecutive `References`
///   entries link unknown (phantom) parents the first time they are seen; a real message's own
///   references always decide its parent.
/// - Cycles (A refs B, B refs A) are broken after linking: in each cycle, the member that comes
///   first by date then id loses its parent and becomes the root.
/// - Roots with the same normalised subject are joined when the later one starts within
///   `subjectWindow` of the latest message of the earlier ones, when one side is a reply or
///   forward by prefix or both start without references, and when they are between the same
///   correspondents (`sameCorrespondents`): "Invoice" sent to two customers in one week is two
///   conversations, where the algorithm alone (written for newsgroups) made one thread of every
///   conversation that reused a subject, chained across months and companies. Roots are
///   considered by earliest date, each joining the most recently active conversation it may
///   join; undated conversations and meeting notes are never joined by subject.
/// - The thread id is the (possibly synthetic) id of the earliest document, by date then id.
///
/// Runs in O(n log n) for n documents plus the total length of their references.
public struct Threader: Sendable {
    /// How far apart (latest of one, earliest of the other) same-subject conversations may be
    /// and still be joined.
    public var subjectWindow: TimeInterval = 45 * 86_400

    public init(subjectWindow: TimeInterval = 45 * 86_400) {
        self.subjectWindow = subjectWindow
    }

    /// Sets `thread` on every document; nothing else is changed.
    public func assignThreads(_ documents: inout [Document]) {
        guard !documents.isEmpty else { return }
        var forest = ContainerForest(documents: documents)
        forest.link(documents)
        forest.breakCycles()
        let trees = forest.trees(documents)
        var groups = UnionFind(count: trees.count)
        joinBySubject(trees, documents: documents, treeOfDocument: forest.treeOfDocument, into: &groups)

        var threadLead = [Int](repeating: -1, count: trees.count)
        for (tree, summary) in trees.enumerated() {
            let group = groups.find(tree)
            if threadLead[group] == -1 || forest.precedes(summary.first, threadLead[group]) {
                threadLead[group] = summary.first
            }
        }
        for index in documents.indices {
            let tree = forest.treeOfDocument[index]
            documents[index].thread = forest.keys[threadLead[groups.find(tree)]]
        }
    }

    /// JWZ step 5 with a time window and correspondents: same-subject roots, taken by earliest
    /// date, join the most recently active earlier conversation of that subject that is close
    /// enough in time, between the same correspondents, and where one side is a reply or both
    /// lack references; otherwise they start a conversation of their own.
    private func joinBySubject(
        _ trees: [TreeSummary], documents: [Document], treeOfDocument: [Int], into groups: inout UnionFind
    ) {
        var bySubject: [String: [Int]] = [:]
        for (index, tree) in trees.enumerated() where tree.joinable {
            bySubject[tree.subject.text, default: []].append(index)
        }
        // The correspondents of the trees that share a subject with another tree.
        var correspondents: [Int: Set<String>] = [:]
        for members in bySubject.values where members.count > 1 {
            for tree in members { correspondents[tree] = [] }
        }
        guard !correspondents.isEmpty else { return }
        // Addresses repeat from message to message: each is placed once.
        var keyOfAddress: [String: String?] = [:]
        func add(_ list: [Participant], to people: inout Set<String>) {
            for person in list {
                let key: String?
                if let known = keyOfAddress[person.address] {
                    key = known
                } else {
                    key = Self.correspondentKey(person)
                    keyOfAddress[person.address] = key
                }
                if let key { people.insert(key) }
            }
        }
        for (index, tree) in treeOfDocument.enumerated() where correspondents[tree] != nil {
            var people = correspondents.removeValue(forKey: tree)!
            add(documents[index].from, to: &people)
            add(documents[index].to, to: &people)
            add(documents[index].cc, to: &people)
            correspondents[tree] = people
        }

        /// A conversation being built: its first tree and what decides who may join it.
        struct Conversation {
            var lead: Int
            var latest: TimeInterval
            var anyReply: Bool
            var anyWithoutReferences: Bool
            var correspondents: Set<String>
        }
        for members in bySubject.values where members.count > 1 {
            let sorted = members.sorted {
                (trees[$0].earliest, trees[$0].firstKey) < (trees[$1].earliest, trees[$1].firstKey)
            }
            var open: [Conversation] = []
            for tree in sorted {
                let summary = trees[tree]
                let people = correspondents[tree]!
                // Conversations quiet for longer than the window take no more roots.
                open.removeAll { summary.earliest - $0.latest > subjectWindow }
                var chosen: Int?
                for (position, conversation) in open.enumerated() {
                    let eligible = summary.subject.isReplyOrForward || conversation.anyReply
                        || (summary.startsWithoutReferences && conversation.anyWithoutReferences)
                    guard eligible, Self.sameCorrespondents(conversation.correspondents, people) else { continue }
                    if let best = chosen, open[best].latest >= conversation.latest { continue }
                    chosen = position
                }
                if let chosen {
                    groups.union(open[chosen].lead, tree)
                    open[chosen].latest = max(open[chosen].latest, summary.latest)
                    open[chosen].anyReply = open[chosen].anyReply || summary.subject.isReplyOrForward
                    open[chosen].anyWithoutReferences = open[chosen].anyWithoutReferences || summary.startsWithoutReferences
                    open[chosen].correspondents.formUnion(people)
                } else {
                    open.append(Conversation(
                        lead: tree, latest: summary.latest, anyReply: summary.subject.isReplyOrForward,
                        anyWithoutReferences: summary.startsWithoutReferences, correspondents: people))
                }
            }
        }
    }

    /// Who a participant stands for when telling conversations apart: their organisation's
    /// domain, or their own address at a free-mail provider (whose users are strangers to each
    /// other). An address that names no organisation (`nsb`, `user@host` on a local network, a
    /// UUCP path) is no evidence either way: old and internal mail writes one person so in one
    /// message and with a full domain in the next.
    static func correspondentKey(_ person: Participant) -> String? {
        let domain = person.domain
        guard domain.utf8.contains(UInt8(ascii: ".")) else { return nil }
        if FreeMailDomains.standard.contains(domain) { return person.address.lowercasedFast() }
        return domain
    }

    /// Whether two same-subject conversations are between the same correspondents: they share
    /// two of them (say our domain and the customer's), or each has one and the same one (mail
    /// within one organisation). A conversation that names nobody is no evidence either way.
    static func sameCorrespondents(_ lhs: Set<String>, _ rhs: Set<String>) -> Bool {
        if lhs.isEmpty || rhs.isEmpty { return true }
        let (small, large) = lhs.count <= rhs.count ? (lhs, rhs) : (rhs, lhs)
        var shared = 0
        for key in small where large.contains(key) {
            shared += 1
            if shared == 2 { return true }
        }
        return shared == 1 && lhs.count == 1 && rhs.count == 1
    }
}

// MARK: - Containers

/// What subject joining and thread naming need to know about one reference tree.
private struct TreeSummary {
    /// The container of the tree's earliest document.
    var first: Int
    var firstKey: String
    var earliest: TimeInterval
    var latest: TimeInterval
    var subject: NormalizedSubject
    /// The root is a real message with no references at all.
    var startsWithoutReferences: Bool
    /// Dated, not a meeting note, with a non-empty subject.
    var joinable: Bool
}

/// JWZ containers held in parallel arrays: one per message-id, real or phantom.
private struct ContainerForest {
    /// The message-id of each container (synthetic `id#n` for duplicates).
    private(set) var keys: [String] = []
    /// The document in each container, or -1 for a phantom.
    private var documentIndex: [Int] = []
    /// Seconds since 1970 of each container's document; +infinity when undated or phantom.
    private var time: [TimeInterval] = []
    private var parent: [Int] = []
    private var containerOfID: [String: Int] = [:]
    /// The container of each document, by document index.
    private var containerOfDocument: [Int]
    /// The position of each document's tree in the summaries that `trees` returns.
    private(set) var treeOfDocument: [Int] = []
    /// Documents in canonical order.
    private let order: [Int]

    init(documents: [Document]) {
        order = Self.canonicalOrder(documents)
        containerOfDocument = [Int](repeating: -1, count: documents.count)
        // Room for every document and half as many ids only referred to, without a resize: twice
        // the documents made the table twice as large (12 MB at 100,000 messages) for ids most
        // mailboxes do not have.
        containerOfID.reserveCapacity(documents.count + documents.count / 2)
        var nextSuffix: [String: Int] = [:]
        for index in order {
            let id = documents[index].id
            var key = id
            if containerOfID[key] != nil {
                var suffix = nextSuffix[id] ?? 2
                while containerOfID["\(id)#\(suffix)"] != nil { suffix += 1 }
                nextSuffix[id] = suffix + 1
                key = "\(id)#\(suffix)"
            }
            containerOfDocument[index] = add(key, document: index, time: documents[index].date)
        }
    }

    private mutating func add(_ key: String, document: Int, time date: Date?) -> Int {
        let container = keys.count
        keys.append(key)
        documentIndex.append(document)
        time.append(date?.timeIntervalSince1970 ?? .infinity)
        parent.append(-1)
        containerOfID[key] = container
        return container
    }

    private mutating func container(for id: String) -> Int {
        if let existing = containerOfID[id] { return existing }
        return add(id, document: -1, time: nil)
    }

    /// JWZ steps 1A–1C. Links between phantoms come from the first document (in canonical order)
    /// that implies them; a real message's parent comes only from its own references.
    mutating func link(_ documents: [Document]) {
        var chain: [Int] = []
        // The document that last put each container in its chain, to skip repeats in O(1).
        var chainedBy = [Int](repeating: -1, count: keys.count)
        for index in order {
            let ownID = documents[index].id
            chain.removeAll(keepingCapacity: true)
            func append(_ id: String) {
                guard !id.isEmpty, id != ownID else { return }
                let container = container(for: id)
                if container >= chainedBy.count { chainedBy.append(-1) }
                guard container != containerOfDocument[index], chainedBy[container] != index else { return }
                chainedBy[container] = index
                chain.append(container)
            }
            for id in documents[index].references { append(id) }
            if let parentID = documents[index].inReplyTo { append(parentID) }
            for (parentContainer, child) in zip(chain, chain.dropFirst())
            where documentIndex[child] == -1 && parent[child] == -1 {
                parent[child] = parentContainer
            }
            parent[containerOfDocument[index]] = chain.last ?? -1
        }
    }

    /// Each container has at most one parent, so every cycle is a simple loop; cutting the
    /// parent link of its first member (by date, then id) turns it into a tree.
    mutating func breakCycles() {
        enum Mark: UInt8 { case new, onPath, done }
        var mark = [Mark](repeating: .new, count: keys.count)
        var path: [Int] = []
        for start in keys.indices where mark[start] == .new {
            path.removeAll(keepingCapacity: true)
            var current = start
            while current != -1, mark[current] == .new {
                mark[current] = .onPath
                path.append(current)
                current = parent[current]
            }
            if current != -1, mark[current] == .onPath, let loopStart = path.lastIndex(of: current) {
                let head = path[loopStart...].min { precedes($0, $1) } ?? current
                parent[head] = -1
            }
            for container in path { mark[container] = .done }
        }
    }

    /// The root of every container's tree, then a summary of each tree holding a document.
    mutating func trees(_ documents: [Document]) -> [TreeSummary] {
        var root = [Int](repeating: -1, count: keys.count)
        var path: [Int] = []
        for start in keys.indices where root[start] == -1 {
            path.removeAll(keepingCapacity: true)
            var current = start
            while root[current] == -1, parent[current] != -1 {
                path.append(current)
                current = parent[current]
            }
            let top = root[current] == -1 ? current : root[current]
            root[current] = top
            for container in path { root[container] = top }
        }

        var treeOfRoot: [Int: Int] = [:]
        var summaries: [TreeSummary] = []
        treeOfDocument = [Int](repeating: -1, count: documents.count)
        for index in order {
            let container = containerOfDocument[index]
            let top = root[container]
            let date = time[container]
            if let tree = treeOfRoot[top] {
                treeOfDocument[index] = tree
                if date.isFinite {
                    summaries[tree].earliest = min(summaries[tree].earliest, date)
                    summaries[tree].latest = summaries[tree].latest.isFinite ? max(summaries[tree].latest, date) : date
                }
                continue
            }
            // Canonical order is by date then id, so the first document met is the tree's earliest.
            let lead = documentIndex[top] == -1 ? index : documentIndex[top]
            let subject = SubjectNormalizer.split(documents[lead].subject ?? "")
            treeOfRoot[top] = summaries.count
            treeOfDocument[index] = summaries.count
            summaries.append(TreeSummary(
                first: container,
                firstKey: keys[container],
                earliest: date,
                latest: date,
                subject: subject,
                startsWithoutReferences: documentIndex[top] != -1 && documents[lead].references.isEmpty
                    && documents[lead].inReplyTo == nil,
                joinable: date.isFinite && documents[lead].kind == .email && !subject.text.isEmpty
            ))
        }
        return summaries
    }

    /// Date order, undated last, then id.
    func precedes(_ a: Int, _ b: Int) -> Bool {
        (time[a], keys[a]) < (time[b], keys[b])
    }

    // MARK: Canonical order

    private static func canonicalOrder(_ documents: [Document]) -> [Int] {
        let times = documents.map { $0.date?.timeIntervalSince1970 ?? .infinity }
        let ids = documents.map(\.id)
        return documents.indices.sorted { a, b in
            if times[a] != times[b] { return times[a] < times[b] }
            if ids[a] != ids[b] { return ids[a] < ids[b] }
            return tieBreak(documents[a], documents[b])
        }
    }

    /// Orders documents that share date and id by where they came from and what they say, so
    /// that which of them keeps the plain id does not depend on input order.
    private static func tieBreak(_ a: Document, _ b: Document) -> Bool {
        if a.source.file != b.source.file { return a.source.file < b.source.file }
        if a.source.index != b.source.index { return (a.source.index ?? -1) < (b.source.index ?? -1) }
        if a.source.offset != b.source.offset { return (a.source.offset ?? -1) < (b.source.offset ?? -1) }
        if a.subject != b.subject { return (a.subject ?? "") < (b.subject ?? "") }
        if a.inReplyTo != b.inReplyTo { return (a.inReplyTo ?? "") < (b.inReplyTo ?? "") }
        if a.references != b.references { return a.references.lexicographicallyPrecedes(b.references) }
        return a.text < b.text
    }
}

// MARK: - Union-find

/// Disjoint sets with path halving and union by size.
private struct UnionFind {
    private var parent: [Int]
    private var size: [Int]

    init(count: Int) {
        parent = Array(0..<count)
        size = [Int](repeating: 1, count: count)
    }

    mutating func find(_ element: Int) -> Int {
        var current = element
        while parent[current] != current {
            parent[current] = parent[parent[current]]
            current = parent[current]
        }
        return current
    }

    mutating func union(_ a: Int, _ b: Int) {
        var rootA = find(a)
        var rootB = find(b)
        guard rootA != rootB else { return }
        if size[rootA] < size[rootB] { swap(&rootA, &rootB) }
        parent[rootB] = rootA
        size[rootA] += size[rootB]
    }
}
