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
    /// Each rule's phase in the plan (audit for a rule blocking pilots), by position.
    private let rulePhases: [Phase]
    /// What orders fired rules besides their dimension's score: blocking ones (0) first, then
    /// priority; by position.
    private let ruleKeys: [(blocking: Int, priority: Int)]

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
        rulePhases = questionnaire.rules.map { $0.blocksPilots ? .audit : $0.phase }
        ruleKeys = questionnaire.rules.map { ($0.blocksPilots ? 0 : 1, $0.priority) }
        dimensionOrder = Dictionary(questionnaire.dimensions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        ruleDimensions = questionnaire.rules.map { [dimensionOrder] rule in dimensionOrder[rule.dimension] ?? -1 }
        inventories = questionnaire.allQuestions.indices.filter { [questionnaire] in
            if case .useCases = questionnaire.allQuestions[$0].kind { true } else { false }
        }
    }

    public func plan(_ card: ScoreCard) -> Roadmap {
        let fired = phasedRules(card)
        let levelRank = card.overall.level.flatMap { questionnaire.rank(of: $0) }
        let phases = Phase.allCases.map { phase in
            PhasePlan(
                phase: phase, weeks: PhaseDurations.weeks(phase, levelRank: levelRank),
                actions: fired.filter { $0.phase == phase }.map { action(rule: $0.rule) })
        }
        let governanceRank = card.dimension(settings.governanceDimension)?.level.flatMap { questionnaire.rank(of: $0) }
        let inputs = ROIInputs(questionnaire: questionnaire, answers: card.answers)
        let prioritizer = UseCasePrioritizer(settings: settings, governanceRank: governanceRank, workingWeeks: inputs.workingWeeks)
        let useCases = prioritizer.assess(inventory(card))
        let pilots = prioritizer.proposals(useCases)
        let roi = ROIEstimator(inputs: inputs).estimate(pilots)
        return Roadmap(phases: phases, useCases: useCases, pilots: pilots, roi: roi)
    }

    /// The actions of the roadmap as positions in `questionnaire.rules`, phase by phase in
    /// the order `plan` lays them out, without the use cases, pilots and ROI: what a batch
    /// import stores of a roadmap. Building each `RoadmapAction` (its texts copied and
    /// released) and the rest of the plan only to keep rule ids cost a fifth of scoring a
    /// respondent.
    public func phasedRules(_ card: ScoreCard) -> [(phase: Phase, rule: Int)] {
        let fired = firedRules(card)
        var phased: [(phase: Phase, rule: Int)] = []
        phased.reserveCapacity(fired.count)
        for phase in Phase.allCases {
            for rule in fired where rulePhases[rule] == phase { phased.append((phase, rule)) }
        }
        return phased
    }

    /// The rules whose condition holds, as positions in `questionnaire.rules`, de-duplicated
    /// (same title) and ordered: blocking first, then the weakest dimension first, then rule
    /// priority.
    private func firedRules(_ card: ScoreCard) -> [Int] {
        var inputs = ExpressionInputs(
            answers: card.countedAnswers, scores: Array(repeating: nil, count: dimensionOrder.count),
            levels: Array(repeating: nil, count: dimensionOrder.count))
        for item in card.dimensions {
            guard let index = dimensionOrder[item.id] else { continue }
            inputs.scores[index] = item.score
            inputs.levels[index] = item.level
        }
        var titleFired = [Bool](repeating: false, count: conditions.count)
        let fired = conditions.indices.filter { index in
            guard conditions[index].holds(inputs), !titleFired[firstWithTitle[index]] else { return false }
            titleFired[firstWithTitle[index]] = true
            return true
        }
        // Rules are ordered by keys computed once each, and only then become actions: sorting
        // the actions themselves copied every title and body at each move.
        let keyed = fired.map { index in
            let dimension = ruleDimensions[index]
            let weakness = dimension >= 0 ? inputs.scores[dimension] ?? 101 : 101
            return (key: (ruleKeys[index].blocking, weakness, max(dimension, 0), ruleKeys[index].priority), index: index)
        }
        let rules = questionnaire.rules
        return keyed.sorted { lhs, rhs in
            lhs.key != rhs.key ? lhs.key < rhs.key : rules[lhs.index].id < rules[rhs.index].id
        }.map(\.index)
    }

    /// The action of the rule at `rule` in `questionnaire.rules`.
    private func action(rule index: Int) -> RoadmapAction {
        let rule = questionnaire.rules[index]
        return RoadmapAction(
            id: rule.id, phase: rulePhases[index], dimension: rule.dimension, title: rule.title, body: rule.body,
            effort: rule.effort, kpi: rule.kpi, owner: rule.owner, blocking: rule.blocksPilots, priority: rule.priority)
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
