import Foundation
import RapportModel
import RapportTestSupport
import Testing
@testable import RapportIngest

/// A mail for threading tests: `day` counts days from 2026-03-01 00:00 UTC.
private func mail(
    _ id: String, _ subject: String? = nil, day: Double?, refs: [String] = [], replyTo: String? = nil,
    kind: Document.Kind = .email, position: Int = 0, from: String? = nil, to: [String] = [], cc: [String] = []
) -> Document {
    Document(
        id: id, kind: kind, subject: subject,
        date: day.map { Date(timeIntervalSince1970: 1_772_323_200 + $0 * 86_400) },
        from: from.map { [Participant(address: $0)] } ?? [], to: to.map { Participant(address: $0) },
        cc: cc.map { Participant(address: $0) },
        inReplyTo: replyTo, references: refs, source: SourceLocation(file: "test.mbox", index: position)
    )
}

/// Thread ids by document id (documents in these tables have distinct ids).
private func threads(_ documents: [Document], _ threader: Threader = Threader()) -> [String: String] {
    var documents = documents
    threader.assignThreads(&documents)
    return Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0.thread ?? "none") })
}

@Suite struct ThreaderTests {
    @Test func followsAReplyChain() {
        let result = threads([
            mail("c@x", "Re: Budget", day: 2, refs: ["a@x", "b@x"], replyTo: "b@x"),
            mail("a@x", "Budget", day: 0),
            mail("b@x", "Re: Budget", day: 1, replyTo: "a@x"),
            mail("other@x", "Lunch", day: 1),
        ])
        #expect(result == ["a@x": "a@x", "b@x": "a@x", "c@x": "a@x", "other@x": "other@x"])
    }

    @Test func bridgesAMissingMiddleMessage() {
        let result = threads([
            mail("a@x", "Budget", day: 0),
            mail("c@x", "Budget figures", day: 2, refs: ["a@x", "b@x"]),
        ])
        #expect(result == ["a@x": "a@x", "c@x": "a@x"])
    }

    @Test func keepsSiblingsOfAMissingParentTogether() {
        let result = threads([
            mail("y@x", "Second answer", day: 3, refs: ["gone@x"]),
            mail("x@x", "First answer", day: 2, refs: ["gone@x"]),
            mail("z@x", "Unrelated", day: 2),
        ])
        #expect(result == ["x@x": "x@x", "y@x": "x@x", "z@x": "z@x"])
    }

    @Test func breaksReferenceCycles() {
        let twoCycle = threads([
            mail("b@x", "Plan B", day: 1, refs: ["a@x"]),
            mail("a@x", "Plan A", day: 0, refs: ["b@x"]),
        ])
        #expect(twoCycle == ["a@x": "a@x", "b@x": "a@x"])

        let threeCycle = threads([
            mail("a@x", "One", day: 4, refs: ["c@x"]),
            mail("b@x", "Two", day: 5, refs: ["a@x"]),
            mail("c@x", "Three", day: 6, refs: ["b@x"]),
            mail("d@x", "Four", day: 1, refs: ["c@x"]),
        ])
        #expect(threeCycle == ["a@x": "d@x", "b@x": "d@x", "c@x": "d@x", "d@x": "d@x"])

        // Phantoms linked in both orders by two messages' References.
        let phantomCycle = threads([
            mail("m@x", "One", day: 0, refs: ["p@x", "q@x"]),
            mail("n@x", "Two", day: 1, refs: ["q@x", "p@x"]),
        ])
        #expect(phantomCycle == ["m@x": "m@x", "n@x": "m@x"])
    }

    @Test func ignoresAMessageReferencingItself() {
        let result = threads([
            mail("a@x", "Budget", day: 0, refs: ["a@x"], replyTo: "a@x"),
            mail("b@x", "Re: Budget", day: 1, refs: ["a@x", "b@x"]),
        ])
        #expect(result == ["a@x": "a@x", "b@x": "a@x"])
    }

    /// The earlier of two documents sharing a Message-ID keeps it; the later one is `id#2`, and
    /// replies to the id join the earlier one.
    @Test func givesDuplicateIDsSyntheticIDs() {
        var documents = [
            mail("q@x", "Quarterly", day: 3, position: 1),
            mail("d@x", "Delivery", day: 0, position: 2),
            mail("d@x", "Delivery", day: 5, refs: ["q@x"], position: 3),
            mail("d@x", "Pricing", day: 6, position: 4),
            mail("r@x", "Re: Delivery", day: 1, replyTo: "d@x", position: 5),
        ]
        Threader().assignThreads(&documents)
        #expect(documents.map(\.thread) == ["q@x", "d@x", "q@x", "d@x#3", "d@x"])
        #expect(documents.map(\.id) == ["q@x", "d@x", "d@x", "d@x", "r@x"])
    }

