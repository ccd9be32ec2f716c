import MaturityQuestionnaire
import MaturityScoring

extension InterviewSession {
    /// Visible questions that need a look: required unanswered, skipped, don't know.
    var reviewItems: [(number: Int, question: Question, kind: String)] {
        visibleQuestions.enumerated().compactMap { index, question in
            let answer = answers[question.id]
            let dontKnow = answer?.optionCodes.contains { question.kind.option($0)?.role == .dontKnow } ?? false
            let kind: String? =
                if skipped.contains(question.id) && answer == nil { text.skippedLabel } else if answer == nil && question.required {
                    text.unanswered
                } else if dontKnow { text.dontKnowLabel } else { nil }
            return kind.map { (index + 1, question, $0) }
        }
    }

    var missingRequired: [Int] {
        visibleQuestions.enumerated().filter { answers[$1.id] == nil && $1.required }.map { $0.offset + 1 }
    }

    public var reviewText: String {
        var lines = [text.reviewTitle]
        let items = reviewItems
        if items.isEmpty { lines.append(text.reviewAllAnswered) }
        lines += items.map { text.line($0.kind, $0.number, $0.question.id, text(for: $0.question.text)) }
        lines.append(text.reviewPrompt)
        return lines.joined(separator: "\n")
    }

    mutating func review(_ input: String) -> [Action] {
        if input == ":finish" || (input.isEmpty && (missingRequired.isEmpty || finishWarned)) {
            mode = .finished
            return [.finish]
        }
        if input.isEmpty {
            finishWarned = true
            return [.problem(text.missingRequired(missingRequired))]
        }
        if input == ":save" || input == ":quit" {
            mode = .suspended
            return [.suspend]
        }
        let visible = visibleQuestions
        guard let number = Int(input), visible.indices.contains(number - 1) else {
            return [.problem(text.reviewPrompt)]
        }
        returnToReview = true
        return enter(visible[number - 1].id)
    }

    /// The prompt of the current question: progress, text, choices, current answer, hint.
    public func prompt() -> String {
        guard let id = currentID, let question = questionnaire.question(id) else { return "" }
        let visible = visibleQuestions
        let number = (visible.firstIndex { $0.id == id } ?? 0) + 1
        let dimensionIndex = question.dimension.flatMap { dimension in questionnaire.dimensions.firstIndex { $0.id == dimension } }
        let dimensionName = dimensionIndex.map { text(for: questionnaire.dimensions[$0].name) } ?? ""
        let minutes = Int(now.timeIntervalSince(startedAt) / 60)
        var lines = [
            text.progress(
                number, visible.count, (dimensionIndex ?? -1) + 1, questionnaire.dimensions.count, dimensionName, minutes: minutes),
            text(for: question.text),
        ]
        lines += choices(question)
        if let answer = answers[id], !isMatrixOrInventory(question) {
            lines.append(text.current(DriverText(questionnaire: questionnaire, language: text.language).describe(answer, question)))
        }
        lines.append(text.hint)
        return lines.joined(separator: "\n")
    }

    func isMatrixOrInventory(_ question: Question) -> Bool {
        switch question.kind {
        case .matrix, .useCases: true
        default: false
        }
    }

    func choices(_ question: Question) -> [String] {
        func numbered(_ options: [ChoiceOption], from start: Int = 1) -> [String] {
            options.enumerated().map { "  \($0.offset + start). \(text(for: $0.element.label))" }
        }
        switch question.kind {
        case let .single(options): return numbered(options) + [text.choose(options.count)]
        case let .multiple(options): return numbered(options) + [text.chooseMany(options.count)]
        case let .yesPartlyNo(options): return numbered(options) + [text.yesNo]
        case let .scale(scale, special):
            return anchors(scale) + numbered(special, from: scale.max + 1) + [text.point(scale, specials: special.count)]
        case let .matrix(rows, scale, special):
            guard case let .matrixRow(_, row) = mode else { return [] }
            var lines = [text.row(row + 1, rows.count, text(for: rows[row].label))]
            lines += anchors(scale) + numbered(special, from: scale.max + 1) + [text.point(scale, specials: special.count)]
            if let value = matrixDraft[rows[row].code] {
                lines.append(text.current(DriverText(questionnaire: questionnaire, language: text.language).describe(value, question)))
            }
            return lines
        case let .number(spec, special):
            let codes = special.map { "'\($0.code)' = \(text(for: $0.label))" }
            return [text.number(spec, unit: spec.unit.map { text(for: $0) })]
                + (codes.isEmpty ? [] : ["  " + codes.joined(separator: " · ")])
        case .text: return [text.text]
        case .useCases:
            guard case let .useCaseMenu(id) = mode else { return [] }
            return [listing(items(id)), text.useCaseMenu]
        }
    }

    func anchors(_ scale: Scale) -> [String] {
        scale.anchors.keys.sorted().compactMap { point in scale.anchors[point].map { "  \(point) = \(text(for: $0))" } }
    }
}

extension InterviewSession {
    /// Finishes at once when every required visible question is answered (a complete answers
    /// file); nil otherwise.
    public mutating func finishIfComplete() -> [Action]? {
        guard missingRequired.isEmpty else { return nil }
        mode = .finished
        return [.finish]
    }
}
