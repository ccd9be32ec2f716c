import Foundation
import GRDB

/// Rows of the schema: plain structs kept apart from domain types.
struct CompanyRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "company"
    var id: Int64?
    var name: String
    var siren: String?
    var sector: String?
    var headcount: String?
    var region: String?
    var createdAt: Date

    enum Columns {
        static let name = Column(CodingKeys.name)
        static let siren = Column(CodingKeys.siren)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct QuestionnaireVersionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "questionnaireVersion"
    var sha256: String
    var questionnaireId: String
    var version: String
    var body: String
    var storedAt: Date

    enum Columns {
        static let questionnaireId = Column(CodingKeys.questionnaireId)
        static let version = Column(CodingKeys.version)
    }
}

struct AssessmentRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "assessment"
    var id: Int64?
    var companyId: Int64
    var questionnaireSha256: String
    var questionnaireId: String
    var questionnaireVersion: String
    var wave: Int
    var language: String
    var status: String
    var advisor: String?
    var source: String
    var sourceFile: String?
    var sourceRow: Int?
    var sourceKey: String?
    var result: String?
    var engine: String?
    var createdAt: Date
    var updatedAt: Date
    var completedAt: Date?
    /// The import batch that last wrote it (v2).
    var importId: Int64? = nil
    /// Answers of imported assessments as one answers-file JSON document (v2); interviews keep
    /// one `answer` row per question for autosave.
    var answerDocument: String? = nil

    enum Columns {
        static let companyId = Column(CodingKeys.companyId)
        static let status = Column(CodingKeys.status)
        static let sourceKey = Column(CodingKeys.sourceKey)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct AnswerRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "answer"
    var assessmentId: Int64
    var questionId: String
    var value: String
    var notApplicable: Bool
    var note: String?
    var answeredAt: Date

    enum Columns {
        static let assessmentId = Column(CodingKeys.assessmentId)
        static let questionId = Column(CodingKeys.questionId)
    }
}

struct PilotUseCaseRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "pilotUseCase"
    var assessmentId: Int64
    var position: Int
    var name: String
    var department: String?
    var exposureHours: Double
    var impact: Int
    var effort: Int
    var quadrant: String
    var exclusion: String?
    var proposed: Bool
}

struct ReportRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "report"
    var id: Int64?
    var assessmentId: Int64
    var language: String
    var format: String
    var body: String
    var templateHash: String
    var createdAt: Date

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
