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
        let answers = card.answers
        let scores = Dictionary(card.dimensions.compactMap { item in item.score.map { (item.id, $0) } }, uniquingKeysWith: { a, _ in a })
        let levels = Dictionary(card.dimensions.compactMap { item in item.level.map { (item.id, $0) } }, uniquingKeysWith: { a, _ in a })
        let rules = questionnaire.rules
        var firedTitles = Set<Int>()
        let fired = rules.indices.filter {
            conditions[$0].holds(answers: answers, scores: scores, levels: levels) && firedTitles.insert(firstWithTitle[$0]).inserted
        }
        let weakness = Dictionary(
            card.dimensions.map { ($0.id, $0.score ?? 101) }, uniquingKeysWith: { a, _ in a })
        // Rules are ordered by keys computed once each, and only then become actions: sorting
        // the actions themselves copied every title and body at each move.
        let keyed = fired.map { index in
            let rule = rules[index]
            return (
                key: (rule.blocksPilots ? 0 : 1, weakness[rule.dimension] ?? 101, dimensionOrder[rule.dimension] ?? 0, rule.priority),
                index: index
            )
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
        let all = questionnaire.allQuestions
        return all.indices.flatMap { index -> [UseCase] in
            guard case .useCases = all[index].kind, case let .useCases(items)? = card.answers[all[index].id] else { return [] }
            return items
        }
    }
}
