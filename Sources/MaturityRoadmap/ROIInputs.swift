import MaturityQuestionnaire

/// The company's figures for the ROI estimate, read from the profile answers by role, with the
/// defaults of domain.md where an answer is missing. Each says where it came from.
public struct ROIInputs: Sendable, Equatable {
    public enum Source: String, Sendable, Equatable, Codable {
        case given, derived, assumed
    }

    public static let defaultGrossSalary = 35_000.0
    public static let defaultEmployerCharges = 42.0
    public static let defaultAnnualHours = 1_607.0
    public static let defaultWorkingWeeks = 47.0

    public var grossSalary: Double
    public var grossSalarySource: Source
    /// Percent of gross salary.
    public var employerCharges: Double
    public var employerChargesSource: Source
    public var annualHours: Double
    public var hourlyCost: Double
    public var hourlyCostSource: Source
    public var workingWeeks: Double
    public var workingWeeksSource: Source
    public var licences: Double
    public var implementation: Double
    public var training: Double
    public var internalTime: Double
    public var subsidies: Double

    public init(questionnaire: Questionnaire, answers: [QuestionID: AnswerValue]) {
        func number(_ role: ProfileRole) -> Double? {
            guard let id = questionnaire.profileQuestionID(for: role), case let .number(value)? = answers[id] else { return nil }
            return value
        }
        let gross = number(.grossSalary)
        grossSalary = gross ?? Self.defaultGrossSalary
        grossSalarySource = gross == nil ? .assumed : .given
        let charges = number(.employerCharges)
        employerCharges = charges ?? Self.defaultEmployerCharges
        employerChargesSource = charges == nil ? .assumed : .given
        annualHours = number(.annualHours) ?? Self.defaultAnnualHours
        let weeks = number(.workingWeeks)
        workingWeeks = weeks ?? Self.defaultWorkingWeeks
        workingWeeksSource = weeks == nil ? .assumed : .given
        if let given = number(.hourlyCost) {
            hourlyCost = given
            hourlyCostSource = .given
        } else {
            hourlyCost = (grossSalary * (1 + employerCharges / 100) / annualHours).rounded(toPlaces: 2)
            hourlyCostSource = .derived
        }
        licences = number(.licences) ?? 0
        implementation = number(.implementation) ?? 0
        training = number(.training) ?? 0
        internalTime = number(.internalTime) ?? 0
        subsidies = number(.subsidies) ?? 0
    }

    /// Licences + implementation + training + internal time − subsidies, never below 0.
    public var yearOneCost: Double { max(0, licences + implementation + training + internalTime - subsidies) }
}
