import MaturityQuestionnaire
import MaturityScoring

/// Writes the `scores` and `actions` JSON of an imported respondent (each item laid out by
/// `StoredResults.writeScore` and `writeAction`) straight from its score card and
/// the rules of its roadmap actions, on the thread that scored it.
/// Dimension ids, level ids, each rule's id and dimension, and each cap's id, level and reason
/// (per language) are encoded once per questionnaire, here (action titles are stored once per
/// rule, `ActionTitles`). Building a `StoredScore`
/// and a `StoredAction` per item, resolving every title, then encoding them again on the
/// single writer thread cost 33k instructions per respondent more (callgrind).
public struct ImportedResultsWriter: Sendable {
    /// `"<dimension id>"` by dimension index.
    let dimensions: [(id: DimensionID, json: [UInt8])]
    /// `"<level id>"`, in questionnaire order.
    let levels: [(id: LevelID, json: [UInt8])]
    /// `"_overall"`
    static let overall = encoded(StoredScore.overall)
    let rules: [Rule]
    /// `"<rule id>","<dimension id>"` of each rule, by position in `rules`.
    let ruleFields: [[UInt8]]
    /// `"id":"<cap id>","maxLevel":"<level>","reason":"<reason>"}` of each cap per language,
    /// with what an applied cap must match to use them (the keys of `DiagnosisDocument.CapItem`,
    /// sorted, after `"binding"`).
    let caps: [(cap: Cap, fields: [LanguageCode: [UInt8]])]

    static let fallback = LanguageCode.english

    public init(questionnaire: Questionnaire) {
        dimensions = questionnaire.dimensions.map { ($0.id, Self.encoded($0.id.rawValue)) }
        levels = questionnaire.levels.map { ($0.id, Self.encoded($0.id.rawValue)) }
        rules = questionnaire.rules
        ruleFields = questionnaire.rules.map(Self.fields(of:))
        caps = questionnaire.caps.map { cap in
            let fields = Self.perLanguage(questionnaire) { language, out in
                Self.fields(cap.id, cap.maxLevel, cap.reason.resolve(language, fallback: Self.fallback), to: &out)
            }
            return (cap, fields)
        }
    }

    /// What `write` encodes for each language of the questionnaire.
    private static func perLanguage(_ questionnaire: Questionnaire, _ write: (LanguageCode, inout JSONBytes) -> Void)
        -> [LanguageCode: [UInt8]]
    {
        var encoded: [LanguageCode: [UInt8]] = [:]
        for language in questionnaire.languages {
            var out = JSONBytes(capacity: 160)
            write(language, &out)
            encoded[language] = out.bytes
        }
        return encoded
    }

    /// The scores and actions of one respondent; `actions` are positions in the
    /// questionnaire's rules with their phase, as `RoadmapPlanner.phasedRules` gives them.
    public func results(_ card: ScoreCard, actions: [(phase: Phase, rule: Int)], language: LanguageCode) -> ImportedResults {
        var out = JSONBytes(capacity: 2048)
        out.raw("[")
        for index in card.dimensions.indices {
            score(card.dimensions[index], at: index, language: language, to: &out)
            out.raw(",")
        }
        StoredResults.writeScore(
            to: &out, dimension: { $0.append(Self.overall) }, score: card.overall.score, rawScore: nil,
            level: { level(card.overall.level, &$0) }, coverage: 1, caps: { $0.raw("[]") })
        out.raw("]")
        let split = out.count
        out.raw("[")
        for index in actions.indices {
            if index > 0 { out.raw(",") }
            let rule = actions[index].rule
            StoredResults.writeAction(to: &out, phase: actions[index].phase.rawValue, blocking: rules[rule].blocksPilots) { out in
                out.append(ruleFields[rule])
            }
        }
        out.raw("]")
        return ImportedResults(bytes: out.bytes, split: split)
    }

    private func score(_ item: DimensionScore, at index: Int, language: LanguageCode, to out: inout JSONBytes) {
        StoredResults.writeScore(
            to: &out,
            dimension: { out in
                if dimensions.indices.contains(index) && dimensions[index].id == item.id {
                    out.append(dimensions[index].json)
                } else {
                    out.string(item.id.rawValue)
                }
            },
            score: item.score, rawScore: item.rawScore, level: { level(item.level, &$0) }, coverage: item.coverage,
            caps: { caps(item.caps, language: language, to: &$0) })
    }

    /// `[DiagnosisDocument.CapItem]`; most dimensions have no cap.
    private func caps(_ applied: [AppliedCap], language: LanguageCode, to out: inout JSONBytes) {
        out.raw("[")
        for index in applied.indices {
            let cap = applied[index]
            out.raw(index == 0 ? #"{"binding":"# : #",{"binding":"#)
            out.raw(cap.binding ? "true," : "false,")
            // By position: the cap found was copied, with its reasons and encodings.
            if let known = caps.firstIndex(where: { $0.cap.id == cap.id && $0.cap.maxLevel == cap.maxLevel }),
                caps[known].cap.reason == cap.reason, let fields = caps[known].fields[language]
            {
                out.append(fields)
            } else {
                Self.fields(cap.id, cap.maxLevel, cap.reason.resolve(language, fallback: Self.fallback), to: &out)
            }
        }
        out.raw("]")
    }

    /// `"rule","dimension"` of a rule's action.
    private static func fields(of rule: Rule) -> [UInt8] {
        var out = JSONBytes(capacity: 64)
        StoredResults.writeActionFields(rule: rule.id.rawValue, dimension: rule.dimension.rawValue, to: &out)
        return out.bytes
    }

    private func level(_ id: LevelID?, _ out: inout JSONBytes) {
        guard let id else { return out.raw("null") }
        if let known = levels.first(where: { $0.id == id }) { out.append(known.json) } else { out.string(id.rawValue) }
    }

    /// `"id":"<cap>","maxLevel":"<level>","reason":"<reason>"}`
    private static func fields(_ cap: CapID, _ maxLevel: LevelID, _ reason: String, to out: inout JSONBytes) {
        out.raw(#""id":"#)
        out.string(cap.rawValue)
        out.raw(#","maxLevel":"#)
        out.string(maxLevel.rawValue)
        out.raw(#","reason":"#)
        out.string(reason)
        out.raw("}")
    }

    private static func encoded(_ text: String) -> [UInt8] {
        var out = JSONBytes(capacity: text.utf8.count + 2)
        out.string(text)
        return out.bytes
    }
}