    @Test func joinsSameSubjectRootsWithinTheWindow() {
        let result = threads([
            mail("a@x", "Budget", day: 0),
            mail("b@x", "Re: Budget", day: 40, replyTo: "a@x"),
            // Orphan reply 40 days after the thread's latest message: joined.
            mail("c@x", "RE: [EXTERNAL] budget", day: 80, refs: ["lost@x"]),
            // Another 50 days on: outside the window, a thread of its own.
            mail("d@x", "Re: Budget", day: 130, refs: ["lost2@x"]),
            // A new message with the same subject and no references soon after: joined.
            mail("e@x", "Budget", day: 131),
        ])
        #expect(result == ["a@x": "a@x", "b@x": "a@x", "c@x": "a@x", "d@x": "d@x", "e@x": "d@x"])
    }

    @Test func honoursACustomWindow() {
        let documents = [mail("a@x", "Budget", day: 0), mail("b@x", "Re: Budget", day: 10, refs: ["lost@x"])]
        #expect(threads(documents, Threader(subjectWindow: 5 * 86_400)) == ["a@x": "a@x", "b@x": "b@x"])
        #expect(threads(documents, Threader(subjectWindow: 10 * 86_400)) == ["a@x": "a@x", "b@x": "a@x"])
    }

    @Test func joinsBySubjectOnlyWhenJWZWould() {
        // Neither is a reply by prefix and both have references: not joined.
        let bothReferenced = threads([
            mail("a@x", "Budget", day: 0, refs: ["p@x"]),
            mail("b@x", "Budget", day: 1, refs: ["q@x"]),
        ])
        #expect(bothReferenced == ["a@x": "a@x", "b@x": "b@x"])
        // One has references, one has none, neither is a reply: not joined.
        let oneReferenced = threads([
            mail("a@x", "Budget", day: 0),
            mail("b@x", "Budget", day: 1, refs: ["q@x"]),
        ])
        #expect(oneReferenced == ["a@x": "a@x", "b@x": "b@x"])
        // Both start without references: joined.
        let noneReferenced = threads([mail("a@x", "Budget", day: 0), mail("b@x", "budget", day: 1)])
        #expect(noneReferenced == ["a@x": "a@x", "b@x": "a@x"])
    }

    /// The same subject with other correspondents is another conversation: a reply that lost
    /// its references finds its own conversation, not the latest one of that subject.
    @Test func keepsConversationsWithOtherCorrespondentsApart() {
        let result = threads([
            mail("a1@x", "Invoice", day: 0, from: "anna@vorduberg.is", to: ["olof@alfa.is"]),
            mail("b1@x", "Invoice", day: 2, from: "anna@vorduberg.is", to: ["bjorn@beta.is"]),
            // Replies whose clients dropped every reference.
            mail("a2@x", "Re: Invoice", day: 3, from: "olof@alfa.is", to: ["anna@vorduberg.is"]),
            mail("b2@x", "SV: Invoice", day: 4, from: "bjorn@beta.is", to: ["Anna@Vorduberg.is"]),
            // Someone else at Alfa, to a colleague of Anna's: still Alfa's conversation.
            mail("a3@x", "Re: Invoice", day: 5, from: "gunnar@alfa.is", to: ["pall@vorduberg.is"]),
        ])
        #expect(result == ["a1@x": "a1@x", "a2@x": "a1@x", "a3@x": "a1@x", "b1@x": "b1@x", "b2@x": "b1@x"])
    }

    /// Our own addresses are not enough to make two conversations one: the same sender and the
    /// same colleague in copy write to two customers.
    @Test func sharingOnlyOurSideIsNotTheSameConversation() {
        let result = threads([
            mail("a@x", "Invoice", day: 0, from: "billing@vorduberg.is", to: ["olof@alfa.is"], cc: ["accounts@vorduberg.is"]),
            mail("b@x", "Invoice", day: 1, from: "billing@vorduberg.is", to: ["bjorn@beta.is"], cc: ["accounts@vorduberg.is"]),
        ])
        #expect(result == ["a@x": "a@x", "b@x": "b@x"])
    }

    /// At a free-mail provider each address is someone else; within one organisation the same
    /// subject between colleagues is still joined.
    @Test func freeMailUsersAreStrangersAndColleaguesAreOne() {
        let result = threads([
            mail("j1@x", "Question", day: 0, from: "john@gmail.com", to: ["anna@vorduberg.is"]),
            mail("m1@x", "Question", day: 1, from: "mary@gmail.com", to: ["anna@vorduberg.is"]),
            mail("j2@x", "Re: Question", day: 2, from: "anna@vorduberg.is", to: ["john@gmail.com"]),
            mail("w1@x", "Weekly report", day: 0, from: "carl@vorduberg.is", to: ["team@vorduberg.is"]),
            mail("w2@x", "Weekly report", day: 7, from: "dora@vorduberg.is", to: ["team@vorduberg.is"]),
        ])
        #expect(result == ["j1@x": "j1@x", "j2@x": "j1@x", "m1@x": "m1@x", "w1@x": "w1@x", "w2@x": "w1@x"])
    }

