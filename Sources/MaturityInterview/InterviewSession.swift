import Foundation
import MaturityQuestionnaire
import MaturityScoring

/// The interview as a pure state machine: it takes typed lines and returns actions (what to
/// show, what to save). No terminal code: the executable prints and stores.
public struct InterviewSession: Sendable {
    public enum Mode: Sendable, Equatable {
        case question(QuestionID)
        case matrixRow(QuestionID, Int)
        case useCaseMenu(QuestionID)
        case useCaseField(QuestionID, field: Int, editing: Int?)
        case review
        case finished
        case suspended
    }

    public enum Action: Sendable, Equatable {
        /// Text to show (prompt, help, review).
        case show(String)
        /// The input was not accepted: what is allowed.
        case problem(String)
        /// Autosave: write this answer now (nil removes it).
        case save(QuestionID, AnswerValue?)
        case saveNote(QuestionID, String)
        /// The advisor confirmed the review: score and store as completed.
        case finish
        /// `:save`, `:quit` or end of input: everything is saved, stop here.
        case suspend
    }

    public let questionnaire: Questionnaire
    public let text: InterviewText
    public internal(set) var answers: [QuestionID: AnswerValue]
    public internal(set) var notes: [QuestionID: String]
    public internal(set) var skipped: Set<QuestionID> = []
    public internal(set) var mode: Mode = .review
    /// Which questions moving on visits.
    public var route: Route = .everything

    public enum Route: Sendable {
        /// Every visible question in order, showing current answers (a new interview).
        case everything
        /// Questions without an answer (a resumed interview).
        case unanswered
        /// Required questions without an answer (an interview pre-filled from a file).
        case missingRequired
    }
    let startedAt: Date
    var now: Date
    var returnToReview = false
    var finishWarned = false
    var matrixDraft: [OptionCode: AnswerValue] = [:]
    var useCaseDraft: [String] = []

    public init(
        questionnaire: Questionnaire, language: LanguageCode, answers: [QuestionID: AnswerValue] = [:],
        notes: [QuestionID: String] = [:], startedAt: Date
    ) {
        self.questionnaire = questionnaire
        text = InterviewText(language: language)
        self.answers = Visibility(questionnaire: questionnaire, answers: answers).answers
        self.notes = notes
        self.startedAt = startedAt
        now = startedAt
    }

    /// Starts (or resumes) at the first unanswered visible question, or at the review.
    public mutating func start() -> [Action] {
        let visible = visibleQuestions
        if let first = visible.first(where: { answers[$0.id] == nil && (route != .missingRequired || $0.required) }) {
            return enter(first.id)
        }
        mode = .review
        return [.show(reviewText)]
    }

    public mutating func endOfInput() -> [Action] {
        mode = .suspended
        return [.suspend]
    }

    /// Handles one typed line.
    public mutating func handle(_ line: String, at date: Date) -> [Action] {
        now = date
        let input = line.trimmingCharacters(in: .whitespacesAndNewlines)
        switch mode {
        case .review: return review(input)
        case .finished, .suspended: return []
        default: break
        }
        if let actions = command(input) { return actions }
        switch mode {
        case let .question(id): return answer(input, id)
        case let .matrixRow(id, row): return matrixRow(input, id, row)
        case let .useCaseMenu(id): return useCaseMenu(input, id)
        case let .useCaseField(id, field, editing): return useCaseField(input, id, field, editing)
        default: return []
        }
    }

    var visibleQuestions: [Question] {
        let visible = Set(Visibility(questionnaire: questionnaire, answers: answers).visible)
        return questionnaire.allQuestions.filter { visible.contains($0.id) }
    }

    var currentID: QuestionID? {
        switch mode {
        case let .question(id), let .matrixRow(id, _), let .useCaseMenu(id), let .useCaseField(id, _, _): id
        default: nil
        }
    }

