import Foundation
import MaturityQuestionnaire
import MaturityRoadmap
import MaturityScoring

/// A scored respondent of a batch import, reduced to the rows the store writes. Built on any
/// thread (JSON encoding included), so the writer only inserts.
public struct ImportedAssessment: Sendable {
    public struct ScoreRow: Sendable {
        var dimension: String
        var score: Double?
        var rawScore: Double?
        var level: String?
        var coverage: Double
        var caps: String
    }

    public struct ActionRow: Sendable {
        var phase: String
        var rule: String
        var dimension: String
        var title: String
        var blocking: Bool
    }

    public var key: String
    public var file: String
    public var row: Int
    public var company: Company
    public var language: String
    /// The answers-file JSON, UTF-8, bound as is.
    public var answerDocument: [UInt8]
    public var scores: [ScoreRow]
    public var actions: [ActionRow]
    public var overallLevel: String?
    public var engine: String
    /// The exported cells, for the rejected-rows file when the row turns out to be a duplicate.
    public var cells: [String] = []

    public init(
        key: String, file: String, row: Int, answers: AnswerSet, card: ScoreCard, roadmap: Roadmap, documents: AnswerDocumentWriter,
        engine: String
    ) {
        self.key = key
        self.file = file
        self.row = row
        self.engine = engine
        company = answers.company
        language = answers.language.rawValue
        let fallback = LanguageCode.english
        answerDocument = documents.document(answers)
        scores = card.dimensions.map { dimension in
            ScoreRow(
                dimension: dimension.id.rawValue, score: dimension.score, rawScore: dimension.rawScore,
                level: dimension.level?.rawValue,
                coverage: dimension.coverage,
                // The JSON of `[DiagnosisDocument.CapItem]`, written directly (sorted keys);
                // most dimensions have no cap.
                caps: dimension.caps.isEmpty
                    ? "[]"
                    : JSONValue.array(
                        dimension.caps.map { cap in
                            .object([
                                "binding": .bool(cap.binding), "id": .string(cap.id.rawValue), "maxLevel": .string(cap.maxLevel.rawValue),
                                "reason": .string(cap.reason.resolve(answers.language, fallback: fallback)),
                            ])
                        }
                    ).compactJSON)
        }
        scores.append(
            ScoreRow(
                dimension: ScoreRecord.overall, score: card.overall.score, rawScore: nil, level: card.overall.level?.rawValue, coverage: 1,
                caps: "[]"))
        overallLevel = card.overall.level?.rawValue
        actions = roadmap.phases.flatMap { phase in
            phase.actions.map { action in
                ActionRow(
                    phase: phase.phase.rawValue, rule: action.id.rawValue, dimension: action.dimension.rawValue,
                    title: action.title.resolve(answers.language, fallback: fallback), blocking: action.blocking)
            }
        }
    }
}

/// What a batch write did with one respondent.
public enum ImportOutcome: Sendable, Equatable {
    case stored(AssessmentID)
    case updated(AssessmentID)
}

/// Counts of one `maturity batch` run, as stored in `importBatch`.
public struct ImportCounts: Sendable, Equatable, Codable {
    public var read = 0
    public var stored = 0
    public var updated = 0
    public var rejected = 0
    public var skipped = 0

    public init() {}
}
