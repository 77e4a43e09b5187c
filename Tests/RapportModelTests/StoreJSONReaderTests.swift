import Foundation
import Testing
@testable import RapportModel
import RapportTestSupport

@Suite struct StoreJSONReaderTests {
    static let tricky = [
        "", "plain", "quote \" and \\ backslash / slash", "tab\tnew\nline\rcr\u{8}\u{C}", "\u{1}\u{1F}\u{7F}",
        "line\u{2028}para\u{2029}", "Þetta “virkar” — 👍🏽 𝄞", "\u{FEFF}bom", "ends with backslash \\",
    ]

    static func sample(_ text: String) -> DocumentScore {
        DocumentScore(
            language: .icelandic, sentiment: -0.123456789, positive: 0.1, negative: 1e-5, neutral: 0.8999,
            categories: ["conflict.anger": 0.5, text.isEmpty ? "x" : text: 5e-324, "b": 1e300], politeness: -0.0,
            sentences: [
                SentenceScore(
                    text: text, utf8Range: 3..<17, sentiment: 0.25, categories: [:], politeness: 0.333,
                    evidence: [
                        Evidence(term: text, entry: "disappoint*", category: "sentiment", baseWeight: -2,
                                 finalWeight: -2.9000000000000004, rules: ["booster", text]),
                    ],
                    rules: ["question", text]),
                SentenceScore(text: "Second.", utf8Range: 0..<0, sentiment: 0, categories: ["a": 1], politeness: 0,
                              evidence: [], rules: []),
            ])
    }

