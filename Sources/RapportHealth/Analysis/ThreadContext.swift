import Foundation
import RapportModel

/// A reply and how long it took, in business days.
struct Reply: Hashable, Sendable {
    /// The message that answered, or nil for a reply still awaited at `asOf`.
    var reading: Int?
    /// The first unanswered message of the other side.
    var after: Int
    var businessDays: Int
    /// True when no reply has come yet: `businessDays` is a lower bound.
    var pending: Bool { reading == nil }
}

/// One thread, ready for the rules: its readings in date order and the account it belongs to,
/// with the settings and the moment of the analysis.
final class ThreadContext: Sendable {
    let id: String
    let account: Account
    /// Date order (undated last), then id.
    let readings: [Reading]
    let asOf: Date
    let configuration: HealthConfiguration
    let cues: HealthCues
    let directory: AccountDirectory
    /// Lower-cased address → the dates of our messages addressed to it anywhere in the account:
    /// a reply in another thread still answers a question.
    let ourMessagesTo: [String: [Date]]
    /// Role cues found in texts and escalation events found in threads so far, shared by the
    /// contexts of one account.
    let accountMemo: AccountMemo
    /// Whether flags get their evidence quotes (not for an account's past months, whose flags
    /// only count towards its health then).
    let quotesEvidence: Bool

    /// Indices of counterparty readings (their mail and the notes in their voice).
    let theirs: [Int]
    /// Indices of the dated mail that takes part in the conversation (notes and automated
    /// messages left out): the exchange whose timing shows responsiveness.
    let exchange: [Int]

    init(id: String, account: Account, readings: [Reading], asOf: Date, configuration: HealthConfiguration,
         cues: HealthCues, directory: AccountDirectory, ourMessagesTo: [String: [Date]],
         accountMemo: AccountMemo = AccountMemo(), quotesEvidence: Bool = true) {
        self.accountMemo = accountMemo
        self.quotesEvidence = quotesEvidence
        self.id = id
        self.account = account
        self.readings = readings
        self.asOf = asOf
        self.configuration = configuration
        self.cues = cues
        self.directory = directory
        self.ourMessagesTo = ourMessagesTo
        theirs = readings.indices.filter { readings[$0].side == .them && !readings[$0].automated }
        exchange = readings.indices.filter { !readings[$0].isNote && !readings[$0].automated && readings[$0].date != nil }
    }

    var thresholds: HealthConfiguration.Thresholds { configuration.thresholds }

    /// `cues.roles(in:)`, each text matched once per account: an account is assessed again at
    /// the end of every month of its history, over the same messages.
    func roles(in text: String) -> [(role: HealthCues.Role, text: String)] {
        accountMemo.roles(in: text, cues: cues)
    }
    var calendar: BusinessCalendar { configuration.businessDays }

    func businessDays(from start: Date, to end: Date) -> Int { calendar.businessDays(from: start, to: end) }

    func age(of index: Int) -> Int {
        readings[index].date.map { businessDays(from: $0, to: asOf) } ?? 0
    }

    // MARK: - Replies

    /// A switch of side in the exchange answering a run of messages that asked something is a
    /// reply; the latency runs from the first message of that run. (An answer to a message that
    /// asked nothing is not late whenever it comes.) A meeting note is contact with both sides
    /// and starts afresh. A run that asked and is still unanswered at `asOf` gives a pending
    /// reply with the wait so far.
    func replies(by side: Side) -> [Reply] {
        var result: [Reply] = []
        var runStart: Int?
        var runAsks = false
        for index in readings.indices where readings[index].date != nil && !readings[index].automated {
            let reading = readings[index]
            if reading.isNote {
                runStart = nil
                runAsks = false
                continue
            }
            if let start = runStart, readings[start].side != reading.side {
                if reading.side == side && runAsks {
                    result.append(Reply(reading: index, after: start,
                                        businessDays: businessDays(from: readings[start].date!, to: reading.date!)))
                }
                runStart = index
                runAsks = reading.asks
            } else if runStart == nil {
                runStart = index
                runAsks = reading.asks
            } else {
                runAsks = runAsks || reading.asks
            }
        }
        if let start = runStart, readings[start].side != side, runAsks {
            result.append(Reply(reading: nil, after: start, businessDays: businessDays(from: readings[start].date!, to: asOf)))
        }
        return result
    }

    /// Our messages after their last message or note (the open one-way stretch), in order.
    var trailingOurs: [Int] {
        var result: [Int] = []
        for index in exchange.reversed() {
            if readings[index].side == .them { break }
            result.insert(index, at: 0)
        }
        if let lastNote = readings.indices.last(where: { readings[$0].isNote }),
            let noteDate = readings[lastNote].date
        {
            result = result.filter { readings[$0].date! > noteDate }
        }
        return result
    }

    /// True when we wrote to the thread, or to `address` anywhere in the account, after `date`.
    func weAnswered(after date: Date, address: String?) -> Bool {
        let inThread = readings.contains { reading in
            guard let when = reading.date, when > date else { return false }
            return reading.side == .us || reading.isNote
        }
        if inThread { return true }
        guard let address else { return false }
        return ourMessagesTo[address.lowercasedFast(), default: []].contains { $0 > date }
    }

    // MARK: - Who is waiting

    /// Who owes the next message: the last side that asked and was not answered; a warm or
    /// closing last message leaves nobody waiting; automated notices never wait.
    var waiting: Waiting {
        guard let last = exchange.last else { return .nobody }
        if let lastNote = readings.indices.last(where: { readings[$0].isNote }), let noteDate = readings[lastNote].date,
            noteDate >= readings[last].date!
        {
            return .nobody
        }
        let reading = readings[last]
        if reading.side == .us {
            return trailingOurs.contains(where: { readings[$0].asks }) ? .onThem : .nobody
        }
        if !reading.asks && reading.isWarm(hostileFrom: thresholds.hostility) { return .nobody }
        let run = exchange.reversed().prefix { readings[$0].side == .them }
        if run.contains(where: { readings[$0].asks }) { return .onUs }
        return reading.tone < 0 ? .onUs : .nobody
    }
}

/// Remembers the role cues of texts, and each thread's escalation events, over the assessments
/// of one account (now and at the end of every month of its history). Used by one thread at a
/// time: each account's assessment makes its own.
final class AccountMemo: @unchecked Sendable {
    private var found: [String: [(role: HealthCues.Role, text: String)]] = [:]
    /// Thread id → the ids of the readings whose escalation events were found, and the events.
    private var escalations: [String: (documents: [String], events: [EscalationRule.Event])] = [:]

    /// The escalation events of a thread. An event at a reading depends only on that reading and
    /// the ones before it, and a month's readings are the first ones of the thread's: events found
    /// over more readings are filtered, not found again. Anything else is found afresh.
    func escalationEvents(in thread: ThreadContext, _ find: (ThreadContext) -> [EscalationRule.Event]) -> [EscalationRule.Event] {
        let count = thread.readings.count
        if let known = escalations[thread.id], known.documents.count >= count,
            zip(thread.readings, known.documents).allSatisfy({ $0.document.id == $1 })
        {
            return known.events.filter { $0.reading < count }
        }
        let events = find(thread)
        if (escalations[thread.id]?.documents.count ?? -1) < count {
            escalations[thread.id] = (thread.readings.map(\.document.id), events)
        }
        return events
    }

    func roles(in text: String, cues: HealthCues) -> [(role: HealthCues.Role, text: String)] {
        if let roles = found[text] { return roles }
        let roles = cues.roles(in: text)
        found[text] = roles
        return roles
    }
}