    /// Commands available at any prompt; nil when the input is an answer.
    mutating func command(_ input: String) -> [Action]? {
        guard let id = currentID, let question = questionnaire.question(id) else { return nil }
        switch input {
        case "?": return [.show(question.help.map { text(for: $0) } ?? text.noHelp), .show(prompt())]
        case "<": return back()
        case ">":
            skipped.insert(id)
            return next(after: id)
        case ":review":
            mode = .review
            return [.show(reviewText)]
        case ":save", ":quit":
            mode = .suspended
            return [.suspend]
        default: break
        }
        if input.hasPrefix("!") {
            let note = String(input.dropFirst()).trimmingCharacters(in: .whitespaces)
            guard !note.isEmpty else { return [.problem(text.hint)] }
            notes[id] = note
            return [.saveNote(id, note), .show(text.noteSaved(id)), .show(prompt())]
        }
        if input.hasPrefix(":goto") { return goto(String(input.dropFirst(5)).trimmingCharacters(in: .whitespaces)) }
        if input.hasPrefix(":") { return [.problem(text.unknownCommand(input)), .show(prompt())] }
        return nil
    }

    func text(for localized: LocalizedText) -> String { localized.resolve(text.language, fallback: questionnaire.defaultLanguage) }

    /// Shows a question: matrices start at their first row, inventories at their menu.
    mutating func enter(_ id: QuestionID) -> [Action] {
        guard let question = questionnaire.question(id) else { return [] }
        switch question.kind {
        case .matrix:
            if case let .matrix(cells)? = answers[id] { matrixDraft = cells } else { matrixDraft = [:] }
            mode = .matrixRow(id, 0)
        case .useCases: mode = .useCaseMenu(id)
        default: mode = .question(id)
        }
        return [.show(prompt())]
    }

    /// Moves to the next visible question in questionnaire order, or to the review.
    mutating func next(after id: QuestionID) -> [Action] {
        let order = questionnaire.allQuestions.map(\.id)
        let position = order.firstIndex(of: id) ?? -1
        let following = visibleQuestions.first {
            (order.firstIndex(of: $0.id) ?? 0) > position && visits($0)
        }
        if !returnToReview, let following {
            return enter(following.id)
        }
        returnToReview = false
        mode = .review
        return [.show(reviewText)]
    }

    func visits(_ question: Question) -> Bool {
        switch route {
        case .everything: true
        case .unanswered: answers[question.id] == nil
        case .missingRequired: answers[question.id] == nil && question.required
        }
    }

    mutating func back() -> [Action] {
        guard let id = currentID else { return [] }
        if case let .matrixRow(_, row) = mode, row > 0 {
            mode = .matrixRow(id, row - 1)
            return [.show(prompt())]
        }
        let visible = visibleQuestions
        guard let index = visible.firstIndex(where: { $0.id == id }), index > 0 else {
            return [.problem(text.firstQuestion), .show(prompt())]
        }
        return enter(visible[index - 1].id)
    }

    mutating func goto(_ target: String) -> [Action] {
        let folded = target.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let dimensions = questionnaire.dimensions
        let match =
            Int(target).flatMap { dimensions.indices.contains($0 - 1) ? dimensions[$0 - 1] : nil }
            ?? dimensions.first { $0.id.rawValue == target }
            ?? dimensions.first {
                text(for: $0.name).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).hasPrefix(folded)
                    && !folded.isEmpty
            }
        let visible = Set(visibleQuestions.map(\.id))
        guard let dimension = match, let first = dimension.questions.first(where: { visible.contains($0.id) }) else {
            return [.problem(text.unknownDimension(target, dimensions.map(\.id.rawValue))), .show(prompt())]
        }
        return enter(first.id)
    }

    /// Stores an answer, drops answers of questions it hides, and moves on.
    mutating func accept(_ value: AnswerValue, for id: QuestionID) -> [Action] {
        answers[id] = value
        skipped.remove(id)
        var actions: [Action] = [.save(id, value)]
        let kept = Visibility(questionnaire: questionnaire, answers: answers).answers
        for hidden in answers.keys.sorted() where kept[hidden] == nil {
            answers[hidden] = nil
            actions.append(.save(hidden, nil))
        }
        return actions + next(after: id)
    }
}

extension InterviewSession {
    /// Sets an answer given outside the interview (such as `--company`), before it starts.
    public mutating func preset(_ id: QuestionID, _ value: AnswerValue) {
        answers[id] = value
        answers = Visibility(questionnaire: questionnaire, answers: answers).answers
    }
}
