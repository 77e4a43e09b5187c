import Foundation
import RapportModel
import Testing

@testable import RapportIngest

/// Each HTML heuristic, on the smallest document that shows it.
@Suite struct HTMLNoteReaderTests {
    static func read(_ html: String) throws -> (document: Document, diagnostics: [Diagnostic]) {
        let (documents, diagnostics) = NoteReader.read(
            Array(html.utf8), format: .html,
            location: SourceLocation(file: "note.html"))
        return (try #require(documents.first), diagnostics)
    }

    /// `yyyy-MM-dd HH:mm` in UTC.
    static func utc(_ date: Date?) -> String? {
        guard let date else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    // MARK: - Title and date

    @Test(
        arguments: [
            ("<title>Renewal</title><h1>Other</h1><p>x</p>", "Renewal"),
            (
                "<title>Sales : Renewal with Orkulind</title><h1>Sales : Renewal with Orkulind</h1><p>x</p>",
                "Renewal with Orkulind"
            ),
            ("<h2>First heading</h2><p>x</p><h2>Second</h2>", "First heading"),
            ("<p>Title: Pricing call</p><title>Document1</title>", "Pricing call"),
            ("<p>Only text</p>", nil),
        ] as [(String, String?)])
    func title(_ html: String, expected: String?) throws {
        #expect(try Self.read(html).document.subject == expected)
    }

    @Test(
        arguments: [
            ("<title>Fundur 4. mars 2026</title><p>Dagsetning: 05.03.2026 kl. 10:00</p>", "2026-03-05 10:00"),
            (
                "<head><meta name=\"date\" content=\"2026-03-04T09:30:00Z\"></head><title>Fundur 1. mars 2026</title>",
                "2026-03-04 09:30"
            ),
            ("<title>Fundur 4. mars 2026</title><p>x</p>", "2026-03-04 00:00"),
            ("<h1>Call on March 4, 2026</h1><p>x</p>", "2026-03-04 00:00"),
            ("<h1>Check-in</h1><p>Wednesday, 4 March 2026</p><p>10:00 AM</p><p>Text</p>", "2026-03-04 10:00"),
            ("<h2>Date</h2><p>4. mars 2026 kl. 13:15</p><h2>Notes</h2><p>x</p>", "2026-03-04 13:15"),
            ("<p>Date: 4 March 2026</p><p>Time: 10:00–11:00 GMT</p>", "2026-03-04 10:00"),
            ("<p>When: 2026-03-04 10:00 +01:00</p>", "2026-03-04 09:00"),
            ("<table><tr><th>Date</th><td>04.03.2026</td></tr></table>", "2026-03-04 00:00"),
        ] as [(String, String?)])
    func date(_ html: String, expected: String?) throws {
        let (document, _) = try Self.read(html)
        #expect(Self.utc(document.date) == expected)
        #expect(document.dateSource == .note)
    }

    @Test func noDateIsAWarningAndDateSourceNone() throws {
        let (document, diagnostics) = try Self.read("<p>Just notes, no date.</p>")
        #expect(document.date == nil)
        #expect(document.dateSource == Document.DateSource.none)
        #expect(diagnostics.map(\.code) == ["note.no-date"])
    }

    // MARK: - Attendees

    @Test func inlineAttendeeListWithDetailsAndConjunction() throws {
        let html =
            "<p><b>Attendees:</b> Anna Jónsdóttir (account manager, Norðurljós hugbúnaður ehf.), "
            + "Jón Guðmundsson &lt;jon@hafbrun.is&gt; og Sara</p><p>Anna: Hello.</p>"
        let (document, _) = try Self.read(html)
        #expect(
            document.to == [
                Participant(
                    name: "Anna Jónsdóttir", address: "anna.jónsdóttir", organisation: "Norðurljós hugbúnaður ehf.",
                    role: "account manager"),
                Participant(name: "Jón Guðmundsson", address: "jon@hafbrun.is"),
                Participant(name: "Sara", address: "sara"),
            ])
        #expect(document.segments == [Segment(speaker: "Anna Jónsdóttir", text: "Hello.")])
    }

    @Test func attendeeSectionWithListItemsAndMailtoLinks() throws {
        let html = """
            <h2>Viðstaddir</h2>
            <ul><li><a href="mailto:gudrun@nordurljos.is">Guðrún Helgadóttir</a> – Viðskiptastjóri, Norðurljós hugbúnaður ehf.</li>
            <li>Sigurður Ármannsson, innkaupastjóri, Orkulind hf. &lt;Sigurdur@Orkulind.IS&gt;</li>
            <li>sara@example.com</li></ul>
            <p>The meeting opened with a review of the contract.</p>
            """
        let (document, _) = try Self.read(html)
        #expect(
            document.to == [
                Participant(
                    name: "Guðrún Helgadóttir", address: "gudrun@nordurljos.is",
                    organisation: "Norðurljós hugbúnaður ehf.", role: "Viðskiptastjóri"),
                Participant(
                    name: "Sigurður Ármannsson", address: "Sigurdur@orkulind.is", organisation: "Orkulind hf.",
                    role: "innkaupastjóri"),
                Participant(address: "sara@example.com"),
            ])
        #expect(document.segments == [Segment(text: "The meeting opened with a review of the contract.")])
    }

