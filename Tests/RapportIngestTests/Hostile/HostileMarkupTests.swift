import Foundation
import RapportModel
import Testing

@testable import RapportIngest

/// HTML and XML built to exhaust a parser, read through the ingestor as files and mail bodies.
/// `NoteSafetyTests` proves the note reader refuses each attack on its own; these prove that the
/// whole run names the file, reads the next one, and keeps counting.
@Suite struct HostileMarkupTests {
    private static func htmlMail(_ html: String) -> [UInt8] {
        HostileInput.message(headers: "MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n", body: html)
    }

    private static let after = HostileInput.message(body: "Fine, thanks.\n", subject: "after")

    @Test func htmlMailWithHundredThousandNestedTags() throws {
        let html = "<html><body><p>Top words.</p>" + String(repeating: "<div>", count: 100_000) + "deep words"
            + String(repeating: "</div>", count: 100_000) + "</body></html>"
        let record = try HostileInput.read(bytes: Self.htmlMail(html))
        let text = try #require(record.documents.first?.text)
        #expect(text.hasPrefix("Top words."))
        #expect(record.countsAddUp)
    }

    @Test func htmlMailWithHundredThousandUnclosedInlineTags() throws {
        let html = "<p>Top words." + String(repeating: "<b><i><span>", count: 33_334) + "end"
        let record = try HostileInput.read(bytes: Self.htmlMail(html))
        #expect(record.documents.first?.text.hasPrefix("Top words.") == true)
    }

    @Test func htmlNoteWithHundredThousandNestedTagsThenTheNextFile() throws {
        let folder = try TemporaryFolder()
        let html = "<!DOCTYPE html><html><head><title>Deep</title></head><body><h1>Meeting 2026-03-04</h1>"
            + "<p>Top words.</p>" + String(repeating: "<div>", count: 100_000) + "deep"
        let note = try folder.write("deep.html", Array(html.utf8))
        let after = try folder.write("after.eml", Self.after)
        let record = try HostileInput.read([note, after])
        #expect(record.documents.map(\.kind) == [.note, .email])
        #expect(record.documents.first?.text.contains("Top words.") == true)
        #expect(record.diagnostics.allSatisfy { $0.location.file == note })
        #expect(record.countsAddUp)
    }

    @Test func enormousAttributeInHTMLMail() throws {
        let attribute = String(repeating: "x", count: 4 << 20)
        let html = "<p title=\"\(attribute)\" class=\"\(attribute)\">Hello there.</p><p style=\"\(attribute)\">Bye.</p>"
        let (record, growth) = try MemoryWatch.peakGrowth { try HostileInput.read(bytes: Self.htmlMail(html)) }
        #expect(record.documents.map(\.text) == ["Hello there.\n\nBye."])
        #expect(growth < 512 << 20, "resident memory grew by \(growth >> 20) MiB")
    }

    @Test func enormousUnclosedAttributeInHTMLMail() throws {
        let html = "<p>Hello there.</p><a href=\"" + String(repeating: "y", count: 4 << 20)
        let record = try HostileInput.read(bytes: Self.htmlMail(html))
        #expect(record.documents.first?.text.hasPrefix("Hello there.") == true)
    }

    @Test func enormousAttributeInXMLNote() throws {
        let attribute = String(repeating: "z", count: 4 << 20)
        let xml = "<?xml version=\"1.0\"?><meeting><title>Review</title><date>2026-03-04</date>"
            + "<attendees><attendee name=\"\(attribute)\" email=\"a@example.com\"/></attendees>"
            + "<summary>Short summary.</summary></meeting>"
        let record = try HostileInput.read(bytes: Array(xml.utf8), name: "big-attribute.xml")
        #expect(record.documents.map(\.text) == ["Short summary."])
    }

