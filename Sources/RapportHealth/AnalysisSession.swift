import Foundation
import RapportModel

/// One analysis run over readings: groups them into threads and accounts, runs the rules, and
/// builds the reports in their documented order.
struct AnalysisSession: Sendable {
    let configuration: HealthConfiguration
    let cues: HealthCues
    let directory: AccountDirectory
    let asOf: Date
    /// Accounts are assessed on up to this many threads; each depends only on its own threads.
    var parallelism = 1
    /// Month-end points known from an earlier assessment; nil when none are to be remembered
    /// (then no digests are made).
    var history: HealthHistoryMemo?
    /// Which thread reports to keep; nil keeps all (`HealthAnalyzer.keepsThread`).
    var keepsThread: (@Sendable (ThreadReport, Account) -> Bool)?
    /// Takes each account's kept thread reports as it is assessed (`HealthAnalyzer.handsOverThreads`).
    var handsOverThreads: (@Sendable ([ThreadReport]) -> Void)?
    /// The groups' positions are the documents' places in canonical order (`HealthAnalyzer`
    /// arranges them so), so an account's readings are put in that order by their positions
    /// rather than by comparing their documents.
    var positionsAreCanonical = false

    struct ThreadGroup {
        var id: String
        var accountKey: String
        /// Canonical document order.
        var readings: [Reading]
        /// Where each reading is in the readings the groups were made of.
        var positions: [Int]
    }

    func report(_ readings: [Reading]) -> ([ThreadReport], [AccountReport]) {
        let (threads, accounts, _) = reportRemembering(readings)
        return (threads, accounts)
    }

    /// The reports, and, when `history` is set, every account's month-end points with their digests.
    func reportRemembering(_ readings: [Reading]) -> ([ThreadReport], [AccountReport], HealthHistoryMemo?) {
        reportRemembering(threadGroups(readings), noteAccount: { readings[$0].document.account }, whole: nil)
    }

    /// `reportRemembering` of documents in canonical order, grouped without their readings
    /// (`threadGroups(_:participants:)`): `whole(positions)` builds the readings of one account's
    /// documents when it is assessed, so that only the accounts being assessed hold their sentences.
    func reportRemembering(
        _ documents: [Document], participants: @Sendable (Int) -> [Participant],
        whole: @escaping @Sendable ([Int]) -> [Reading]
    )
        -> ([ThreadReport], [AccountReport], HealthHistoryMemo?)
    {
        reportRemembering(threadGroups(documents, participants: participants), noteAccount: { documents[$0].account },
                          whole: whole)
    }

    /// `noteAccount(i)`: the account named by document `i`, a meeting note's.
    private func reportRemembering(
        _ groups: [ThreadGroup], noteAccount: (Int) -> String?, whole: (@Sendable ([Int]) -> [Reading])?
    ) -> ([ThreadReport], [AccountReport], HealthHistoryMemo?) {
        var noteNames: [String: String] = [:]
        for group in groups {
            for position in group.positions {
                if let name = noteAccount(position), noteNames[group.accountKey] == nil { noteNames[group.accountKey] = name }
            }
        }
        let byAccount = Dictionary(grouping: groups, by: \.accountKey)
        let names = noteNames
        let directoryDigest = history == nil ? "" : self.directoryDigest()
        // Results go back to key order.
        let keys = byAccount.keys.sorted()
        let sizes = keys.map { key in byAccount[key]!.reduce(0) { $0 + $1.positions.count } }
        let order = Self.largeAmongSmall(sizes)
        // Readings built here are let go account by account; their pages go back to the system
        // every few thousand messages rather than staying with the process.
        let pacer = FreedMemoryPacer(interval: 4_096)
        let largestFirst = order.parallelMap(parallelism: parallelism) { index in
            var assessed: ([ThreadReport], AccountReport, [HealthHistoryMemo.Point]?)
            do {
                // The readings live only in this scope, so they are gone when the pacer hears of them.
                var groups = byAccount[keys[index]]!
                if let whole {
                    var readings = whole(groups.flatMap(\.positions))[...]
                    for group in groups.indices {
                        groups[group].readings = Array(readings.prefix(groups[group].positions.count))
                        readings = readings.dropFirst(groups[group].positions.count)
                    }
                }
                assessed = accountReport(keys[index], groups: groups, noteNames: names, directoryDigest: directoryDigest)
            }
            if whole != nil { pacer.freed(sizes[index]) }
            if let handsOverThreads {
                handsOverThreads(assessed.0)
                assessed.0 = []
            }
            return assessed
        }
        var assessed = largestFirst
        for (position, index) in order.enumerated() { assessed[index] = largestFirst[position] }
        var threadReports: [ThreadReport] = []
        var accountReports: [AccountReport] = []
        var memo = HealthHistoryMemo()
        for (threads, account, points) in assessed {
            threadReports += threads
            accountReports.append(account)
            if let points { memo.accounts[account.account.key] = points }
        }
        threadReports.sort(by: ThreadReport.reportOrder)
        accountReports.sort { $0.health != $1.health ? $0.health < $1.health : $0.account.key < $1.account.key }
        return (threadReports, accountReports, history == nil ? nil : memo)
    }

