/// The value given to one question, in the shape of the answers file.
///
/// - single choice, yes/partly/no, and special options (N/A, don't know): `.code`
/// - multiple choice: `.codes`
/// - scale and number: `.number`
/// - text: `.text`
/// - matrix: `.matrix`, each row a `.number` or a special `.code`
/// - use-case inventory: `.useCases`
public enum AnswerValue: Sendable, Equatable, Hashable {
    case code(OptionCode)
    case codes([OptionCode])
    case number(Double)
    case text(String)
    case matrix([OptionCode: AnswerValue])
    case useCases([UseCase])
}

/// One item of the use-case inventory.
public struct UseCase: Sendable, Equatable, Hashable, Codable {
    public enum AIActRisk: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
        case minimal
        case limited
        case high
        case prohibited
    }

    public var name: String
    public var department: String?
    public var frequencyPerWeek: Double
    public var minutesPerOccurrence: Double
    public var people: Double
    /// 1–5.
    public var impact: Int
    /// 1–5.
    public var effort: Int
    public var personalData: Bool
    public var aiActRisk: AIActRisk

    public init(
        name: String, department: String? = nil, frequencyPerWeek: Double,
        minutesPerOccurrence: Double, people: Double, impact: Int, effort: Int,
        personalData: Bool = false, aiActRisk: AIActRisk = .minimal
    ) {
        self.name = name
        self.department = department
        self.frequencyPerWeek = frequencyPerWeek
        self.minutesPerOccurrence = minutesPerOccurrence
        self.people = people
        self.impact = impact
        self.effort = effort
        self.personalData = personalData
        self.aiActRisk = aiActRisk
    }

    enum CodingKeys: String, CodingKey {
        case name, department, frequencyPerWeek, people, impact, effort, personalData, aiActRisk
        case minutesPerOccurrence = "minutes"
    }
}