    /// A subject reused by many customers no longer chains them all into one thread; each
    /// customer's conversation gathers its own replies, whatever order the mail comes in.
    @Test func aCommonSubjectStaysOneThreadPerCustomer() {
        var documents: [Document] = []
        for day in 0..<60 {
            let customer = "c\(day % 6)"
            documents.append(mail("\(customer)-\(day)@x", day % 12 < 6 ? "Order" : "Re: Order", day: Double(day),
                                  position: day, from: "anna@vorduberg.is", to: ["buyer@\(customer).is"]))
        }
        var generator = SplitMix64(seed: 11)
        for _ in 0..<5 {
            let result = threads(documents.shuffled(using: &generator))
            #expect(Set(result.values).count == 6)
            for (id, thread) in result { #expect(id.prefix(3) == thread.prefix(3), "\(id) in \(thread)") }
        }
    }

    @Test(arguments: [
        ([], ["a.is"], true),                       // nobody named on one side: no evidence
        (["ours.is", "a.is"], ["ours.is", "a.is", "x.is"], true),
        (["ours.is", "a.is"], ["ours.is", "b.is"], false),
        (["ours.is"], ["ours.is"], true),           // within one organisation
        (["ours.is"], ["ours.is", "a.is"], false),  // an internal forward is not the customer's thread
        (["john@gmail.com"], ["mary@gmail.com"], false),
    ] as [([String], [String], Bool)])
    func tellsCorrespondentsApart(_ lhs: [String], _ rhs: [String], _ same: Bool) {
        #expect(Threader.sameCorrespondents(Set(lhs), Set(rhs)) == same)
        #expect(Threader.sameCorrespondents(Set(rhs), Set(lhs)) == same)
    }

    @Test func correspondentsAreDomainsOrFreeMailAddresses() {
        #expect(Threader.correspondentKey(Participant(address: "Olof@ALFA.is")) == "alfa.is")
        #expect(Threader.correspondentKey(Participant(address: "John@GMail.com")) == "john@gmail.com")
        #expect(Threader.correspondentKey(Participant(address: "Jón")) == nil)
        #expect(Threader.correspondentKey(Participant(address: "mailusr1@navstar1")) == nil)
        #expect(Threader.correspondentKey(Participant(address: "develop!nextmime@ebony")) == nil)
    }

    /// Addresses that name no organisation are no evidence: a forward and a reply among people
    /// written without domains stay one conversation, as a sender on a local host does.
    @Test func addressesWithoutAnOrganisationDoNotSplitAConversation() {
        let result = threads([
            mail("h1@x", "hello world", day: 0, from: "user0", to: ["user1"]),
            mail("h2@x", "Fwd: hello world", day: 1, from: "user1", to: ["user2"]),
            mail("h3@x", "Re: Fwd: hello world", day: 2, from: "user2", to: ["user0"]),
            mail("r1@x", "Richtext questions", day: 0, from: "develop!nextmime@ebony"),
            mail("r2@x", "Richtext questions", day: 3, from: "develop!nextmime@ebony", to: ["sblab!att!nsb"]),
        ])
        #expect(result == ["h1@x": "h1@x", "h2@x": "h1@x", "h3@x": "h1@x", "r1@x": "r1@x", "r2@x": "r1@x"])
    }

    @Test func neverJoinsUndatedEmptyOrNoteSubjects() {
        let result = threads([
            mail("a@x", "Budget", day: nil),
            mail("b@x", "Re: Budget", day: nil),
            mail("c@x", "Re:", day: 0),
            mail("d@x", "Re: ", day: 1),
            mail("e@x", "Weekly sync", day: 0, kind: .note),
            mail("f@x", "Weekly sync", day: 7, kind: .note),
        ])
        #expect(result == ["a@x": "a@x", "b@x": "b@x", "c@x": "c@x", "d@x": "d@x", "e@x": "e@x", "f@x": "f@x"])
    }

    @Test func joinsAForwardedThread() {
        let result = threads([
            mail("a@x", "Contract renewal", day: 0),
            mail("b@x", "Re: Contract renewal", day: 1, replyTo: "a@x"),
            mail("c@x", "Fwd: Re: Contract renewal", day: 2),
            mail("d@x", "Áfram: Contract renewal", day: 3),
            mail("e@x", "Contract renewal terms", day: 3),
        ])
        #expect(result == ["a@x": "a@x", "b@x": "a@x", "c@x": "a@x", "d@x": "a@x", "e@x": "e@x"])
    }

    @Test func namesThreadsByTheEarliestDocument() {
        // The reply's clock is wrong: it is dated before the message it answers.
        let result = threads([
            mail("a@x", "Budget", day: 5),
            mail("b@x", "Re: Budget", day: 1, replyTo: "a@x"),
            mail("c@x", "Re: Budget", day: nil, replyTo: "a@x"),
        ])
        #expect(result == ["a@x": "b@x", "b@x": "b@x", "c@x": "b@x"])
        // Same date: the smaller id names the thread.
        #expect(threads([mail("z@x", "Plan", day: 0), mail("m@x", "Re: Plan", day: 0, replyTo: "z@x")])
            == ["z@x": "m@x", "m@x": "m@x"])
    }

