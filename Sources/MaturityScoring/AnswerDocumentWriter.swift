import MaturityQuestionnaire

/// Writes the answers-file JSON of answer sets of one questionnaire (questionnaire, version,
/// language, answers, notes; no company), compact, as UTF-8 bytes. Answers and notes come in
/// questionnaire order, which is stable and spares sorting keys; each question's `"id":` is
/// encoded once, here, rather than for every respondent of a batch import.
public struct AnswerDocumentWriter: Sendable {
    let questionnaire: Questionnaire
    /// `"<question id>":` for each question, by position in `allQuestions`.
    let keys: [[UInt8]]

    public init(questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        keys = questionnaire.allQuestions.map { question in
            var key = JSONBytes(capacity: question.id.rawValue.utf8.count + 3)
            key.string(question.id.rawValue)
            key.raw(":")
            return key.bytes
        }
    }

    public func document(_ set: AnswerSet) -> [UInt8] {
        var out = JSONBytes(capacity: 4096)
        out.raw("{\"answers\":")
        write(set.answers, to: &out) { $0.answer($1) }
        out.raw(",\"language\":")
        out.string(set.language.rawValue)
        if !set.notes.isEmpty {
            out.raw(",\"notes\":")
            write(set.notes, to: &out) { $0.string($1) }
        }
        out.raw(",\"questionnaire\":")
        out.string(set.questionnaireID)
        out.raw(",\"version\":")
        out.string(set.version)
        out.raw("}")
        return out.bytes
    }

    private func write<V>(_ values: [QuestionID: V], to out: inout JSONBytes, _ write: (inout JSONBytes, V) -> Void) {
        out.raw("{")
        var written = 0
        let all = questionnaire.allQuestions
        for index in all.indices {
            guard let value = values[all[index].id] else { continue }
            if written > 0 { out.raw(",") }
            out.append(keys[index])
            write(&out, value)
            written += 1
        }
        // Answers to questions the questionnaire does not have (none after checking) come last.
        if written < values.count {
            for (id, value) in values.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where questionnaire.position(of: id) == nil {
                if written > 0 { out.raw(",") }
                out.string(id.rawValue)
                out.raw(":")
                write(&out, value)
                written += 1
            }
        }
        out.raw("}")
    }
}
