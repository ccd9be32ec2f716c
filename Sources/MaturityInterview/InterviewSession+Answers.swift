import MaturityQuestionnaire
import MaturityScoring

extension InterviewSession {
    var parser: AnswerInput { AnswerInput(text: text) }

    mutating func answer(_ input: String, _ id: QuestionID) -> [Action] {
        guard let question = questionnaire.question(id) else { return [] }
        if input.isEmpty {
            if answers[id] != nil || !question.required { return next(after: id) }
            return [.problem(text.required), .show(prompt())]
        }
        let result: Result<AnswerValue, InputProblem>
        switch question.kind {
        case let .single(options): result = parser.choice(input, options)
        case let .multiple(options): result = parser.choices(input, options)
        case let .yesPartlyNo(options): result = parser.yesNo(input, options)
        case let .scale(scale, special): result = parser.point(input, scale, special)
        case let .number(spec, special): result = parser.number(input, spec, special, unit: spec.unit.map { text(for: $0) })
        case let .text(maxLength):
            if let maxLength, input.count > maxLength { return [.problem(text.tooLong(maxLength)), .show(prompt())] }
            result = .success(.text(input))
        case .matrix, .useCases: return []
        }
        switch result {
        case let .success(value): return accept(value, for: id)
        case let .failure(problem): return [.problem(problem.message), .show(prompt())]
        }
    }

    mutating func matrixRow(_ input: String, _ id: QuestionID, _ row: Int) -> [Action] {
        guard let question = questionnaire.question(id), case let .matrix(rows, scale, special) = question.kind else { return [] }
        let code = rows[row].code
        if input.isEmpty {
            if matrixDraft[code] == nil && question.required { return [.problem(text.required), .show(prompt())] }
        } else {
            switch parser.point(input, scale, special) {
            case let .success(value): matrixDraft[code] = value
            case let .failure(problem): return [.problem(problem.message), .show(prompt())]
            }
        }
        if row + 1 < rows.count {
            mode = .matrixRow(id, row + 1)
            return [.show(prompt())]
        }
        guard !matrixDraft.isEmpty else { return next(after: id) }
        return accept(.matrix(matrixDraft), for: id)
    }

    func items(_ id: QuestionID) -> [UseCase] {
        if case let .useCases(list)? = answers[id] { return list }
        return []
    }
}
