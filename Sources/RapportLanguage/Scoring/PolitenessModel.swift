/// Politeness and warmth from the matched signals: politeness markers (greetings, thanks, please,
/// apologies, hedges, sign-offs) and appreciation raise it; hostile conflict signals and negative
/// words lower it. Danescu-Niculescu-Mizil et al. 2013 ("A computational approach to
/// politeness") found these strategies — gratitude, greetings, please, apologies, hedging, and
/// the positive and negative lexicon — among the strongest predictors of rated politeness.
enum PolitenessModel {
    /// Politeness markers count at their lexicon intensity.
    static let markerWeight = 1.0
    /// Appreciation is warmth but not a politeness formula: half weight.
    static let appreciationWeight = 0.5
    /// Anger, blame, threats, demands, distrust and escalation are impolite at their intensity.
    static let hostilityWeight = 1.0
    /// Valence counts a quarter: tone colours politeness but a polite complaint is still polite.
    static let valenceWeight = 0.25
    /// `alpha` of the normalisation: a single marker of intensity 2 lands at 0.71, two at 0.89.
    static let alpha = 4.0

    static let hostile: Set<String> = [
        "conflict.anger", "conflict.blame", "conflict.threat", "conflict.urgency", "conflict.distrust",
        "conflict.escalation",
    ]

    /// What one unit of a category adds to raw (unnormalised) politeness.
    static func factor(for category: LexiconCategory) -> Double {
        switch category.family {
        case .sentiment: return valenceWeight
        case .politeness: return markerWeight
        case .relationship: return category.rawValue == "relationship.appreciation" ? appreciationWeight : 0
        case .conflict: return hostile.contains(category.rawValue) ? -hostilityWeight : 0
        default: return 0
        }
    }
}
