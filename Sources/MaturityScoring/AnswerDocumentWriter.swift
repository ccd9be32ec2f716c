import MaturityQuestionnaire

/// Writes the answers-file JSON of answer sets of one questionnaire (questionnaire, version,
/// language, answers, notes; no company), compact, as UTF-8 bytes. Answers and notes come in
/// questionnaire order, which is stable and spares sorting keys; each question's `"id":` is
/// encoded once, here, rather than for every respondent of a batch import.
public struct AnswerDocumentWriter: Sendable {
    let questionnaire: Questionnaire
    /// `"<question id>":` for each question, by position in `allQuestions`.
    let keys: [[UInt8]]
    /// `"<code>"` for each option of each question, by position in `allQuestions`: option
    /// codes are most of a document, and each was encoded again for every respondent.
    let codes: [[(code: OptionCode, json: [UInt8])]]

    public init(questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        keys = questionnaire.allQuestions.map { question in
            var key = JSONBytes(capacity: question.id.rawValue.utf8.count + 3)
            key.string(question.id.rawValue)
            key.raw(":")
            return key.bytes
        }
        codes = questionnaire.allQuestions.map { question in
            question.kind.options.map { option in
                var json = JSONBytes(capacity: option.code.rawValue.utf8.count + 2)
                json.string(option.code.rawValue)
                return (option.code, json.bytes)
            }
        }
    }

    public func document(_ set: AnswerSet) -> [UInt8] {
        var out = JSONBytes(capacity: 4096)
        out.raw("{\"answers\":")
        if let json = set.storedJSON(in: questionnaire.questionIDs) {
            out.append(json)
        } else if let values = set.storedValues(in: questionnaire.questionIDs) {
            write(values, to: &out)
        } else {
            write(set.answers, to: &out) { out, value, position in answer(value, at: position, to: &out) }
        }
        out.raw(",\"language\":")
        out.string(set.language.rawValue)
        if !set.notes.isEmpty {
            out.raw(",\"notes\":")
            write(set.notes, to: &out) { out, note, _ in out.string(note) }
        }
        out.raw(",\"questionnaire\":")
        out.string(set.questionnaireID)
        out.raw(",\"version\":")
        out.string(set.version)
        out.raw("}")
        return out.bytes
    }

    /// `"<question id>":<answer>` for the question at `position`, as `document` writes it.
    func member(_ value: AnswerValue, at position: Int) -> [UInt8] {
        var out = JSONBytes(capacity: 48)
        out.append(keys[position])
        answer(value, at: position, to: &out)
        return out.bytes
    }

    /// The `answers` object of the document of `answers`, converted by position (as a batch
    /// import converts a row), copying the members encoded already; nil when a question is
    /// answered twice. Writing every answer of every respondent from its value was 40k
    /// instructions and 1,600 reference-count operations per respondent (callgrind).
    public func answersObject(_ answers: [PositionedAnswer]) -> [UInt8]? {
        answers.withUnsafeBufferPointer { answers in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: answers.count) { order in
                // Questionnaire order; a mapping gives them nearly so (the canonical one puts
                // matrix questions last), which insertion sorts in a few moves.
                for index in answers.indices {
                    var slot = index
                    while slot > 0, answers[order[slot - 1]].position > answers[index].position {
                        order[slot] = order[slot - 1]
                        slot -= 1
                    }
                    order[slot] = index
                }
                var out = JSONBytes(capacity: 3072)
                out.raw("{")
                var last = -1
                for index in order {
                    let position = answers[index].position
                    guard position != last, keys.indices.contains(position) else { return nil }
                    // Tested without binding the value: copying it cost 7k instructions per respondent.
                    guard case .success(.some) = answers[index].outcome else { continue }
                    if last >= 0 { out.raw(",") }
                    if answers[index].member != nil {
                        answers[index].member?.withUnsafeBufferPointer { out.append($0) }
                    } else if case let .success(value?) = answers[index].outcome {
                        out.append(keys[position])
                        answer(value, at: position, to: &out)
                    }
                    last = position
                }
                out.raw("}")
                return out.bytes
            }
        }
    }

    /// An answer as `JSONBytes.answer` writes it, with the codes of the question at `position`
    /// (nil for a question the questionnaire lacks) copied already encoded.
    private func answer(_ answer: AnswerValue, at position: Int?, to out: inout JSONBytes) {
        guard let position else { return out.answer(answer) }
        // The question's codes alone are captured: capturing `self` copied the whole writer.
        // They are compared in place: `first(where:)` copied each code and its bytes on the
        // way (two retains and two releases per option passed), about 1,600 reference-count
        // operations per imported respondent (callgrind).
        let encoded = codes[position]
        out.answer(answer) { out, code in
            encoded.withUnsafeBufferPointer { options in
                for index in options.indices where options[index].code == code { return out.append(options[index].json) }
                out.string(code.rawValue)
            }
        }
    }

    /// Answers by position in `allQuestions`, which is questionnaire order.
    private func write(_ values: [AnswerValue?], to out: inout JSONBytes) {
        out.raw("{")
        var written = false
        for index in values.indices {
            guard let value = values[index] else { continue }
            if written { out.raw(",") }
            out.append(keys[index])
            answer(value, at: index, to: &out)
            written = true
        }
        out.raw("}")
    }

    /// `values` by id, in questionnaire order; `write` gets each value and its question's
    /// position in `allQuestions`.
    private func write<V>(_ values: [QuestionID: V], to out: inout JSONBytes, _ write: (inout JSONBytes, V, Int?) -> Void) {
        out.raw("{")
        var written = 0
        let all = questionnaire.allQuestions
        for index in all.indices {
            guard let value = values[all[index].id] else { continue }
            if written > 0 { out.raw(",") }
            out.append(keys[index])
            write(&out, value, index)
            written += 1
        }
        // Answers to questions the questionnaire does not have (none after checking) come last.
        if written < values.count {
            for (id, value) in values.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where questionnaire.position(of: id) == nil {
                if written > 0 { out.raw(",") }
                out.string(id.rawValue)
                out.raw(":")
                write(&out, value, nil)
                written += 1
            }
        }
        out.raw("}")
    }
}
