import Foundation
import RapportModel
import RapportReport

/// A hand-made report that exercises every part of every format: a critical thread with
/// quotes, an unanswered Icelandic question, hostile mail text (markup, formula, control
/// characters), a healthy thread, and an account-level flag.
enum ReportFixture {
    static func date(_ text: String) -> Date {
        guard let date = ISO8601DateFormatter().date(from: text) else { preconditionFailure("bad fixture date \(text)") }
        return date
    }

    static let context = RenderContext(generatedAt: date("2026-10-01T06:00:00Z"), version: "9.9.9-test")

    static let ari = Participant(name: "Ari Pétursson", address: "ari@nordurljos.is")
    static let gudrun = Participant(name: "Guðrún Helgadóttir", address: "gudrun@nordurljos.is")
    static let sarah = Participant(name: "Sarah Whitcombe", address: "sarah.whitcombe@brightwaterhome.co.uk")
    static let richard = Participant(name: "Richard Haines", address: "richard.haines@brightwaterhome.co.uk",
                                     role: "Chief Executive")
    static let bjorn = Participant(name: "Björn Ágústsson", address: "bjorn.agustsson@gmail.com")
    static let mallory = Participant(name: "=HYPERLINK(\"http://x\")", address: "mallory@evil.example")

    static let escalation = HealthFlag(
        kind: .escalation, severity: .critical, thread: "bw1@brightwaterhome.co.uk", account: "brightwaterhome.co.uk",
        since: date("2026-04-14T08:02:00Z"),
        reason: "Their chief executive was copied in on 14 Apr 2026 and threatens to take the business elsewhere.",
        evidence: [
            EvidenceQuote(document: "bw1-3@brightwaterhome.co.uk", date: date("2026-04-14T08:02:00Z"), author: richard,
                          sentence: "If this is not fixed by Friday we will take our business elsewhere.",
                          terms: ["take our business elsewhere", "by Friday"]),
        ])
    static let conflict = HealthFlag(
        kind: .conflict, severity: .warning, thread: "bw1@brightwaterhome.co.uk", account: "brightwaterhome.co.uk",
        since: date("2026-03-20T10:15:00Z"), reason: "Anger and blame in 2 of their 3 messages since 20 Mar 2026.",
        evidence: [
            EvidenceQuote(document: "bw1-2@brightwaterhome.co.uk", date: date("2026-03-20T10:15:00Z"), author: sarah,
                          sentence: "Frankly this is UNACCEPTABLE, and we are extremely disappointed.",
                          terms: ["unacceptable", "disappointed"]),
            EvidenceQuote(document: "bw1-3@brightwaterhome.co.uk", date: date("2026-04-14T08:02:00Z"), author: richard,
                          sentence: "Nobody seems to know what is going on.", terms: ["no"]),
        ])
    static let deteriorating = HealthFlag(
        kind: .deterioratingTone, severity: .warning, thread: "bw1@brightwaterhome.co.uk",
        account: "brightwaterhome.co.uk", since: date("2026-03-20T10:15:00Z"),
        reason: "Their tone has turned from warm to hostile since 20 Mar 2026.", evidence: [])
    static let unanswered = HealthFlag(
        kind: .unanswered, severity: .warning, thread: "ba1@gmail.com", account: "bjorn.agustsson@gmail.com",
        since: date("2026-08-25T21:10:00Z"),
        reason: "Björn Ágústsson's question of 25 Aug 2026 has waited 25 business days for our answer.",
        evidence: [
            EvidenceQuote(document: "ba1-5@gmail.com", date: date("2026-08-25T21:10:00Z"), author: bjorn,
                          sentence: "Hvað myndi þetta kosta fyrir tvo báta?", terms: ["kosta"]),
        ])
    static let hostilePrice = HealthFlag(
        kind: .negotiationIssue, negotiation: .price, severity: .info, thread: "x1@evil.example", account: "evil.example",
        since: date("2026-09-01T12:00:00Z"), reason: "Price objection: <b>too expensive</b> & \"no budget\".",
        evidence: [
            EvidenceQuote(document: "x1-1@evil.example", date: date("2026-09-01T12:00:00Z"), author: mallory,
                          sentence: "This is <i>too expensive</i>,\n\u{1B}[2Jwe have no budget | *none*.",
                          terms: ["too expensive", "budget"]),
        ])
    static let quietAccount = HealthFlag(
        kind: .responsivenessDrop, severity: .warning, thread: nil, account: "brightwaterhome.co.uk",
        since: date("2026-04-01T00:00:00Z"), reason: "They now take 9 days to answer; they used to answer within a day.",
        evidence: [])

    static func message(_ id: String, _ date: String, _ author: Participant, fromUs: Bool, sentiment: Double,
                        categories: [String: Double] = [:], asks: Bool = false) -> MessageAssessment {
        MessageAssessment(document: id, date: Self.date(date), author: author, fromUs: fromUs, sentiment: sentiment,
                          categories: categories, politeness: fromUs ? 0.4 : sentiment / 2, words: 40, asks: asks)
    }

