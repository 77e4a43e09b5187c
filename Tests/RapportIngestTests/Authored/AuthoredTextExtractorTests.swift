import Testing
@testable import RapportIngest

/// A body, the author's words in it and the number of quoted lines removed.
struct AuthoredCase: CustomTestStringConvertible, Sendable {
    let name: String
    let body: String
    let text: String
    let quotedLines: Int

    init(_ name: String, _ body: String, _ text: String, quoted quotedLines: Int = 0) {
        self.name = name
        self.body = body
        self.text = text
        self.quotedLines = quotedLines
    }

    var testDescription: String { name }
}

@Suite struct AuthoredTextExtractorTests {
    let extractor = AuthoredTextExtractor()

    // MARK: - Quoted history

    static let quotedHistory: [AuthoredCase] = [
        AuthoredCase("gmail reply above a quote", """
            Hi Sarah,

            Thanks for the quick turnaround. We can sign on Friday if the price stays at $42k.

            On Tue, Mar 4, 2026 at 9:15 AM Jón Jónsson <jon@example.is> wrote:
            > Hi,
            >
            > Attached is the renewal proposal for 2026.
            >
            > Best,
            > Jón
            """, "Hi Sarah,\n\nThanks for the quick turnaround. We can sign on Friday if the price stays at $42k.",
            quoted: 7),
        AuthoredCase("quotes at any depth and indented", """
            Agreed, let's keep the March dates.

            > > We could move the workshop to April.
            >> Or keep March?
              > I prefer March.
            """, "Agreed, let's keep the March dates.", quoted: 3),
        AuthoredCase("attribution wrapped over two lines", """
            Works for me.

            On Tue, Mar 4, 2026 at 9:15 AM Jón Jónsson <
            jon@example.is> wrote:

            > Can we meet at 10?
            """, "Works for me.", quoted: 3),
        AuthoredCase("attribution wrapped over three lines", """
            Works for me.

            On Tue, Mar 4, 2026 at 9:15 AM, Jón Jónsson
            <jon@example.is>
            wrote:

            > Can we meet at 10?
            """, "Works for me.", quoted: 4),
        AuthoredCase("attribution right under the text", """
            Works for me.
            On Tue, Mar 4, 2026 at 9:15 AM Jón Jónsson <jon@example.is> wrote:
            > Can we meet at 10?
            """, "Works for me.", quoted: 2),
        AuthoredCase("top-posted reply over an unquoted original", """
            Please send the signed copy by Monday.

            On Mon, Mar 3, 2026 at 4:02 PM Anna Smith <anna@example.com> wrote:

            Hi Jón,
            Here is the contract for review.
            Anna
            """, "Please send the signed copy by Monday.", quoted: 4),
        AuthoredCase("outlook original message", """
            I have escalated this to our legal team.

            -----Original Message-----
            From: Anna Smith <anna@example.com>
            Sent: Monday, March 2, 2026 4:02 PM
            To: Jón Jónsson <jon@example.is>
            Subject: Late delivery

            The shipment is two weeks late again.
            """, "I have escalated this to our legal team.", quoted: 6),
        AuthoredCase("outlook rule and header block", """
            We will credit the invoice.

            ________________________________
            From: Anna Smith <anna@example.com>
            Sent: Monday, March 2, 2026 4:02 PM
            To: Jón Jónsson <jon@example.is>
            Subject: RE: Invoice 1043

            Invoice 1043 is wrong.
            """, "We will credit the invoice.", quoted: 6),
        AuthoredCase("header block without a separator", """
            Confirmed, thanks.

            From: Anna Smith [mailto:anna@example.com]
            Sent: Monday, March 2, 2026 4:02 PM
            To: Jón Jónsson
            Cc: Legal
            Subject: Meeting

            Can you confirm Thursday?
            """, "Confirmed, thanks.", quoted: 6),
        AuthoredCase("header fields spaced out by blank lines", """
            Noted.

            From: Anna Smith <anna@example.com>

            Sent: Monday, March 2, 2026 4:02 PM

            To: Jón Jónsson

            Subject: Meeting

            Can you confirm Thursday?
            """, "Noted.", quoted: 5),
        AuthoredCase("bold header fields", """
            Noted.

            *From:* Anna Smith [mailto:anna@example.com]
            *Sent:* Monday, March 2, 2026 4:02 PM
            *Subject:* Meeting
            """, "Noted.", quoted: 3),
        AuthoredCase("apple forward", """
            FYI, see below.

            Begin forwarded message:

            From: Anna Smith <anna@example.com>
            Subject: Price increase
            Date: 2 March 2026 at 16:02:11 GMT
            To: Jón Jónsson <jon@example.is>

            We are raising prices by 8% from April.
            """, "FYI, see below.", quoted: 6),
        AuthoredCase("gmail forward", """
            Forwarding for your records.

            ---------- Forwarded message ---------
            From: Anna Smith <anna@example.com>
            Date: Mon, Mar 2, 2026 at 4:02 PM
            Subject: Price increase
            To: <jon@example.is>

            We are raising prices by 8% from April.
            """, "Forwarding for your records.", quoted: 6),
        AuthoredCase("inline answers between quotes", """
            Hi Anna, answers below.

            > Can you deliver by March 20?

            Yes, if we get the PO by Friday.

            > And is the price still 120 EUR per unit?

            No, it is 126 EUR from April.

            Best,
            Jón
            """,
            "Hi Anna, answers below.\n\nYes, if we get the PO by Friday.\n\nNo, it is 126 EUR from April.\n\nBest,",
            quoted: 2),
        AuthoredCase("inline answers under an attribution", """
            On Tue, Mar 4, 2026 at 9:15 AM Anna Smith <anna@example.com> wrote:
            > Is 10:00 OK?
            Yes.
            > And the room?
            Room 3.
            """, "Yes.\n\nRoom 3.", quoted: 3),
        AuthoredCase("tail of a long quoted line that lost its marker", """
            Noted.

            On Tue, Mar 4, 2026 at 9:15 AM Jón Jónsson <jon@example.is> wrote:
            > We have reviewed the delivery schedule and we are unable to meet the deadline of
            March 20.
            > Please advise.
            """, "Noted.", quoted: 4),
        AuthoredCase("mobile footer over an unmarked original", """
            Yes.

            Sent from my iPhone

            Hi Jón, can you confirm the order?
            """, "Yes.", quoted: 1),
        AuthoredCase("icelandic gmail attribution", """
            Sæll Jón,

            Við getum ekki samþykkt þetta verð.

            Þann þri., 4. mar. 2026 kl. 09:15 skrifaði Jón Jónsson <jon@example.is>:
            > Sæl Anna,
            >
            > Nýtt verð gildir frá 1. apríl.
            """, "Sæll Jón,\n\nVið getum ekki samþykkt þetta verð.", quoted: 4),
        AuthoredCase("icelandic gmail attribution without Þann", """
            Takk, þetta passar.

            þri., 4. mar. 2026 kl. 09:15 skrifaði Jón Jónsson <
            jon@example.is>:

            > Getið þið afhent á fimmtudag?
            """, "Takk, þetta passar.", quoted: 3),
        AuthoredCase("icelandic outlook header block", """
            Þetta er í vinnslu.

            Frá: Anna Sigurðardóttir <anna@example.is>
            Sent: mánudagur, 2. mars 2026 16:02
            Til: Jón Jónsson <jon@example.is>
            Efni: Seinkun á afhendingu

            Sendingin er tveimur vikum of sein.
            """, "Þetta er í vinnslu.", quoted: 5),
        AuthoredCase("icelandic forward", """
            Til upplýsingar.

            ---------- Áframsent bréf ---------
            Frá: Anna Sigurðardóttir <anna@example.is>
            Dagsetning: mán., 2. mar. 2026 kl. 16:02
            Efni: Verðhækkun
            Til: <jon@example.is>

            Verð hækkar um 8% í apríl.
            """, "Til upplýsingar.", quoted: 6),
    ]

