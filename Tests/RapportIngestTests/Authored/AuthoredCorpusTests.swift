import Foundation
import RapportTestSupport
import Testing
@testable import RapportIngest

/// How far the extractor agrees with what other reply-stripping projects expect of their own
/// fixtures (`reply-stripping/` in the shared corpora). Texts are compared whitespace-normalised.
///
/// talon pairs its fixtures with expected files, used as they are. The other projects state their
/// expectations in test code; the tables below give, for every fixture, the lines that hold the
/// author's words, taken from those tests where they assert them and read off the fixture where
/// they do not. Rapport differs from those projects on purpose in three ways, and the tables
/// follow Rapport: an attribution line is never kept (github's parser keeps a bottom-posted one
/// visible), quotes above an inline answer are dropped, and a sign-off phrase line is kept while
/// the name and title lines under it go.
@Suite(.enabled(if: Fixtures.corpora != nil, "no shared corpora beside the package: agreement not measured"))
struct AuthoredCorpusTests {
    let extractor = AuthoredTextExtractor()

    /// The lines of a fixture (1-based, inclusive) that are the author's words.
    enum Expected: Sendable {
        case wholeFile
        case lines([ClosedRange<Int>])
    }

    // MARK: - github/email_reply_parser and its Python port zapier/email-reply-parser

    static let replyParserFixtures: [String: Expected] = [
        "correct_sig.txt": .lines([1...1]),
        "email_1_1.txt": .lines([1...5]),
        "email_1_2.txt": .lines([1...1, 9...34]),
        "email_1_3.txt": .lines([1...3]),
        "email_1_4.txt": .lines([1...1]),
        "email_1_5.txt": .wholeFile,
        "email_1_6.txt": .lines([1...3]),
        "email_1_7.txt": .lines([1...1]),
        "email_1_8.txt": .lines([13...13, 19...19]),
        "email_2_1.txt": .lines([1...1]),
        "email_2_2.txt": .lines([1...1]),
        "email_2_3.txt": .lines([1...1]),
        "email_BlackBerry.txt": .lines([1...1]),
        "email_bullets.txt": .lines([1...9]),
        "email_gmail.txt": .lines([1...1]),
        "email_headers_no_delimiter.txt": .lines([1...1]),
        "email_iPhone.txt": .lines([1...1]),
        "email_long_quote.txt": .lines([1...4, 6...8]),
        "email_multi_word_sent_from_my_mobile_device.txt": .lines([1...1]),
        "email_one_is_not_on.txt": .lines([1...5]),
        "email_partial_quote_header.txt": .lines([1...6]),
        "email_sent_from_my_not_signature.txt": .wholeFile,
        "email_sig_delimiter_in_middle_of_line.txt": .wholeFile,
        "greedy_on.txt": .lines([1...6]),
        "pathological.txt": .lines([1...2]),
    ]

    // MARK: - willdurand/EmailReplyParser and its JavaScript port crisp-oss/email-reply-parser

    /// The many fixtures whose reply is the five-line "Fusce bibendum …" paragraph above history
    /// written in some client's or language's format.
    static let fusceFixtures = [
        "email_7.txt", "email_8.txt", "email_9.txt", "email_10.txt", "email_11.txt", "email_12.txt",
        "email_13.txt", "email_14.txt", "email_15.txt", "email_16.txt", "email_17.txt", "email_18.txt",
        "email_22.txt", "email_23.txt", "email_24.txt", "email_25.txt", "email_26.txt",
        "email_danish_dash_separator.txt", "email_en_multiline_2.txt", "email_finnish.txt",
        "email_fr_multiline.txt", "email_french_2.txt", "email_french_dash_separator.txt", "email_german.txt",
        "email_german_2.txt", "email_german_3.txt", "email_german_outlook.txt", "email_gmail_split_line_from.txt",
        "email_ios_outlook.txt", "email_ios_outlook_fr.txt", "email_italian.txt", "email_msn.txt",
        "email_norwegian_gmail.txt", "email_original_message.txt", "email_original_message_2.txt",
        "email_outlook_split_line_from.txt", "email_portuguese.txt", "email_russian.txt",
        "email_tricky_5_mixed_languages.txt", "email_tricky_10_special_chars_in_name.txt",
        "email_tricky_12_no_space_after_header.txt", "email_tricky_14_long_quote_header.txt",
        "email_tricky_15_original_message_variations.txt",
    ]

