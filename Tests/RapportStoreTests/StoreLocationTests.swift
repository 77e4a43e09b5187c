import Testing
@testable import RapportStore

@Suite struct StoreLocationTests {
    @Test func defaultsBelowWorkingDirectory() {
        #expect(StoreLocation(explicit: nil, workingDirectory: "/srv/rm").path == "/srv/rm/.rapport/rapport.sqlite")
        #expect(StoreLocation(explicit: "", workingDirectory: "/srv/rm").path == "/srv/rm/.rapport/rapport.sqlite")
    }

    @Test func explicitPathWins() {
        #expect(StoreLocation(explicit: "nightly.sqlite", workingDirectory: "/srv/rm").path == "nightly.sqlite")
    }
}
