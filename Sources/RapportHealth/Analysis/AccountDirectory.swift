import Foundation
import RapportModel

/// Which side of a relationship a person or a message is on.
enum Side: Hashable, Sendable {
    case us, them
}

/// Knows who is who: which participants are ours, which account every other participant belongs
/// to, and the names people go by, learnt from the mail itself.
struct AccountDirectory: Sendable {
    let ourDomains: [String]
    /// `ourDomains` as bytes when all are ASCII, for `isOurs(asciiAddress:asciiDomains:)`.
    private let asciiOurDomains: [[UInt8]]?
    let rules: [HealthConfiguration.AccountRule]
    let grouping: AccountGrouping
    /// Lower-cased display name → the address most often written with it, for meeting-note
    /// attendees who were written down by name only.
    private(set) var addressByName: [String: String] = [:]
    /// Lower-cased address → the display name most often written with it.
    private(set) var nameByAddress: [String: String] = [:]

    /// Names are learnt on up to `parallelism` threads; the directory is the same for any number.
    init(ourDomains: [String], configuration: HealthConfiguration, documents: [Document], parallelism: Int = 1) {
        self.ourDomains = ourDomains.map { $0.lowercasedFast() }
        let lowered = self.ourDomains
        self.asciiOurDomains = lowered.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } ? lowered.map { Array($0.utf8) } : nil
        self.rules = configuration.accounts
        self.grouping = AccountGrouping(
            freeMailDomains: AccountGrouping.defaultFreeMailDomains.union(configuration.freeMailDomains))
        learnNames(documents, parallelism: parallelism)
    }

    /// How often each name was written with each address, and the reverse.
    private struct NameCounts {
        var pairs: [String: [String: Int]] = [:]
        var names: [String: [String: Int]] = [:]

        mutating func add(_ other: NameCounts) {
            for (name, counts) in other.pairs {
                pairs[name, default: [:]].merge(counts, uniquingKeysWith: +)
            }
            for (address, counts) in other.names {
                names[address, default: [:]].merge(counts, uniquingKeysWith: +)
            }
        }
    }

    /// Names are learnt from mail only (a note's attendees are written as the note's author saw fit).
    private mutating func learnNames(_ documents: [Document], parallelism: Int) {
        // Counted in chunks, one per thread, then added up: sums do not depend on the order.
        let chunkCount = max(1, min(parallelism, documents.count / 256))
        let chunks = (0..<chunkCount).map { chunk in
            (documents.count * chunk / chunkCount)..<(documents.count * (chunk + 1) / chunkCount)
        }
        let partial = chunks.parallelMap(parallelism: chunkCount) { range in
            var counts = NameCounts()
            for document in documents[range] where document.kind == .email {
                for participant in document.from + document.to + document.cc {
                    guard let name = participant.name.map(Self.trimmed), !name.isEmpty,
                        participant.address.utf8.contains(UInt8(ascii: "@"))
                    else { continue }
                    let address = participant.address.lowercasedFast()
                    counts.pairs[name.lowercasedFast(), default: [:]][address, default: 0] += 1
                    counts.names[address, default: [:]][name, default: 0] += 1
                }
            }
            return counts
        }
        var total = partial.first ?? NameCounts()
        for counts in partial.dropFirst() { total.add(counts) }
        addressByName = total.pairs.mapValues(Self.mostFrequent)
        nameByAddress = total.names.mapValues(Self.mostFrequent)
    }

    /// `trimmingCharacters(in: .whitespaces)`, without Foundation for the usual name that has
    /// no space or tab at either end (an Icelandic name may start or end with a letter beyond
    /// ASCII: `Þórdís`).
    private static func trimmed(_ name: String) -> String {
        guard let first = name.unicodeScalars.first, let last = name.unicodeScalars.last else { return name }
        if plainlyNotSpace(first) && plainlyNotSpace(last) { return name }
        return name.trimmingCharacters(in: .whitespaces)
    }

    /// Printable ASCII but the space, and Latin-1 and Latin Extended-A letters and signs but the
    /// no-break space: none is in `CharacterSet.whitespaces` (the space separators and tab).
    @inline(__always)
    static func plainlyNotSpace(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value > 0x20 && scalar.value < 0x7F) || (scalar.value > 0xA0 && scalar.value < 0x180)
    }

    /// The most frequent key, ties to the smallest, so the answer never depends on hash order.
    private static func mostFrequent(_ counts: [String: Int]) -> String {
        counts.min { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }!.key
    }

    // MARK: - Sides

    /// The domain is the listed one or below it. ASCII names (nearly all) are compared byte by
    /// byte: rules ask this of every participant of every message, and `hasSuffix` on a joined
    /// string cost thousands of instructions a time.
    static func matches(domain: String, _ listed: String) -> Bool {
        let name = domain.utf8, suffix = listed.utf8
        if name.allSatisfy({ $0 < 0x80 }) && suffix.allSatisfy({ $0 < 0x80 }) {
            guard name.count >= suffix.count else { return false }
            let start = name.index(name.endIndex, offsetBy: -suffix.count)
            guard name[start...].elementsEqual(suffix) else { return false }
            return start == name.startIndex || name[name.index(before: start)] == UInt8(ascii: ".")
        }
        return domain == listed || domain.hasSuffix("." + listed)
    }

    func isOurs(_ participant: Participant) -> Bool {
        if let answer = Self.isOurs(asciiAddress: participant.address, asciiDomains: asciiOurDomains) { return answer }
        let domain = participant.domain
        return !domain.isEmpty && ourDomains.contains { Self.matches(domain: domain, $0) }
    }

    /// `isOurs` for an ASCII address and ASCII domains, on the bytes: the domain after the last
    /// `@`, lower-cased as compared, is one of ours or below it. Rules ask this of every
    /// participant of every message many times over, and building the domain as a string cost
    /// thousands of instructions a time. Nil when either is not ASCII (or not contiguous).
    static func isOurs(asciiAddress address: String, asciiDomains: [[UInt8]]?) -> Bool? {
        guard let asciiDomains else { return nil }
        return address.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            var at = -1
            for index in bytes.indices {
                let byte = bytes[index]
                if byte >= 0x80 { return nil }
                if byte == UInt8(ascii: "@") { at = index }
            }
            guard at >= 0, at + 1 < bytes.count else { return false }
            let domainStart = at + 1
            let domainCount = bytes.count - domainStart
            @inline(__always) func lower(_ byte: UInt8) -> UInt8 { byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte }
            for listed in asciiDomains where listed.count <= domainCount {
                let start = bytes.count - listed.count
                var same = true
                for offset in 0..<listed.count where lower(bytes[start + offset]) != listed[offset] {
                    same = false
                    break
                }
                if same && (start == domainStart || bytes[start - 1] == UInt8(ascii: ".")) { return true }
            }
            return false
        } ?? nil
    }

    /// A note attendee written down by name only gets the address the mail knows them by.
    func resolved(_ participant: Participant) -> Participant {
        guard !participant.address.utf8.contains(UInt8(ascii: "@")), let name = participant.name,
            let address = addressByName[name.lowercasedFast()]
        else { return participant }
        var result = participant
        result.address = address
        return result
    }

    /// Our side, their side, or nil for someone nobody can place (a name without an address).
    func side(of participant: Participant) -> Side? {
        let person = resolved(participant)
        guard person.address.utf8.contains(UInt8(ascii: "@")) else { return nil }
        return isOurs(person) ? .us : .them
    }

    // MARK: - Accounts

    /// The account key a counterparty belongs to: a configured account's key, else the domain,
    /// else (free mail) the address.
    func key(for participant: Participant) -> String {
        let person = resolved(participant)
        let address = person.address.lowercasedFast()
        let domain = person.domain
        if let rule = rules.first(where: { $0.addresses.contains(address) }) { return rule.key }
        if !domain.isEmpty, let rule = rules.first(where: { $0.domains.contains { Self.matches(domain: domain, $0) } }) {
            return rule.key
        }
        return grouping.key(for: person)
    }

    /// The account a meeting note names (`Account: Orkulind hf.`): a configured account by name
    /// or key, else the account of the attendees from that organisation, else of any attendee.
    func key(forNoteAccount name: String, participants: [Participant]) -> String {
        let lowered = name.lowercasedFast()
        if let rule = rules.first(where: { $0.name.lowercasedFast() == lowered || $0.key == lowered }) { return rule.key }
        let theirs = participants.map(resolved).filter { side(of: $0) == .them }
        let named = theirs.filter { $0.organisation?.lowercasedFast() == lowered }
        if let key = Self.mostFrequentKey((named.isEmpty ? theirs : named).map(key(for:))) { return key }
        return lowered
    }

    static func mostFrequentKey(_ keys: [String]) -> String? {
        guard !keys.isEmpty else { return nil }
        var counts: [String: Int] = [:]
        for key in keys { counts[key, default: 0] += 1 }
        return mostFrequent(counts)
    }

    /// The account behind a key, named from the configuration, else from the mail.
    func account(forKey key: String, noteNames: [String: String] = [:]) -> Account {
        if let rule = rules.first(where: { $0.key == key }) { return Account(key: key, name: rule.name, type: rule.type) }
        if ourDomains.contains(key) { return Account(key: key, name: key, type: .internalUnit) }
        if let name = noteNames[key] { return Account(key: key, name: name, type: .unknown) }
        if key.utf8.contains(UInt8(ascii: "@")), let name = nameByAddress[key] { return Account(key: key, name: name, type: .unknown) }
        return Account(key: key, name: key, type: .unknown)
    }

    /// The display name of a person as the mail knows them.
    func displayName(_ participant: Participant) -> String {
        if let name = participant.name, !name.isEmpty { return name }
        return nameByAddress[participant.address.lowercasedFast()] ?? participant.address
    }
}
