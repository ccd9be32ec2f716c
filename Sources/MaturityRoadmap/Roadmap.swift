import MaturityQuestionnaire
import MaturityScoring

/// An action of the roadmap, from a fired recommendation rule.
public struct RoadmapAction: Sendable, Equatable {
    public var id: RuleID
    public var phase: Phase
    public var dimension: DimensionID
    public var title: LocalizedText
    public var body: LocalizedText
    public var effort: Effort
    public var kpi: LocalizedText?
    public var owner: LocalizedText?
    /// A prerequisite of pilots: always in the audit phase.
    public var blocking: Bool
    public var priority: Int
}

/// One phase with its duration range and ordered actions.
public struct PhasePlan: Sendable, Equatable {
    public var phase: Phase
    /// Shortest and longest expected duration, in weeks.
    public var weeks: ClosedRange<Int>
    public var actions: [RoadmapAction]
}

/// The three-phase plan built from a score card.
public struct Roadmap: Sendable, Equatable {
    public var phases: [PhasePlan]
    /// Every inventoried use case, assessed and ranked.
    public var useCases: [UseCaseAssessment]
    /// The 1–3 quick wins proposed for the pilot phase, best first.
    public var pilots: [UseCaseAssessment]
    public var roi: ROIEstimate

    public func phase(_ phase: Phase) -> PhasePlan? { phases.first { $0.phase == phase } }
}