    @Test(arguments: quotedHistory)
    func removesQuotedHistory(_ example: AuthoredCase) {
        #expect(extractor.extract(example.body) == .init(text: example.text, quotedLines: example.quotedLines))
    }

    /// Attribution lines of the mail clients in each language, above a one-line quote.
    @Test(arguments: [
        "Am 04.03.2026 um 09:15 schrieb Jón Jónsson <jon@example.is>:",
        "Am Di., 4. März 2026 um 09:15 Uhr schrieb Jón Jónsson <jon@example.is>:",
        "Le mar. 4 mars 2026 à 09:15, Jón Jónsson <jon@example.is> a écrit :",
        "El mar, 4 mar 2026 a las 9:15, Jón Jónsson (<jon@example.is>) escribió:",
        "Den 4. mar. 2026 kl. 09.15 skrev Jón Jónsson <jon@example.is>:",
        "tir. 4. mar. 2026 kl. 09:15 skrev Jón Jónsson <jon@example.is>:",
        "Den 4 mars 2026 kl. 09:15 skrev Jón Jónsson <jon@example.is>:",
        "Op di 4 mrt. 2026 om 09:15 schreef Jón Jónsson <jon@example.is>:",
        "Em ter., 4 de mar. de 2026 às 09:15, Jón Jónsson <jon@example.is> escreveu:",
        "Il giorno mar 4 mar 2026 alle ore 09:15 Jón Jónsson <jon@example.is> ha scritto:",
        "2026-03-04 9:15 GMT+00:00 Jón Jónsson <jon@example.is>:",
        "--- On Tue, 3/4/26, Jón Jónsson <jon@example.is> wrote:",
    ])
    func recognisesAttributionsInEachLanguage(attribution: String) {
        let body = "OK for us.\n\n\(attribution)\n\n> Original text.\n"
        #expect(extractor.extract(body) == .init(text: "OK for us.", quotedLines: 2))
    }