    static let emailReplyParserFixtures: [String: Expected] = Dictionary(
        uniqueKeysWithValues: fusceFixtures.map { ($0, Expected.lines([1...5])) }
    ).merging([
        "correct_sig.txt": .lines([1...1]),
        "email_1.txt": .lines([1...5]),
        "email_2.txt": .lines([1...1, 9...34]),
        "email_3.txt": .lines([1...3]),
        "email_4.txt": .lines([1...1]),
        "email_5.txt": .wholeFile,
        "email_6.txt": .lines([1...3]),
        "email_19.txt": .lines([1...3]),
        "email_20.txt": .lines([1...1]),
        "email_21.txt": .wholeFile,
        "email_23_1.txt": .lines([1...7]),
        "email_2_1.txt": .lines([1...1]),
        "email_blackberry.txt": .lines([1...1]),
        "email_bullets.txt": .lines([1...9]),
        "email_custom_quote_header.txt": .lines([1...1]),
        "email_customer_quote_header_2.txt": .lines([1...1]),
        "email_customer_quote_header_3.txt": .lines([1...3]),
        "email_emoji.txt": .lines([1...1]),
        "email_iphone.txt": .lines([1...1]),
        "email_issue_77.txt": .lines([1...8]),
        "email_ls-l.txt": .lines([1...31]),
        "email_multi_word_sent_from_my_mobile_device.txt": .lines([1...1]),
        "email_not_a_signature.txt": .lines([1...15]),
        "email_not_a_signature_2.txt": .wholeFile,
        "email_one_is_not_on.txt": .lines([1...5]),
        "email_reply_header.txt": .lines([1...11]),
        "email_sent_from.txt": .lines([1...1]),
        "email_sent_from_my_not_signature.txt": .wholeFile,
        "email_thread.txt": .lines([1...1]),
        "email_tricky_1_on_false_positive.txt": .wholeFile,
        "email_tricky_2_url_with_wrote.txt": .lines([1...7]),
        "email_tricky_3_code_block.txt": .wholeFile,
        "email_tricky_4_from_in_body.txt": .wholeFile,
        "email_tricky_6_regards_in_sentence.txt": .wholeFile,
        "email_tricky_7_multiple_dashes.txt": .wholeFile,
        "email_tricky_8_sent_from_in_content.txt": .wholeFile,
        "email_tricky_9_nested_quotes.txt": .lines([1...1]),
        "email_tricky_11_double_signature.txt": .lines([1...3]),
        "email_tricky_13_timestamp_variations.txt": .wholeFile,
        "email_tricky_16_unicode_signatures.txt": .lines([1...3]),
        "email_tricky_17_forward_header.txt": .lines([1...1]),
        "email_tricky_18_inline_reply.txt": .lines([4...4, 8...8, 12...12]),
        "email_tricky_19_quote_without_header.txt": .lines([1...1, 7...7, 12...12]),
        "email_tricky_20_html_entities.txt": .lines([1...3]),
        "email_unquoted_reply.txt": .lines([1...1]),
        "email_w10_mail.txt": .lines([1...2]),
        "email_with_regards.txt": .lines([1...7]),
        "email_zimbra_free_en.txt": .lines([1...9]),
        "email_zimbra_free_fr.txt": .lines([1...10]),
        "email_zoho.txt": .lines([1...2]),
        "sig_no_empty_line.txt": .lines([1...1]),
    ]) { fusce, _ in fusce }

    /// Templates whose placeholder the upstream tests fill in; `[DATE]` is tested below, `[FROM]`
    /// has no expectation we could state.
    static let templates: Set = ["email_with_date_headers.txt", "email_with_from_headers.txt"]

