import Foundation
import Testing

@testable import RapportHealth

/// Configuration files that are huge, not UTF-8, or shaped to blow up a YAML reader: each is read
/// or refused with its file and line, never a crash or a hang.
@Suite struct HostileConfigurationTests {
    static func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-config-\(UUID().uuidString).yml")
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func twentyThousandAccountsAreAllRead() throws {
        var yaml = "accounts:\n"
        for index in 0..<20_000 {
            yaml += "  - name: Account \(index)\n    type: \(index % 2 == 0 ? "customer" : "partner")\n    domains: [a\(index).example.is]\n"
        }
        let configuration = try HealthConfiguration.parse(yaml: yaml, file: "big.yml")
        #expect(configuration.accounts.count == 20_000)
        #expect(configuration.accounts.last?.name == "Account 19999")
    }

    @Test func bytesThatAreNotUTF8AreAnErrorOnTheirLine() throws {
        let path = try Self.temporaryFile(Array("thresholds:\n  unanswered-business-days: 5\nour-domains: [caf".utf8) + [0xE9] + Array(".is]\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ConfigurationError(file: path, line: 3, reason: "not UTF-8 text; save the file as UTF-8")) {
            try HealthConfiguration.load(path: path)
        }
    }

    /// YAML's "billion laughs": each anchor a list of ten of the previous one, 10^9 strings if
    /// expanded. Refused at once because the key wants strings, not lists.
    @Test func aliasBombIsRefusedWithoutExpanding() throws {
        var items = ["&a0 [" + Array(repeating: "lol.is", count: 10).joined(separator: ",") + "]"]
        for level in 1..<10 {
            items.append("&a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ",") + "]")
        }
        let yaml = "free-mail-domains: [" + items.joined(separator: ", ") + "]\n"
        #expect(throws: ConfigurationError.self) { try HealthConfiguration.parse(yaml: yaml, file: "bomb.yml") }
    }

    /// Aliases that are accepted (a domain list shared by many accounts) are read once each.
    @Test func sharedAliasesAreAccepted() throws {
        var yaml = "accounts:\n  - name: First\n    type: customer\n    domains: &shared [a.is, b.is]\n"
        for index in 0..<1_000 {
            yaml += "  - name: Copy \(index)\n    type: customer\n    domains: *shared\n"
        }
        let configuration = try HealthConfiguration.parse(yaml: yaml, file: "aliases.yml")
        #expect(configuration.accounts.count == 1_001)
    }

    @Test(arguments: [
        "accounts: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
        "accounts: " + String(repeating: "{a: ", count: 50_000) + "1" + String(repeating: "}", count: 50_000),
    ])
    func deepNestingIsASyntaxErrorNotAStackOverflow(_ yaml: String) {
        #expect(throws: ConfigurationError.self) { try HealthConfiguration.parse(yaml: yaml, file: "deep.yml") }
    }

    @Test func aMegabyteScalarIsRefusedAsAnUnknownValue() {
        let yaml = "thresholds:\n  unanswered-business-days: " + String(repeating: "9", count: 1_000_000) + "\n"
        #expect(throws: ConfigurationError.self) { try HealthConfiguration.parse(yaml: yaml, file: "long.yml") }
    }
}
