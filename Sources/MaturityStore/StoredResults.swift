import MaturityRoadmap
import MaturityScoring

/// One score of an assessment as stored: a dimension's, or the overall one under
/// `StoredScore.overall`.
public struct StoredScore: Sendable, Equatable {
    /// The overall score is stored under this dimension id.
    public static let overall = "_overall"

    var dimension: String
    var score: Double?
    var rawScore: Double?
    var level: String?
    var coverage: Double
    /// The JSON of `[DiagnosisDocument.CapItem]` (sorted keys).
    var caps: String
}

/// One roadmap action of an assessment as stored, in roadmap order.
public struct StoredAction: Sendable, Equatable {
    var phase: String
    var rule: String
    var dimension: String
    var blocking: Bool
}

/// An assessment's scores and roadmap actions live in its own row (schema v4): two JSON arrays,
/// `assessment.scores` and `assessment.actions`, with one array per score or action. The
/// views `score` and `roadmapAction` read them back as the rows they were before, for queries
/// and for people inspecting the file. A batch import thus writes one row per respondent
/// instead of about 23 (callgrind: those rows were 57 % of its storing).
///
/// The positions written here are the ones the views (migration v4) and `Column` read.
enum StoredResults {
    /// `[[dimension, score, rawScore, level, coverage, caps], ...]`
    static func writeScores(_ scores: [StoredScore], to out: inout JSONBytes) {
        writeArray(scores, to: &out) { out, score in
            writeScore(
                to: &out, dimension: { $0.string(score.dimension) }, score: score.score, rawScore: score.rawScore,
                level: { out in if let level = score.level { out.string(level) } else { out.raw("null") } },
                coverage: score.coverage, caps: { $0.append(json: score.caps) })
        }
    }

    /// `[[phase, rule, dimension, blocking], ...]`; titles are stored once per rule
    /// (`ActionTitles`).
    static func writeActions(_ actions: [StoredAction], to out: inout JSONBytes) {
        writeArray(actions, to: &out) { out, action in
            writeAction(to: &out, phase: action.phase, blocking: action.blocking) { out in
                writeActionFields(rule: action.rule, dimension: action.dimension, to: &out)
            }
        }
    }

    /// One score, `[dimension, score, rawScore, level, coverage, caps]`: the dimension id, the
    /// level (or `null`) and the caps (a JSON array) are written by the caller, from text or
    /// already encoded (a batch import, `ImportedResultsWriter`).
    static func writeScore(
        to out: inout JSONBytes, dimension: (inout JSONBytes) -> Void, score: Double?, rawScore: Double?,
        level: (inout JSONBytes) -> Void, coverage: Double, caps: (inout JSONBytes) -> Void
    ) {
        out.raw("[")
        dimension(&out)
        out.raw(",")
        optional(score, &out)
        out.raw(",")
        optional(rawScore, &out)
        out.raw(",")
        level(&out)
        out.raw(",")
        out.number(coverage)
        out.raw(",")
        caps(&out)
        out.raw("]")
    }

    /// One action, `[phase, rule, dimension, blocking]`: `fields` writes the rule id and
    /// dimension id (`"rule","dimension"`).
    static func writeAction(to out: inout JSONBytes, phase: String, blocking: Bool, fields: (inout JSONBytes) -> Void) {
        out.raw("[")
        out.string(phase)
        out.raw(",")
        fields(&out)
        blocking ? out.raw(",true]") : out.raw(",false]")
    }

    /// `"rule","dimension"`, the middle of an action.
    static func writeActionFields(rule: String, dimension: String, to out: inout JSONBytes) {
        out.string(rule)
        out.raw(",")
        out.string(dimension)
    }

    /// `[item,item,...]`, each written by `write`. Generic within this module, so it is
    /// specialised for each caller (through `JSONBytes`'s generic array writer, from another
    /// module, the two arrays cost 65k instructions per respondent; 61k here).
    private static func writeArray<Item>(_ items: [Item], to out: inout JSONBytes, _ write: (inout JSONBytes, Item) -> Void) {
        out.raw("[")
        for index in items.indices {
            if index > 0 { out.raw(",") }
            write(&out, items[index])
        }
        out.raw("]")
    }

    private static func optional(_ value: Double?, _ out: inout JSONBytes) {
        if let value { out.number(value) } else { out.raw("null") }
    }

    /// The scores and actions of a diagnosis, as `score --save`, interviews and `rescore` store them.
    static func rows(of document: DiagnosisDocument) throws -> (scores: [StoredScore], actions: [StoredAction]) {
        var scores = try document.dimensions.map { dimension in
            StoredScore(
                dimension: dimension.id, score: dimension.score, rawScore: dimension.rawScore, level: dimension.level,
                coverage: dimension.coverage, caps: try JSONCoding.string(dimension.caps))
        }
        scores.append(
            StoredScore(
                dimension: StoredScore.overall, score: document.overall.score, rawScore: nil, level: document.overall.level, coverage: 1,
                caps: "[]"))
        let actions = document.roadmap.phases.flatMap { phase in
            phase.actions.map { action in
                StoredAction(phase: phase.id, rule: action.id, dimension: action.dimension, blocking: action.blocking)
            }
        }
        return (scores, actions)
    }

    /// SQL reading one field of a stored score or action, `item` being a row of `json_each`
    /// over `assessment.scores` or `assessment.actions`.
    enum Column {
        static func dimension(_ item: String) -> String { "\(item).value->>0" }
        static func score(_ item: String) -> String { "CAST(\(item).value->>1 AS REAL)" }
        static func level(_ item: String) -> String { "\(item).value->>3" }
        static func actionPhase(_ item: String) -> String { "\(item).value->>0" }
        static func actionRule(_ item: String) -> String { "\(item).value->>1" }
        /// The title an action was stored with before migration v6 (a five-item action), else
        /// NULL: titles are in `actionTitle` (`ActionTitles`).
        static func actionOwnTitle(_ item: String) -> String { "CASE json_array_length(\(item).value) WHEN 5 THEN \(item).value->>3 END" }
    }

    /// SQL reading one field (a `Column` function) of the overall score of the assessment
    /// aliased `assessment`.
    static func overall(_ assessment: String, _ field: (String) -> String) -> String {
        "(SELECT \(field("o")) FROM json_each(\(assessment).scores) o WHERE \(Column.dimension("o")) = '\(StoredScore.overall)')"
    }
}
