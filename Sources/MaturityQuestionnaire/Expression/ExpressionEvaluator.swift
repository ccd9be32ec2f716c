/// Evaluates type-checked expressions over answers and, once known, dimension scores and levels.
///
/// An unanswered question (or a special answer such as "don't know" where a number is read)
/// makes every comparison that reads it false, and `selected` false. Each call compiles the
/// expression (`CompiledExpression`); code that evaluates the same expressions for many
/// answer sets compiles them once and keeps them.
public struct ExpressionEvaluator: Sendable {
    public var questionnaire: Questionnaire
    public var answers: [QuestionID: AnswerValue]
    public var scores: [DimensionID: Double]
    public var levels: [DimensionID: LevelID]

    public init(
        questionnaire: Questionnaire, answers: [QuestionID: AnswerValue],
        scores: [DimensionID: Double] = [:], levels: [DimensionID: LevelID] = [:]
    ) {
        self.questionnaire = questionnaire
        self.answers = answers
        self.scores = scores
        self.levels = levels
    }

    /// Whether a condition holds; a condition that cannot be decided is false.
    public func holds(_ expression: Expression) -> Bool {
        CompiledExpression(expression, in: questionnaire).holds(answers: answers, scores: scores, levels: levels)
    }
}

extension BinaryOperator {
    func accepts(_ order: Int) -> Bool {
        switch self {
        case .equal: order == 0
        case .notEqual: order != 0
        case .less: order < 0
        case .lessOrEqual: order <= 0
        case .greater: order > 0
        case .greaterOrEqual: order >= 0
        default: false
        }
    }
}
