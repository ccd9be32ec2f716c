import MaturityQuestionnaire
import MaturityScoring

/// The JSON of `maturity score --json` and `maturity show --json`: the shape fixed by design.md
/// (questionnaire, overall, dimensions, roadmap.phases, roadmap.roi), with more fields beside.
public struct DiagnosisDocument: Sendable, Codable, Equatable {
    public struct Level: Sendable, Codable, Equatable {
        public var score: Double?
        public var level: String?
        public var levelName: String?
        public var weakest: String?
    }

    public struct DriverItem: Sendable, Codable, Equatable {
        public var question: String
        public var effect: String
        public var lostPoints: Double
        public var gain: Double?
        public var dontKnow: Bool
    }

    public struct CapItem: Sendable, Codable, Equatable {
        public var id: String
        public var maxLevel: String
        public var binding: Bool
        public var reason: String

        public init(id: String, maxLevel: String, binding: Bool, reason: String) {
            self.id = id
            self.maxLevel = maxLevel
            self.binding = binding
            self.reason = reason
        }
    }

    public struct DimensionItem: Sendable, Codable, Equatable {
        public var id: String
        public var name: String
        public var score: Double?
        public var rawScore: Double?
        public var level: String?
        public var levelName: String?
        public var coverage: Double
        public var caps: [CapItem]
        public var dontKnow: [String]
        public var drivers: [DriverItem]
    }

    public struct ActionItem: Sendable, Codable, Equatable {
        public var id: String
        public var title: String
        public var body: String
        public var dimension: String
        public var effort: String
        public var kpi: String?
        public var owner: String?
        public var blocking: Bool
    }

    public struct UseCaseItem: Sendable, Codable, Equatable {
        public var name: String
        public var department: String?
        public var exposureHours: Double
        public var impact: Int
        public var effort: Int
        public var quadrant: String
        public var exclusion: String?
        public var proposed: Bool
        public var needsImpactAssessment: Bool
    }

    public struct PhaseItem: Sendable, Codable, Equatable {
        public var id: String
        public var weeks: [Int]
        public var actions: [ActionItem]
        public var useCases: [UseCaseItem]?
    }

    public struct PilotROIItem: Sendable, Codable, Equatable {
        public var useCase: String
        public var exposureHours: Double
        public var conservative: ROIScenario
        public var base: ROIScenario
        public var optimistic: ROIScenario
    }

    public struct AssumptionsItem: Sendable, Codable, Equatable {
        public var hourlyCost: Double
        public var hourlyCostSource: String
        public var grossSalary: Double
        public var grossSalarySource: String
        public var employerChargesPercent: Double
        public var employerChargesSource: String
        public var annualHours: Double
        public var workingWeeks: Double
        public var workingWeeksSource: String
        public var adoptionRamp: [Double]
        public var averageAdoption: Double
        public var timeSaved: [String: Double]
        public var yearOneCost: [String: Double]
        public var costAllocation: String
    }

    public struct ROIItem: Sendable, Codable, Equatable {
        public var conservative: ROIScenario
        public var base: ROIScenario
        public var optimistic: ROIScenario
        public var pilots: [PilotROIItem]
        public var assumptions: AssumptionsItem
    }

    public struct RoadmapItem: Sendable, Codable, Equatable {
        public var phases: [PhaseItem]
        public var roi: ROIItem
    }

    public var engine: String
    public var language: String
    public var questionnaire: QuestionnaireReference
    public var company: Company
    public var overall: Level
    public var dimensions: [DimensionItem]
    public var missingRequired: [String]
    public var roadmap: RoadmapItem
}