    static func encoded<T: Encodable>(_ value: T, sorted: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = sorted ? [.sortedKeys, .withoutEscapingSlashes] : [.prettyPrinted]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// What the store writes reads back equal to the score and to what `JSONDecoder` reads.
    @Test(arguments: tricky)
    func readsWhatTheEncoderWrites(_ text: String) throws {
        let score = Self.sample(text)
        for sorted in [true, false] {
            let json = try Self.encoded(score, sorted: sorted)
            let read = try StoreJSONReader.documentScore(json)
            #expect(read == score)
            #expect(read == (try JSONDecoder().decode(DocumentScore.self, from: Data(json.utf8))))
            #expect(read.politeness.sign == score.politeness.sign)
        }
    }

    /// The sentence texts alone are the texts the whole score reads, whatever surrounds them.
    @Test(arguments: tricky)
    func sentenceTextsAreThoseOfTheWholeScore(_ text: String) throws {
        let score = Self.sample(text)
        for sorted in [true, false] {
            let json = try Self.encoded(score, sorted: sorted)
            #expect(try StoreJSONReader.sentenceTexts(ofScore: json) == [text, "Second."])
        }
        let empty = DocumentScore(language: .english)
        #expect(try StoreJSONReader.sentenceTexts(ofScore: try Self.encoded(empty, sorted: true)) == [])
    }

    @Test(arguments: [
        "", "{}", "[]", #"{"sentences":[{"sentiment":0}]}"#, #"{"sentences":[{"text":"a","extra":1}]}"#,
        #"{"language":"en","sentences":[{"text":"a"}],"other":[]}"#, #"{"sentences":[{"text":"a"}]} x"#,
        #"{"sentences":[{"text":"a","evidence":[{"term":"unterminated}]}]}"#,
        #"{"sentences":[{"text":"a","categories":{"a":}}]}"#, #"{"sentences":[{"text":"a","rules":[nul]}]}"#,
        #"{"sentences":[{"text":"a\q"}]}"#,
    ])
    func sentenceTextsRefuseWhatTheWholeReaderRefuses(_ json: String) {
        #expect(throws: StoreJSONReader.Unreadable.self) { try StoreJSONReader.sentenceTexts(ofScore: json) }
    }

    @Test func sentenceTextsPassOverEveryKindOfValue() throws {
        // Every member the shape requires, each holding a value of another kind than usual.
        let json = #"{"categories":{"a":1.5e-3,"b":-2},"language":"is","negative":0,"neutral":1,"politeness":null,"#
            + #""positive":true,"sentences":[{"categories":{},"evidence":[{"term":"\"q\" \\ \u00e9","rules":[[],{}]}],"#
            + #""politeness":"high","rules":["x"],"sentiment":false,"text":"One \u00fe.","utf8Range":[0,5]},"#
            + #"{"categories":[],"evidence":null,"politeness":0,"rules":{},"sentiment":0,"text":"Two.","utf8Range":"x"}],"#
            + #""sentiment":0}"#
        #expect(try StoreJSONReader.sentenceTexts(ofScore: json) == ["One þ.", "Two."])
    }

    @Test func readsEscapesJSONAllows() throws {
        let json = #"{"language":"en","sentiment":1.5E2,"positive":0,"negative":-0.5e-1,"neutral":1,"#
            + #""categories":{},"politeness":0,"sentences":[{"text":"\u00e9\ud834\udd1e\/\b","utf8Range":[0,4],"#
            + #""sentiment":0,"categories":{},"politeness":0,"evidence":[],"rules":[]}]}"#
        let read = try StoreJSONReader.documentScore(json)
        #expect(read == (try JSONDecoder().decode(DocumentScore.self, from: Data(json.utf8))))
        #expect(read.sentences[0].text == "é𝄞/\u{8}")
        #expect(read.sentiment == 150)
    }

    /// Anything else is refused, for `JSONDecoder` to read or reject.
    @Test(arguments: [
        "", "{}", "[]", #"{"language":"en"}"#,
        #"{"language":"xx","sentiment":0,"positive":0,"negative":0,"neutral":0,"categories":{},"politeness":0,"sentences":[]}"#,
        #"{"language":"en","sentiment":0,"positive":0,"negative":0,"neutral":0,"categories":{},"politeness":0,"sentences":[],"extra":1}"#,
        #"{"language":"en","sentiment":0,"positive":0,"negative":0,"neutral":0,"categories":{},"politeness":0,"sentences":[]} x"#,
        #"{"language":"en","sentiment":01,"positive":0,"negative":0,"neutral":0,"categories":{},"politeness":0,"sentences":[]}"#,
        #"{"language":"en","sentiment":+1,"positive":0,"negative":0,"neutral":0,"categories":{},"politeness":0,"sentences":[]}"#,
        #"{"language":"en","sentiment":.5,"positive":0,"negative":0,"neutral":0,"categories":{},"politeness":0,"sentences":[]}"#,
        #"{"language":"e\q","sentiment":0,"positive":0,"negative":0,"neutral":0,"categories":{},"politeness":0,"sentences":[]}"#,
        #"{"language":"\ud834","sentiment":0,"positive":0,"negative":0,"neutral":0,"categories":{},"politeness":0,"sentences":[]}"#,
        #"{"language":"en","sentiment":0,"positive":0,"negative":0,"neutral":0,"categories":{"a":1,"a":2},"politeness":0,"sentences":[]}"#,
        #"{"language":"en","sentiment":0,"sentiment":0,"negative":0,"neutral":0,"categories":{},"politeness":0,"sentences":[]}"#,
    ])
    func refusesOtherShapes(_ json: String) {
        #expect(throws: StoreJSONReader.Unreadable.self) { try StoreJSONReader.documentScore(json) }
    }

    // MARK: - Numbers

    static func scoreJSON(sentiment number: String) -> String {
        #"{"language":"en","sentiment":"# + number
            + #","positive":0,"negative":0,"neutral":0,"categories":{},"politeness":0,"sentences":[]}"#
    }

    /// Numbers read by one exact division, and those left to the general path, give the same
    /// double as the standard library's parsing of their text, bit for bit.
    @Test func numbersReadAsTheStandardLibraryParsesThem() throws {
        var texts = [
            "0", "-0", "0.0", "-0.0", "1", "-1", "0.5", "0.1", "0.3", "2.9000000000000004", "0.6704783996548059",
            "0.9292929292929293", "9007199254740992", "9007199254740993", "0.9007199254740993", "123456789012345678",
            "1234567890123456789", "0.0000000000000000000001", "0.00000000000000000000001", "1e-5", "1.5E2", "-2.5e+3",
            "5e-324", "1e300", "179769313486231570000000000000000000000", "0.000123", "100", "3.14159",
        ]
        var generator = SplitMix64(seed: 11)
        for _ in 0..<3_000 {
            // Shortest spellings of doubles of every size, as the encoder writes them…
            let value = Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF)
            texts.append("\(value)")
            let unit = Double(generator.next() % 1_000_000_007) / 1_000_000_007
            texts.append("\(unit)")
            texts.append("\(-unit * Double(generator.next() % 1000))")
            // …and decimals of 1 to 18 digits with the point anywhere.
            let digits = Int(generator.next() % 18) + 1
            var text = String((0..<digits).map { _ in Character(String(generator.next() % 10)) })
            while text.count > 1 && text.first == "0" { text.removeFirst() }
            let point = Int(generator.next() % UInt64(text.count + 1))
            if point > 0 && point < text.count { text.insert(".", at: text.index(text.startIndex, offsetBy: point)) }
            texts.append(text)
            texts.append("0." + text.filter { $0 != "." })
        }
        for text in texts {
            guard let expected = Double(text), expected.isFinite else { continue }
            let read = try StoreJSONReader.documentScore(Self.scoreJSON(sentiment: text)).sentiment
            #expect(read.bitPattern == expected.bitPattern, "\(text)")
        }
    }

