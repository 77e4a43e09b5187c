import RapportResources

@testable import RapportLanguage

/// A scorer over the shipped modifiers and a small fixed sentiment lexicon, so rule tests do not
/// move when the big shipped lexicons are re-weighted.
enum TestScorer {
    static let sentimentEN = """
        #!language en
        good\t1.9\tsentiment
        great\t3.1\tsentiment
        happy\t2.7\tsentiment
        helpful\t1.8\tsentiment
        best\t3.2\tsentiment
        fair\t1.3\tsentiment
        fixed\t1.0\tsentiment
        bad\t-2.5\tsentiment
        terrible\t-3.4\tsentiment
        problem\t-1.7\tsentiment
        worry\t-1.9\tsentiment
        complain\t-1.5\tsentiment
        disappoint*\t-2.2\tsentiment
        unacceptable\t-3.0\tsentiment
        unacceptable\t2.5\tconflict.anger
        late\t-1.0\tsentiment
        delay\t-1.2\tsentiment
        delay\t1.5\tnegotiation.stall
        critical\t-1.5\tsentiment
        critical path\t0\tsentiment
        no problem\t1.6\tsentiment
        angry\t-2.3\tsentiment
        angry\t2.5\tconflict.anger
        thanks\t1.5\tsentiment
        thanks\t2\tpoliteness.thanks
        please\t1.5\tpoliteness.please
        super\t2.0\tsentiment
        """
    static let sentimentIS = """
        #!language is
        gott\t1.9\tsentiment
        góð\t1.9\tsentiment
        slæmt\t-2.5\tsentiment
        """

    static let lexicons: LexiconSet = {
        var lexicons: [Lexicon] = []
        for name in ["en/modifiers.tsv", "is/modifiers.tsv"] {
            lexicons.append(try! Lexicon.load(text: DefaultResources.text(name)!, file: name))
        }
        lexicons.append(try! Lexicon.load(text: sentimentEN, file: "test-en.tsv"))
        lexicons.append(try! Lexicon.load(text: sentimentIS, file: "test-is.tsv"))
        return LexiconSet(lexicons)
    }()

    static let scorer = Scorer(lexicons: lexicons)
}
