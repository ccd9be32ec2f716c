import Foundation
import MaturityQuestionnaire
import MaturityRoadmap
import MaturityScoring

/// The id of a stored assessment (what `maturity show ID` takes).
public struct AssessmentID: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
    public var description: String { String(rawValue) }
    public static func < (lhs: AssessmentID, rhs: AssessmentID) -> Bool { lhs.rawValue < rhs.rawValue }
}

public enum AssessmentStatus: String, Sendable, CaseIterable, Codable {
    case inProgress = "in-progress"
    case completed
    case abandoned
}

public enum AssessmentSource: String, Sendable, Codable {
    case interview
    case `import`
    case file
}

/// What is stored with a new assessment besides its answers.
public struct AssessmentOrigin: Sendable, Equatable {
    public var status: AssessmentStatus
    public var source: AssessmentSource
    public var advisor: String?
    public var file: String?
    public var row: Int?
    /// Identifies the respondent across re-imports (respondent id or a hash of the row).
    public var key: String?

    public init(
        status: AssessmentStatus, source: AssessmentSource, advisor: String? = nil, file: String? = nil, row: Int? = nil, key: String? = nil
    ) {
        self.status = status
        self.source = source
        self.advisor = advisor
        self.file = file
        self.row = row
        self.key = key
    }
}

/// One line of `maturity list`.
public struct AssessmentSummary: Sendable, Equatable, Codable {
    public var id: Int64
    public var companyId: Int64
    public var company: String
    public var wave: Int
    public var status: String
    public var questionnaire: String
    public var version: String
    public var sha256: String
    public var language: String
    public var advisor: String?
    public var source: String
    public var overallScore: Double?
    public var overallLevel: String?
    public var createdAt: Date
    public var updatedAt: Date
}

/// An assessment with everything needed to re-score or re-report it.
public struct StoredAssessment: Sendable {
    public var summary: AssessmentSummary
    /// The exact questionnaire body it was answered with.
    public var questionnaireBody: String
    public var answers: AnswerFile
    /// The whole result document, kept for interviews and answer files; nil for imported
    /// respondents, whose scores and roadmap are `scores` and the `roadmapAction` view.
    public var result: DiagnosisDocument?
    /// Every dimension's stored score and level, in questionnaire order (the overall one is
    /// in `summary`), whatever the assessment's source.
    public var scores: [StoredDimensionScore] = []
}

/// One dimension's score and level as stored (`assessment.scores`, the `score` view).
public struct StoredDimensionScore: Sendable, Equatable {
    public var dimension: String
    public var score: Double?
    public var level: String?
}

/// What `delete` removed, per table.
public struct Deletion: Sendable, Equatable {
    public var company: String
    public var counts: [(table: String, rows: Int)]

    public static func == (lhs: Deletion, rhs: Deletion) -> Bool {
        lhs.company == rhs.company && lhs.counts.map(\.table) == rhs.counts.map(\.table) && lhs.counts.map(\.rows) == rhs.counts.map(\.rows)
    }
}

/// A generated report as stored: its exact body and the hash of the templates it came from.
public struct StoredReport: Sendable, Equatable {
    public var language: String
    public var format: String
    public var body: String
    public var templateHash: String
    public var createdAt: Date
}
