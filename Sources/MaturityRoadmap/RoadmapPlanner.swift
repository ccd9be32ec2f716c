import MaturityQuestionnaire
import MaturityScoring

/// Settings of the plan that a questionnaire does not carry.
public struct RoadmapSettings: Sendable, Equatable {
    /// The dimension whose level gates pilots on personal data or high-risk uses.
    public var governanceDimension: DimensionID = "governance"
    /// The rank (0-based) governance must reach for such pilots: 2 is the third level.
    public var governanceRankForSensitivePilots = 2
    /// How many quick wins are proposed for the pilot phase.
    public var maximumPilots = 3

    public init() {}
}

/// Builds the roadmap from a score card: fired rules, ordered actions, pilots and ROI. Pure.
public struct RoadmapPlanner: Sendable {
    public let questionnaire: Questionnaire
    public var settings: RoadmapSettings

    public init(questionnaire: Questionnaire, settings: RoadmapSettings = RoadmapSettings()) {
        self.questionnaire = questionnaire
        self.settings = settings
    }

    public func plan(_ card: ScoreCard) -> Roadmap {
        let actions = firedActions(card)
        let levelRank = card.overall.level.flatMap { questionnaire.rank(of: $0) }
        let phases = Phase.allCases.map { phase in
            PhasePlan(
                phase: phase, weeks: PhaseDurations.weeks(phase, levelRank: levelRank),
                actions: actions.filter { $0.phase == phase })
        }
        let governanceRank = card.dimension(settings.governanceDimension)?.level.flatMap { questionnaire.rank(of: $0) }
        let prioritizer = UseCasePrioritizer(
            settings: settings, governanceRank: governanceRank,
            workingWeeks: ROIInputs(questionnaire: questionnaire, answers: card.answers).workingWeeks)
        let useCases = prioritizer.assess(inventory(card))
        let pilots = prioritizer.proposals(useCases)
        let roi = ROIEstimator(inputs: ROIInputs(questionnaire: questionnaire, answers: card.answers)).estimate(pilots)
        return Roadmap(phases: phases, useCases: useCases, pilots: pilots, roi: roi)
    }

    /// Actions of the rules whose condition holds, de-duplicated (same title) and ordered:
    /// blocking first, then the weakest dimension first, then rule priority.
    func firedActions(_ card: ScoreCard) -> [RoadmapAction] {
        let evaluator = ExpressionEvaluator(
            questionnaire: questionnaire, answers: card.answers,
            scores: Dictionary(card.dimensions.compactMap { item in item.score.map { (item.id, $0) } }, uniquingKeysWith: { a, _ in a }),
            levels: Dictionary(card.dimensions.compactMap { item in item.level.map { (item.id, $0) } }, uniquingKeysWith: { a, _ in a }))
        var seenTitles = Set<LocalizedText>()
        let fired = questionnaire.rules.filter { evaluator.holds($0.condition) && seenTitles.insert($0.title).inserted }
        let weakness = Dictionary(
            card.dimensions.map { ($0.id, $0.score ?? 101) }, uniquingKeysWith: { a, _ in a })
        let dimensionOrder = Dictionary(questionnaire.dimensions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return fired.map { rule in
            RoadmapAction(
                id: rule.id, phase: rule.blocksPilots ? .audit : rule.phase, dimension: rule.dimension,
                title: rule.title, body: rule.body, effort: rule.effort, kpi: rule.kpi, owner: rule.owner,
                blocking: rule.blocksPilots, priority: rule.priority)
        }.sorted { lhs, rhs in
            let left = (lhs.blocking ? 0 : 1, weakness[lhs.dimension] ?? 101, dimensionOrder[lhs.dimension] ?? 0, lhs.priority)
            let right = (rhs.blocking ? 0 : 1, weakness[rhs.dimension] ?? 101, dimensionOrder[rhs.dimension] ?? 0, rhs.priority)
            return left != right ? left < right : lhs.id < rhs.id
        }
    }

    private func inventory(_ card: ScoreCard) -> [UseCase] {
        questionnaire.allQuestions.flatMap { question -> [UseCase] in
            guard question.kind == .useCases, case let .useCases(items)? = card.answers[question.id] else { return [] }
            return items
        }
    }
}
