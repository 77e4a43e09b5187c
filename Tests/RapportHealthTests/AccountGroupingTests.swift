import Testing
import RapportModel
import RapportTestSupport
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

    /// Reading an ASCII address's domain on its bytes answers as building it as a string does.
    @Test func ourAddressesAreFoundOnTheirBytesAsOnTheirDomain() {
        let domainLists = [["vorduberg.is"], ["vorduberg.is", "mail.example.com"], ["is"], [""], [], ["a.b"]]
        var addresses = ["anna@vorduberg.is", "Anna@VORDUBERG.IS", "x@mail.vorduberg.is", "x@xvorduberg.is", "x@vorduberg.is.evil.com",
                         "vorduberg.is", "@vorduberg.is", "a@b@vorduberg.is", "a@", "@", "", "a@is", "a@.is", "a@b.", "a@A.B",
                         "a@Mail.Example.Com", "ö@vorduberg.is", "a@vörðuberg.is", "a@sub.a.b", "a@xa.b", "a@a.b"]
        var generator = SplitMix64(seed: 5)
        let pieces = ["a", "B", "@", ".", "is", "vorduberg", "IS", "mail", "example", "com", "ö", "-"]
        for _ in 0..<3_000 {
            addresses.append((0..<Int(generator.next() % 8)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined())
        }
        for list in domainLists {
            let ascii: [[UInt8]] = list.map { Array($0.utf8) }
            for address in addresses {
                let domain = Participant(address: address).domain
                let expected = !domain.isEmpty && list.contains { AccountDirectory.matches(domain: domain, $0) }
                if let fast = AccountDirectory.isOurs(asciiAddress: address, asciiDomains: ascii) {
                    #expect(fast == expected, "\(address) \(list)")
                } else {
                    #expect(address.utf8.contains { $0 >= 0x80 }, "\(address)")
                }
            }
        }
    }
}