    /// Quoted header blocks as Outlook writes them in each language.
    @Test(arguments: [
        "Von: Anna Schmidt <anna@example.de>\nGesendet: Montag, 2. März 2026 16:02\nAn: Jón\nBetreff: Lieferung",
        "De : Anne Martin <anne@example.fr>\nEnvoyé : lundi 2 mars 2026 16:02\nÀ : Jón\nObjet : Livraison",
        "De: Ana García <ana@example.es>\nEnviado: lunes, 2 de marzo de 2026 16:02\nPara: Jón\nAsunto: Entrega",
        "Fra: Anne Hansen <anne@example.dk>\nSendt: 2. marts 2026 16:02\nTil: Jón\nEmne: Levering",
        "Från: Anna Berg <anna@example.se>\nSkickat: den 2 mars 2026 16:02\nTill: Jón\nÄmne: Leverans",
        "Van: Anna de Vries <anna@example.nl>\nVerzonden: maandag 2 maart 2026 16:02\nAan: Jón\nOnderwerp: Levering",
        "De: Ana Silva <ana@example.pt>\nEnviada em: segunda-feira, 2 de março de 2026 16:02\nPara: Jón\n"
            + "Assunto: Entrega",
    ])
    func recognisesHeaderBlocksInEachLanguage(header: String) {
        let body = "OK for us.\n\n\(header)\n\nOriginal text.\n"
        #expect(extractor.extract(body) == .init(text: "OK for us.", quotedLines: 5))
    }

    // MARK: - Signatures, footers, disclaimers

