import MaturityQuestionnaire

/// Turns one JSON answer into an `AnswerValue` of the question's type, or an issue naming the
/// question and the value. Free-text values are never quoted back.
struct AnswerConverter {
    let questionnaire: Questionnaire

    init(questionnaire: Questionnaire) { self.questionnaire = questionnaire }

    /// Issues in questionnaire order, unknown questions last.
    func ordered(_ issues: [AnswerIssue]) -> [AnswerIssue] {
        issues.enumerated().sorted { lhs, rhs in
            let left = lhs.element.question.flatMap { questionnaire.position(of: $0) } ?? Int.max
            let right = rhs.element.question.flatMap { questionnaire.position(of: $0) } ?? Int.max
            return (left, lhs.offset) < (right, rhs.offset)
        }.map(\.element)
    }

    /// nil for an explicit `null` (no answer).
    func convert(_ json: JSONValue, for id: QuestionID) -> Result<AnswerValue?, AnswerIssue> {
        guard let position = questionnaire.position(of: id) else {
            let hint = Suggestion.hint(for: id.rawValue, in: questionnaire.allQuestions.map(\.id.rawValue))
            return .failure(AnswerIssue(.unknownQuestion, question: id, "unknown question\(hint)"))
        }
        return convert(json, at: position)
    }

    /// The answer to the question at `position` in `allQuestions`.
    func convert(_ json: JSONValue, at position: Int) -> Result<AnswerValue?, AnswerIssue> {
        if json == .null { return .success(nil) }
        // The question is read in place, through a pointer: an array's subscript copied it (a
        // retain and a release per field, on tables every batch worker shares) for every cell
        // of a batch import, and so did passing the element as a `borrowing` argument.
        precondition(questionnaire.allQuestions.indices.contains(position), "question position out of range")
        return questionnaire.allQuestions.withUnsafeBufferPointer { questions in
            do throws(AnswerIssue) {
                return .success(try value(json, questions.baseAddress.unsafelyUnwrapped + position))
            } catch {
                return .failure(error)
            }
        }
    }

    private func value(_ json: JSONValue, _ pointer: UnsafePointer<Question>) throws(AnswerIssue) -> AnswerValue {
        switch pointer.pointee.kind {
        case let .single(options), let .yesPartlyNo(options):
            return .code(try code(json, pointer.pointee, options))
        case let .multiple(options):
            return .codes(try codes(json, pointer.pointee, options))
        case let .scale(scale, special):
            return try point(json, pointer.pointee, scale, special)
        case let .matrix(rows, scale, special):
            return try matrix(json, pointer.pointee, rows, scale, special)
        case let .number(spec, special):
            return try number(json, pointer.pointee, spec, special)
        case let .text(maxLength):
            guard case let .string(text) = json else { throw wrongType(pointer.pointee, "a text", json) }
            // A text has no more characters than UTF-8 bytes: most are counted in bytes alone.
            if let maxLength, text.utf8.count > maxLength, text.count > maxLength {
                throw AnswerIssue(
                    .outOfRange, question: pointer.pointee.id, "the text has \(text.count) characters, over the limit of \(maxLength)")
            }
            return .text(text)
        case .useCases:
            return .useCases(try UseCaseReader(question: pointer.pointee.id).items(json))
        }
    }

    func wrongType(_ question: borrowing Question, _ expected: String, _ json: JSONValue) -> AnswerIssue {
        AnswerIssue(
            .wrongType, question: question.id, "expected \(expected) for this \(question.kind.typeName) question, found \(json.kindName)")
    }

    private func code(_ json: JSONValue, _ question: borrowing Question, _ options: [ChoiceOption]) throws(AnswerIssue) -> OptionCode {
        guard case let .string(text) = json else { throw wrongType(question, "an option code", json) }
        return try known(text, question, options)
    }

