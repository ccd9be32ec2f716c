import Foundation
import MaturityQuestionnaire
import MaturityRoadmap
import MaturityScoring

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
    /// The `scores` JSON (`results[..<scoresEnd]`) then the `actions` JSON, as `StoredResults`
    /// lays them out, UTF-8.
    var results: [UInt8]
    var scoresEnd: Int
    public var overallLevel: String?
    public var engine: String
    /// The exported cells, for the rejected-rows file when the row turns out to be a duplicate.
    public var cells: [String] = []

    public init(
        key: String, file: String, row: Int, answers: AnswerSet, card: ScoreCard, roadmap: Roadmap, writers: Writers, engine: String
    ) {
        self.key = key
        self.file = file
        self.row = row
        self.engine = engine
        company = answers.company
        language = answers.language.rawValue
        answerDocument = writers.documents.document(answers)
        (results, scoresEnd) = writers.results.results(card, roadmap, language: answers.language)
        overallLevel = card.overall.level?.rawValue
    }

    /// What encodes the rows of respondents of one questionnaire, built once for it.
    public struct Writers: Sendable {
        public let documents: AnswerDocumentWriter
        public let results: ImportedResultsWriter

        public init(questionnaire: Questionnaire) {
            documents = AnswerDocumentWriter(questionnaire: questionnaire)
            results = ImportedResultsWriter(questionnaire: questionnaire)
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
