import Foundation
import RapportModel
import Yams

/// A configuration file that cannot be used, located by line so the user can fix it.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based; nil when the problem is the file as a whole (e.g. unreadable).
    public var line: Int?
    public var reason: String

    public init(file: String, line: Int?, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String { line.map { "\(file):\($0): \(reason)" } ?? "\(file): \(reason)" }
}

extension HealthConfiguration {
    /// The file names `find(in:)` looks for, in order.
    public static let fileNames = ["rapport.yml", "rapport.yaml"]

    /// Reads a YAML configuration file (the format is in `Docs/configuration.md`). Relative
    /// lexicon and database paths are resolved against the file's folder. Unknown keys are
    /// errors, so a misspelt threshold does not silently fall back to its default.
    public static func load(path: String) throws -> HealthConfiguration {
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let decoded = String(validating: data, as: UTF8.self) else {
                // The line of the first byte that is not UTF-8, so it can be found and fixed.
                let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                let line = (lines.firstIndex { String(validating: $0, as: UTF8.self) == nil } ?? 0) + 1
                throw ConfigurationError(file: path, line: line, reason: "not UTF-8 text; save the file as UTF-8")
            }
            text = decoded
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError(file: path, line: nil, reason: "cannot be read")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        return try parse(yaml: text, file: path, baseDirectory: folder.path)
    }

    /// `rapport.yml` (or `rapport.yaml`) in `directory`, or nil when there is none.
    public static func find(in directory: String) throws -> HealthConfiguration? {
        for name in fileNames {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: path) { return try load(path: path) }
        }
        return nil
    }

    /// Reads configuration text; `file` names it in errors and `baseDirectory` anchors relative
    /// paths (nil leaves them as written).
    public static func parse(yaml: String, file: String, baseDirectory: String? = nil) throws -> HealthConfiguration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw ConfigurationReader.syntaxError(error, file: file)
        } catch {
            throw ConfigurationError(file: file, line: nil, reason: "not valid YAML")
        }
        guard let root else { return HealthConfiguration() }
        return try ConfigurationReader(file: file, baseDirectory: baseDirectory).configuration(root)
    }
}

/// Walks the YAML tree, turning each value into its typed setting or an error at its line.
struct ConfigurationReader {
    let file: String
    let baseDirectory: String?

    init(file: String, baseDirectory: String?) {
        self.file = file
        self.baseDirectory = baseDirectory
    }