    /// The order accounts of these sizes are handed to the threads: the largest first, so that no
    /// thread is left with a large one at the end while the others wait, and each large one
    /// followed by the smallest left until they add up to it, so that while one thread assesses a
    /// large account the others take small ones rather than the next large one (the readings of
    /// the two largest accounts of a large mailbox at once were its peak of memory).
    static func largeAmongSmall(_ sizes: [Int]) -> [Int] {
        let bySize = sizes.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        var order: [Int] = []
        order.reserveCapacity(sizes.count)
        var large = 0, small = bySize.count - 1
        while large <= small {
            let size = sizes[bySize[large]]
            order.append(bySize[large])
            large += 1
            var added = 0
            while added < size && large <= small {
                order.append(bySize[small])
                added += sizes[bySize[small]]
                small -= 1
            }
        }
        return order
    }

    /// One account's thread reports and its report, with its health month by month (and those
    /// points with their digests, when remembering).
    private func accountReport(_ key: String, groups: [ThreadGroup], noteNames: [String: String], directoryDigest: String)
        -> ([ThreadReport], AccountReport, [HealthHistoryMemo.Point]?)
    {
        let account = directory.account(forKey: key, noteNames: noteNames)
        let accountGroups = groups.sorted { $0.id < $1.id }
        let memo = AccountMemo()
        let outcome = assessAccount(account, accountGroups, cutoff: asOf, accountMemo: memo)
        // A thread report the report will not show is let go as soon as it is made: the account
        // needs only its place in the order and its flags (every message's assessment is in it).
        var assessed: [(order: ThreadReport.OrderKey, flags: [HealthFlag], kept: ThreadReport?)] = []
        for (group, raised) in zip(accountGroups, outcome.threadFlags) {
            let report = threadReport(group, account: account, raised: raised, outcome: outcome)
            let kept = keepsThread.map { $0(report, account) } ?? true
            assessed.append((report.orderKey, report.flags, kept ? report : nil))
        }
        assessed.sort { ThreadReport.reportOrder($0.order, $1.order) }
        let reports = assessed.compactMap(\.kept)

        var history: [HealthPoint] = []
        var points: [HealthHistoryMemo.Point] = []
        let known = self.history?.accounts[key] ?? []
        // Each reading's digest once; a point's digest combines those of the readings it sees.
        let readingDigests = self.history == nil ? [] : accountGroups.map { group in
            group.readings.map { reading -> (date: Date?, digest: String) in
                var digest = InputDigest()
                digest.reading(reading)
                return (reading.date, digest.hex)
            }
        }
        for cutoff in monthEnds(accountGroups.flatMap(\.readings)) {
            let inputs = self.history == nil
                ? nil : pointDigest(account, accountGroups, readingDigests, cutoff: cutoff, directoryDigest: directoryDigest)
            let taken = inputs.flatMap { inputs in known.first { $0.date == cutoff && $0.inputs == inputs }?.health }
            let health = taken
                ?? assessAccount(account, accountGroups, cutoff: cutoff, accountMemo: memo, quotesEvidence: false).health
            history.append(HealthPoint(date: cutoff, health: health))
            if let inputs { points.append(HealthHistoryMemo.Point(date: cutoff, inputs: inputs, health: health)) }
        }
        let flags = (outcome.accountFlags.map(\.flag) + assessed.flatMap(\.flags)).sorted(by: Self.flagOrder)
        return (reports, AccountReport(
            account: account, health: outcome.health, trend: HealthScorer.trend(history), history: history,
            flags: flags, threads: assessed.map(\.order.id)), self.history == nil ? nil : points)
    }

