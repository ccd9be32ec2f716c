import MaturityQuestionnaire

/// Which questions are asked, given the answers: conditions are evaluated in order over the
/// answers of earlier visible questions, and answers to hidden questions are dropped.
public struct Visibility: Sendable, Equatable {
    public var visible: [QuestionID]
    public var hidden: Set<QuestionID>
    public var answers: [QuestionID: AnswerValue]

    public init(questionnaire: Questionnaire, answers: [QuestionID: AnswerValue]) {
        var evaluator = ExpressionEvaluator(questionnaire: questionnaire, answers: [:])
        var visible: [QuestionID] = []
        var hidden = Set<QuestionID>()
        for question in questionnaire.allQuestions {
            if let condition = question.condition, !evaluator.holds(condition) {
                hidden.insert(question.id)
                continue
            }
            visible.append(question.id)
            if let answer = answers[question.id] { evaluator.answers[question.id] = answer }
        }
        self.visible = visible
        self.hidden = hidden
        self.answers = evaluator.answers
    }
}