    /// JSON's grammar still holds on the exact path.
    @Test(arguments: ["01", "-", "1.", ".5", "1.2.3", "--1", "1-", "0x10", "00.5", "-01.5"])
    func refusesNumbersJSONRefuses(_ text: String) {
        #expect(throws: StoreJSONReader.Unreadable.self) { try StoreJSONReader.documentScore(Self.scoreJSON(sentiment: text)) }
    }

    // MARK: - Documents

    static func documents(_ text: String) -> [Document] {
        [
            Document(id: "a@b", source: SourceLocation(file: "mail.mbox")),
            Document(
                id: text.isEmpty ? "x" : text, kind: .email, subject: text, date: Date(timeIntervalSinceReferenceDate: 757850821.125),
                dateSource: .header,
                from: [Participant(name: text, address: "Anna@Example.IS")],
                to: [Participant(address: "b@vorduberg.is"), Participant(name: "Þór “Tóti”", address: "t@x.is")],
                cc: [Participant(name: nil, address: text, organisation: "Org", role: "CFO")],
                inReplyTo: "parent@x", references: ["r1@x", text, "r3@x"], account: nil, thread: "t-1", language: "is",
                text: "Sæl öll,\n\n" + text, quoted: 12, segments: [],
                attachments: [Attachment(name: "a.pdf", type: "application/pdf", size: 123_456), Attachment(name: nil, type: "image/png", size: 0)],
                source: SourceLocation(file: "/tmp/mail dir/\(text).mbox", index: 6, offset: 16904)),
            Document(
                id: "rapport-0123", kind: .note, subject: nil, date: Date(timeIntervalSinceReferenceDate: -1.5), dateSource: .note,
                from: [], to: [Participant(name: "Jón", address: "Jón")], account: "Acme hf.", language: nil, text: text,
                segments: [Segment(speaker: "Jón", text: text), Segment(speaker: nil, text: "—")],
                source: SourceLocation(file: "notes/meeting.xml", line: 42)),
        ]
    }

    /// What the store writes reads back equal to the document and to what `JSONDecoder` reads.
    @Test(arguments: tricky)
    func readsDocumentsTheEncoderWrites(_ text: String) throws {
        for document in Self.documents(text) {
            for sorted in [true, false] {
                let json = try Self.encoded(document, sorted: sorted)
                let read = try StoreJSONReader.document(json)
                #expect(read == document)
                #expect(read == (try JSONDecoder().decode(Document.self, from: Data(json.utf8))))
            }
        }
    }