    static let brightwaterThread = ThreadReport(
        id: "bw1@brightwaterhome.co.uk", subject: "Order sync failures after the 4.2 upgrade",
        account: "brightwaterhome.co.uk", ours: [ari], theirs: [sarah, richard],
        first: date("2026-03-09T09:00:00Z"), last: date("2026-04-14T08:02:00Z"),
        messageIDs: ["bw1@brightwaterhome.co.uk", "bw1-1@nordurljos.is", "bw1-2@brightwaterhome.co.uk",
                     "bw1-3@brightwaterhome.co.uk"],
        messages: [
            message("bw1@brightwaterhome.co.uk", "2026-03-09T09:00:00Z", sarah, fromUs: false, sentiment: 0.6, asks: true),
            message("bw1-1@nordurljos.is", "2026-03-10T11:30:00Z", ari, fromUs: true, sentiment: 0.5),
            message("bw1-2@brightwaterhome.co.uk", "2026-03-20T10:15:00Z", sarah, fromUs: false, sentiment: -0.5,
                    categories: ["conflict.anger": 0.7, "conflict.blame": 0.25]),
            message("bw1-3@brightwaterhome.co.uk", "2026-04-14T08:02:00Z", richard, fromUs: false, sentiment: -0.8,
                    categories: ["negotiation.walkaway": 0.9, "conflict.anger": 0.5, "escalation.deadline": 1.0 / 3.0],
                    asks: true),
        ],
        flags: [escalation, conflict, deteriorating], trajectory: [0.6, -0.5, -0.8], waiting: .onUs,
        nextStep: "Call Richard Haines today: he threatens to take the business elsewhere.")

    static let bjornThread = ThreadReport(
        id: "ba1@gmail.com", subject: "Afli – tenging við vigt", account: "bjorn.agustsson@gmail.com",
        ours: [gudrun], theirs: [bjorn], first: date("2026-06-02T13:00:00Z"), last: date("2026-08-25T21:10:00Z"),
        messageIDs: ["ba1@gmail.com", "ba1-5@gmail.com"],
        messages: [
            message("ba1@gmail.com", "2026-06-02T13:00:00Z", bjorn, fromUs: false, sentiment: 0.5),
            message("ba1-5@gmail.com", "2026-08-25T21:10:00Z", bjorn, fromUs: false, sentiment: 0.3, asks: true),
        ],
        flags: [unanswered], trajectory: [0.5, 0.3], waiting: .onUs,
        nextStep: "Reply to Björn Ágústsson's pricing question of 25 Aug — unanswered 25 business days.")

    static let hostileThread = ThreadReport(
        id: "x1@evil.example", subject: "<script>alert(\"pwned\")</script> & *urgent* | =1+1 \u{1B}[31mred",
        account: "evil.example", ours: [ari], theirs: [mallory],
        first: date("2026-09-01T12:00:00Z"), last: date("2026-09-02T08:00:00Z"),
        messageIDs: ["x1-1@evil.example", "x1-2@nordurljos.is"],
        messages: [
            message("x1-1@evil.example", "2026-09-01T12:00:00Z", mallory, fromUs: false, sentiment: -0.1,
                    categories: ["negotiation.price": 0.5]),
            message("x1-2@nordurljos.is", "2026-09-02T08:00:00Z", ari, fromUs: true, sentiment: 0.2),
        ],
        flags: [hostilePrice], trajectory: [-0.1], waiting: .onThem,
        nextStep: "Follow up with <Mallory> on the price, \"politely\".")

    static let healthyThread = ThreadReport(
        id: "ss1@selkieseafoods.co.uk", subject: "Phase 2 timeline and cutover", account: "selkieseafoods.co.uk",
        ours: [ari], theirs: [Participant(name: "Fiona MacLeod", address: "fiona@selkieseafoods.co.uk")],
        first: date("2026-06-29T09:00:00Z"), last: date("2026-09-30T15:40:00Z"),
        messageIDs: ["ss1@selkieseafoods.co.uk"],
        messages: [
            message("ss1@selkieseafoods.co.uk", "2026-09-30T15:40:00Z",
                    Participant(name: "Fiona MacLeod", address: "fiona@selkieseafoods.co.uk"), fromUs: false,
                    sentiment: 0.9),
        ],
        flags: [], trajectory: [0.9], waiting: .nobody, nextStep: nil)

    static let report = HealthReport(
        asOf: date("2026-09-30T15:40:00Z"), ourDomains: ["nordurljos.is"], ourDomainsAssumed: true,
        threads: [brightwaterThread, bjornThread, hostileThread, healthyThread],
        accounts: [
            AccountReport(
                account: Account(key: "brightwaterhome.co.uk", name: "Brightwater Home Ltd", type: .customer),
                health: 28, trend: .declining,
                history: [
                    HealthPoint(date: date("2026-03-31T23:59:59Z"), health: 72),
                    HealthPoint(date: date("2026-04-30T23:59:59Z"), health: 45),
                    HealthPoint(date: date("2026-05-31T23:59:59Z"), health: 28),
                ],
                flags: [escalation, conflict, deteriorating, quietAccount], threads: ["bw1@brightwaterhome.co.uk"]),
            AccountReport(
                account: Account(key: "bjorn.agustsson@gmail.com", name: "Björn Ágústsson", type: .customer),
                health: 55, trend: .stable, history: [HealthPoint(date: date("2026-08-31T23:59:59Z"), health: 55)],
                flags: [unanswered], threads: ["ba1@gmail.com"]),
            AccountReport(
                account: Account(key: "evil.example", name: "Evil & <Co>", type: .unknown), health: 70, trend: .improving,
                history: [], flags: [hostilePrice], threads: ["x1@evil.example"]),
            AccountReport(
                account: Account(key: "selkieseafoods.co.uk", name: "Selkie Seafoods Ltd", type: .customer),
                health: 86, trend: .improving,
                history: [
                    HealthPoint(date: date("2026-06-30T23:59:59Z"), health: 70),
                    HealthPoint(date: date("2026-07-31T23:59:59Z"), health: 78),
                    HealthPoint(date: date("2026-09-30T23:59:59Z"), health: 86),
                ],
                flags: [], threads: ["ss1@selkieseafoods.co.uk"]),
        ])
}