    /// The digest of what `assessAccount` reads at `cutoff` to score health: the account, the
    /// moment (and whether it is the analysis's own, when undated messages count), each thread
    /// with the readings visible then, and who is who. Configuration and cue lists are the same
    /// for every point a memo holds (a scan with other settings assesses everything afresh).
    func pointDigest(
        _ account: Account, _ groups: [ThreadGroup], _ readingDigests: [[(date: Date?, digest: String)]], cutoff: Date,
        directoryDigest: String
    ) -> String {
        var digest = InputDigest()
        digest.string(account.key)
        digest.string(account.name)
        digest.string(account.type.rawValue)
        digest.date(cutoff)
        digest.bool(cutoff == asOf)
        digest.string(directoryDigest)
        digest.int(groups.count)
        for (group, readings) in zip(groups, readingDigests) {
            digest.string(group.id)
            let visible = readings.filter { reading in reading.date.map { $0 <= cutoff } ?? (cutoff == asOf) }
            digest.int(visible.count)
            for reading in visible { digest.string(reading.digest) }
        }
        return digest.hex
    }

    /// Who is who, as far as health depends on it beyond the readings: our domains, the
    /// configured accounts and the free-mail domains. The addresses learnt for names are not
    /// part of it: every participant a rule places was resolved when its reading was built, so a
    /// reading's digest holds what they gave, and the names learnt for addresses only word reasons.
    func directoryDigest() -> String {
        var digest = InputDigest()
        digest.strings(directory.ourDomains)
        digest.int(directory.rules.count)
        for rule in directory.rules {
            digest.string(rule.key)
            digest.string(rule.name)
            digest.string(rule.type.rawValue)
            digest.strings(rule.addresses)
            digest.strings(rule.domains)
        }
        digest.strings(directory.grouping.freeMailDomains.sorted())
        return digest.hex
    }

    // MARK: - Threads and accounts

    func threadGroups(_ readings: [Reading]) -> [ThreadGroup] {
        var groups = threadGroups(readings.map(\.document)) { readings[$0].participants }
        for index in groups.indices { groups[index].readings = groups[index].positions.map { readings[$0] } }
        return groups
    }

    /// The threads of documents in canonical order, with their accounts, by position; `readings`
    /// left empty. `participants(i)`: document `i`'s participants, resolved.
    /// The accounts are found on `parallelism` threads.
    func threadGroups(_ documents: [Document], participants: @Sendable (Int) -> [Participant]) -> [ThreadGroup] {
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (position, document) in documents.enumerated() {
            let id = document.thread ?? document.id
            if members[id] == nil { order.append(id) }
            members[id, default: []].append(position)
        }
        let threads = order.sorted().map { id in (id: id, positions: members[id]!) }
        return threads.parallelMap(parallelism: parallelism) { thread in
            ThreadGroup(id: thread.id, accountKey: accountKey(thread.positions, documents, participants), readings: [],
                        positions: thread.positions)
        }
    }