    static let signatures: [AuthoredCase] = [
        AuthoredCase("signature delimiter", """
            The revised quote is attached.

            --\u{20}
            Jón Jónsson
            Sales Director, Acme ehf.
            +354 555 1234
            """, "The revised quote is attached."),
        AuthoredCase("sign-off block keeps the sign-off phrase", """
            Hi Anna,

            The pallets left Reykjavík this morning and should arrive on Thursday.

            Best regards,
            Jón Jónsson
            Sales Director
            Acme ehf.
            Tel: +354 555 1234
            www.acme.is
            """,
            "Hi Anna,\n\nThe pallets left Reykjavík this morning and should arrive on Thursday.\n\nBest regards,"),
        AuthoredCase("icelandic sign-off block", """
            Sæl Anna,

            Við staðfestum pöntunina og sendum reikning á morgun.

            Bestu kveðjur,
            Jón Jónsson
            Sölustjóri | Acme ehf.
            Sími: 555 1234
            """, "Sæl Anna,\n\nVið staðfestum pöntunina og sendum reikning á morgun.\n\nBestu kveðjur,"),
        AuthoredCase("icelandic sign-off without a comma", "Takk fyrir fundinn.\n\nMeð kveðju\nAnna Sigurðardóttir",
                     "Takk fyrir fundinn.\n\nMeð kveðju"),
        AuthoredCase("bilingual sign-off above contact lines", """
            Sæll Gunnar,

            Getum við hist á fimmtudag?

            Með bestu kveðju / Best regards
            Sigríður Jónsdóttir
            Innkaupastjóri
            Sími: +354 555 1234 | GSM: 899 1234
            www.example.is
            """, "Sæll Gunnar,\n\nGetum við hist á fimmtudag?\n\nMeð bestu kveðju / Best regards"),
        AuthoredCase("signature on one line with bars", """
            We need the report by 5pm.
            Best regards,
            John Smith | VP Sales | Acme Corp | +1 (555) 010-0000
            """, "We need the report by 5pm.\nBest regards,"),
        AuthoredCase("stacked sign-off, delimiter and mobile footer", """
            Thanks for your help!

            Kind regards,
            Anna

            --
            Anna Smith
            Account Manager
            Example Corp

            Sent from my iPhone
            """, "Thanks for your help!\n\nKind regards,"),
        AuthoredCase("name above a mobile footer", """
            Sounds good, see you then.

            Jón Jónsson
            Sent from my iPhone
            """, "Sounds good, see you then."),
        AuthoredCase("contact block without a sign-off", """
            The samples ship today.

            Anna Smith
            Head of Procurement
            anna@example.com
            +1 555 0100
            """, "The samples ship today."),
        AuthoredCase("rule above a signature", """
            See you at the review.

            ____________
            Anna Smith | Example Corp
            www.example.com
            """, "See you at the review."),
        AuthoredCase("english disclaimer", """
            Please find the signed NDA attached.

            Kind regards,
            Anna

            This email and any attachments are confidential and intended solely for the addressee. If you \
            are not the intended recipient, please delete it and notify the sender.
            """, "Please find the signed NDA attached.\n\nKind regards,"),
        AuthoredCase("confidentiality notice over two paragraphs", """
            See you at 10.

            CONFIDENTIALITY NOTICE: The contents of this email message and any attachments are intended \
            solely for the addressee(s).

            If you have received this message in error, please delete it.
            """, "See you at 10."),
        AuthoredCase("icelandic disclaimer", """
            Sæl Anna,

            Við staðfestum pöntunina.

            Kveðja,
            Jón

            Þessi tölvupóstur og viðhengi hans eru trúnaðarmál og eingöngu ætluð þeim sem hann er \
            stílaður á. Hafir þú fengið hann fyrir mistök biðjum við þig að eyða honum.
            """, "Sæl Anna,\n\nVið staðfestum pöntunina.\n\nKveðja,"),
        AuthoredCase("icelandic disclaimer under a rule", """
            Reikningurinn er í viðhengi.

            ---
            Upplýsingar í þessum tölvupósti eru trúnaðarmál og einungis ætlaðar viðtakanda.
            """, "Reikningurinn er í viðhengi."),
    ]

    @Test(arguments: signatures)
    func removesSignatures(_ example: AuthoredCase) {
        #expect(extractor.extract(example.body) == .init(text: example.text, quotedLines: example.quotedLines))
    }

    @Test(arguments: [
        "Sent from my iPhone",
        "Sent from Outlook for Android",
        "Get Outlook for iOS",
        "Get Outlook for iOS<https://aka.ms/o0ukef>",
        "Sent from Mail for Windows",
        "Sent from my Samsung Galaxy smartphone.",
        "Sent úr iPhone",
        "Sent úr Samsung Galaxy snjallsíma",
        "Von meinem iPhone gesendet",
        "Envoyé de mon iPhone",
        "Enviado desde mi iPhone",
        "Sendt fra min iPhone",
        "Skickat från min iPhone",
        "Verzonden vanaf mijn iPhone",
    ])
    func removesMobileFooters(footer: String) {
        let body = "Confirmed for Thursday.\n\n\(footer)\n"
        #expect(extractor.extract(body) == .init(text: "Confirmed for Thursday.", quotedLines: 0))
    }

    @Test(arguments: [
        "Mit freundlichen Grüßen", "Cordialement", "Saludos", "Med venlig hilsen", "Med vennlig hilsen",
        "Med vänliga hälsningar", "Met vriendelijke groet", "Atenciosamente", "Kær kveðja", "Cheers 🎉",
    ])
    func keepsSignOffPhrasesInEachLanguage(signOff: String) {
        let body = "The order is confirmed.\n\n\(signOff)\nJón Jónsson\nAcme ehf.\n"
        #expect(extractor.extract(body) == .init(text: "The order is confirmed.\n\n\(signOff)", quotedLines: 0))
    }

    // MARK: - What must stay

