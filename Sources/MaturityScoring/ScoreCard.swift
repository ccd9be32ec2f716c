import MaturityQuestionnaire

/// Which questionnaire a result was computed with.
public struct QuestionnaireReference: Sendable, Equatable, Codable {
    public var id: String
    public var version: String
    public var sha256: String

    public init(id: String, version: String, sha256: String) {
        self.id = id
        self.version = version
        self.sha256 = sha256
    }

    public init(_ questionnaire: Questionnaire) {
        self.init(id: questionnaire.id, version: questionnaire.version.description, sha256: questionnaire.sha256)
    }
}

/// What became of one question when scoring.
public enum QuestionOutcome: Sendable, Equatable {
    /// Answered; the normalised score 0–1.
    case scored(Double)
    /// "Don't know": counts as the lowest answer (0) and is flagged.
    case dontKnow
    /// Removed from numerator and denominator.
    case notApplicable
    /// Visible but not answered: lowers coverage only.
    case unanswered
    /// Its condition does not hold: never counts, its answer is dropped.
    case hidden
    /// A question that does not score (text, use cases, weight 0, number without bands).
    case unscored

    /// The value entering the weighted mean, if any.
    public var value: Double? {
        switch self {
        case let .scored(value): value
        case .dontKnow: 0
        default: nil
        }
    }
}

public struct QuestionScore: Sendable, Equatable {
    public var question: QuestionID
    public var weight: Double
    public var outcome: QuestionOutcome
}

/// A cap whose condition holds for this assessment.
public struct AppliedCap: Sendable, Equatable {
    public var id: CapID
    public var maxLevel: LevelID
    public var reason: LocalizedText
    /// Whether it lowered the level (a cap can hold on a dimension already below it).
    public var binding: Bool
}

/// Score, level and explanations of one dimension.
public struct DimensionScore: Sendable, Equatable {
    public var id: DimensionID
    /// 0–100 before caps, rounded to 0.1; nil when no applicable question was answered.
    public var rawScore: Double?
    /// 0–100 after caps, rounded to 0.1.
    public var score: Double?
    public var level: LevelID?
    /// Share of visible, applicable, scored questions that were answered (0–1).
    public var coverage: Double
    public var caps: [AppliedCap]
    /// Questions answered "don't know".
    public var dontKnow: [QuestionID]
    /// The answers that pull the score down most, with what would raise it.
    public var drivers: [Driver]
    public var questions: [QuestionScore]
}

public struct OverallScore: Sendable, Equatable {
    public var score: Double?
    public var level: LevelID?
    /// The dimension with the lowest score.
    public var weakest: DimensionID?
}

/// Everything the scoring of one answer set produces.
public struct ScoreCard: Sendable, Equatable {
    public var questionnaire: QuestionnaireReference
    public var overall: OverallScore
    public var dimensions: [DimensionScore]
    /// The questionnaire's `questionIDs`: what `hidden` and `countedAnswers` are positions of.
    let questionIDs: [QuestionID]
    /// Whether each question of the questionnaire's `allQuestions` is hidden, by position.
    let hidden: [Bool]
    /// The answers that count by position in the questionnaire's `allQuestions` (nil when
    /// unanswered or hidden), as conditions read them.
    public var countedAnswers: [AnswerValue?]
    /// Required visible questions without an answer.
    public var missingRequired: [QuestionID]

    /// Questions asked, in order (hidden ones left out).
    public var visibleQuestions: [QuestionID] { questionIDs.indices.filter { !hidden[$0] }.map { questionIDs[$0] } }

    /// The answers that count, by question id: answers to hidden questions are dropped.
    public var answers: [QuestionID: AnswerValue] { [QuestionID: AnswerValue](byPosition: countedAnswers, ids: questionIDs) }

    public func dimension(_ id: DimensionID) -> DimensionScore? { dimensions.first { $0.id == id } }
}
