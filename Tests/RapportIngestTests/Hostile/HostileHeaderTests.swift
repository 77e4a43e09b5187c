import Foundation
import RapportModel
import Testing

@testable import RapportIngest

/// Header sections built to be expensive: enormous lines, enormous counts, and the shapes that
/// made the address parser quadratic or recursive before. Each must come back with the result
/// the rules give; no timing is asserted, but a quadratic reader would take hours on these.
@Suite struct HostileHeaderTests {
    @Test func oneMegabyteSubjectLineIsKept() throws {
        let subject = String(repeating: "price increase ", count: 70_000)
        let record = try HostileInput.read(bytes: HostileInput.message(body: "Body.\n", subject: subject))
        #expect(record.documents.map(\.subject) == [subject.trimmingWhitespace()])
        #expect(record.documents.map(\.text) == ["Body."])
    }

    @Test func oneMegabyteLineWithoutAColonEndsTheHeaders() throws {
        let line = String(repeating: "x", count: 1 << 20)
        let record = try HostileInput.read(bytes: HostileInput.message(headers: line + "\n", body: "Body.\n"))
        #expect(record.documents.map(\.text) == [line + "\n\nBody."])
        #expect(record.diagnostics("message.header-separator").count == 1)
    }

    @Test func oneMegabyteFoldedHeaderIsUnfolded() throws {
        let folded = "X-Long: start" + String(repeating: "\n continued", count: 100_000) + "\n"
        let record = try HostileInput.read(bytes: HostileInput.message(headers: folded, body: "Body.\n"))
        #expect(record.documents.map(\.text) == ["Body."])
        let headers = HeaderBlock.parse(HostileInput.message(headers: folded, body: "")[...]).0
        #expect(headers.text("X-Long")?.utf8.count == 5 + 100_000 * 10)
    }

    @Test func hundredThousandHeaders() throws {
        let junk = (0..<100_000).map { "X-Junk-\($0): value \($0)\n" }.joined()
        let record = try HostileInput.read(bytes: HostileInput.message(headers: junk, body: "Body.\n"))
        #expect(record.documents.map(\.subject) == ["Hostile"])
        #expect(record.documents.map(\.text) == ["Body."])
    }

    @Test func hundredThousandReceivedHeadersWithoutADate() throws {
        let received = (0..<100_000).map { _ in "Received: from a by b; Tue, 4 Mar 2026 09:15:00 +0000\n" }.joined()
        let bytes = Array(("From: anna@example.com\nSubject: many hops\n" + received + "\nBody.\n").utf8)
        let record = try HostileInput.read(bytes: bytes)
        #expect(record.documents.map(\.dateSource) == [.received])
        #expect(record.documents.first?.date == Date(timeIntervalSince1970: 1_772_615_700))
    }

    @Test func tenThousandRecipients() throws {
        let recipients = (0..<10_000).map { "\"Person \($0)\" <person\($0)@example.com>" }.joined(separator: ",\n ")
        let bytes = HostileInput.message(headers: "Cc: " + recipients + "\n", body: "Body.\n")
        let record = try HostileInput.read(bytes: bytes)
        let cc = try #require(record.documents.first?.cc)
        #expect(cc.count == 10_000)
        #expect(cc.last == Participant(name: "Person 9999", address: "person9999@example.com"))
    }

    @Test func encodedWordsThatExpandStayWithinThreeTimesTheirSize() throws {
        // Each 12-byte word is one windows-1252 byte that becomes the three UTF-8 bytes of `€`:
        // the largest expansion a header decoder can produce per input byte.
        let words = String(repeating: "=?cp1252?Q?=80?= ", count: 80_000)
        let record = try HostileInput.read(bytes: HostileInput.message(body: "Body.\n", subject: words))
        let subject = try #require(record.documents.first?.subject)
        #expect(subject == String(repeating: "€", count: 80_000))
        #expect(subject.utf8.count <= 3 * words.utf8.count)
    }

    @Test func oneMegabyteOfBase64EncodedWords() throws {
        let words = String(repeating: "=?utf-8?B?8J+YgA==?=", count: 50_000)
        let record = try HostileInput.read(bytes: HostileInput.message(body: "Body.\n", subject: words))
        #expect(record.documents.first?.subject == String(repeating: "😀", count: 50_000))
    }

    @Test func unclosedEncodedWordsOneAfterAnother() {
        let value = String(repeating: "=?utf-8?q?", count: 100_000)
        #expect(EncodedWords.decode(value) == value)
    }

    // MARK: - Address lists that were quadratic or recursive

    @Test func escapedQuotesThatNeverClose() {
        // Every `"` after the first opened a quoted string that was scanned to the end again.
        let value = "\"" + String(repeating: "\\\"", count: 300_000) + " anna@example.com"
        #expect(AddressParser.parse(value).map(\.address) == ["anna@example.com"])
    }

    @Test func obsoleteRouteWithManyCommas() {
        // Each comma re-read the whole angle address to decide whether it was still a route.
        let value = "<@" + String(repeating: "a,@", count: 300_000) + "relay:anna@example.com>"
        #expect(AddressParser.parse(value) == [Participant(address: "anna@example.com")])
    }

    @Test func displayNameWrappedInManyQuotes() {
        // Quotes were peeled one pair at a time, recounting the whole name each time.
        let quotes = String(repeating: "'", count: 200_000)
        let value = quotes + "Anna" + quotes + " <anna@example.com>"
        #expect(AddressParser.parse(value) == [Participant(name: "Anna", address: "anna@example.com")])
    }

    @Test func bareMessageIDWithEndlessPunctuation() {
        // Trimming the punctuation one character at a time recounted the token each time.
        let value = String(repeating: "(", count: 300_000) + "id@example.com" + String(repeating: ")", count: 300_000)
        #expect(MessageIDs.parse(value) == ["id@example.com"])
    }

    @Test func bracketsNestedWithoutEnd() {
        // Each `[` was parsed again as an address list of its own, one level deeper: a stack
        // overflow for a long enough header. One level is looked into (`[mailto:a@b]`), no more.
        let value = String(repeating: "[", count: 500_000) + "anna@example.com"
        #expect(AddressParser.parse(value) == [])
        #expect(AddressParser.parse("Anna [mailto:anna@example.com]") == [Participant(name: "Anna", address: "anna@example.com")])
    }
}
