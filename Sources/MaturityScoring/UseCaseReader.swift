import MaturityQuestionnaire

/// Reads the items of a use-case inventory answer.
struct UseCaseReader {
    let question: Question

    func items(_ json: JSONValue) throws(AnswerIssue) -> [UseCase] {
        guard case let .array(items) = json else {
            throw AnswerIssue(.wrongType, question: question.id, "expected a list of use cases, found \(json.kindName)")
        }
        var result: [UseCase] = []
        for (index, item) in items.enumerated() {
            guard case let .object(fields) = item else {
                throw issue(index, .wrongType, "must be an object with name, frequencyPerWeek, minutes, people, impact, effort")
            }
            result.append(try useCase(fields, index))
        }
        return result
    }

    private func issue(_ index: Int, _ kind: AnswerIssue.Kind, _ message: String) -> AnswerIssue {
        AnswerIssue(kind, question: question.id, "use case \(index + 1): \(message)")
    }

    static let knownFields = [
        "name", "department", "frequencyPerWeek", "minutes", "people", "impact", "effort", "personalData", "aiActRisk",
    ]

    /// The fields of one use case, read in one pass over the object: looking each known
    /// field up, and each key up among the known ones, hashed or compared every key several
    /// times for every item of every imported respondent.
    private struct Fields {
        var name, department, frequency, minutes, people, impact, effort, personalData, risk: JSONValue?
        var hasUnknown = false

        init(_ object: [String: JSONValue]) {
            for (key, value) in object {
                switch key {
                case "name": name = value
                case "department": department = value
                case "frequencyPerWeek": frequency = value
                case "minutes": minutes = value
                case "people": people = value
                case "impact": impact = value
                case "effort": effort = value
                case "personalData": personalData = value
                case "aiActRisk": risk = value
                default: hasUnknown = true
                }
            }
        }
    }

    private func useCase(_ object: [String: JSONValue], _ index: Int) throws(AnswerIssue) -> UseCase {
        let fields = Fields(object)
        if fields.hasUnknown {
            let known = Self.knownFields
            // Keys are sorted, for a stable message, only when one is unknown.
            let unknown = object.keys.sorted().first { !known.contains($0) } ?? ""
            throw issue(
                index, .unknownOption,
                "unknown field '\(unknown)'\(Suggestion.hint(for: unknown, in: known)); fields: \(known.joined(separator: ", "))")
        }
        guard case let .string(name)? = fields.name, !name.isBlank else {
            throw issue(index, .wrongType, "'name' is required text")
        }
        var department: String?
        if case let .string(text)? = fields.department { department = text }
        let frequency = try number(fields.frequency, "frequencyPerWeek", index, 0...10_000)
        let minutes = try number(fields.minutes, "minutes", index, 0...10_000)
        let people = try number(fields.people, "people", index, 1...100_000)
        let impact = try number(fields.impact, "impact", index, 1...5, integer: true)
        let effort = try number(fields.effort, "effort", index, 1...5, integer: true)
        var personalData = false
        switch fields.personalData {
        case nil, .null?: break
        case let .bool(value)?: personalData = value
        default: throw issue(index, .wrongType, "'personalData' must be true or false")
        }
        var risk = UseCase.AIActRisk.minimal
        if case let .string(text)? = fields.risk {
            guard let value = UseCase.AIActRisk(rawValue: text) else {
                let values = UseCase.AIActRisk.allCases.map(\.rawValue)
                throw issue(
                    index, .unknownOption,
                    "unknown aiActRisk '\(text)'\(Suggestion.hint(for: text, in: values)); values: \(values.joined(separator: ", "))")
            }
            risk = value
        }
        return UseCase(
            name: name, department: department, frequencyPerWeek: frequency, minutesPerOccurrence: minutes,
            people: people, impact: Int(impact), effort: Int(effort), personalData: personalData, aiActRisk: risk)
    }

    private func number(
        _ field: JSONValue?, _ key: String, _ index: Int, _ range: ClosedRange<Double>, integer: Bool = false
    ) throws(AnswerIssue) -> Double {
        guard case let .number(value)? = field else {
            throw issue(index, .wrongType, "'\(key)' is required and must be a number")
        }
        guard range.contains(value), !integer || value.rounded() == value else {
            throw issue(
                index, .outOfRange,
                "'\(key)' is \(value.compactDescription), expected \(integer ? "a whole number " : "")from \(range.lowerBound.compactDescription) to \(range.upperBound.compactDescription)"
            )
        }
        return value
    }
}
