import Foundation
import RapportHealth
import RapportModel
import RapportTestSupport
import Testing

@Suite struct ConfigurationTests {
    static let full = """
        our-domains: [Kolka.is, kolka.co.uk]
        accounts:
          - name: Harbour Lane Books
            type: customer
            domains: [harbourlane.co.uk]
          - name: Liam O'Connor
            type: partner
            address: liam.oconnor.design@gmail.com
        free-mail-domains: [example-mail.is]
        thresholds:
          unanswered-business-days: 3
          tone-drop: 0.4
          latency-factor: 2.5
        windows:
          recent-messages: 4
          half-life-days: 30
        business-days:
          workdays: [sun, mon, tue, wed, thu]
          holidays: [2025-12-24, 2025-12-25]
          time-zone: Atlantic/Reykjavik
        lexicons: [lexicons/ours.tsv, /opt/shared.tsv]
        database: .rapport/store.sqlite
        """

    @Test func aFullFileIsReadSettingBySetting() throws {
        let configuration = try HealthConfiguration.parse(yaml: Self.full, file: "rapport.yml", baseDirectory: "/srv/mail")
        #expect(configuration.ourDomains == ["kolka.is", "kolka.co.uk"])
        #expect(configuration.accounts == [
            .init(name: "Harbour Lane Books", type: .customer, domains: ["harbourlane.co.uk"]),
            .init(name: "Liam O'Connor", type: .partner, addresses: ["liam.oconnor.design@gmail.com"]),
        ])
        #expect(configuration.accounts[1].key == "liam.oconnor.design@gmail.com")
        #expect(configuration.freeMailDomains == ["example-mail.is"])
        var thresholds = HealthConfiguration.Thresholds()
        thresholds.unansweredBusinessDays = 3
        thresholds.toneDrop = 0.4
        thresholds.latencyFactor = 2.5
        #expect(configuration.thresholds == thresholds)
        #expect(configuration.windows.recentMessages == 4)
        #expect(configuration.windows.halfLifeDays == 30)
        #expect(configuration.windows.subjectDays == 45)
        #expect(configuration.businessDays == BusinessCalendar(
            workdays: [.sunday, .monday, .tuesday, .wednesday, .thursday],
            holidays: [CalendarDay(year: 2025, month: 12, day: 24)!, CalendarDay(year: 2025, month: 12, day: 25)!],
            timeZone: TimeZone(identifier: "Atlantic/Reykjavik")!))
        #expect(configuration.lexicons == ["/srv/mail/lexicons/ours.tsv", "/opt/shared.tsv"])
        #expect(configuration.database == "/srv/mail/.rapport/store.sqlite")
    }

    @Test func anEmptyFileIsTheDefaults() throws {
        #expect(try HealthConfiguration.parse(yaml: "", file: "rapport.yml") == HealthConfiguration())
        #expect(try HealthConfiguration.parse(yaml: "# nothing yet\n", file: "rapport.yml") == HealthConfiguration())
    }

    @Test func theSamplesConfigurationLoads() throws {
        let configuration = try HealthConfiguration.load(path: Fixtures.samples.appendingPathComponent("rapport.yml").path)
        #expect(configuration.ourDomains == ["nordurljos.is"])
        #expect(configuration.accounts.count == 10)
        #expect(configuration.accounts.first { $0.key == "nordurljos-radgjof.is" }?.type == .internalUnit)
        #expect(configuration.businessDays.holidays.contains(CalendarDay(year: 2026, month: 6, day: 17)!))
    }

    @Test(arguments: [
        ("thresholds:\n  unanswered-days: 5\n", "rapport.yml:2: unknown threshold 'unanswered-days'"),
        ("our-domains: [a.is]\ncolour: blue\n", "rapport.yml:2: unknown key 'colour'"),
        ("thresholds:\n  tone-drop: lots\n", "rapport.yml:2: 'tone-drop' must be a number from 0 to 2"),
        ("thresholds:\n  unanswered-business-days: -1\n",
         "rapport.yml:2: 'unanswered-business-days' must be a whole number from 0 to 365"),
        ("accounts:\n  - name: A\n    type: friend\n    domains: [a.is]\n",
         "rapport.yml:3: unknown account type 'friend' (customer, partner, supplier or internal)"),
        ("accounts:\n  - type: customer\n    domains: [a.is]\n", "rapport.yml:2: an account needs a 'name'"),
        ("accounts:\n  - name: A\n", "rapport.yml:2: account 'A' needs 'domains' or 'addresses'"),
        ("accounts: a.is\n", "rapport.yml:1: 'accounts' must be a list"),
        ("business-days:\n  holidays: [2025-02-30]\n", "rapport.yml:2: '2025-02-30' is not a date (yyyy-mm-dd)"),
        ("business-days:\n  workdays: [mon, funday]\n", "rapport.yml:2: unknown weekday 'funday'"),
        ("business-days:\n  time-zone: Mars/Olympus\n", "rapport.yml:2: unknown time zone 'Mars/Olympus'"),
        ("- just\n- a list\n", "rapport.yml:1: the configuration must be a mapping of keys to values"),
        ("our-domains: [a.is\n", "rapport.yml:2: YAML syntax: did not find expected ',' or ']'"),
        ("windows:\n  half-life-days: 1\n  half-life-days: 2\n", "rapport.yml:2: duplicate key: half-life-days"),
    ])
    func badFilesNameTheLine(yaml: String, message: String) {
        #expect {
            try HealthConfiguration.parse(yaml: yaml, file: "rapport.yml")
        } throws: { error in
            (error as? ConfigurationError)?.description == message
        }
    }

    @Test func filesAreFoundAndReadErrorsNameTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try HealthConfiguration.find(in: folder.path) == nil)
        try "our-domains: [kolka.is]\n".write(to: folder.appendingPathComponent("rapport.yaml"), atomically: true, encoding: .utf8)
        #expect(try HealthConfiguration.find(in: folder.path)?.ourDomains == ["kolka.is"])
        let bad = folder.appendingPathComponent("rapport.yml")
        try "thresholds:\n  nonsense: 1\n".write(to: bad, atomically: true, encoding: .utf8)
        #expect {
            try HealthConfiguration.find(in: folder.path)
        } throws: { error in
            (error as? ConfigurationError)?.description == "\(bad.path):2: unknown threshold 'nonsense'"
        }
        let missing = folder.appendingPathComponent("missing.yml").path
        #expect {
            try HealthConfiguration.load(path: missing)
        } throws: { error in
            (error as? ConfigurationError)?.description == "\(missing): cannot be read"
        }
    }

    @Test func ourDomainsFromTheCommandLineAddToTheConfiguredOnes() {
        let analyzer = HealthAnalyzer(configuration: HealthConfiguration(ourDomains: ["kolka.is"]),
                                      ourDomains: ["Kolka.co.uk", "kolka.is"])
        #expect(analyzer.configuration.ourDomains == ["kolka.is", "kolka.co.uk"])
    }
}
