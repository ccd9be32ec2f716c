/// One ROI scenario over the first year.
public struct ROIScenario: Sendable, Equatable, Codable {
    /// Share of the task time saved by AI (0.25, 0.35, 0.5).
    public var timeSaved: Double
    public var hoursSaved: Double
    /// Hours saved × loaded hourly cost, in euros.
    public var value: Double
    /// Year-1 cost in euros.
    public var cost: Double
    public var netYearOne: Double
    /// cost ÷ (value ÷ 12); nil when nothing is saved.
    public var paybackMonths: Double?
}

/// The three scenarios of one pilot, or of all pilots together.
public struct ROIScenarios: Sendable, Equatable {
    public var conservative: ROIScenario
    public var base: ROIScenario
    public var optimistic: ROIScenario
}

public struct PilotROI: Sendable, Equatable {
    public var useCase: String
    public var exposureHours: Double
    public var scenarios: ROIScenarios
}

/// The estimate with every assumption it rests on, so the report can print them.
public struct ROIEstimate: Sendable, Equatable {
    public var inputs: ROIInputs
    /// Adoption by month over year 1 (share of the people involved actually using the tool).
    public var adoptionRamp: [Double]
    /// Mean of the ramp: the adoption applied to year-1 hours.
    public var averageAdoption: Double
    /// The year-1 cost is split equally across the proposed pilots.
    public var pilots: [PilotROI]
    public var total: ROIScenarios
}

/// Hours saved = exposure × share of time saved × average adoption; value = hours × hourly cost.
public struct ROIEstimator: Sendable {
    /// 30 % in month 1, 60 % in month 3, 78 % from month 7 (pilot hypotheses of domain.md).
    public static let adoptionRamp = [0.30, 0.45, 0.60, 0.65, 0.70, 0.75, 0.78, 0.78, 0.78, 0.78, 0.78, 0.78]
    public static let timeSaved = (conservative: 0.25, base: 0.35, optimistic: 0.50)

    public let inputs: ROIInputs

    public init(inputs: ROIInputs) { self.inputs = inputs }

    public func estimate(_ pilots: [UseCaseAssessment]) -> ROIEstimate {
        let adoption = Self.adoptionRamp.reduce(0, +) / Double(Self.adoptionRamp.count)
        let share = pilots.isEmpty ? 0 : inputs.yearOneCost / Double(pilots.count)
        let perPilot = pilots.map { pilot in
            PilotROI(
                useCase: pilot.useCase.name, exposureHours: pilot.exposureHours,
                scenarios: scenarios(exposure: pilot.exposureHours, adoption: adoption, cost: share))
        }
        let exposure = pilots.reduce(0) { $0 + $1.exposureHours }
        return ROIEstimate(
            inputs: inputs, adoptionRamp: Self.adoptionRamp, averageAdoption: adoption.rounded(toPlaces: 4), pilots: perPilot,
            total: scenarios(exposure: exposure, adoption: adoption, cost: inputs.yearOneCost))
    }

    private func scenarios(exposure: Double, adoption: Double, cost: Double) -> ROIScenarios {
        func scenario(_ timeSaved: Double) -> ROIScenario {
            let hours = exposure * timeSaved * adoption
            let value = hours * inputs.hourlyCost
            return ROIScenario(
                timeSaved: timeSaved, hoursSaved: hours.rounded(toPlaces: 1), value: value.rounded(toPlaces: 0),
                cost: cost.rounded(toPlaces: 0),
                netYearOne: (value - cost).rounded(toPlaces: 0), paybackMonths: value > 0 ? (cost / (value / 12)).rounded(toPlaces: 1) : nil
            )
        }
        return ROIScenarios(
            conservative: scenario(Self.timeSaved.conservative), base: scenario(Self.timeSaved.base),
            optimistic: scenario(Self.timeSaved.optimistic))
    }
}
