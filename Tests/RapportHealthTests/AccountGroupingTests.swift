import Testing
import RapportModel
@testable import RapportHealth

@Suite struct AccountGroupingTests {
    @Test(arguments: [
        ("anna@Nordhaf.is", "nordhaf.is"),
        ("Someone.Private@gmail.com", "someone.private@gmail.com"),
        ("jon@simnet.is", "jon@simnet.is"),
        ("root", "root"),
    ])
    func groupsByDomainExceptFreeMail(address: String, key: String) {
        #expect(AccountGrouping().key(for: Participant(address: address)) == key)
    }
}

@Suite struct DomainMatchingTests {
    /// Byte comparison of ASCII names answers as the joined-string `hasSuffix` did.
    @Test func domainsMatchTheirListedDomainAndItsSubdomains() {
        let names = ["vorduberg.is", "mail.vorduberg.is", "xvorduberg.is", "vorduberg.is.evil.com", "is", ".is", "", "a.b.c",
                     "b.c", "c", "VORDUBERG.IS", "post.vörðuberg.is", "vörðuberg.is", "vo\u{308}rðuberg.is", "x.vo\u{308}rðuberg.is"]
        for domain in names {
            for listed in names {
                let expected = domain == listed || domain.hasSuffix("." + listed)
                #expect(AccountDirectory.matches(domain: domain, listed) == expected, "\(domain) \(listed)")
            }
        }
        #expect(AccountDirectory.matches(domain: "mail.vorduberg.is", "vorduberg.is"))
        #expect(!AccountDirectory.matches(domain: "xvorduberg.is", "vorduberg.is"))
    }
}