    /// A note's explicit account wins; otherwise the most frequent account among the
    /// counterparty's participants; a thread with nobody from outside is internal.
    func accountKey(_ positions: [Int], _ documents: [Document], _ participants: (Int) -> [Participant]) -> String {
        if let note = positions.first(where: { documents[$0].kind == .note && documents[$0].account != nil }) {
            return directory.key(forNoteAccount: documents[note].account!, participants: participants(note))
        }
        // A thread names the same people message after message: each is placed once.
        var placed: [Participant: String?] = [:]
        var keys: [String] = []
        for position in positions {
            for person in participants(position) {
                let key: String?
                if let known = placed[person] {
                    key = known
                } else {
                    key = directory.side(of: person) == .them ? directory.key(for: person) : nil
                    placed[person] = key
                }
                if let key { keys.append(key) }
            }
        }
        return AccountDirectory.mostFrequentKey(keys) ?? directory.ourDomains.first ?? ""
    }

    struct AccountOutcome {
        var contexts: [ThreadContext]
        var threadFlags: [[RaisedFlag]]
        var accountFlags: [RaisedFlag]
        var health: Int
    }

    /// Runs every rule over the account's threads as they stood at `cutoff`, and scores health.
    func assessAccount(
        _ account: Account, _ groups: [ThreadGroup], cutoff: Date, accountMemo: AccountMemo = AccountMemo(),
        quotesEvidence: Bool = true
    ) -> AccountOutcome {
        let visibleIndices = groups.map { group in
            group.readings.indices.filter { group.readings[$0].date.map { $0 <= cutoff } ?? (cutoff == asOf) }
        }
        let visible = zip(groups, visibleIndices).map { group, indices in indices.map { group.readings[$0] } }
        var ourMessagesTo: [String: [Date]] = [:]
        for reading in visible.joined() where reading.side == .us && !reading.isNote {
            guard let date = reading.date else { continue }
            for person in reading.document.to + reading.document.cc where directory.side(of: person) == .them {
                ourMessagesTo[person.address.lowercasedFast(), default: []].append(date)
            }
        }
        let phrasing = Phrasing(calendar: configuration.businessDays, asOf: cutoff, directory: directory)
        let contexts = zip(groups, visible).map { group, readings in
            ThreadContext(id: group.id, account: account, readings: readings, asOf: cutoff, configuration: configuration,
                          cues: cues, directory: directory, ourMessagesTo: ourMessagesTo, accountMemo: accountMemo,
                          quotesEvidence: quotesEvidence)
        }
        let threadFlags = contexts.map { context -> [RaisedFlag] in
            context.readings.isEmpty ? [] : ThreadRules.all.flatMap { $0.flags(in: context, phrasing: phrasing) }
                .sorted { Self.flagOrder($0.flag, $1.flag) }
        }
        // Sorted as positions, then gathered: moving whole readings while sorting cost more than the rules.
        let accountReadings: [Reading]
        if positionsAreCanonical {
            var places: [(position: Int, group: Int, reading: Int)] = []
            for (group, indices) in visibleIndices.enumerated() {
                for index in indices { places.append((groups[group].positions[index], group, index)) }
            }
            accountReadings = places.sorted { $0.position < $1.position }.map { groups[$0.group].readings[$0.reading] }
        } else {
            let joined = Array(visible.joined())
            accountReadings = joined.indices.sorted { HealthAnalyzer.precedes(joined[$0].document, joined[$1].document) }
                .map { joined[$0] }
        }
        var accountFlags: [RaisedFlag] = []
        if !threadFlags.joined().contains(where: { $0.flag.kind == .disengagement }),
            let silent = AccountSilenceRule().flag(account: account, readings: accountReadings, asOf: cutoff,
                                                   configuration: configuration, phrasing: phrasing)
        {
            accountFlags.append(silent)
        }
        func latencies(_ side: Side) -> [HealthScorer.Latency] {
            contexts.flatMap { context in
                context.replies(by: side).map { reply in
                    let date = reply.reading.flatMap { context.readings[$0].date } ?? cutoff
                    return HealthScorer.Latency(date: date, businessDays: reply.businessDays)
                }
            }
        }
        let health = HealthScorer(configuration: configuration).health(
            theirReadings: accountReadings.filter { $0.side == .them }, threadFlags: threadFlags,
            accountFlags: accountFlags, theirLatencies: latencies(.them), ourLatencies: latencies(.us), asOf: cutoff)
        return AccountOutcome(contexts: contexts, threadFlags: threadFlags, accountFlags: accountFlags, health: health)
    }

