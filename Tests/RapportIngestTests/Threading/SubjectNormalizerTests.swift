import RapportResources
import Testing
@testable import RapportIngest

@Suite struct SubjectNormalizerTests {
    @Test(arguments: [
        ("Budget 2026", "budget 2026"),
        ("Re: Budget 2026", "budget 2026"),
        ("RE: Budget 2026", "budget 2026"),
        ("re:Budget 2026", "budget 2026"),
        ("Fwd: Budget", "budget"),
        ("FW: Budget", "budget"),
        ("Fw: Budget", "budget"),
        ("SV: Budget", "budget"),
        ("AW: WG: Angebot", "angebot"),
        ("VS: Budget", "budget"),
        ("TR : Budget", "budget"),
        ("Antw: Budget", "budget"),
        ("Aw: Budget", "budget"),
        ("Ref: Budget", "budget"),
        ("RV: Budget", "budget"),
        ("Réf: Budget", "budget"),
        ("Enc: Budget", "budget"),
        ("Svar: Budget", "budget"),
        ("Vb: Budget", "budget"),
        ("Vs: Budget", "budget"),
        ("Sv: Fundargerð", "fundargerð"),
        ("Áfram: Fundargerð", "fundargerð"),
        ("ÁFRAM: Fundargerð", "fundargerð"),
        ("Fwd: Sv: Áfram: Re: Fundargerð", "fundargerð"),
        ("Re: Re: RE: re: Budget", "budget"),
        ("Re[2]: Budget", "budget"),
        ("Re(3): Budget", "budget"),
        ("RE [4] : Budget", "budget"),
        ("回复：预算", "预算"),
        // Tags and list names before the subject.
        ("[EXTERNAL] Re: Budget", "budget"),
        ("Re: [EXTERNAL] Budget", "budget"),
        ("[EXT] RE: [SPAM] Fwd: Budget", "budget"),
        ("[Ytra] Sv: Fundargerð", "fundargerð"),
        ("Re: [sales-team] Re: Budget", "budget"),
        ("(EXTERNAL) Budget", "budget"),
        ("*EXTERNAL* Budget", "budget"),
        ("EXTERNAL: Re: Budget", "budget"),
        ("[External Email] Budget", "budget"),
        // Whitespace and case.
        ("  Re:   Budget \t 2026  ", "budget 2026"),
        ("QUARTERLY   Numbers", "quarterly numbers"),
        ("Fundargerð  FRÁ   fundi", "fundargerð frá fundi"),
        ("Budget (fwd)", "budget"),
        // What must stay.
        ("Meeting: Budget", "meeting: budget"),
        ("Regarding the budget", "regarding the budget"),
        ("Rework: plan", "rework: plan"),
        ("Budget [draft]", "budget [draft]"),
        ("[EXTERNAL]", "[external]"),
        ("(Budget) plan", "(budget) plan"),
        ("Re:", ""),
        ("", ""),
    ])
    func normalises(_ subject: String, _ expected: String) {
        #expect(SubjectNormalizer.normalize(subject) == expected)
    }

    @Test(arguments: [
        ("Re: Budget", true), ("Fwd: Budget", true), ("[EXTERNAL] Áfram: Budget", true), ("Budget (fwd)", true),
        ("Budget", false), ("[EXTERNAL] Budget", false), ("EXTERNAL: Budget", false), ("Meeting: Budget", false),
    ])
    func marksRepliesAndForwards(_ subject: String, _ isReply: Bool) {
        #expect(SubjectNormalizer.split(subject).isReplyOrForward == isReply)
    }

    @Test func readsMarkersFromText() {
        let markers = SubjectMarkers(text: """
            # comment
            prefix Odgovor

            tag INTERN
            unknown entry
            prefix
            """)
        #expect(SubjectNormalizer.split("ODGOVOR: [INTERN] Plan", markers: markers)
            == NormalizedSubject(text: "plan", isReplyOrForward: true))
        #expect(SubjectNormalizer.split("(intern) Re: Plan", markers: markers)
            == NormalizedSubject(text: "re: plan", isReplyOrForward: false))
    }

    @Test func shipsTheMarkerList() throws {
        let text = try #require(DefaultResources.text("subject-prefixes.txt"))
        let lines = text.split(separator: "\n").filter { !$0.isEmpty && !$0.hasPrefix("#") }
        #expect(lines.allSatisfy { $0.hasPrefix("prefix ") || $0.hasPrefix("tag ") })
        #expect(lines.contains("prefix áfram"))
    }
}