    static func syntaxError(_ error: YamlError, file: String) -> ConfigurationError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ConfigurationError(file: file, line: mark.line, reason: "YAML syntax: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.joined(separator: ", ")
            return ConfigurationError(file: file, line: context.mark.line, reason: "duplicate key: \(keys)")
        default:
            return ConfigurationError(file: file, line: nil, reason: "not valid YAML")
        }
    }

    func configuration(_ root: Node) throws -> HealthConfiguration {
        var result = HealthConfiguration()
        for (key, keyNode, value) in try mapping(root, what: "the configuration") {
            switch key {
            case "our-domains": result.ourDomains = try strings(value, key: key).map { $0.lowercasedFast() }
            case "accounts": result.accounts = try accounts(value)
            case "free-mail-domains": result.freeMailDomains = try strings(value, key: key).map { $0.lowercasedFast() }
            case "thresholds": result.thresholds = try thresholds(value)
            case "windows": result.windows = try windows(value)
            case "business-days": result.businessDays = try calendar(value)
            case "lexicons": result.lexicons = try strings(value, key: key).map(resolved)
            case "database": result.database = resolved(try string(value, key: key))
            default: throw error(keyNode, "unknown key '\(key)'")
            }
        }
        return result
    }

    // MARK: - Sections

    func accounts(_ node: Node) throws -> [HealthConfiguration.AccountRule] {
        guard let items = node.sequence else { throw error(node, "'accounts' must be a list") }
        return try items.map { item in
            var name: String?
            var type = AccountType.customer
            var domains: [String] = [], addresses: [String] = []
            for (key, keyNode, value) in try mapping(item, what: "an account") {
                switch key {
                case "name": name = try string(value, key: key)
                case "type":
                    let text = try string(value, key: key)
                    guard let parsed = AccountType(rawValue: text), parsed != .unknown else {
                        throw error(value, "unknown account type '\(text)' (customer, partner, supplier or internal)")
                    }
                    type = parsed
                case "domain", "domains": domains += try strings(value, key: key)
                case "address", "addresses": addresses += try strings(value, key: key)
                default: throw error(keyNode, "unknown key '\(key)' in an account")
                }
            }
            guard let name, !name.isEmpty else { throw error(item, "an account needs a 'name'") }
            guard !domains.isEmpty || !addresses.isEmpty else {
                throw error(item, "account '\(name)' needs 'domains' or 'addresses'")
            }
            return HealthConfiguration.AccountRule(name: name, type: type, domains: domains, addresses: addresses)
        }
    }

    func thresholds(_ node: Node) throws -> HealthConfiguration.Thresholds {
        var result = HealthConfiguration.Thresholds()
        for (key, keyNode, value) in try mapping(node, what: "'thresholds'") {
            switch key {
            case "unanswered-business-days": result.unansweredBusinessDays = try integer(value, key: key, in: 0...365)
            case "minimum-tone-messages": result.minimumToneMessages = try integer(value, key: key, in: 2...100)
            case "tone-drop": result.toneDrop = try number(value, key: key, in: 0...2)
            case "cool-tone": result.coolTone = try number(value, key: key, in: -1...1)
            case "hostility": result.hostility = try number(value, key: key, in: 0...1)
            case "severe-hostility": result.severeHostility = try number(value, key: key, in: 0...1)
            case "negotiation": result.negotiation = try number(value, key: key, in: 0...1)
            case "strong-negotiation": result.strongNegotiation = try number(value, key: key, in: 0...1)
            case "minimum-replies": result.minimumReplies = try integer(value, key: key, in: 2...100)
            case "latency-factor": result.latencyFactor = try number(value, key: key, in: 1...100)
            case "latency-increase": result.latencyIncrease = try integer(value, key: key, in: 0...365)
            case "one-way-messages": result.oneWayMessages = try integer(value, key: key, in: 1...100)
            default: throw error(keyNode, "unknown threshold '\(key)'")
            }
        }
        return result
    }

    func windows(_ node: Node) throws -> HealthConfiguration.Windows {
        var result = HealthConfiguration.Windows()
        for (key, keyNode, value) in try mapping(node, what: "'windows'") {
            switch key {
            case "recent-messages": result.recentMessages = try integer(value, key: key, in: 1...100)
            case "half-life-days": result.halfLifeDays = try number(value, key: key, in: 1...3650)
            case "subject-days": result.subjectDays = try number(value, key: key, in: 0...3650)
            default: throw error(keyNode, "unknown window '\(key)'")
            }
        }
        return result
    }

    func calendar(_ node: Node) throws -> BusinessCalendar {
        var result = BusinessCalendar()
        for (key, keyNode, value) in try mapping(node, what: "'business-days'") {
            switch key {
            case "workdays":
                guard let items = value.sequence else { throw error(value, "'workdays' must be a list of day names") }
                result.workdays = Set(
                    try items.map { item in
                        let text = try string(item, key: key)
                        guard let day = Weekday(name: text) else { throw error(item, "unknown weekday '\(text)'") }
                        return day
                    })
                guard !result.workdays.isEmpty else { throw error(value, "'workdays' must name at least one day") }
            case "holidays":
                guard let items = value.sequence else { throw error(value, "'holidays' must be a list of dates") }
                result.holidays = Set(
                    try items.map { item in
                        let text = try string(item, key: key)
                        guard let day = CalendarDay(iso: text) else {
                            throw error(item, "'\(text)' is not a date (yyyy-mm-dd)")
                        }
                        return day
                    })
            case "time-zone":
                let text = try string(value, key: key)
                guard let zone = TimeZone(identifier: text) else { throw error(value, "unknown time zone '\(text)'") }
                result.timeZone = zone
            default: throw error(keyNode, "unknown key '\(key)' in 'business-days'")
            }
        }
        return result
    }

    // MARK: - Values

    /// The entries of a mapping in file order: the key's text, the key (for errors) and the value.
    func mapping(_ node: Node, what: String) throws -> [(String, Node, Node)] {
        guard let mapping = node.mapping else { throw error(node, "\(what) must be a mapping of keys to values") }
        return try mapping.map { key, value in
            guard let name = key.scalar?.string else { throw error(key, "keys must be plain words") }
            return (name, key, value)
        }
    }

    func string(_ node: Node, key: String) throws -> String {
        guard let scalar = node.scalar else { throw error(node, "'\(key)' must be a single value") }
        return scalar.string.trimmingCharacters(in: .whitespaces)
    }

    /// A list of values, or a single value standing for a list of one.
    func strings(_ node: Node, key: String) throws -> [String] {
        if node.scalar != nil { return [try string(node, key: key)] }
        guard let items = node.sequence else { throw error(node, "'\(key)' must be a list") }
        return try items.map { try string($0, key: key) }
    }

    func integer(_ node: Node, key: String, in range: ClosedRange<Int>) throws -> Int {
        let text = try string(node, key: key)
        guard let value = Int(text), range.contains(value) else {
            throw error(node, "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func number(_ node: Node, key: String, in range: ClosedRange<Double>) throws -> Double {
        let text = try string(node, key: key)
        guard let value = Double(text), value.isFinite, range.contains(value) else {
            throw error(node, "'\(key)' must be a number from \(format(range.lowerBound)) to \(format(range.upperBound))")
        }
        return value
    }

    func resolved(_ path: String) -> String {
        guard let baseDirectory, !path.hasPrefix("/") else { return path }
        return URL(fileURLWithPath: baseDirectory).appendingPathComponent(path).standardizedFileURL.path
    }

    func error(_ node: Node, _ reason: String) -> ConfigurationError {
        ConfigurationError(file: file, line: node.mark?.line, reason: reason)
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