    func known(_ text: String, _ question: borrowing Question, _ options: [ChoiceOption]) throws(AnswerIssue) -> OptionCode {
        guard options.contains(where: { $0.code.rawValue == text }) else {
            let codes = options.map(\.code.rawValue)
            throw AnswerIssue(
                .unknownOption, question: question.id,
                "unknown option '\(text)'\(Suggestion.hint(for: text, in: codes)); options: \(codes.joined(separator: ", "))")
        }
        return OptionCode(text)
    }

    private func codes(_ json: JSONValue, _ question: borrowing Question, _ options: [ChoiceOption]) throws(AnswerIssue) -> [OptionCode] {
        guard case let .array(items) = json else { throw wrongType(question, "a list of option codes", json) }
        var result: [OptionCode] = []
        for item in items {
            guard case let .string(text) = item else { throw wrongType(question, "option codes in the list", item) }
            let code = try known(text, question, options)
            if !result.contains(code) { result.append(code) }
        }
        let exclusive = result.filter { code in options.first { $0.code == code }?.exclusive == true }
        if let first = exclusive.first, result.count > 1 {
            throw AnswerIssue(
                .outOfRange, question: question.id,
                "option '\(first)' excludes the others, but \(result.count) options are selected; keep '\(first)' alone or remove it")
        }
        return result
    }

    private func point(_ json: JSONValue, _ question: borrowing Question, _ scale: Scale, _ special: [ChoiceOption]) throws(AnswerIssue)
        -> AnswerValue
    {
        switch json {
        case let .number(value):
            guard value.rounded() == value, (scale.min...scale.max).contains(Int(value)) else {
                throw AnswerIssue(
                    .outOfRange, question: question.id, "\(value.compactDescription) is not a point of the scale \(scale.min)–\(scale.max)")
            }
            return .number(value)
        case let .string(text) where !special.isEmpty:
            return .code(try known(text, question, special))
        default:
            throw wrongType(question, "a whole number from \(scale.min) to \(scale.max)", json)
        }
    }

    private func matrix(
        _ json: JSONValue, _ question: borrowing Question, _ rows: [MatrixRow], _ scale: Scale, _ special: [ChoiceOption]
    ) throws(AnswerIssue) -> AnswerValue {
        guard case let .object(cells) = json else { throw wrongType(question, "an object of rows", json) }
        var result: [OptionCode: AnswerValue] = [:]
        let codes = rows.map(\.code.rawValue)
        for (row, cell) in cells.sorted(by: { $0.key < $1.key }) {
            guard codes.contains(row) else {
                throw AnswerIssue(
                    .unknownOption, question: question.id,
                    "unknown row '\(row)'\(Suggestion.hint(for: row, in: codes)); rows: \(codes.joined(separator: ", "))")
            }
            if cell == .null { continue }
            do {
                result[OptionCode(row)] = try point(cell, question, scale, special)
            } catch {
                throw AnswerIssue(error.kind, question: question.id, "row '\(row)': \(error.message)")
            }
        }
        return .matrix(result)
    }

    private func number(_ json: JSONValue, _ question: borrowing Question, _ spec: NumberSpec, _ special: [ChoiceOption])
        throws(AnswerIssue)
        -> AnswerValue
    {
        switch json {
        case let .number(value):
            if spec.integer && value.rounded() != value {
                throw AnswerIssue(.wrongType, question: question.id, "\(value.compactDescription) is not a whole number")
            }
            if let min = spec.min, value < min {
                throw AnswerIssue(
                    .outOfRange, question: question.id, "\(value.compactDescription) is below the minimum \(min.compactDescription)")
            }
            if let max = spec.max, value > max {
                throw AnswerIssue(
                    .outOfRange, question: question.id, "\(value.compactDescription) is above the maximum \(max.compactDescription)")
            }
            return .number(value)
        case let .string(text) where !special.isEmpty:
            return .code(try known(text, question, special))
        default:
            throw wrongType(question, "a number", json)
        }
    }
}