    /// The end of each month (in the business calendar's zone) in which the account had a
    /// dated message, the last one cut at `asOf`.
    func monthEnds(_ readings: [Reading]) -> [Date] {
        let calendar = configuration.businessDays
        var months = Set<Int>()
        for reading in readings {
            guard let date = reading.date else { continue }
            let day = calendar.day(of: date)
            months.insert(day.year * 12 + day.month - 1)
        }
        return months.sorted().map { month in
            let next = CalendarDay(year: (month + 1) / 12, month: (month + 1) % 12 + 1, day: 1)!
            let midnight = Double(next.dayNumber) * 86_400
            let local = Date(timeIntervalSince1970: midnight)
            let end = local.addingTimeInterval(-Double(calendar.timeZone.secondsFromGMT(for: local)) - 1)
            return min(end, asOf)
        }
    }

    // MARK: - Reports

    func threadReport(_ group: ThreadGroup, account: Account, raised: [RaisedFlag], outcome: AccountOutcome) -> ThreadReport {
        let context = outcome.contexts.first { $0.id == group.id }!
        let readings = context.readings
        var ours: [Participant] = [], theirs: [Participant] = []
        for person in readings.flatMap(\.participants) {
            let address = person.address.lowercasedFast()
            switch directory.side(of: person) {
            case .us? where !ours.contains(where: { $0.address.lowercasedFast() == address }): ours.append(person)
            case .them? where !theirs.contains(where: { $0.address.lowercasedFast() == address }): theirs.append(person)
            default: break
            }
        }
        let dates = readings.compactMap(\.date)
        let messages = readings.map { reading in
            MessageAssessment(
                document: reading.document.id, date: reading.date, author: reading.author, fromUs: reading.side == .us,
                sentiment: reading.sentiment, categories: reading.categories, politeness: reading.politeness,
                words: reading.words, asks: reading.asks)
        }
        let trajectory = context.theirs.filter { readings[$0].date != nil }.map { (readings[$0].tone * 1000).rounded() / 1000 }
        let phrasing = Phrasing(calendar: configuration.businessDays, asOf: asOf, directory: directory)
        let nextStep = raised.isEmpty ? nil : NextStepWriter(phrasing: phrasing, account: account, cues: cues).nextStep(for: raised)
        let subject = readings.first(where: { !$0.isNote })?.document.subject ?? readings.first?.document.subject ?? ""
        return ThreadReport(
            id: group.id, subject: subject, account: account.key, ours: ours, theirs: theirs, first: dates.min(),
            last: dates.max(), messageIDs: readings.map(\.document.id), messages: messages, flags: raised.map(\.flag),
            trajectory: trajectory, waiting: context.waiting, nextStep: nextStep)
    }

    /// Most severe first, then earliest, then by label and thread.
    static func flagOrder(_ lhs: HealthFlag, _ rhs: HealthFlag) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if lhs.since != rhs.since { return lhs.since < rhs.since }
        if lhs.label != rhs.label { return lhs.label < rhs.label }
        return (lhs.thread ?? "") < (rhs.thread ?? "")
    }
}
