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
