import MaturityQuestionnaire
import MaturityRoadmap
import MaturityScoring

/// Writes the `scores` and `actions` JSON of an imported respondent (each item laid out by
/// `StoredResults.writeScore` and `writeAction`) straight from its score card and roadmap, on the thread that scored it.
/// Dimension ids, level ids, each rule's id, dimension and title, and each cap's id, level and
/// reason (per language) are encoded once per questionnaire, here. Building a `StoredScore`
/// and a `StoredAction` per item, resolving every title, then encoding them again on the
/// single writer thread cost 33k instructions per respondent more (callgrind).
public struct ImportedResultsWriter: Sendable {
    /// `"<dimension id>"` by dimension index.
    let dimensions: [(id: DimensionID, json: [UInt8])]
    /// `"<level id>"`, in questionnaire order.
    let levels: [(id: LevelID, json: [UInt8])]
    /// `"_overall"`
    static let overall = encoded(StoredScore.overall)
    let ruleIndex: [RuleID: Int]
    /// `"<rule id>","<dimension id>","<title>"` of each rule per questionnaire language, with
    /// what an action must match to use them.
    let rules: [(dimension: DimensionID, title: LocalizedText, fields: [LanguageCode: [UInt8]])]
    /// `"id":"<cap id>","maxLevel":"<level>","reason":"<reason>"}` of each cap per language,
    /// with what an applied cap must match to use them (the keys of `DiagnosisDocument.CapItem`,
    /// sorted, after `"binding"`).
    let caps: [(cap: Cap, fields: [LanguageCode: [UInt8]])]

    static let fallback = LanguageCode.english

    public init(questionnaire: Questionnaire) {
        dimensions = questionnaire.dimensions.map { ($0.id, Self.encoded($0.id.rawValue)) }
        levels = questionnaire.levels.map { ($0.id, Self.encoded($0.id.rawValue)) }
        ruleIndex = Dictionary(questionnaire.rules.enumerated().map { ($0.element.id, $0.offset) }) { first, _ in first }
        rules = questionnaire.rules.map { rule in
            let fields = Self.perLanguage(questionnaire) { language, out in
                StoredResults.writeActionFields(
                    rule: rule.id.rawValue, dimension: rule.dimension.rawValue,
                    title: rule.title.resolve(language, fallback: Self.fallback),
                    to: &out)
            }
            return (rule.dimension, rule.title, fields)
        }
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

    /// The scores (`bytes[..<split]`) and the actions (`bytes[split...]`) of one respondent.
    public func results(_ card: ScoreCard, _ roadmap: Roadmap, language: LanguageCode) -> (bytes: [UInt8], split: Int) {
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
        let split = out.bytes.count
        out.raw("[")
        var first = true
        for phase in roadmap.phases {
            for action in phase.actions {
                if !first { out.raw(",") }
                first = false
                StoredResults.writeAction(to: &out, phase: phase.phase.rawValue, blocking: action.blocking) { out in
                    fields(of: action, language: language, to: &out)
                }
            }
        }
        out.raw("]")
        return (out.bytes, split)
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
            if let known = caps.first(where: { $0.cap.id == cap.id && $0.cap.maxLevel == cap.maxLevel }), known.cap.reason == cap.reason,
                let fields = known.fields[language]
            {
                out.append(fields)
            } else {
                Self.fields(cap.id, cap.maxLevel, cap.reason.resolve(language, fallback: Self.fallback), to: &out)
            }
        }
        out.raw("]")
    }

    /// `"rule","dimension","title"` of an action.
    private func fields(of action: RoadmapAction, language: LanguageCode, to out: inout JSONBytes) {
        if let index = ruleIndex[action.id], rules[index].dimension == action.dimension, rules[index].title == action.title,
            let fields = rules[index].fields[language]
        {
            out.append(fields)
        } else {
            StoredResults.writeActionFields(
                rule: action.id.rawValue, dimension: action.dimension.rawValue,
                title: action.title.resolve(language, fallback: Self.fallback), to: &out)
        }
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