    @Test func absenteesAreNotAttendees() throws {
        let html = "<p>Participants: Ari Pétursson; Sarah Whitcombe</p><p>Apologies: Richard Haines</p><p>Text.</p>"
        let (document, _) = try Self.read(html)
        #expect(document.to.map(\.displayName) == ["Ari Pétursson", "Sarah Whitcombe"])
        #expect(document.segments == [Segment(text: "Text.")])
    }

    @Test func withoutAnAttendeeSectionEveryMailtoLinkIsAnAttendee() throws {
        let html =
            "<p>Call with <a href=\"mailto:fiona.macleod@selkieseafoods.co.uk?subject=x\">Fiona MacLeod</a>"
            + " and <a href=\"MAILTO:callum.reid@selkieseafoods.co.uk\">callum.reid@selkieseafoods.co.uk</a>.</p>"
        let (document, _) = try Self.read(html)
        #expect(
            document.to == [
                Participant(name: "Fiona MacLeod", address: "fiona.macleod@selkieseafoods.co.uk"),
                Participant(address: "callum.reid@selkieseafoods.co.uk"),
            ])
    }

    @Test func organiserAccountAndThreadLines() throws {
        let html = """
            <p>Organiser: Ari Pétursson</p><p>Customer: Brightwater Home Ltd</p>
            <p>Message-ID: &lt;abc.123@brightwaterhome.co.uk&gt;</p><p>Location: Leeds</p>
            <p>Attendees: Ari Pétursson &lt;ari@nordurljos.is&gt;</p><p>Text.</p>
            """
        let (document, _) = try Self.read(html)
        #expect(document.from == [Participant(name: "Ari Pétursson", address: "ari@nordurljos.is")])
        #expect(document.account == "Brightwater Home Ltd")
        #expect(document.inReplyTo == "abc.123@brightwaterhome.co.uk")
        #expect(document.references == ["abc.123@brightwaterhome.co.uk"])
        #expect(document.segments == [Segment(text: "Text.")])
    }

    @Test func threadSubjectIsTheSubjectWithoutATitle() throws {
        let (document, _) = try Self.read("<p>Þráður: Re: Verðhækkun 2026</p><p>Texti.</p>")
        #expect(document.subject == "Re: Verðhækkun 2026")
        #expect(document.inReplyTo == nil)
    }

    // MARK: - Speaker turns

    @Test func speakerTurnsInEveryForm() throws {
        let html = """
            <p>Attendees: Anna Jónsdóttir; Jón Sigurðsson; Sarah Whitcombe</p>
            <p>Anna: We can look at the terms.</p>
            <p><b>Jón Sigurðsson</b> That is not acceptable.</p>
            <p><strong>Sarah:</strong> Let us find a way.</p>
            <p><span style="font-weight: bold">JS</span> – Fine.</p>
            <table><tr><td>Anna</td><td>Thank you.</td></tr><tr><td><p>Jón</p></td><td><p>Good.</p></td></tr></table>
            <dl><dt>Sarah Whitcombe</dt><dd>Agreed.</dd><dd>See you in March.</dd></dl>
            <p>Note: this is not a speaker.</p>
            <p>The price was discussed: at length.</p>
            """
        let (document, _) = try Self.read(html)
        #expect(
            document.segments == [
                Segment(speaker: "Anna Jónsdóttir", text: "We can look at the terms."),
                Segment(speaker: "Jón Sigurðsson", text: "That is not acceptable."),
                Segment(speaker: "Sarah Whitcombe", text: "Let us find a way."),
                Segment(speaker: "Jón Sigurðsson", text: "Fine."),
                Segment(speaker: "Anna Jónsdóttir", text: "Thank you."),
                Segment(speaker: "Jón Sigurðsson", text: "Good."),
                Segment(speaker: "Sarah Whitcombe", text: "Agreed."),
                Segment(speaker: "Sarah Whitcombe", text: "See you in March."),
                Segment(text: "Note: this is not a speaker."),
                Segment(text: "The price was discussed: at length."),
            ])
        #expect(
            document.text == """
                We can look at the terms.

                That is not acceptable.

                Let us find a way.

                Fine.

                Thank you.

                Good.

                Agreed.

                See you in March.

                Note: this is not a speaker.

                The price was discussed: at length.
                """)
    }

    @Test func speakerTableWithHeaderRow() throws {
        let html =
            "<table><tr><td>Mælandi</td><td>Ummæli</td></tr><tr><td>Guðrún</td><td>Takk fyrir.</td></tr>"
            + "<tr><td>the finance team</td><td>Agreed.</td></tr></table>"
        let (document, _) = try Self.read(html)
        #expect(
            document.segments == [
                Segment(speaker: "Guðrún", text: "Takk fyrir."),
                Segment(speaker: "the finance team", text: "Agreed."),
            ])
    }

    // MARK: - Sections and action items

    @Test func sectionsInEnglishAndIcelandic() throws {
        let html = """
            <h2>Decisions</h2><ul><li>Keep the price.</li></ul>
            <p><b>Ákvarðanir</b></p><p>Halda verðinu.</p>
            <h3>Risks:</h3><p>Tender.</p>
            <p>Áhættur: Útboð.</p>
            <h2>Next steps</h2><ul><li>Follow-up call (Ari, 11.03.2026)</li></ul>
            <h2>Background</h2><p>Plain text again.</p>
            """
        let (document, _) = try Self.read(html)
        #expect(
            document.segments.map(\.text) == [
                "Decisions: Keep the price.",
                "Ákvarðanir: Halda verðinu.",
                "Risks: Tender.",
                "Áhættur: Útboð.",
                "Next steps: Follow-up call (owner: Ari, due: 2026-03-11)",
                "Plain text again.",
            ])
        #expect(document.segments.allSatisfy { $0.speaker == nil })
    }

    @Test func actionItemOwnersAndDueDates() throws {
        let html = """
            <p>Date: 4 March 2026</p>
            <p>Attendees: Anna Jónsdóttir; Jón Sigurðsson</p>
            <h2>Action items</h2>
            <ul>
            <li>Anna: send the revised offer by 11 March</li>
            <li>Confirm the budget – Jón – 20.03.2026</li>
            <li>Book the room; owner: AJ; due: 2026-03-09</li>
            <li>Update the forecast (Jón Sigurðsson, fyrir 25. mars)</li>
            <li>Review the SLA (draft v2)</li>
            <li>Call the lawyers</li>
            </ul>
            <h2>Verkefni</h2>
            <table><tr><th>Verkefni</th><th>Ábyrgð</th><th>Skiladagur</th></tr>
            <tr><td>Senda gögn</td><td>Jón</td><td>1. apríl</td></tr>
            <tr><td>Fundarboð</td><td></td><td>eftir páska</td></tr></table>
            """
        let (document, _) = try Self.read(html)
        #expect(
            document.segments.map(\.text) == [
                "Action items: send the revised offer by 11 March (owner: Anna Jónsdóttir, due: 2026-03-11)",
                "Action items: Confirm the budget (owner: Jón Sigurðsson, due: 2026-03-20)",
                "Action items: Book the room (owner: Anna Jónsdóttir, due: 2026-03-09)",
                "Action items: Update the forecast (owner: Jón Sigurðsson, due: 2026-03-25)",
                "Action items: Review the SLA (draft v2)",
                "Action items: Call the lawyers",
                "Verkefni: Senda gögn (owner: Jón Sigurðsson, due: 2026-04-01)",
                "Verkefni: Fundarboð (due: eftir páska)",
            ])
    }

    @Test func confluencePagePropertiesTable() throws {
        let html = """
            <table><tbody>
            <tr><th>Date</th><td><time datetime="2026-03-10">10 Mar 2026</time></td></tr>
            <tr><th>Account</th><td>Hafbrún hf.</td></tr>
            <tr><th>Participants</th><td><ul><li><a href="mailto:jon@hafbrun.is">Jón Guðmundsson</a></li>
            <li>Einar Sveinsson (support lead)</li></ul></td></tr>
            <tr><th>Decisions</th><td><p>Go ahead.</p></td></tr>
            </tbody></table>
            <p>Discussion follows.</p>
            """
        let (document, _) = try Self.read(html)
        #expect(Self.utc(document.date) == "2026-03-10 00:00")
        #expect(document.account == "Hafbrún hf.")
        #expect(
            document.to == [
                Participant(name: "Jón Guðmundsson", address: "jon@hafbrun.is"),
                Participant(name: "Einar Sveinsson", address: "einar.sveinsson", role: "support lead"),
            ])
        #expect(document.segments.map(\.text) == ["Decisions: Go ahead.", "Discussion follows."])
    }

    // MARK: - Broken HTML

    @Test func brokenHTMLIsRecovered() throws {
        let html =
            "<html><body><h2>Decisions<ul><li>Keep <b>the price<li>Review in May</ul>"
            + "<p>Anna: unclosed <i>italic<div>and a div</p></i><p>Risks: churn"
        let (document, diagnostics) = try Self.read(html)
        #expect(document.subject == nil)
        #expect(
            document.segments.map(\.text) == [
                "Decisions: Keep the price - Review in May",
                "Decisions: Anna: unclosed italic",
                "Decisions: and a div",
                "Risks: churn",
            ])
        #expect(diagnostics.map(\.code) == ["note.html-recovered", "note.no-date"])
        #expect(diagnostics.first?.location.line == 1)
    }

    @Test func emptyHTMLIsAnEmptyNote() throws {
        let (documents, diagnostics) = NoteReader.read(
            Array("<html></html>".utf8), format: .html,
            location: SourceLocation(file: "e.html"))
        #expect(documents.first?.segments == [])
        #expect(diagnostics.map(\.code) == ["note.no-date", "note.empty"])
    }
}
