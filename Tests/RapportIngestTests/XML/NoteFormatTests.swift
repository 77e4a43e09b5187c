import RapportModel
import RapportResources
import Testing

@testable import RapportIngest

/// Sniffing, the generic XML fallback and the cue file.
@Suite struct NoteSniffTests {
    @Test(
        arguments: [
            (
                "<?xml version=\"1.0\"?>\n<meeting xmlns=\"urn:rapport:meeting-notes:1\">",
                NoteFormat.rapportXML as NoteFormat?
            ),
            ("<meeting>", .rapportXML),
            ("\u{FEFF}  \n<!-- exported --><r:meeting xmlns:r='urn:rapport:meeting-notes:1'>", .rapportXML),
            ("<meeting xmlns=\"urn:other\">", .genericXML),
            ("<r:meeting xmlns:r=\"urn:other\">", .genericXML),
            ("<?xml version=\"1.0\"?><crm:export xmlns:crm=\"urn:crm\">", .genericXML),
            ("<?xml version=\"1.0\"?><!DOCTYPE note SYSTEM \"note.dtd\"><note>", .genericXML),
            ("<!DOCTYPE html><html>", .html),
            ("<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">", .html),
            ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", .html),
            ("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\">", .html),
            ("<HTML><HEAD>", .html),
            ("<p>Fragment</p>", .html),
            ("Attendees: Anna", nil),
            ("From: a@b.is\nSubject: x", nil),
            ("", nil),
            ("<", nil),
            ("<1abc>", nil),
            ("<anna@nordurljos.is> wrote:", nil),
            ("<?xml version=\"1.0\"?>\n<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\">", nil),
            ("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">", nil),
            ("<grammar>", .genericXML),
        ] as [(String, NoteFormat?)])
    func sniff(_ text: String, expected: NoteFormat?) {
        #expect(NoteReader.sniff(Array(text.utf8)[...]) == expected, "\(text)")
    }

    @Test func utf16HTMLIsSniffed() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("<html>".utf8).flatMap { [$0, 0] }
        #expect(NoteReader.sniff(bytes[...]) == .html)
    }

    @Test func sniffLooksOnlyAtThePrefix() {
        let long = Array(("<!--" + String(repeating: "x", count: 10_000) + "--><meeting>").utf8)
        #expect(NoteReader.sniff(long[...]) == nil)
    }
}

@Suite struct GenericXMLNoteTests {
    @Test func textInDocumentOrderWithTitleDateAndAccount() throws {
        let xml = """
            <?xml version="1.0"?>
            <crm:activity xmlns:crm="urn:example:crm" created="2026-03-04T10:00:00Z">
              <crm:subject>Call with Orkulind</crm:subject>
              <crm:customer>Orkulind hf.</crm:customer>
              <crm:body><crm:p>They are <crm:b>unhappy</crm:b> with the price.</crm:p><crm:p>Follow up.</crm:p></crm:body>
              <crm:when>2026-03-05</crm:when>
            </crm:activity>
            """
        let (documents, diagnostics) = NoteReader.read(
            Array(xml.utf8), format: .genericXML,
            location: SourceLocation(file: "crm.xml"))
        let document = try #require(documents.first)
        #expect(document.kind == .note)
        #expect(document.subject == "Call with Orkulind")
        #expect(document.date == NoteDate(year: 2026, month: 3, day: 4, hour: 10, minute: 0).instant)
        #expect(document.account == "Orkulind hf.")
        #expect(
            document.segments == [
                Segment(text: "They are unhappy with the price."),
                Segment(text: "Follow up."),
                Segment(text: "2026-03-05"),
            ])
        #expect(diagnostics.map(\.code) == ["note.generic-xml"])
        #expect(diagnostics.first?.severity == .note)
        #expect(diagnostics.first?.location == SourceLocation(file: "crm.xml", line: 2))
    }

    @Test func dateFromElementName() throws {
        let xml = "<export><item><title>Q1</title><date>4. mars 2026</date><text>Gott.</text></item></export>"
        let (documents, _) = NoteReader.read(Array(xml.utf8), format: .genericXML, location: SourceLocation(file: "x"))
        #expect(documents.first?.date == NoteDate(year: 2026, month: 3, day: 4).instant)
        #expect(documents.first?.text == "Gott.")
    }

    @Test func xhtmlSniffedAsXMLIsReadAsHTML() throws {
        let xml =
            "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Ari: Hello.</p></body></html>"
        let (documents, diagnostics) = NoteReader.read(
            Array(xml.utf8), format: .genericXML, location: SourceLocation(file: "x"))
        #expect(documents.first?.segments == [Segment(speaker: "Ari", text: "Hello.")])
        #expect(diagnostics.map(\.code) == ["note.no-date"])
    }
}

@Suite struct NoteCuesTests {
    @Test func shippedCueFileIsWellFormed() throws {
        let text = try #require(DefaultResources.text("note-cues.txt"))
        let cues = NoteCues(text: text)
        #expect(cues.malformedLines == [])
        #expect(cues.kind(of: "Attendees:") == .attendees)
        #expect(cues.kind(of: "VIÐSTADDIR") == .attendees)
        #expect(cues.kind(of: "Participants") == .attendees)
        #expect(cues.kind(of: "Næstu  skref:") == .nextSteps)
        #expect(cues.kind(of: "Áhættur") == .risks)
        #expect(cues.kind(of: "Ákvarðanir") == .decisions)
        #expect(cues.kind(of: "Action items") == .actions)
        #expect(cues.kind(of: "Verkefni") == .actions)
        #expect(cues.kind(of: "Dags.") == .date)
        #expect(cues.kind(of: "Anna") == nil)
        #expect(cues.month("mars") == 3)
        #expect(cues.month("Ágúst") == 8)
        #expect(cues.month("des.") == 12)
        #expect(cues.month("Sept") == 9)
        #expect(cues.sectionName(.risks, language: "is") == "Áhættur")
        #expect(cues.sectionName(.risks, language: "de") == "Risks")
        #expect(cues.isOrganisationSuffix("ehf."))
        #expect(cues.isOrganisationSuffix("Ltd"))
        #expect(!cues.isOrganisationSuffix("Orkulind"))
    }

    /// Every phrase belongs to one kind, as the file's header promises.
    @Test func noPhraseHasTwoKinds() throws {
        let text = try #require(DefaultResources.text("note-cues.txt"))
        var seen: [String: String] = [:]
        var clashes: [String] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 3 else { continue }
            let key = NoteCues.fold(fields[2])
            if let kind = seen[key], kind != fields[0] { clashes.append(key) }
            seen[key] = fields[0]
        }
        #expect(clashes == [])
    }

    @Test func malformedLinesAreReported() {
        let cues = NoteCues(
            text: "# header\nattendees\ten\tPresent\nbogus line\nmonth\tis\t13\tfoo\n\nrisks\tis\tÁhætta\r\n")
        #expect(cues.malformedLines == [3, 4])
        #expect(cues.kind(of: "present") == .attendees)
        #expect(cues.kind(of: "Áhætta") == .risks)
    }
}
