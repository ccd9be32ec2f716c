import MaturityQuestionnaire

/// Where a use case sits on the impact/effort grid (impact 3–5 is high, effort 1–2 is low).
public enum Quadrant: String, Sendable, Equatable, Codable, CaseIterable {
    /// High impact, low effort: pilot first.
    case quickWin
    /// High impact, high effort: plan it.
    case strategicBet
    /// Low impact, low effort: when there is time.
    case fillIn
    /// Low impact, high effort.
    case avoid

    public init(impact: Int, effort: Int) {
        switch (impact >= 3, effort <= 2) {
        case (true, true): self = .quickWin
        case (true, false): self = .strategicBet
        case (false, true): self = .fillIn
        case (false, false): self = .avoid
        }
    }
}

/// Why a use case cannot be a pilot, whatever its quadrant (hard filters, applied first).
public enum PilotExclusion: String, Sendable, Equatable, Codable {
    /// A practice prohibited by Article 5 of the AI Act.
    case prohibited
    /// An Annex III high-risk use while governance is below the third level.
    case highRiskWithWeakGovernance
    /// Personal data sent to AI tools while governance is below the third level.
    case personalDataWithWeakGovernance
}

/// A use case with its exposure, quadrant, filters and pilot decision.
public struct UseCaseAssessment: Sendable, Equatable {
    public var useCase: UseCase
    /// Occurrences per week × minutes × people × working weeks ÷ 60.
    public var exposureHours: Double
    public var quadrant: Quadrant
    public var exclusion: PilotExclusion?
    /// Proposed for the pilot phase.
    public var proposed: Bool
    /// A proposed high-risk use needs a data-protection impact assessment before it starts.
    public var needsImpactAssessment: Bool

    public init(
        useCase: UseCase, exposureHours: Double, quadrant: Quadrant, exclusion: PilotExclusion?, proposed: Bool,
        needsImpactAssessment: Bool
    ) {
        self.useCase = useCase
        self.exposureHours = exposureHours
        self.quadrant = quadrant
        self.exclusion = exclusion
        self.proposed = proposed
        self.needsImpactAssessment = needsImpactAssessment
    }
}

struct UseCasePrioritizer {
    let settings: RoadmapSettings
    let governanceRank: Int?
    let workingWeeks: Double

    /// Every use case assessed, ranked: quadrant order, then exposure, then name.
    func assess(_ items: [UseCase]) -> [UseCaseAssessment] {
        let governed = (governanceRank ?? 0) >= settings.governanceRankForSensitivePilots
        let assessed = items.map { item in
            let exclusion: PilotExclusion? =
                switch (item.aiActRisk, item.personalData, governed) {
                case (.prohibited, _, _): .prohibited
                case (.high, _, false): .highRiskWithWeakGovernance
                case (_, true, false): .personalDataWithWeakGovernance
                default: nil
                }
            return UseCaseAssessment(
                useCase: item,
                exposureHours: (item.frequencyPerWeek * item.minutesPerOccurrence * item.people * workingWeeks / 60).rounded(toPlaces: 1),
                quadrant: Quadrant(impact: item.impact, effort: item.effort), exclusion: exclusion, proposed: false,
                needsImpactAssessment: item.aiActRisk == .high)
        }
        let order = Dictionary(Quadrant.allCases.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let ranked = assessed.sorted { lhs, rhs in
            let left = (order[lhs.quadrant] ?? 0, -lhs.exposureHours, lhs.useCase.name)
            let right = (order[rhs.quadrant] ?? 0, -rhs.exposureHours, rhs.useCase.name)
            return left < right
        }
        let chosen = Set(ranked.filter { $0.quadrant == .quickWin && $0.exclusion == nil }.prefix(settings.maximumPilots).map(\.useCase))
        return ranked.map { item in
            var result = item
            result.proposed = chosen.contains(item.useCase)
            return result
        }
    }

    func proposals(_ assessed: [UseCaseAssessment]) -> [UseCaseAssessment] { assessed.filter(\.proposed) }
}
