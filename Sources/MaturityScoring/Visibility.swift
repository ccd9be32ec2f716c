import MaturityQuestionnaire

/// Which questions are asked, given the answers: conditions are evaluated in order over the
/// answers of earlier visible questions, and answers to hidden questions are dropped.
public struct Visibility: Sendable, Equatable {
    public var visible: [QuestionID]
    public var hidden: Set<QuestionID>
    public var answers: [QuestionID: AnswerValue]
    /// The answer each question counts with, by position in `allQuestions`: nil when it is
    /// unanswered or hidden. The scorer reads these instead of hashing ids twice per question.
    var counted: [AnswerValue?]

    public init(questionnaire: Questionnaire, answers: [QuestionID: AnswerValue]) {
        // A condition reads only earlier questions (the loader checks it), so starting from
        // every answer and dropping those of hidden questions as they come sees exactly the
        // earlier visible answers, without rebuilding the dictionary for every respondent.
        var evaluator = ExpressionEvaluator(questionnaire: questionnaire, answers: answers)
        var visible: [QuestionID] = []
        var hidden = Set<QuestionID>()
        let all = questionnaire.allQuestions
        var counted = [AnswerValue?](repeating: nil, count: all.count)
        visible.reserveCapacity(all.count)
        // Indexing instead of iterating: copying each `Question` is measurable in batch imports.
        for index in all.indices {
            let id = all[index].id
            if let condition = all[index].condition, !evaluator.holds(condition) {
                hidden.insert(id)
                evaluator.answers.removeValue(forKey: id)
                continue
            }
            visible.append(id)
            counted[index] = evaluator.answers[id]
        }
        self.visible = visible
        self.hidden = hidden
        self.answers = evaluator.answers
        self.counted = counted
    }
}
