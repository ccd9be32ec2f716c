import Foundation
import MaturityQuestionnaire
import MaturityRoadmap
import MaturityScoring

/// A scored respondent of a batch import, reduced to what the store writes. Built on any
/// thread (the answer document included), so the writer only has the scores and actions to
/// encode, and one row to write.
public struct ImportedAssessment: Sendable {
    public var key: String
    public var file: String
    public var row: Int
    public var company: Company
    public var language: String
    /// The answers-file JSON, UTF-8, bound as is.
    public var answerDocument: [UInt8]
    public var scores: [StoredScore]
    public var actions: [StoredAction]
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
            StoredScore(
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
            StoredScore(
                dimension: StoredScore.overall, score: card.overall.score, rawScore: nil, level: card.overall.level?.rawValue, coverage: 1,
                caps: "[]"))
        overallLevel = card.overall.level?.rawValue
        actions = roadmap.phases.flatMap { phase in
            phase.actions.map { action in
                StoredAction(
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
