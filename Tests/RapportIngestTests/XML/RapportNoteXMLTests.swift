import Foundation
import RapportModel
import Testing

@testable import RapportIngest

/// Rapport meeting-notes XML, field by field.
@Suite struct RapportNoteXMLTests {
    static let location = SourceLocation(file: "notes/meeting.xml")

    static func read(
        _ xml: String, format: NoteFormat = .rapportXML
    ) -> (documents: [Document], diagnostics: [Diagnostic]) {
        NoteReader.read(Array(xml.utf8), format: format, location: location)
    }

    static let complete = """
        <?xml version="1.0" encoding="UTF-8"?>
        <meeting xmlns="urn:rapport:meeting-notes:1" id="orkulind-2026-03-04" xml:lang="en">
          <title>Service contract renewal</title>
          <date>2026-03-04T10:00:00+00:00</date>
          <account>Orkulind hf.</account>
          <thread message-id="&lt;renewal-42@orkulind.is&gt;" subject="Endurnýjun þjónustusamnings"/>
          <organiser name="Guðrún Helgadóttir" email="gudrun@nordurljos.is" organisation="Norðurljós hugbúnaður ehf." role="Account Manager"/>
          <attendees>
            <attendee name="Guðrún Helgadóttir" email="gudrun@nordurljos.is" organisation="Norðurljós hugbúnaður ehf." role="Account Manager"/>
            <attendee name="Sigurður Ármannsson" email="Sigurdur.Armannsson@ORKULIND.IS" organisation="Orkulind hf." role="Head of Procurement"/>
            <attendee><name>Haraldur Björnsson</name><organisation>Orkulind hf.</organisation><role>CFO</role></attendee>
          </attendees>
          <agenda>
            <item title="Pricing">
              <p>The proposed increase was discussed at length.</p>
              <turn speaker="Sigurður">A 12% increase is not acceptable to us.</turn>
              <turn speaker="Guðrún Helgadóttir">We can look at the payment terms.</turn>
            </item>
          </agenda>
          <transcript>
            <turn speaker="Haraldur Björnsson">We need an answer by Friday.</turn>
          </transcript>
          <decisions>
            <decision>Keep the current price until 1 June.</decision>
          </decisions>
          <actions>
            <action owner="Guðrún" due="2026-03-11">Send a revised offer.</action>
            <action><owner>Haraldur Björnsson</owner><due>20.03.2026</due>Confirm the <em>budget</em>.</action>
          </actions>
          <risks>
            <risk>Orkulind may put the contract out to tender.</risk>
          </risks>
          <summary>Tense but constructive.</summary>
        </meeting>
        """

