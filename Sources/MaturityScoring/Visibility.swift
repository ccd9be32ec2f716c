import MaturityQuestionnaire

/// Which questions are asked, given the answers: conditions are evaluated in order over the
/// answers of earlier visible questions, and answers to hidden questions are dropped.
public struct Visibility: Sendable, Equatable {
    public var visible: [QuestionID]
    public var hidden: Set<QuestionID>
    public var answers: [QuestionID: AnswerValue]

    public init(questionnaire: Questionnaire, answers: [QuestionID: AnswerValue]) {
        let ids = questionnaire.questionIDs
        let counted = Self.counted(ids.map { answers[$0] }, conditions: Self.conditions(of: questionnaire))
        let hidden = Set(ids.indices.filter { counted.hidden[$0] }.map { ids[$0] })
        visible = ids.indices.filter { !counted.hidden[$0] }.map { ids[$0] }
        self.hidden = hidden
        self.answers = answers.filter { !hidden.contains($0.key) }
    }

    /// The compiled condition of each question of `allQuestions`, by position: made once
    /// per questionnaire by whoever computes visibility for many answer sets.
    static func conditions(of questionnaire: Questionnaire) -> [CompiledExpression?] {
        questionnaire.allQuestions.map { question in question.condition.map { CompiledExpression($0, in: questionnaire) } }
    }

    /// The answer each question counts with (nil when unanswered or hidden) and whether it is
    /// hidden, by position in `allQuestions`, from the answers by the same positions. A
    /// condition reads only earlier questions (the loader checks it): evaluated over the
    /// answers as they are cleared in order, it sees exactly the answers of earlier visible
    /// questions. The scorer, caps and rules read these positions instead of hashing ids.
    static func counted(_ answers: [AnswerValue?], conditions: [CompiledExpression?]) -> (answers: [AnswerValue?], hidden: [Bool]) {
        var counted = ExpressionInputs(answers: answers)
        var hidden = [Bool](repeating: false, count: answers.count)
        for index in conditions.indices where index < answers.count {
            guard let condition = conditions[index], !condition.holds(counted) else { continue }
            hidden[index] = true
            counted.answers[index] = nil
        }
        return (counted.answers, hidden)
    }
}
