import MaturityQuestionnaire

/// Which questions are asked, given the answers: conditions are evaluated in order over the
/// answers of earlier visible questions, and answers to hidden questions are dropped.
public struct Visibility: Sendable, Equatable {
    public var visible: [QuestionID]
    public var hidden: Set<QuestionID>
    public var answers: [QuestionID: AnswerValue]
    /// The answer each question counts with, by position in `allQuestions`: nil when it is
    /// unanswered or hidden. The scorer, caps and rules read these instead of hashing ids.
    var counted: [AnswerValue?]

    public init(questionnaire: Questionnaire, answers: [QuestionID: AnswerValue]) {
        self.init(questionnaire: questionnaire, answers: answers, conditions: Self.conditions(of: questionnaire))
    }

    /// The compiled condition of each question of `allQuestions`, by position: made once
    /// per questionnaire by whoever computes visibility for many answer sets.
    static func conditions(of questionnaire: Questionnaire) -> [CompiledExpression?] {
        questionnaire.allQuestions.map { question in question.condition.map { CompiledExpression($0, in: questionnaire) } }
    }

    init(questionnaire: Questionnaire, answers: [QuestionID: AnswerValue], conditions: [CompiledExpression?]) {
        // A condition reads only earlier questions (the loader checks it), and is evaluated
        // over `counted` as it fills: exactly the answers of earlier visible questions.
        var answers = answers
        var visible: [QuestionID] = []
        var hidden = Set<QuestionID>()
        let all = questionnaire.allQuestions
        var counted = ExpressionInputs(answers: [AnswerValue?](repeating: nil, count: all.count))
        visible.reserveCapacity(all.count)
        // Indexing instead of iterating: copying each `Question` is measurable in batch imports.
        for index in all.indices {
            let id = all[index].id
            if let condition = conditions[index], !condition.holds(counted) {
                hidden.insert(id)
                answers.removeValue(forKey: id)
                continue
            }
            visible.append(id)
            counted.answers[index] = answers[id]
        }
        self.visible = visible
        self.hidden = hidden
        self.answers = answers
        self.counted = counted.answers
    }
}
