import RapportModel

/// One flag per line, for pipelines (`jq`, log shippers): every thread's flags in report order,
/// then the account-level flags. Each line names its thread, subject and account, so a line can
/// be read on its own. Nothing is written when there are no flags.
public struct NDJSONRenderer: ReportRenderer {
    public static let identifier = "ndjson"

    public init() {}

    public func render(_ report: HealthReport, context: RenderContext) -> String {
        let digest = ReportDigest(report)
        var out = ""
        for thread in report.threads {
            let account = digest.account(of: thread)
            for flag in thread.flags {
                out += line(flag, subject: thread.subject, account: account) + "\n"
            }
        }
        for account in report.accounts {
            for flag in digest.accountLevelFlags(account) {
                out += line(flag, subject: nil, account: account.account) + "\n"
            }
        }
        return out
    }

    private func line(_ flag: HealthFlag, subject: String?, account: Account) -> String {
        var line: [(String, JSONValue)] = [
            ("thread", JSONValue(flag.thread)),
            ("subject", JSONValue(subject)),
            ("account", .string(flag.account)),
            ("accountName", .string(account.name)),
            ("accountType", .string(account.type.rawValue)),
        ]
        line += ReportJSON.flagMembers(flag).filter { $0.0 != "thread" && $0.0 != "account" }
        return JSONValue.object(line).serialized()
    }
}