    /// Lowest agreement each set may fall to: just under what the extractor reaches today, so a
    /// regression fails.
    @Test(arguments: [
        ("github_email_reply_parser/test/emails", replyParserFixtures, 0.95),
        ("zapier_email-reply-parser/test/emails", replyParserFixtures, 0.95),
        ("crisp_email-reply-parser/test/fixtures", emailReplyParserFixtures, 0.97),
        ("willdurand_EmailReplyParser/tests/Fixtures", emailReplyParserFixtures, 0.97),
    ])
    func agreesWithReplyParserFixtures(folder: String, expectations: [String: Expected], floor: Double) throws {
        guard let directory = Self.replyStripping?.appendingPathComponent(folder) else { return }
        var agreed = 0
        var total = 0
        var disagreeing: [String] = []
        for name in try Self.files(in: directory) where name.hasSuffix(".txt") && !Self.templates.contains(name) {
            guard let expected = expectations[name] else {
                Issue.record("no expectation for \(folder)/\(name)")
                continue
            }
            let body = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            let lines = MailLines.split(body)
            total += 1
            if Self.normalized(extractor.extract(body).text) == Self.normalized(Self.text(of: lines, expected)) {
                agreed += 1
            } else {
                disagreeing.append(name)
            }
        }
        Self.report(folder, agreed: agreed, total: total, disagreeing: disagreeing)
        #expect(total > 0)
        #expect(Double(agreed) >= floor * Double(total))
    }

    /// The upstream test fills `[DATE]` with attribution lines of many clients and languages.
    @Test(arguments: [
        "On Tue, 2011-03-01 at 18:02 +0530, Abhishek Kona wrote:",
        "2014-03-20 8:48 GMT+01:00 Rémi Dolan <do_not_reply@dolan.com>:",
        "Le 19 mars 2014 10:37, Rémi Dolan <do_not_reply@dolan.com> a écrit :",
        "El 19/03/2014 11:34, Rémi Dolan <do_not_reply@dolan.com> escribió:",
        "W dniu 7 stycznia 2015 15:24 użytkownik Paweł Brzoski <pbrzoski91@gmail.com> napisał:",
        "Le 19/03/2014 11:34, Rémi Dolan a écrit :",
        "Am 09.03.2014 um 20:48 schrieb Rémi Dolan <do_not_reply@dolan.com>:",
        "Den 19. mars 2014 kl. 11.34 skrev Rémi Dolan <do_not_reply@dolan.com>:",
        "Op 19-03-2014 11:34, Rémi Dolan schreef:",
        "Þann 19. mar. 2014 kl. 11:34 skrifaði Rémi Dolan <do_not_reply@dolan.com>:",
        "Em 19/03/2014 11:34, Rémi Dolan <do_not_reply@dolan.com> escreveu:",
    ])
    func dateHeaderTemplate(attribution: String) throws {
        let folder = "willdurand_EmailReplyParser/tests/Fixtures"
        guard let directory = Self.replyStripping?.appendingPathComponent(folder) else { return }
        let file = directory.appendingPathComponent("email_with_date_headers.txt")
        let template = try String(contentsOf: file, encoding: .utf8)
        let body = template.replacingOccurrences(of: "[DATE]", with: attribution)
        #expect(extractor.extract(body) == .init(text: "Thank you very much.", quotedLines: 2))
    }

    // MARK: - mailgun/talon

