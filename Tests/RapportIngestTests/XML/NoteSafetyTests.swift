import Foundation
import RapportModel
import Testing

@testable import RapportIngest

#if canImport(Glibc)
import Glibc
#endif

/// Real attack documents must come out inert: no entity expansion, no file or network access,
/// bounded time and memory, and a diagnostic saying what was refused.
@Suite struct NoteSafetyTests {
    static let location = SourceLocation(file: "attack.xml")

    /// Everything a document carries, as one string, to search for leaked content.
    private static func everything(_ documents: [Document]) throws -> String {
        String(decoding: try JSONEncoder().encode(documents), as: UTF8.self)
    }

    private static func read(_ xml: String) -> (documents: [Document], diagnostics: [Diagnostic]) {
        NoteReader.read(Array(xml.utf8), format: .rapportXML, location: location)
    }

    /// A file holding a secret, removed when the test ends.
    private final class SecretFile {
        let url: URL
        let secret = "TOP-SECRET-\(UInt64.random(in: 1...UInt64.max))"

        init(contents: (String) -> String = { $0 }) throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-xxe-\(UUID().uuidString).txt")
            try Data(contents(secret).utf8).write(to: url)
        }

        deinit { try? FileManager.default.removeItem(at: url) }
    }

    @Test func billionLaughsIsRefused() throws {
        var entities = "<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        let xml =
            "<?xml version=\"1.0\"?>\n<!DOCTYPE meeting [\n\(entities)]>\n<meeting><title>Q &lol9; end</title></meeting>"
        let clock = ContinuousClock()
        let start = clock.now
        let (documents, diagnostics) = Self.read(xml)
        #expect(clock.now - start < .seconds(5))
        #expect(try Self.everything(documents).contains("lollol") == false)
        #expect(documents.first.map { $0.subject ?? "" }.map { $0.count < 20 } ?? true)
        let codes = Set(diagnostics.map(\.code))
        #expect(codes.isSuperset(of: ["note.xml-dtd-ignored", "note.xml-entity-loop"]))
        #expect(diagnostics.first { $0.code == "note.xml-entity-loop" }?.severity == .error)
    }

    @Test func quadraticBlowUpIsNotExpanded() throws {
        let payload = String(repeating: "x", count: 50_000)
        let references = String(repeating: "&a;", count: 50_000)
        let xml =
            "<?xml version=\"1.0\"?><!DOCTYPE meeting [<!ENTITY a \"\(payload)\">]>"
            + "<meeting><title>Title</title><summary>before \(references) after</summary></meeting>"
        let clock = ContinuousClock()
        let start = clock.now
        let (documents, diagnostics) = Self.read(xml)
        #expect(clock.now - start < .seconds(5))
        let document = try #require(documents.first)
        #expect(document.text == "before after")
        #expect(diagnostics.map(\.code).contains("note.xml-dtd-ignored"))
        let entityNote = try #require(diagnostics.first { $0.code == "note.xml-entity-not-expanded" })
        #expect(entityNote.message == "50000 entity reference(s) left unexpanded")
    }

    @Test func externalEntityToALocalFileIsNotRead() throws {
        let secret = try SecretFile()
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE meeting [<!ENTITY xxe SYSTEM "\(secret.url.absoluteString)">]>
            <meeting><title>A &xxe; B</title><summary>Text &xxe;</summary><attendees>\
            <attendee name="&xxe;" email="x@y.is"/></attendees></meeting>
            """
        let (documents, diagnostics) = Self.read(xml)
        let document = try #require(documents.first)
        #expect(try Self.everything(documents).contains(secret.secret) == false)
        #expect(document.subject == "A B")
        #expect(document.text == "Text")
        #expect(diagnostics.map(\.code).contains("note.xml-entity-not-expanded"))
        #expect(diagnostics.map(\.message).allSatisfy { !$0.contains(secret.secret) })
    }

    @Test func parameterEntityAndExternalDTDAreNotLoaded() throws {
        let dtd = try SecretFile { secret in
            "<!ENTITY leak \"\(secret)\">\n<!ATTLIST meeting id CDATA \"\(secret)\">\n"
        }
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE meeting SYSTEM "\(dtd.url.absoluteString)" [<!ENTITY % remote SYSTEM "\(dtd.url.absoluteString)"> %remote;]>
            <meeting><title>Before &leak; after</title><date>2026-03-04</date></meeting>
            """
        let (documents, diagnostics) = Self.read(xml)
        let document = try #require(documents.first)
        #expect(try Self.everything(documents).contains(dtd.secret) == false)
        #expect(document.id.hasPrefix("note-"))
        #expect(document.subject == "Before after")
        #expect(Set(diagnostics.map(\.code)).isSuperset(of: ["note.xml-external-dtd", "note.xml-dtd-ignored"]))
    }

    @Test func networkEntitiesAndDTDsAreNeverFetched() throws {
        let listener = try LoopbackListener()
        let base = "http://127.0.0.1:\(listener.port)"
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE meeting SYSTEM "\(base)/notes.dtd" [<!ENTITY web SYSTEM "\(base)/secret"><!ENTITY % p SYSTEM "\(base)/p.dtd"> %p;]>
            <meeting><title>A &web; B</title><date>2026-03-04</date></meeting>
            """
        let (documents, diagnostics) = Self.read(xml)
        #expect(documents.first?.subject == "A B")
        #expect(listener.connectionAttempted() == false)
        #expect(Set(diagnostics.map(\.code)).isSuperset(of: ["note.xml-external-dtd", "note.xml-entity-not-expanded"]))
    }

    @Test func entitiesInHTMLNotesStayLiteral() throws {
        let secret = try SecretFile()
        let html =
            "<!DOCTYPE html [<!ENTITY x SYSTEM \"\(secret.url.absoluteString)\">]><html><body><p>A &x; B</p></body></html>"
        let (documents, _) = NoteReader.read(Array(html.utf8), format: .html, location: Self.location)
        #expect(try Self.everything(documents).contains(secret.secret) == false)
        #expect(documents.first?.text.contains("A &x; B") == true)
        #expect(HTMLText.text(fromHTML: Array(html.utf8), charset: nil).contains(secret.secret) == false)
    }

    @Test func oversizeNotesAreRefused() {
        let bytes =
            Array("<meeting><summary>".utf8) + [UInt8](repeating: 0x61, count: NoteReader.maximumSize)
            + Array("</summary></meeting>".utf8)
        let (documents, diagnostics) = NoteReader.read(bytes, format: .rapportXML, location: Self.location)
        #expect(documents.isEmpty)
        #expect(diagnostics.map(\.code) == ["note.too-large"])
        #expect(diagnostics.first?.severity == .error)
    }

    @Test func deepNestingIsCutByLibxml2() throws {
        let xml = "<meeting><summary>" + String(repeating: "<a>", count: 100_000) + "deep"
        let (documents, diagnostics) = Self.read(xml)
        #expect(documents.count <= 1)
        #expect(diagnostics.map(\.code).contains("note.xml-malformed"))
        let html = "<p>" + String(repeating: "<div>", count: 100_000) + "deep"
        #expect(HTMLText.text(fromHTML: Array(html.utf8), charset: "utf-8").count < 100)
    }

    @Test func garbageYieldsDiagnosticsNotCrashes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let bytes = (0..<2000).map { _ in UInt8.random(in: 0...255, using: &generator) }
            for format in NoteFormat.allCases {
                _ = NoteReader.read(Array("<meeting>".utf8) + bytes, format: format, location: Self.location)
            }
            _ = HTMLText.text(fromHTML: bytes, charset: nil)
        }
        let (documents, diagnostics) = NoteReader.read([], format: .rapportXML, location: Self.location)
        #expect(documents.isEmpty)
        #expect(diagnostics.map(\.code) == ["note.unreadable"])
    }
}

/// A TCP listener on 127.0.0.1 that reports whether anything tried to connect.
private final class LoopbackListener {
    private let socket: Int32
    let port: UInt16

    init() throws {
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard descriptor >= 0, bound == 0, listen(descriptor, 4) == 0 else {
            if descriptor >= 0 { close(descriptor) }
            throw POSIXError(.EADDRNOTAVAIL)
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        socket = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    /// True when a connection is waiting to be accepted.
    func connectionAttempted() -> Bool {
        let client = accept(socket, nil, nil)
        if client >= 0 {
            close(client)
            return true
        }
        return false
    }

    deinit { close(socket) }
}