    /// A long random text mixing plain runs with everything JSON escapes, at every offset from
    /// the sixteen-byte blocks strings are scanned in.
    static func longText(_ random: inout SplitMix64) -> String {
        let pieces = ["plain words ", "\n", "\"", "\\", "\t", "\u{1}", "\u{1F}", "þ", "“", "👍🏽", "/", "\r\n", "a"]
        var text = ""
        for _ in 0..<Int(random.next() % 60) {
            let piece = pieces[Int(random.next() % UInt64(pieces.count))]
            text += String(repeating: piece, count: 1 + Int(random.next() % 4))
        }
        return text
    }

    /// Long texts with escapes anywhere read back whole, as `JSONDecoder` reads them, in a
    /// document's text and segments and, passed over, around a score's sentence texts.
    @Test func readsLongTextsWithEscapesAnywhere() throws {
        var random = SplitMix64(seed: 0x5EED_4A50)
        for _ in 0..<300 {
            let text = Self.longText(&random), other = Self.longText(&random)
            var document = Self.documents(text)[1]
            document.segments = [Segment(speaker: other, text: text + other)]
            for sorted in [true, false] {
                let json = try Self.encoded(document, sorted: sorted)
                let read = try StoreJSONReader.document(json)
                #expect(read == document)
                #expect(read == (try JSONDecoder().decode(Document.self, from: Data(json.utf8))))
            }
            var score = Self.sample(other)
            score.sentences[1].text = text
            let json = try Self.encoded(score, sorted: true)
            #expect(try StoreJSONReader.sentenceTexts(ofScore: json) == [other, text])
            #expect(try StoreJSONReader.documentScore(json) == score)
        }
    }

    /// A raw control byte or a missing end quote is refused wherever it falls in a long string,
    /// read or passed over.
    @Test func refusesBadBytesAnywhereInLongStrings() throws {
        let score = try Self.encoded(Self.sample(String(repeating: "abcdefghij", count: 8)), sorted: true)
        let evidence = try #require(score.range(of: #""term":""#)).upperBound
        let sentence = try #require(score.range(of: #""text":""#)).upperBound
        for start in [evidence, sentence] {
            for offset in 0..<40 {
                var bytes = Array(score.utf8)
                let at = score.utf8.distance(from: score.utf8.startIndex, to: start) + offset
                bytes[at] = 0x0A
                let json = String(decoding: bytes, as: UTF8.self)
                #expect(throws: StoreJSONReader.Unreadable.self) { try StoreJSONReader.documentScore(json) }
                #expect(throws: StoreJSONReader.Unreadable.self) { try StoreJSONReader.sentenceTexts(ofScore: json) }
            }
        }
        let open = #"{"sentences":[{"text":""# + String(repeating: "x", count: 37)
        #expect(throws: StoreJSONReader.Unreadable.self) { try StoreJSONReader.sentenceTexts(ofScore: open) }
        #expect(throws: StoreJSONReader.Unreadable.self) { try StoreJSONReader.sentenceTexts(ofScore: open + "\\") }
        let skipped = #"{"sentences":[{"rules":[""# + String(repeating: "y", count: 37)
        #expect(throws: StoreJSONReader.Unreadable.self) { try StoreJSONReader.sentenceTexts(ofScore: skipped + "\\") }
    }

    /// A header is the document without its text and speaker turns, whatever they hold.
    @Test func headersAreDocumentsWithoutTextsOrTurns() throws {
        var random = SplitMix64(seed: 0x4EAD)
        let texts = Self.tricky + (0..<50).map { _ in Self.longText(&random) }
        for text in texts {
            for document in Self.documents(text) {
                var expected = document
                expected.text = ""
                expected.segments = []
                for sorted in [true, false] {
                    let json = Array(try Self.encoded(document, sorted: sorted).utf8)
                    #expect(try json.withUnsafeBufferPointer { try StoreJSONReader.documentHeader(utf8: $0) } == expected)
                    #expect(try json.withUnsafeBufferPointer { try StoreJSONReader.document(utf8: $0) } == document)
                }
            }
        }
    }

