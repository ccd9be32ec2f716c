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
