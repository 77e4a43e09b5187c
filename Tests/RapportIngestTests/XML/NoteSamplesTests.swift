import Foundation
import RapportModel
import RapportTestSupport
import Testing

@testable import RapportIngest

/// The demo notes in `Samples/notes/` read exactly as `Samples/notes/README.md` describes them.
@Suite struct NoteSamplesTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var file: String
        var format: NoteFormat
        var subject: String
        var date: String
        var account: String
        var from: String?
        var attendees: [String]
        var segments: Int
        var speakers: [String]
        var firstSegment: String
        var lastSegment: String

        var testDescription: String { file }
    }

    static let expectations: [Expected] = [
        Expected(
            file: "brightwater-2026-03-04-check-in.xml", format: .rapportXML,
            subject: "Quarterly check-in: Straumur Retail", date: "2026-03-04 14:00", account: "Brightwater Home Ltd",
            from: "Ari Pétursson", attendees: ["Ari Pétursson", "Sarah Whitcombe", "Mads Kristensen"],
            segments: 9, speakers: ["Ari Pétursson", "Mads Kristensen", "Sarah Whitcombe"],
            firstSegment: "Thanks for making time. Honestly, the last quarter has been our smoothest since go-live. "
                + "The team loves the new returns screen.",
            lastSegment: "A warm, positive meeting. Brightwater is happy and growing."
        ),
        Expected(
            file: "hafbrun-2026-04-21-stodufundur.html", format: .html,
            subject: "Stöðufundur með Hafbrún – Afli í Vestmannaeyjum", date: "2026-04-21 13:00",
            account: "Hafbrún hf.",
            from: "Guðrún Helgadóttir",
            attendees: ["Guðrún Helgadóttir", "Einar Sveinsson", "Jón Guðmundsson", "Sigríður Þórsdóttir"],
            segments: 11,
            speakers: ["Einar Sveinsson", "Guðrún Helgadóttir", "Jón Guðmundsson", "Sigríður Þórsdóttir"],
            firstSegment: "Tvískráning landana 7. apríl",
            lastSegment: "Næstu skref: Næsti stöðufundur í júní."
        ),
        Expected(
            file: "orkulind-2026-06-10-samningafundur.xml", format: .rapportXML,
            subject: "Samningafundur: endurnýjun þjónustusamnings 2027", date: "2026-06-10 10:00",
            account: "Orkulind hf.",
            from: "Guðrún Helgadóttir",
            attendees: ["Guðrún Helgadóttir", "Hildur Bjarnadóttir", "Sigurður Ármannsson", "Haraldur Björnsson"],
            segments: 14,
            speakers: ["Guðrún Helgadóttir", "Haraldur Björnsson", "Hildur Bjarnadóttir", "Sigurður Ármannsson"],
            firstSegment:
                "Verðhækkun: Farið yfir tilboðið frá 12. maí um 18% hækkun á þjónustugjaldi frá 1. janúar 2027.",
            lastSegment: "Spennuþrunginn fundur. Viðskiptavinurinn er óánægður með verð og þjónustu en vill halda "
                + "samtalinu áfram eftir sumarið."
        ),
        Expected(
            file: "eldborg-2026-06-10-rekstrarfundur.htm", format: .html,
            subject: "Fundargerð – rekstrarfundur með Eldborg hýsingu", date: "2026-06-10 14:00",
            account: "Eldborg hýsing ehf.", from: "Baldur Ólafsson",
            attendees: ["Tómas Hreinsson", "Baldur Ólafsson", "Einar Sveinsson"],
            segments: 8, speakers: ["Baldur Ólafsson", "Einar Sveinsson", "Tómas Hreinsson"],
            firstSegment: "Þetta er í þriðja skiptið síðan í maí. Rafmagnsleysið í sal B 6. júní stöðvaði "
                + "framleiðsluumhverfið í tæpa þrjá tíma og við fengum enga tilkynningu fyrr en viðskiptavinir okkar hringdu.",
            lastSegment: "Næstu skref: Eftirfylgnifundur í byrjun júlí."
        ),
        Expected(
            file: "selkie-2026-07-14-phase-2.htm", format: .html,
            subject: "Selkie Seafoods – phase 2 check-in", date: "2026-07-14 10:00", account: "Selkie Seafoods Ltd",
            from: nil, attendees: ["Fiona MacLeod", "Callum Reid", "Ari Pétursson"],
            segments: 8, speakers: ["Ari Pétursson", "Callum Reid", "Fiona MacLeod"],
            firstSegment: "The printer tests in Peterhead went well and the pickers picked up the new screens faster "
                + "than we expected. Really pleased.",
            lastSegment: "Risks: Older handsets may need replacing before the cutover."
        ),
        Expected(
            file: "cascade-2026-08-12-renewal.htm", format: .html,
            subject: "Cascade Outfitters – renewal negotiation", date: "2026-08-12 16:00",
            account: "Cascade Outfitters Inc.",
            from: "Kristín Jónsdóttir",
            attendees: ["Daniel Whitfield", "Tom Becker", "Kristín Jónsdóttir", "Ari Pétursson"],
            segments: 10, speakers: ["Daniel Whitfield", "Kristín Jónsdóttir", "Tom Becker"],
            firstSegment:
                "Frankly, we are disappointed. The proposal is well above what we budgeted, and I can\u{2019}t "
                + "take it to our board in this form.",
            lastSegment: "Risks: The board decision may slip past September."
        ),
    ]

    private static func read(
        _ file: String
    ) throws -> (bytes: [UInt8], documents: [Document], diagnostics: [Diagnostic]) {
        let bytes = try Fixtures.bytes("Samples/notes/" + file)
        let format = try #require(NoteReader.sniff(bytes[...]))
        let (documents, diagnostics) = NoteReader.read(bytes, format: format, location: SourceLocation(file: file))
        return (bytes, documents, diagnostics)
    }

    @Test(arguments: expectations)
    func sampleReadsAsDocumented(_ expected: Expected) throws {
        let bytes = try Fixtures.bytes("Samples/notes/" + expected.file)
        #expect(NoteReader.sniff(bytes[...]) == expected.format)
        let (_, documents, diagnostics) = try Self.read(expected.file)
        #expect(diagnostics.filter { $0.severity >= .warning } == [])
        let document = try #require(documents.first)
        #expect(documents.count == 1)
        #expect(document.kind == .note)
        #expect(document.subject == expected.subject)
        #expect(HTMLNoteReaderTests.utc(document.date) == expected.date)
        #expect(document.account == expected.account)
        #expect(document.from.first?.name == expected.from)
        #expect(document.to.map(\.displayName) == expected.attendees)
        #expect(document.segments.count == expected.segments)
        #expect(Set(document.segments.compactMap(\.speaker)).sorted() == expected.speakers)
        #expect(document.segments.first?.text == expected.firstSegment)
        #expect(document.segments.last?.text == expected.lastSegment)
        #expect(document.source.file == expected.file)
    }

    @Test func everySampleIsListed() throws {
        let folder = Fixtures.samples.appendingPathComponent("notes")
        let notes = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".xml") || $0.hasSuffix(".htm") || $0.hasSuffix(".html") }
        #expect(notes.sorted() == Self.expectations.map(\.file).sorted())
    }

    @Test func wordSamplesAreWindows1252AndDecodeCorrectly() throws {
        let bytes = try Fixtures.bytes("Samples/notes/cascade-2026-08-12-renewal.htm")
        #expect(!HTMLCharset.validUTF8(bytes))
        let document = try #require(try Self.read("cascade-2026-08-12-renewal.htm").documents.first)
        #expect(document.text.contains("with the \u{201C}premium support\u{201D} tier included."))
        #expect(document.text.contains("The board meets in September \u{2013} we need"))
        #expect(
            document.segments.contains(
                Segment(
                    text:
                        "Action items: Send a written best and final offer (owner: Kristín Jónsdóttir, due: 2026-08-19)"
                )))
        let icelandic = try #require(try Self.read("eldborg-2026-06-10-rekstrarfundur.htm").documents.first)
        #expect(
            icelandic.segments.contains(
                Segment(
                    text: "Verkefni: Skila skýrslu um orsök bilunarinnar (owner: Tómas Hreinsson, due: 2026-06-17)")))
        #expect(
            icelandic.segments.contains(
                Segment(
                    text: "Verkefni: Setja upp sjálfvirka tilkynningu til Norðurljósa við rafmagnstruflanir "
                        + "(owner: Tómas Hreinsson, due: 2026-07-01)")))
    }

    /// Notes link to threads in the mail samples by Message-ID (see `Samples/README.md`).
    @Test(arguments: [
        (
            "orkulind-2026-06-10-samningafundur.xml",
            "DB9PR02MB73453E3822A7B7092C0C@DB9PR02MB7345.eurprd02.prod.outlook.com"
        ),
        (
            "eldborg-2026-06-10-rekstrarfundur.htm",
            "VI1PR02MB6602B3CCDDEB1619FA73@VI1PR02MB6602.eurprd02.prod.outlook.com"
        ),
        ("cascade-2026-08-12-renewal.htm", "5E2D9EA1-B95E-46A1-A3C3-8804AD95F1E9@cascadeoutfitters.com"),
    ])
    func threadLinks(_ file: String, messageID: String) throws {
        let document = try #require(try Self.read(file).documents.first)
        #expect(document.inReplyTo == messageID)
        #expect(document.references == [messageID])
    }

    @Test func idsAndParticipantDetails() throws {
        let document = try #require(try Self.read("orkulind-2026-06-10-samningafundur.xml").documents.first)
        #expect(document.id == "orkulind-2026-06-10-samningafundur")
        #expect(
            document.to[2]
                == Participant(
                    name: "Sigurður Ármannsson", address: "sigurdur.armannsson@orkulind.is",
                    organisation: "Orkulind hf.", role: "Innkaupastjóri"))
        #expect(
            document.segments.contains(
                Segment(
                    text:
                        "Verkefni: Senda endurskoðað tilboð með þrepaskiptri hækkun. (owner: Guðrún Helgadóttir, due: 2026-06-24)"
                )))
        #expect(document.segments.contains(Segment(text: "Áhættur: Orkulind gæti leitað tilboða hjá samkeppnisaðila.")))
        let checkIn = try #require(try Self.read("brightwater-2026-03-04-check-in.xml").documents.first)
        #expect(checkIn.inReplyTo == nil)
        let bytes = try Fixtures.bytes("Samples/notes/brightwater-2026-03-04-check-in.xml")
        #expect(checkIn.id == "note-" + StableHash.hex(of: bytes))
        let status = try #require(try Self.read("hafbrun-2026-04-21-stodufundur.html").documents.first)
        #expect(
            status.to.first
                == Participant(
                    name: "Guðrún Helgadóttir", address: "gudrun@nordurljos.is",
                    organisation: "Norðurljós hugbúnaður ehf.", role: "viðskiptastjóri"))
    }
}
