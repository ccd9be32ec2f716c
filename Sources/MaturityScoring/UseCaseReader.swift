import Foundation
import MaturityQuestionnaire

/// Reads the items of a use-case inventory answer.
struct UseCaseReader {
    let question: QuestionID

    func items(_ json: JSONValue) throws(AnswerIssue) -> [UseCase] {
        guard case let .array(items) = json else {
            throw AnswerIssue(.wrongType, question: question, "expected a list of use cases, found \(json.kindName)")
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
        AnswerIssue(kind, question: question, "use case \(index + 1): \(message)")
    }

    static let knownFields = Field.allCases.map(\.rawValue)

    /// The fields of a use case.
    enum Field: String, CaseIterable {
        case name, department, frequencyPerWeek, minutes, people, impact, effort, personalData, aiActRisk

        /// Each field's key in UTF-8, to find a key read from JSON text by its bytes.
        static let keys: [(field: Field, bytes: [UInt8])] = allCases.map { ($0, Array($0.rawValue.utf8)) }

        init?(_ key: UnsafeBufferPointer<UInt8>) {
            guard let base = key.baseAddress,
                let found = Self.keys.first(where: { $0.bytes.count == key.count && memcmp($0.bytes, base, key.count) == 0 })
            else { return nil }
            self = found.field
        }
    }

    /// The fields of one use case, read in one pass over the object: looking each known
    /// field up, and each key up among the known ones, hashed or compared every key several
    /// times for every item of every imported respondent.
    private struct Fields {
        var name, department, frequency, minutes, people, impact, effort, personalData, risk: JSONValue?
        var hasUnknown = false

        init() {}

        init(_ object: [String: JSONValue]) {
            for (key, value) in object {
                if let field = Field(rawValue: key) { self[field] = value } else { hasUnknown = true }
            }
        }

        subscript(_ field: Field) -> JSONValue? {
            get {
                switch field {
                case .name: name
                case .department: department
                case .frequencyPerWeek: frequency
                case .minutes: minutes
                case .people: people
                case .impact: impact
                case .effort: effort
                case .personalData: personalData
                case .aiActRisk: risk
                }
            }
            set {
                switch field {
                case .name: name = newValue
                case .department: department = newValue
                case .frequencyPerWeek: frequency = newValue
                case .minutes: minutes = newValue
                case .people: people = newValue
                case .impact: impact = newValue
                case .effort: effort = newValue
                case .personalData: personalData = newValue
                case .aiActRisk: risk = newValue
                }
            }
        }

        /// Sets a field read from JSON text; false when it was set already (a repeated key).
        mutating func set(_ field: Field, _ value: JSONValue) -> Bool {
            guard self[field] == nil else { return false }
            self[field] = value
            return true
        }
    }

    /// The use cases of an inventory written as JSON `text`, read straight from the text when
    /// it is a list of objects whose fields are known, named once and valid: nil otherwise,
    /// and then `JSONValue(parsing:)` and `items(_:)` give the same list or say what is wrong.
    /// Parsing into `JSONValue`s built a dictionary per use case, which cost a batch import
    /// more than reading everything else in the row.
    func items(json text: String) -> [UseCase]? {
        var result: [UseCase] = []
        var fields = Fields()
        let read = JSONValue.readObjects(
            inArray: text,
            member: { key, value in
                guard let field = Field(key) else { return false }
                return fields.set(field, value)
            },
            objectEnd: {
                guard let item = try? useCase(fields, result.count) else { return false }
                result.append(item)
                fields = Fields()
                return true
            })
        return read ? result : nil
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
        return try useCase(fields, index)
    }

    private func useCase(_ fields: Fields, _ index: Int) throws(AnswerIssue) -> UseCase {
        guard case let .string(name)? = fields[.name], !name.isBlank else {
            throw issue(index, .wrongType, "'name' is required text")
        }
        var department: String?
        if case let .string(text)? = fields[.department] { department = text }
        let frequency = try number(fields[.frequencyPerWeek], "frequencyPerWeek", index, 0...10_000)
        let minutes = try number(fields[.minutes], "minutes", index, 0...10_000)
        let people = try number(fields[.people], "people", index, 1...100_000)
        let impact = try number(fields[.impact], "impact", index, 1...5, integer: true)
        let effort = try number(fields[.effort], "effort", index, 1...5, integer: true)
        var personalData = false
        switch fields[.personalData] {
        case nil, .null?: break
        case let .bool(value)?: personalData = value
        default: throw issue(index, .wrongType, "'personalData' must be true or false")
        }
        var risk = UseCase.AIActRisk.minimal
        if case let .string(text)? = fields[.aiActRisk] {
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