    /// talon's own pairings: each `standard_replies/*.eml` reply is `Hello` unless a
    /// `*_reply_text` file says otherwise, and talon keeps signatures there, so the reply stage is
    /// compared; each `signature/emails/stripped/*_body` minus its `*_signature` is the authored
    /// text (Rapport keeps the sign-off line of `short_url`); the shared-block reply must be
    /// non-empty without a `From` in it. The HTML fixtures are not plain-text bodies and are left out.
    @Test func agreesWithTalonFixtures() throws {
        guard let root = Self.replyStripping?.appendingPathComponent("mailgun_talon/tests/fixtures") else { return }
        var agreed = 0
        var total = 0
        var disagreeing: [String] = []
        func count(_ name: String, _ agrees: Bool) {
            total += 1
            if agrees { agreed += 1 } else { disagreeing.append(name) }
        }

        let replies = root.appendingPathComponent("standard_replies")
        for name in try Self.files(in: replies) where name.hasSuffix(".eml") {
            let message = try String(contentsOf: replies.appendingPathComponent(name), encoding: .utf8)
            let body = try #require(PlainTextPart.decode(message), "no text/plain part in \(name)")
            let expectedFile = replies.appendingPathComponent(name.dropLast(4) + "_reply_text")
            let expected = (try? String(contentsOf: expectedFile, encoding: .utf8)) ?? "Hello"
            count(name, Self.normalized(extractor.extractReply(body).text) == Self.normalized(expected))
        }

        let signatures = root.appendingPathComponent("signature/emails/stripped")
        let keptSignOffs = ["short_url": "Thank you,"]
        for name in try Self.files(in: signatures) where name.hasSuffix("_body") {
            let stem = String(name.dropLast("_body".count))
            let body = try String(contentsOf: signatures.appendingPathComponent(name), encoding: .utf8)
            let signatureFile = signatures.appendingPathComponent(stem + "_signature")
            let signature = try String(contentsOf: signatureFile, encoding: .utf8)
            let trimmedBody = body.trimmingCharacters(in: .whitespacesAndNewlines)
            let trimmedSignature = signature.trimmingCharacters(in: .whitespacesAndNewlines)
            let expected = trimmedBody.dropLast(trimmedSignature.count) + " " + (keptSignOffs[stem] ?? "")
            count(name, Self.normalized(extractor.extract(body).text) == Self.normalized(expected))
        }

        let shareBlockFile = root.appendingPathComponent("reply-quotations-share-block.eml")
        let shareBlock = try String(contentsOf: shareBlockFile, encoding: .utf8)
        let shareReply = extractor.extractReply(try #require(PlainTextPart.decode(shareBlock))).text
        count("reply-quotations-share-block.eml", !shareReply.isEmpty && !shareReply.contains("From"))

        Self.report("mailgun_talon", agreed: agreed, total: total, disagreeing: disagreeing)
        #expect(total == 19)
        // The issue asks for at least 90%; the floor sits just under today's rate so a regression fails.
        #expect(Double(agreed) >= 0.94 * Double(total))
    }

    // MARK: - Helpers

    static var replyStripping: URL? {
        guard let corpora = Fixtures.corpora else { return nil }
        let folder = corpora.appendingPathComponent("reply-stripping")
        guard FileManager.default.fileExists(atPath: folder.path) else {
            print("reply-stripping corpora not found in the shared corpora: agreement not measured")
            return nil
        }
        return folder
    }

    static func files(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    static func text(of lines: [Substring], _ expected: Expected) -> String {
        switch expected {
        case .wholeFile: lines.joined(separator: "\n")
        case .lines(let ranges): ranges.flatMap { lines[($0.lowerBound - 1)..<min($0.upperBound, lines.count)] }
            .joined(separator: "\n")
        }
    }

    /// Words separated by single spaces, invisible format characters dropped.
    static func normalized<Text: StringProtocol>(_ text: Text) -> String {
        text.unicodeScalars.split(whereSeparator: CueText.isSpace)
            .map { String(String.UnicodeScalarView($0.filter { !CueText.isInvisible($0) })) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }

    /// Prints the rate and the names (never the content) of fixtures that disagree.
    static func report(_ set: String, agreed: Int, total: Int, disagreeing: [String]) {
        let percent = total == 0 ? 0 : 100 * Double(agreed) / Double(total)
        let names = disagreeing.isEmpty ? "" : "; disagreeing: " + disagreeing.joined(separator: ", ")
        print("reply-stripping agreement, \(set): \(agreed)/\(total) (\(String(format: "%.1f", percent))%)\(names)")
    }
}