    @Test func handlesEmptyInput() {
        var documents: [Document] = []
        Threader().assignThreads(&documents)
        #expect(documents.isEmpty)
    }

    @Test func givesTheSameIDsWhateverTheInputOrder() {
        let documents = Self.mixedArchive()
        var reference = documents
        Threader().assignThreads(&reference)
        let expected = Dictionary(uniqueKeysWithValues: reference.map { ($0.source.index!, $0.thread!) })
        #expect(Set(expected.values).count > 5)
        var generator = SplitMix64(seed: 2026)
        for _ in 0..<25 {
            var shuffled = documents.shuffled(using: &generator)
            Threader().assignThreads(&shuffled)
            let result = Dictionary(uniqueKeysWithValues: shuffled.map { ($0.source.index!, $0.thread!) })
            #expect(result == expected)
        }
    }

    /// Chains, phantoms, cycles, duplicates, subject joins and undated mail in one archive.
    private static func mixedArchive() -> [Document] {
        var documents: [Document] = []
        func add(_ id: String, _ subject: String, _ day: Double?, refs: [String] = [], replyTo: String? = nil) {
            documents.append(mail(id, subject, day: day, refs: refs, replyTo: replyTo, position: documents.count))
        }
        add("a1", "Budget", 0)
        add("a2", "Re: Budget", 1, refs: ["a1"])
        add("a3", "Re: Budget", 2, refs: ["a1", "a2"])
        add("a4", "Re: Budget", 3, refs: ["a1", "gone"])
        add("b1", "Pricing", 1, refs: ["b2"])
        add("b2", "Re: Pricing", 2, refs: ["b1"])
        add("d", "Delivery", 4)
        add("d", "Delivery", 4)
        add("d", "Delivery again", 9, refs: ["a3"])
        add("e1", "Fwd: Budget", 20)
        add("e2", "Re: Budget", 90, refs: ["x"])
        add("f1", "Kickoff", nil)
        add("f2", "Re: Kickoff", nil, replyTo: "f1")
        add("g1", "Weekly report", 7)
        add("g2", "Weekly report", 14)
        add("g3", "Weekly report", 100)
        add("h1", "Orphan one", 3, refs: ["missing"])
        add("h2", "Orphan two", 3, refs: ["missing"])
        return documents
    }

    /// Deep reply chains and many same-subject roots must stay near-linear.
    @Test func threadsAHundredThousandDocumentsQuickly() {
        var documents: [Document] = []
        let count = 100_000
        documents.reserveCapacity(count)
        for index in 0..<count / 2 {
            // One 50,000-deep chain, each message replying to the previous one.
            documents.append(mail("chain\(index)@x", "Re: Long", day: Double(index) / 1000,
                                  replyTo: index == 0 ? nil : "chain\(index - 1)@x"))
        }
        for index in 0..<count / 2 {
            // 50,000 roots sharing 100 subjects, each subject every fifth of a day.
            documents.append(mail("root\(index)@x", "Re: Topic \(index % 100)", day: Double(index) / 500,
                                  refs: ["elsewhere\(index)@x"]))
        }
        var generator = SplitMix64(seed: 7)
        documents.shuffle(using: &generator)
        let start = Date()
        Threader().assignThreads(&documents)
        let seconds = Date().timeIntervalSince(start)
        #expect(Set(documents.filter { $0.id.hasPrefix("chain") }.map(\.thread)) == ["chain0@x"])
        #expect(Set(documents.map(\.thread)).count == 101)
        // Linear work takes a few seconds in a debug build (0.3 s in release); a quadratic step
        // over the 50,000-deep chain would take many minutes, so the generous bound cannot flake.
        #expect(seconds < 60, "threading took \(seconds) s")
    }
}