    static let keptAsWritten: [AuthoredCase] = [
        AuthoredCase("sentences starting with On", """
            On the other hand, we should wait for the audit.
            On Monday I will call them.
            """, "On the other hand, we should wait for the audit.\nOn Monday I will call them."),
        AuthoredCase("a colon after wrote without date or address", """
            In my last email I wrote:

            the contract ends in May.
            """, "In my last email I wrote:\n\nthe contract ends in May."),
        AuthoredCase("header words inside sentences", """
            The figures come From: our database, not From: the supplier.
            Subject: to approval by the board.
            """, "The figures come From: our database, not From: the supplier.\nSubject: to approval by the board."),
        AuthoredCase("double-dash bullets", """
            Open points:
            -- pricing for 2027
            -- delivery dates
            """, "Open points:\n-- pricing for 2027\n-- delivery dates"),
        AuthoredCase("a list at the end", """
            Agenda for Thursday:

            - Pricing
            - Delivery dates
            """, "Agenda for Thursday:\n\n- Pricing\n- Delivery dates"),
        AuthoredCase("sign-off phrase followed by a postscript", """
            Thanks,
            Jón

            P.S. The invoice is attached, please pay it by the 15th.
            """, "Thanks,\nJón\n\nP.S. The invoice is attached, please pay it by the 15th."),
        AuthoredCase("sent from inside a sentence", """
            Here is another email

            Sent from my desk, is much easier than my phone.
            """, "Here is another email\n\nSent from my desk, is much easier than my phone."),
        AuthoredCase("links under a heading at the end", """
            The drafts are here.

            Links:
            https://example.com/contract-draft
            https://example.com/price-list
            """, "The drafts are here.\n\nLinks:\nhttps://example.com/contract-draft\nhttps://example.com/price-list"),
        AuthoredCase("a phone number in a sentence", """
            Call me on +354 555 1234 if anything changes.
            Jón
            """, "Call me on +354 555 1234 if anything changes.\nJón"),
        AuthoredCase("a short answer between short quoted lines", """
            > Is 10:00 OK?
            Yes.
            > And the room?
            """, "Yes.", quoted: 2),
        AuthoredCase("rule inside a table", """
            Item      Price
            ---------------
            Pallets   1200 EUR per week, payable at the end of each calendar month.
            Storage   300 EUR per week, payable in advance on the first day of the month.
            """, """
            Item      Price
            ---------------
            Pallets   1200 EUR per week, payable at the end of each calendar month.
            Storage   300 EUR per week, payable in advance on the first day of the month.
            """),
    ]

    @Test(arguments: keptAsWritten)
    func keepsTheAuthorsText(_ example: AuthoredCase) {
        #expect(extractor.extract(example.body) == .init(text: example.text, quotedLines: example.quotedLines))
    }

    // MARK: - Input shapes

    @Test func crlfBodiesGiveTheSameResultAsLF() {
        let body = "Works for me.\r\n\r\nOn Tue, Mar 4, 2026 at 9:15 AM Jón <jon@example.is> wrote:\r\n"
            + "> Can we meet?\r\n"
        #expect(extractor.extract(body) == .init(text: "Works for me.", quotedLines: 2))
    }

    @Test func loneCarriageReturnIsNotALineBreak() {
        #expect(extractor.extract("Price\rlist attached.") == .init(text: "Price\rlist attached.", quotedLines: 0))
    }

    @Test(arguments: ["", "\n", "  \n\t\n\u{00A0}\n"])
    func emptyBodiesGiveEmptyText(body: String) {
        #expect(extractor.extract(body) == .init(text: "", quotedLines: 0))
    }

    @Test func aBodyOfOnlyQuotesHasNoAuthoredText() {
        #expect(extractor.extract("> one\n>\n> two\n") == .init(text: "", quotedLines: 3))
    }

    @Test func blankLinesAreKeptUnlessHistoryWasRemovedBetween() {
        let body = "First.\n\n\nSecond.\n\n> quoted\n\n\nThird."
        #expect(extractor.extract(body) == .init(text: "First.\n\n\nSecond.\n\nThird.", quotedLines: 1))
    }

    @Test func replyStageKeepsTheSignature() {
        let body = "Hello\n\nSent from my iPhone\n\nOn Apr 3, 2026, at 4:19 PM, Anna <anna@example.com> wrote:\n\n> Hi"
        #expect(extractor.extractReply(body) == .init(text: "Hello\n\nSent from my iPhone", quotedLines: 2))
        #expect(extractor.extract(body) == .init(text: "Hello", quotedLines: 2))
    }
}
