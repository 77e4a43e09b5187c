import Foundation
import RapportTestSupport
import Testing
import RapportModel
@testable import RapportReport

@Suite struct JSONValueTests {
    @Test func keepsKeyOrderAndEscapes() {
        let value = JSONValue.object([
            ("z", .string("a\"b\\c\n\u{1}")), ("a", .array([.int(1), .double(0.5), .null, .bool(true)])),
        ])
        #expect(value.serialized() == #"{"z":"a\"b\\c\n\u0001","a":[1,0.5,null,true]}"#)
        #expect(value.pretty() == "{\n  \"z\": \"a\\\"b\\\\c\\n\\u0001\",\n  \"a\": [\n    1,\n    0.5,\n    null,\n    true\n  ]\n}")
    }

    @Test func escapesEveryCharacterJSONAndJavaScriptNeed() {
        let text = "\u{0}\u{8}\t\n\u{B}\u{C}\r\u{1F} \"\\/\u{7F}é Þ “q” \u{2028}\u{2029}\u{2027}\u{202A} 👍🏽"
        #expect(
            JSONValue.string(text).serialized()
                == #""\u0000\u0008\t\n\u000b\u000c\r\u001f \"\\/\u007fé Þ “q” \u2028\u2029"# + "\u{2027}\u{202A} 👍🏽\"")
        #expect(JSONValue.string("").serialized() == #""""#)
        #expect(JSONValue.object([("k\"ey", .string("\u{2028}"))]).serialized() == #"{"k\"ey":"\u2028"}"#)
    }

    @Test(arguments: [(0.0, "0"), (-0.25, "-0.25"), (1.0 / 3.0, "0.3333"), (2.5e6, "2500000"), (Double.nan, "null")])
    func numbersAreFormattedTheSameEverywhere(number: Double, text: String) {
        #expect(JSONValue.double(number).serialized() == text)
    }

    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00Z"), (951_782_400.0, "2000-02-29T00:00:00Z"),
        (1_772_615_700.5, "2026-03-04T09:15:00Z"), (-1.0, "1969-12-31T23:59:59Z"),
    ])
    func isoDatesAreUTC(seconds: Double, text: String) {
        #expect(DocumentJSON.isoDate(Date(timeIntervalSince1970: seconds)) == text)
    }

    @Test func documentShapeHasEveryField() {
        let document = Document(id: "m1@x", subject: "Hi", from: [Participant(name: "A", address: "a@x.is")],
                                text: "Hello", source: SourceLocation(file: "f.eml"))
        #expect(DocumentJSON.value(document).serialized() ==
            #"{"id":"m1@x","kind":"email","date":null,"dateSource":"none","from":[{"name":"A","address":"a@x.is"}],"to":[],"cc":[],"subject":"Hi","account":null,"thread":null,"inReplyTo":null,"references":[],"language":null,"text":"Hello","quoted":0,"attachments":[],"source":{"file":"f.eml","index":null,"offset":null}}"#)
    }
}

@Suite struct JSONNumberTests {
    /// The byte writer must give `format`'s text for every number.
    @Test(arguments: [
        0.0, -0.0, 1, -1, 0.5, -0.5, 0.12345, -0.12345, 0.00004, -0.00004, 0.00005, -0.00005, 0.99995, -0.99995,
        123.4567, 1e20, -1e20, 0.1 + 0.2, 2.675, 1.0005, -3.14159, 0.0001, 0.001, 0.01, 0.1, 0.101, 0.1001, 0.011,
        0.0011, 0.00995, 9.9999, 10.5, -12345.0001, 9_999_999_999.5, 12_345_678_901.5, 99_999_999_999.99995,
        -99_999_999_999.9, 1e11, 123_456_789_012.25, 99_999_999_999.9999, 1e15, 2.5e6, 1.0 / 3.0, -2.0 / 3.0,
    ])
    func writtenNumbersMatchFormat(_ value: Double) {
        #expect(JSONValue.double(value).serialized() == JSONValue.format(value))
    }

    @Test func randomNumbersMatchFormat() {
        var generator = SplitMix64(seed: 2026)
        for _ in 0..<20_000 {
            let magnitude = [1.0, 10, 1000, 1e6, 1e10, 1e12][Int.random(in: 0..<6, using: &generator)]
            let value = Double.random(in: -magnitude...magnitude, using: &generator)
            #expect(JSONValue.double(value).serialized() == JSONValue.format(value), "\(value)")
        }
    }
}
