import Foundation
import MaturityQuestionnaire
import MaturityRoadmap
import MaturityScoring

/// How an imported respondent is scored and what of it is stored, built once per
/// questionnaire: the score card (without explanations), the roadmap's actions only, and the
/// answer document, scores and actions encoded. `maturity batch` stores these and `rescore`
/// recomputes them, so that both write the same bytes.
///
/// A class: every worker of a batch shares one, and a struct was copied for every respondent
/// (88 retains and as many releases, on reference counts both cores write).
public final class ImportScoring: Sendable {
    public let scorer: Scorer
    public let planner: RoadmapPlanner
    public let documents: AnswerDocumentWriter
    public let results: ImportedResultsWriter

    public init(questionnaire: Questionnaire) {
        scorer = Scorer(questionnaire: questionnaire, explains: false)
        planner = RoadmapPlanner(questionnaire: questionnaire)
        documents = AnswerDocumentWriter(questionnaire: questionnaire)
        results = ImportedResultsWriter(questionnaire: questionnaire)
    }

    /// The score card of a respondent. Read through `scorer` by the caller, the scorer was
    /// copied for every respondent.
    public func score(_ answers: AnswerSet) -> ScoreCard { scorer.score(answers) }

    /// The encoded scores and roadmap actions of a scored respondent.
    public func results(_ card: ScoreCard, language: LanguageCode) -> ImportedResults {
        results.results(card, actions: planner.phasedRules(card), language: language)
    }
}

/// The encoded `scores` (`bytes[..<split]`) and `actions` (`bytes[split...]`) of an
/// imported respondent, as `StoredResults` lays them out, UTF-8.
public struct ImportedResults: Sendable, Equatable {
    var bytes: [UInt8]
    var split: Int

    var scores: String { String(decoding: bytes[..<split], as: UTF8.self) }
    var actions: String { String(decoding: bytes[split...], as: UTF8.self) }
}

/// A scored respondent of a batch import, reduced to what the store writes. Built on any
/// thread (the answer document, scores and actions already encoded), so the writer only has
/// one row to write.
public struct ImportedAssessment: Sendable {
    public var key: String
    public var file: String
    public var row: Int
    public var company: Company
    public var language: String
    /// The answers-file JSON, UTF-8, bound as is.
    public var answerDocument: [UInt8]
    var results: ImportedResults
    public var overallLevel: String?
    public var engine: String
    /// The exported cells, for the rejected-rows file when the row turns out to be a duplicate.
    public var cells = RowCells()

    public init(key: String, file: String, row: Int, answers: AnswerSet, card: ScoreCard, scoring: ImportScoring, engine: String) {
        self.key = key
        self.file = file
        self.row = row
        self.engine = engine
        company = answers.company
        language = answers.language.rawValue
        answerDocument = scoring.documents.document(answers)
        results = scoring.results(card, language: answers.language)
        overallLevel = card.overall.level?.rawValue
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