    @Test func everyFieldIsMapped() throws {
        let (documents, diagnostics) = Self.read(Self.complete)
        #expect(diagnostics == [])
        let document = try #require(documents.first)
        #expect(documents.count == 1)
        #expect(document.id == "orkulind-2026-03-04")
        #expect(document.kind == .note)
        #expect(document.subject == "Service contract renewal")
        #expect(document.date == Date(timeIntervalSince1970: 1_772_618_400))
        #expect(document.dateSource == .note)
        #expect(document.account == "Orkulind hf.")
        #expect(document.inReplyTo == "renewal-42@orkulind.is")
        #expect(document.references == ["renewal-42@orkulind.is"])
        #expect(
            document.from == [
                Participant(
                    name: "Guðrún Helgadóttir", address: "gudrun@nordurljos.is",
                    organisation: "Norðurljós hugbúnaður ehf.", role: "Account Manager")
            ])
        #expect(
            document.to == [
                Participant(
                    name: "Guðrún Helgadóttir", address: "gudrun@nordurljos.is",
                    organisation: "Norðurljós hugbúnaður ehf.", role: "Account Manager"),
                Participant(
                    name: "Sigurður Ármannsson", address: "Sigurdur.Armannsson@orkulind.is",
                    organisation: "Orkulind hf.", role: "Head of Procurement"),
                Participant(
                    name: "Haraldur Björnsson", address: "haraldur.björnsson", organisation: "Orkulind hf.", role: "CFO"
                ),
            ])
        #expect(document.cc == [])
        #expect(
            document.segments == [
                Segment(text: "Pricing: The proposed increase was discussed at length."),
                Segment(speaker: "Sigurður Ármannsson", text: "A 12% increase is not acceptable to us."),
                Segment(speaker: "Guðrún Helgadóttir", text: "We can look at the payment terms."),
                Segment(speaker: "Haraldur Björnsson", text: "We need an answer by Friday."),
                Segment(text: "Decisions: Keep the current price until 1 June."),
                Segment(text: "Action items: Send a revised offer. (owner: Guðrún Helgadóttir, due: 2026-03-11)"),
                Segment(text: "Action items: Confirm the budget. (owner: Haraldur Björnsson, due: 2026-03-20)"),
                Segment(text: "Risks: Orkulind may put the contract out to tender."),
                Segment(text: "Tense but constructive."),
            ])
        #expect(document.text == document.segments.map(\.text).joined(separator: "\n\n"))
        #expect(document.source == Self.location)
    }

    @Test func withoutNamespaceAndWithIcelandicSectionNames() throws {
        let xml = """
            <meeting xml:lang="is">
              <title>Stöðufundur</title>
              <date zone="Atlantic/Reykjavik">2026-02-12 13:00</date>
              <decisions><decision>Halda áfram.</decision></decisions>
              <actions title="Verkefni vikunnar"><action owner="Jón">Senda gögn</action></actions>
              <risks><risk>Seinkun.</risk></risks>
              <next-steps><step>Nýr fundur.</step></next-steps>
            </meeting>
            """
        let (documents, diagnostics) = Self.read(xml)
        #expect(diagnostics == [])
        let document = try #require(documents.first)
        #expect(document.date == Date(timeIntervalSince1970: 1_770_901_200))
        #expect(
            document.segments.map(\.text) == [
                "Ákvarðanir: Halda áfram.",
                "Verkefni vikunnar: Senda gögn (owner: Jón)",
                "Áhættur: Seinkun.",
                "Næstu skref: Nýr fundur.",
            ])
    }

    @Test func zoneAttributeAppliesOnlyWhenTheDateHasNoZone() throws {
        let withOffset = try #require(
            Self.read("<meeting><date zone=\"+02:00\">2026-06-12T10:00</date></meeting>").documents.first)
        #expect(withOffset.date == Date(timeIntervalSince1970: 1_781_251_200))
        let named = try #require(
            Self.read("<meeting><date zone=\"Europe/London\">2026-06-12T10:00</date></meeting>").documents.first)
        #expect(named.date == Date(timeIntervalSince1970: 1_781_254_800))
        let explicit = try #require(
            Self.read("<meeting><date zone=\"+02:00\">2026-06-12T10:00Z</date></meeting>").documents.first)
        #expect(explicit.date == Date(timeIntervalSince1970: 1_781_258_400))
    }

    @Test func unknownElementsAreKeptAsText() throws {
        let xml = """
            <r:meeting xmlns:r="urn:rapport:meeting-notes:1">
              <r:title>Check-in</r:title>
              <r:date>2026-02-12</r:date>
              <r:mood>Friendly <r:em>and</r:em> relaxed</r:mood>
              <crm:stage xmlns:crm="urn:example:crm">Renewal</crm:stage>
            </r:meeting>
            """
        let (documents, diagnostics) = Self.read(xml)
        let document = try #require(documents.first)
        #expect(document.subject == "Check-in")
        #expect(document.segments == [Segment(text: "Friendly and relaxed"), Segment(text: "Renewal")])
        #expect(diagnostics.map(\.code) == ["note.unknown-elements"])
        #expect(diagnostics.first?.location.line == 4)
        #expect(diagnostics.first?.severity == .note)
    }

    @Test func idFromContentHashAndSubjectFromThread() throws {
        let xml =
            "<meeting><thread subject=\"Re: Pricing for 2026\"/><date>2026-01-05</date><summary>Short.</summary></meeting>"
        let document = try #require(Self.read(xml).documents.first)
        #expect(document.id == "note-" + StableHash.hex(of: Array(xml.utf8)))
        #expect(document.subject == "Re: Pricing for 2026")
        #expect(document.inReplyTo == nil)
        #expect(document.references == [])
    }

    @Test func threadAsTextAndOrganiserAsText() throws {
        let xml =
            "<meeting><thread>&lt;abc@x.is&gt;</thread><organizer>Ari Pétursson</organizer><summary>x</summary></meeting>"
        let (documents, diagnostics) = Self.read(xml)
        let document = try #require(documents.first)
        #expect(document.inReplyTo == "abc@x.is")
        #expect(document.from == [Participant(name: "Ari Pétursson", address: "ari.pétursson")])
        #expect(diagnostics.map(\.code) == ["note.no-date"])
    }

    @Test func unreadableDateIsReported() throws {
        let (documents, diagnostics) = Self.read("<meeting>\n<date>sometime soon</date><summary>x</summary></meeting>")
        #expect(documents.first?.date == nil)
        #expect(documents.first?.dateSource == Document.DateSource.none)
        #expect(diagnostics.map(\.code) == ["note.date-unreadable", "note.no-date"])
        #expect(diagnostics.first?.location.line == 2)
    }

    @Test func malformedXMLIsRecoveredWithALocatedDiagnostic() throws {
        let xml = "<meeting>\n<title>Renewal</title>\n<summary>Open <b>tag</summary>\n</meeting>"
        let (documents, diagnostics) = Self.read(xml)
        let document = try #require(documents.first)
        #expect(document.subject == "Renewal")
        #expect(diagnostics.map(\.code) == ["note.xml-malformed", "note.no-date"])
        #expect(diagnostics.first?.location.line == 3)
        #expect(diagnostics.first?.location.file == "notes/meeting.xml")
    }

    @Test func foreignMeetingRootIsGenericXML() throws {
        let xml = "<meeting xmlns=\"urn:other\"><title>Other</title><body>Words</body></meeting>"
        let (documents, diagnostics) = Self.read(xml)
        #expect(documents.first?.subject == "Other")
        #expect(documents.first?.segments == [Segment(text: "Words")])
        #expect(diagnostics.map(\.code).first == "note.generic-xml")
    }
}
