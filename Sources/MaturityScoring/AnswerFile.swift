import MaturityQuestionnaire

/// The answers-file shape of design.md, as JSON values: what `--answers` reads and what
/// `maturity export --format json` writes per assessment.
public struct AnswerFile: Sendable, Equatable, Codable {
    public var questionnaire: String?
    public var version: String?
    public var language: String?
    public var company: Company?
    public var answers: [String: JSONValue]?
    public var notes: [String: String]?

    public init(
        questionnaire: String? = nil, version: String? = nil, language: String? = nil, company: Company? = nil,
        answers: [String: JSONValue]? = nil, notes: [String: String]? = nil
    ) {
        self.questionnaire = questionnaire
        self.version = version
        self.language = language
        self.company = company
        self.answers = answers
        self.notes = notes
    }

    /// The file of an answer set.
    public init(_ set: AnswerSet) {
        self.init(
            questionnaire: set.questionnaireID, version: set.version, language: set.language.rawValue, company: set.company,
            answers: Dictionary(uniqueKeysWithValues: set.answers.map { ($0.key.rawValue, $0.value.json) }),
            notes: set.notes.isEmpty ? nil : Dictionary(uniqueKeysWithValues: set.notes.map { ($0.key.rawValue, $0.value) }))
    }
}

extension AnswerValue {
    /// The answer as it is written in an answers file.
    public var json: JSONValue {
        switch self {
        case let .code(code): .string(code.rawValue)
        case let .codes(codes): .array(codes.map { .string($0.rawValue) })
        case let .number(value): .number(value)
        case let .text(text): .string(text)
        case let .matrix(cells): .object(Dictionary(uniqueKeysWithValues: cells.map { ($0.key.rawValue, $0.value.json) }))
        case let .useCases(items): .array(items.map(\.json))
        }
    }

    /// Option codes of a choice answer (empty for numbers, text, matrices and use cases).
    public var optionCodes: [OptionCode] {
        switch self {
        case let .code(code): [code]
        case let .codes(codes): codes
        default: []
        }
    }
}

extension UseCase {
    var json: JSONValue {
        var fields: [String: JSONValue] = [
            "name": .string(name), "frequencyPerWeek": .number(frequencyPerWeek), "minutes": .number(minutesPerOccurrence),
            "people": .number(people), "impact": .number(Double(impact)), "effort": .number(Double(effort)),
            "personalData": .bool(personalData), "aiActRisk": .string(aiActRisk.rawValue),
        ]
        if let department { fields["department"] = .string(department) }
        return .object(fields)
    }
}

extension AnswerSet {
    /// The answers-file JSON of this set (questionnaire, version, language, answers, notes;
    /// no company), compact. Answers and notes come in questionnaire order, which is stable
    /// and spares sorting the keys of every imported respondent.
    public func documentJSON(order questionnaire: Questionnaire) -> String {
        var out = JSONBytes(capacity: 4096)
        out.raw("{\"answers\":")
        write(answers, order: questionnaire, to: &out) { $0.answer($1) }
        out.raw(",\"language\":")
        out.string(language.rawValue)
        if !notes.isEmpty {
            out.raw(",\"notes\":")
            write(notes, order: questionnaire, to: &out) { $0.string($1) }
        }
        out.raw(",\"questionnaire\":")
        out.string(questionnaireID)
        out.raw(",\"version\":")
        out.string(version)
        out.raw("}")
        return out.string
    }

    private func write<V>(
        _ values: [QuestionID: V], order questionnaire: Questionnaire, to out: inout JSONBytes, _ write: (inout JSONBytes, V) -> Void
    ) {
        out.raw("{")
        var written = 0
        func field(_ id: QuestionID, _ value: V) {
            if written > 0 { out.raw(",") }
            out.string(id.rawValue)
            out.raw(":")
            write(&out, value)
            written += 1
        }
        let all = questionnaire.allQuestions
        for index in all.indices {
            if let value = values[all[index].id] { field(all[index].id, value) }
        }
        // Answers to questions the questionnaire does not have (none after checking) come last.
        if written < values.count {
            for (id, value) in values.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where questionnaire.position(of: id) == nil {
                field(id, value)
            }
        }
        out.raw("}")
    }
}