    /// What is wrong in a text or a turn is refused by the header as by the whole document,
    /// though the header makes no string of them.
    @Test(arguments: [
        #""te\qxt""#, #""\ud834 lone""#, #""\udc00 low""#, #""\u12""#, "\"raw \n break\"", #""unterminated"#,
        #""ends in \""#, "12", "null",
    ])
    func headersRefuseWhatDocumentsRefuse(_ badText: String) {
        let before = #"{"id":"m","kind":"email","dateSource":"none","from":[],"to":[],"cc":[],"references":[],"#
        let after = #","quoted":0,"attachments":[],"source":{"file":"f"}}"#
        let inText = before + #""segments":[],"text":"# + badText + after
        let inTurn = before + #""text":"","segments":[{"speaker":"A","text":"# + badText + "}]" + after
        for json in [inText, inTurn] {
            let bytes = Array(json.utf8)
            #expect(throws: StoreJSONReader.Unreadable.self) { try StoreJSONReader.document(json) }
            #expect(throws: StoreJSONReader.Unreadable.self) {
                try bytes.withUnsafeBufferPointer { try StoreJSONReader.documentHeader(utf8: $0) }
            }
        }
        let noTurnText = before + #""text":"","segments":[{"speaker":"A"}]"# + after
        #expect(throws: StoreJSONReader.Unreadable.self) {
            try Array(noTurnText.utf8).withUnsafeBufferPointer { try StoreJSONReader.documentHeader(utf8: $0) }
        }
    }

    @Test func readsNullForMissingValues() throws {
        let json = #"{"id":"m","kind":"email","dateSource":"none","from":[{"address":"a@b","name":null}],"to":[],"cc":[],"#
            + #""references":[],"text":"","quoted":0,"segments":[{"text":"t","speaker":null}],"attachments":[],"#
            + #""source":{"file":"f","index":null},"subject":null,"date":null,"thread":null}"#
        let read = try StoreJSONReader.document(json)
        #expect(read == (try JSONDecoder().decode(Document.self, from: Data(json.utf8))))
        #expect(read.subject == nil && read.from[0].name == nil && read.source.index == nil)
    }

    /// Other shapes are refused, for `JSONDecoder` to read or reject.
    @Test(arguments: [
        "", "{}", "[]",
        // no "text"
        #"{"id":"m","kind":"email","dateSource":"none","from":[],"to":[],"cc":[],"references":[],"quoted":0,"segments":[],"attachments":[],"source":{"file":"f"}}"#,
        // an unknown kind
        #"{"id":"m","kind":"fax","dateSource":"none","from":[],"to":[],"cc":[],"references":[],"text":"","quoted":0,"segments":[],"attachments":[],"source":{"file":"f"}}"#,
        // an unknown key
        #"{"id":"m","kind":"email","dateSource":"none","from":[],"to":[],"cc":[],"references":[],"text":"","quoted":0,"segments":[],"attachments":[],"source":{"file":"f"},"x":1}"#,
        // a participant without an address
        #"{"id":"m","kind":"email","dateSource":"none","from":[{"name":"A"}],"to":[],"cc":[],"references":[],"text":"","quoted":0,"segments":[],"attachments":[],"source":{"file":"f"}}"#,
        // a key twice
        #"{"id":"m","id":"n","kind":"email","dateSource":"none","from":[],"to":[],"cc":[],"references":[],"text":"","quoted":0,"segments":[],"attachments":[],"source":{"file":"f"}}"#,
        // a member name written with an escape (JSONDecoder reads it)
        #"{"id":"m","kind":"email","dateSource":"none","from":[],"to":[],"cc":[],"references":[],"te\u0078t":"","quoted":0,"segments":[],"attachments":[],"source":{"file":"f"}}"#,
        // trailing text
        #"{"id":"m","kind":"email","dateSource":"none","from":[],"to":[],"cc":[],"references":[],"text":"","quoted":0,"segments":[],"attachments":[],"source":{"file":"f"}} x"#,
    ])
    func refusesOtherDocumentShapes(_ json: String) {
        #expect(throws: StoreJSONReader.Unreadable.self) { try StoreJSONReader.document(json) }
    }

    // MARK: - Reports

    static func flag(_ text: String, negotiation: HealthFlag.NegotiationKind?) -> HealthFlag {
        HealthFlag(
            kind: negotiation == nil ? .escalation : .negotiationIssue, negotiation: negotiation, severity: .critical,
            thread: negotiation == nil ? nil : "thread-\(text)", account: "hafbrun.is",
            since: Date(timeIntervalSinceReferenceDate: 757_850_821.5), reason: "Anna \(text) copied in legal.",
            evidence: [
                EvidenceQuote(document: "m1@x", date: nil, author: nil, sentence: text, terms: []),
                EvidenceQuote(document: "m2@x", date: Date(timeIntervalSinceReferenceDate: -3), author: Participant(name: text, address: "a@b.is"),
                              sentence: "We will see you in court.", terms: ["court", text]),
            ])
    }

    static func threadReport(_ text: String) -> ThreadReport {
        ThreadReport(
            id: "t-\(text)", subject: text, account: "hafbrun.is", ours: [Participant(address: "us@vorduberg.is")],
            theirs: [Participant(name: text, address: "anna@hafbrun.is", organisation: "Hafbrún", role: "CFO")],
            first: Date(timeIntervalSinceReferenceDate: 700_000_000), last: nil, messageIDs: ["m1@x", text],
            messages: [
                MessageAssessment(document: "m1@x", date: Date(timeIntervalSinceReferenceDate: 700_000_000.25),
                                  author: Participant(address: "anna@hafbrun.is"), fromUs: false, sentiment: -0.6123724356957946,
                                  categories: ["conflict.anger": 0.5, text.isEmpty ? "x" : text: 1e-7], politeness: 0, words: 12, asks: true),
                MessageAssessment(document: text, date: nil, author: nil, fromUs: true, sentiment: 0, categories: [:],
                                  politeness: 0.9627883898317763, words: 0, asks: false),
            ],
            flags: [flag(text, negotiation: nil), flag(text, negotiation: .walkaway)], trajectory: [0.5, -0.25, 0],
            waiting: .onUs, nextStep: text.isEmpty ? nil : "Call \(text).")
    }

    static func accountReport(_ text: String) -> AccountReport {
        AccountReport(
            account: Account(key: "hafbrun.is", name: text, type: .internalUnit), health: 42, trend: .declining,
            history: [HealthPoint(date: Date(timeIntervalSinceReferenceDate: 699_999_999), health: 71),
                      HealthPoint(date: Date(timeIntervalSinceReferenceDate: 702_592_000), health: 0)],
            flags: [flag(text, negotiation: .price)], threads: ["t-1", text])
    }

    /// Reports and flags as the store writes them read back equal, and equal to what `JSONDecoder` reads.
    @Test(arguments: tricky)
    func readsReportsTheEncoderWrites(_ text: String) throws {
        for sorted in [true, false] {
            let thread = Self.threadReport(text), account = Self.accountReport(text), flag = Self.flag(text, negotiation: .contract)
            let threadJSON = try Self.encoded(thread, sorted: sorted)
            #expect(try StoreJSONReader.threadReport(threadJSON) == thread)
            #expect(try StoreJSONReader.threadReport(threadJSON) == JSONDecoder().decode(ThreadReport.self, from: Data(threadJSON.utf8)))
            let accountJSON = try Self.encoded(account, sorted: sorted)
            #expect(try StoreJSONReader.accountReport(accountJSON) == account)
            let flagJSON = try Self.encoded(flag, sorted: sorted)
            #expect(try StoreJSONReader.healthFlag(flagJSON) == flag)
        }
    }

    @Test(arguments: [
        #"{"kind":"conflict","severity":"dire","account":"a","since":0,"reason":"","evidence":[]}"#,
        #"{"kind":"conflict","severity":"info","account":"a","since":0,"reason":""}"#,
        #"{"kind":"conflict","severity":"info","account":"a","since":"0","reason":"","evidence":[]}"#,
        #"{"kind":"conflict","severity":"info","account":"a","since":0,"reason":"","evidence":[],"extra":true}"#,
    ])
    func refusesOtherFlagShapes(_ json: String) {
        #expect(throws: StoreJSONReader.Unreadable.self) { try StoreJSONReader.healthFlag(json) }
    }

    // MARK: - Writing

    static func storeEncoded<T: Encodable>(_ value: T) throws -> String { try encoded(value, sorted: true) }

    /// The writer gives `JSONEncoder`'s bytes (sorted keys, slashes unescaped) for every shape.
    @Test(arguments: tricky)
    func writesWhatTheEncoderWrites(_ text: String) throws {
        for document in Self.documents(text) {
            #expect(StoreJSONWriter.document(document) == (try Self.storeEncoded(document)))
        }
        #expect(StoreJSONWriter.documentScore(Self.sample(text)) == (try Self.storeEncoded(Self.sample(text))))
        #expect(StoreJSONWriter.threadReport(Self.threadReport(text)) == (try Self.storeEncoded(Self.threadReport(text))))
        #expect(StoreJSONWriter.accountReport(Self.accountReport(text)) == (try Self.storeEncoded(Self.accountReport(text))))
        let flag = Self.flag(text, negotiation: .deadline)
        #expect(StoreJSONWriter.healthFlag(flag) == (try Self.storeEncoded(flag)))
    }

    @Test func writesEveryControlCharacterNumberAndKeyOrderAsTheEncoderDoes() throws {
        let controls = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) }) + "\u{7F}\u{80}\u{2028}\u{2029}\u{FEFF}/\\\""
        var generator = SplitMix64(seed: 13)
        var numbers: [Double] = [0, -0.0, 1, -1, 0.5, 1e-5, 1e-7, 1e15, 1e16, 1e21, 1e22, 123456789012345678, 5e-324,
                                 1.7976931348623157e308, 0.30000000000000004, 100, 12345678.9, -2.9000000000000004]
        for _ in 0..<2_000 {
            numbers.append(Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF) * (generator.next() % 2 == 0 ? 1 : -1))
            numbers.append(Double(generator.next() % 10_000_000) / Double(1 + generator.next() % 1000))
        }
        let categories = Dictionary(uniqueKeysWithValues: zip(
            ["B", "_x", "a", "ä", "é", "e\u{301}x", "Ωz", "\u{2126}a", "a.b", "a10", "a9", controls],
            numbers.prefix(11)))
        let score = DocumentScore(
            language: .english, sentiment: numbers[0], positive: numbers[1], negative: numbers[2], neutral: numbers[3],
            categories: categories, politeness: numbers[4],
            sentences: numbers.indices.filter { $0 % 4 == 0 && $0 + 3 < numbers.count }.map { index in
                SentenceScore(text: controls, utf8Range: index..<(index + 5), sentiment: numbers[index], categories: ["x": numbers[index + 1]],
                              politeness: numbers[index + 2], evidence: [
                                  Evidence(term: controls, entry: "e", category: "c", baseWeight: numbers[index + 3], finalWeight: -numbers[index + 3], rules: [controls]),
                              ], rules: [])
            })
        #expect(StoreJSONWriter.documentScore(score) == (try Self.storeEncoded(score)))

        var infinite = score
        infinite.sentiment = .infinity
        #expect(StoreJSONWriter.documentScore(infinite) == nil, "left to JSONEncoder, which refuses it")
        infinite.sentiment = .nan
        #expect(StoreJSONWriter.documentScore(infinite) == nil)
    }
}

