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

    /// For each rule, the first rule with the same title (itself when none): computed once,
    /// so a planner reused for many answer sets never hashes titles.
    private let firstWithTitle: [Int]
    private let dimensionOrder: [DimensionID: Int]
    /// Each rule's dimension, by position in `questionnaire.dimensions` (-1 for none).
    private let ruleDimensions: [Int]
    /// Positions in `allQuestions` of the use-case inventories.
    private let inventories: [Int]
    /// Each rule's compiled condition, by position in `questionnaire.rules`.
    private let conditions: [CompiledExpression]

    public init(questionnaire: Questionnaire, settings: RoadmapSettings = RoadmapSettings()) {
        self.questionnaire = questionnaire
        self.settings = settings
        var first: [LocalizedText: Int] = [:]
        firstWithTitle = questionnaire.rules.enumerated().map { index, rule in
            if let earlier = first[rule.title] { return earlier }
            first[rule.title] = index
            return index
        }
        conditions = CompiledExpression.compile(questionnaire.rules.map(\.condition), in: questionnaire)
        dimensionOrder = Dictionary(questionnaire.dimensions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        ruleDimensions = questionnaire.rules.map { [dimensionOrder] rule in dimensionOrder[rule.dimension] ?? -1 }
        inventories = questionnaire.allQuestions.indices.filter { [questionnaire] in
            if case .useCases = questionnaire.allQuestions[$0].kind { true } else { false }
        }
    }

    public func plan(_ card: ScoreCard) -> Roadmap {
        let actions = firedActions(card)
        let levelRank = card.overall.level.flatMap { questionnaire.rank(of: $0) }
        // One pass into the phases: filtering once per phase copied every action three times.
        var byPhase = [[RoadmapAction]](repeating: [], count: Phase.allCases.count)
        for action in actions { byPhase[Phase.allCases.firstIndex(of: action.phase) ?? 0].append(action) }
        let phases = Phase.allCases.indices.map { index in
            let phase = Phase.allCases[index]
            return PhasePlan(phase: phase, weeks: PhaseDurations.weeks(phase, levelRank: levelRank), actions: byPhase[index])
        }
        let governanceRank = card.dimension(settings.governanceDimension)?.level.flatMap { questionnaire.rank(of: $0) }
        let inputs = ROIInputs(questionnaire: questionnaire, answers: card.answers)
        let prioritizer = UseCasePrioritizer(settings: settings, governanceRank: governanceRank, workingWeeks: inputs.workingWeeks)
        let useCases = prioritizer.assess(inventory(card))
        let pilots = prioritizer.proposals(useCases)
        let roi = ROIEstimator(inputs: inputs).estimate(pilots)
        return Roadmap(phases: phases, useCases: useCases, pilots: pilots, roi: roi)
    }

    /// Actions of the rules whose condition holds, de-duplicated (same title) and ordered:
    /// blocking first, then the weakest dimension first, then rule priority.
    func firedActions(_ card: ScoreCard) -> [RoadmapAction] {
        var inputs = ExpressionInputs(
            answers: card.countedAnswers, scores: Array(repeating: nil, count: dimensionOrder.count),
            levels: Array(repeating: nil, count: dimensionOrder.count))
        for item in card.dimensions {
            guard let index = dimensionOrder[item.id] else { continue }
            inputs.scores[index] = item.score
            inputs.levels[index] = item.level
        }
        let rules = questionnaire.rules
        var titleFired = [Bool](repeating: false, count: rules.count)
        let fired = rules.indices.filter { index in
            guard conditions[index].holds(inputs), !titleFired[firstWithTitle[index]] else { return false }
            titleFired[firstWithTitle[index]] = true
            return true
        }
        // Rules are ordered by keys computed once each, and only then become actions: sorting
        // the actions themselves copied every title and body at each move.
        let keyed = fired.map { index in
            let dimension = ruleDimensions[index]
            let weakness = dimension >= 0 ? inputs.scores[dimension] ?? 101 : 101
            return (key: (rules[index].blocksPilots ? 0 : 1, weakness, max(dimension, 0), rules[index].priority), index: index)
        }
        return keyed.sorted { lhs, rhs in
            lhs.key != rhs.key ? lhs.key < rhs.key : rules[lhs.index].id < rules[rhs.index].id
        }.map { item in
            let rule = rules[item.index]
            return RoadmapAction(
                id: rule.id, phase: rule.blocksPilots ? .audit : rule.phase, dimension: rule.dimension,
                title: rule.title, body: rule.body, effort: rule.effort, kpi: rule.kpi, owner: rule.owner,
                blocking: rule.blocksPilots, priority: rule.priority)
        }
    }

    private func inventory(_ card: ScoreCard) -> [UseCase] {
        inventories.flatMap { position -> [UseCase] in
            guard card.countedAnswers.indices.contains(position), case let .useCases(items)? = card.countedAnswers[position] else {
                return []
            }
            return items
        }
    }
}
