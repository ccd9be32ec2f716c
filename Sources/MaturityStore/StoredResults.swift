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
    var title: String
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
        writeArrays(scores, to: &out) { out, score in
            out.string(score.dimension)
            out.raw(",")
            optional(score.score, &out)
            out.raw(",")
            optional(score.rawScore, &out)
            out.raw(",")
            if let level = score.level { out.string(level) } else { out.raw("null") }
            out.raw(",")
            out.number(score.coverage)
            out.raw(",")
            out.append(json: score.caps)
        }
    }

    /// `[[phase, rule, dimension, title, blocking], ...]`
    static func writeActions(_ actions: [StoredAction], to out: inout JSONBytes) {
        writeArrays(actions, to: &out) { out, action in
            out.string(action.phase)
            out.raw(",")
            out.string(action.rule)
            out.raw(",")
            out.string(action.dimension)
            out.raw(",")
            out.string(action.title)
            action.blocking ? out.raw(",true") : out.raw(",false")
        }
    }

    /// `[[...],[...]]`, the fields of each item written by `fields`. Generic within this module,
    /// so it is specialised for each caller (through `JSONBytes`'s generic array writer, from
    /// another module, the two arrays cost 65k instructions per respondent; 61k here).
    private static func writeArrays<Item>(_ items: [Item], to out: inout JSONBytes, _ fields: (inout JSONBytes, Item) -> Void) {
        out.raw("[")
        for index in items.indices {
            out.raw(index == 0 ? "[" : ",[")
            fields(&out, items[index])
            out.raw("]")
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
                StoredAction(phase: phase.id, rule: action.id, dimension: action.dimension, title: action.title, blocking: action.blocking)
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
        static func actionTitle(_ item: String) -> String { "\(item).value->>3" }
    }

    /// SQL reading one field (a `Column` function) of the overall score of the assessment
    /// aliased `assessment`.
    static func overall(_ assessment: String, _ field: (String) -> String) -> String {
        "(SELECT \(field("o")) FROM json_each(\(assessment).scores) o WHERE \(Column.dimension("o")) = '\(StoredScore.overall)')"
    }
}