    @Test func xmlAttacksAreNamedAndTheRunGoesOn() throws {
        let folder = try TemporaryFolder()
        let secret = "SECRET-\(UInt64.random(in: 1...UInt64.max))"
        let secretPath = try folder.write("secret.txt", Array(secret.utf8))
        var laughs = "<!ENTITY l0 \"lol\">"
        for level in 1...9 { laughs += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">" }
        let attacks: [(name: String, xml: String, code: String)] = [
            ("laughs.xml", "<?xml version=\"1.0\"?><!DOCTYPE meeting [\(laughs)]><meeting><title>&l9;</title></meeting>",
             "note.xml-entity-loop"),
            ("quadratic.xml", "<?xml version=\"1.0\"?><!DOCTYPE meeting [<!ENTITY a \"" + String(repeating: "a", count: 50_000)
                + "\">]><meeting><title>Q</title><summary>" + String(repeating: "&a;", count: 50_000) + "</summary></meeting>",
             "note.xml-entity-not-expanded"),
            ("file.xml", "<?xml version=\"1.0\"?><!DOCTYPE meeting [<!ENTITY x SYSTEM \"file://\(secretPath)\">]>"
                + "<meeting><title>F</title><summary>A &x; B</summary></meeting>",
             "note.xml-entity-not-expanded"),
            ("http.xml", "<?xml version=\"1.0\"?><!DOCTYPE meeting SYSTEM \"http://127.0.0.1:9/notes.dtd\" "
                + "[<!ENTITY w SYSTEM \"http://127.0.0.1:9/w\">]><meeting><title>H</title><summary>A &w; B</summary></meeting>",
             "note.xml-external-dtd"),
            ("parameter.xml", "<?xml version=\"1.0\"?><!DOCTYPE meeting [<!ENTITY % p SYSTEM \"file://\(secretPath)\"> %p;]>"
                + "<meeting><title>P</title><summary>Text.</summary></meeting>",
             "note.xml-dtd-ignored"),
        ]
        var paths: [String] = []
        for attack in attacks { paths.append(try folder.write(attack.name, Array(attack.xml.utf8))) }
        paths.append(try folder.write("after.eml", Self.after))

        let (record, growth) = try MemoryWatch.peakGrowth { try HostileInput.read(paths) }

        for (attack, path) in zip(attacks, paths) {
            #expect(record.diagnostics(attack.code).contains { $0.location.file == path }, "\(attack.name)")
        }
        #expect(record.documents.last?.subject == "after")
        let everything = String(decoding: try JSONEncoder().encode(record.documents), as: UTF8.self)
        #expect(!everything.contains(secret))
        #expect(!everything.contains("lollol"))
        #expect(!everything.contains("aaaaaaaaaa"))
        // Each attack is read as a note (a DOCTYPE with an internal subset used to hide it from
        // the format sniffer, so the file was skipped as "not mail").
        #expect(record.documents.filter { $0.kind == .note }.count == attacks.count)
        #expect(record.summary.files == attacks.count + 1)
        #expect(record.countsAddUp)
        #expect(growth < 256 << 20, "resident memory grew by \(growth >> 20) MiB")
    }

    @Test func processingInstructionsAreDropped() throws {
        let xml = "<?xml version=\"1.0\"?><?xml-stylesheet type=\"text/xsl\" href=\"http://127.0.0.1:9/x.xsl\"?>"
            + "<meeting><?php system('rm -rf /'); ?><title>Review</title><date>2026-03-04</date>"
            + "<summary>Before <?pi inside?>after.</summary></meeting>"
        let note = try HostileInput.read(bytes: Array(xml.utf8), name: "pi.xml")
        #expect(note.documents.map(\.text) == ["Before after."])
        #expect(note.documents.map(\.subject) == ["Review"])

        let html = "<?php echo 'x'; ?><p>Hello <?php system('id'); ?>there.</p>"
        let mail = try HostileInput.read(bytes: Self.htmlMail(html))
        #expect(mail.documents.map(\.text) == ["Hello there."])
    }

    @Test(arguments: ["IBM1364", "ISO-2022-JP-3", "UTF-8//TRANSLIT", "../../../tmp/x", "EBCDIC-US"])
    func onlyRegisteredCharsetsReachTheConverter(_ label: String) {
        // glibc's rarer converters have hung or aborted on crafted input (CVE-2020-27618,
        // CVE-2021-3326); a mail's label may only pick one the charset registry lists.
        let html = Array("<html><head><meta charset=\"\(label)\"></head><body><p>Hello</p></body></html>".utf8)
        #expect(HTMLCharset.resolve(html, declared: nil) == "UTF-8")
        #expect(HTMLCharset.resolve(html, declared: label) == "UTF-8")
        #expect(HTMLCharset.resolve(html, declared: "KOI8-R") == "koi8-r")
    }

    @Test func entityBombInHTMLMailStaysLiteral() throws {
        var laughs = "<!ENTITY l0 \"lol\">"
        for level in 1...9 { laughs += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">" }
        let html = "<!DOCTYPE html [\(laughs)]><html><body><p>A &l9; B</p></body></html>"
        let record = try HostileInput.read(bytes: Self.htmlMail(html))
        let text = try #require(record.documents.first?.text)
        // The HTML parser knows no internal subset: its declarations come out as plain text,
        // and the reference stays as written.
        #expect(!text.contains("lollol"))
        #expect(text.hasSuffix("A &l9; B"))
        #expect(text.utf8.count < html.utf8.count)
    }
}
