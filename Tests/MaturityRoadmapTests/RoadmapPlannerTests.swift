import MaturityQuestionnaire
import MaturityRoadmap
import MaturityScoring
import MaturityTestSupport
import Testing

@Suite struct RoadmapPlannerTests {
    let questionnaire: Questionnaire

    init() throws { questionnaire = try TestQuestionnaires.bundled() }

    func plan(_ set: AnswerSet) -> (ScoreCard, Roadmap) {
        let card = Scorer(questionnaire: questionnaire).score(set)
        return (card, RoadmapPlanner(questionnaire: questionnaire).plan(card))
    }

    @Test func beginnerGetsBlockingGovernanceActionsFirstInAudit() throws {
        let (card, roadmap) = plan(try TestQuestionnaires.example("beginner-tpe"))
        let audit = try #require(roadmap.phase(.audit))
        let blocking = audit.actions.prefix { $0.blocking }
        #expect(Set(blocking.map(\.id)) == ["usage_charter", "data_rules", "professional_accounts"])
        #expect(audit.actions.dropFirst(blocking.count).allSatisfy { !$0.blocking })
        #expect(roadmap.phases.flatMap(\.actions).filter(\.blocking).allSatisfy { $0.phase == .audit })
        // Non-blocking audit actions: weakest dimension first.
        let scores = Dictionary(uniqueKeysWithValues: card.dimensions.map { ($0.id, $0.score ?? 0) })
        let order = audit.actions.filter { !$0.blocking }.map { scores[$0.dimension] ?? 0 }
        #expect(order == order.sorted())
        #expect(audit.actions.first { !$0.blocking }?.dimension == card.overall.weakest)
        #expect(roadmap.phases.map(\.phase) == [.audit, .pilot, .rollout])
        #expect(roadmap.phases.allSatisfy { !$0.actions.isEmpty })
    }

    @Test func actionsAppearOnce() throws {
        for name in ["beginner-tpe", "advanced-pme"] {
            let (_, roadmap) = plan(try TestQuestionnaires.example(name))
            let ids = roadmap.phases.flatMap(\.actions).map(\.id)
            #expect(ids.count == Set(ids).count)
        }
    }

    @Test(arguments: [
        (Phase.audit, 0, 4...6), (.audit, 1, 4...6), (.audit, 2, 3...5), (.audit, 4, 2...4),
        (.pilot, 0, 8...12), (.pilot, 2, 6...10), (.pilot, 3, 6...8),
        (.rollout, 1, 26...52), (.rollout, 2, 16...40), (.rollout, 4, 12...26),
    ])
    func phaseDurationsNarrowWithTheLevel(_ phase: Phase, _ rank: Int, _ weeks: ClosedRange<Int>) {
        #expect(PhaseDurations.weeks(phase, levelRank: rank) == weeks)
    }

    @Test(arguments: [
        (5, 1, Quadrant.quickWin), (3, 2, .quickWin), (3, 3, .strategicBet), (5, 5, .strategicBet),
        (2, 2, .fillIn), (1, 1, .fillIn), (2, 3, .avoid), (1, 5, .avoid),
    ])
    func impactEffortQuadrants(_ impact: Int, _ effort: Int, _ quadrant: Quadrant) {
        #expect(Quadrant(impact: impact, effort: effort) == quadrant)
    }

    func useCase(
        _ name: String, hours: Double, impact: Int = 4, effort: Int = 2, personal: Bool = false, risk: UseCase.AIActRisk = .minimal
    ) -> UseCase {
        // 47 weeks × 60 min × frequency / 60 = hours when minutes = 60 and people = 1.
        UseCase(
            name: name, frequencyPerWeek: hours / 47, minutesPerOccurrence: 60, people: 1, impact: impact, effort: effort,
            personalData: personal, aiActRisk: risk)
    }

    func roadmap(_ items: [UseCase], governance: String) throws -> Roadmap {
        var set = try TestQuestionnaires.example("beginner-tpe")
        set.answers["usecases.inventory"] = .useCases(items)
        set.answers["roi.working_weeks"] = .number(47)
        if governance == "strong" {
            for (id, value) in [
                ("governance.charter", "signed_trained"), ("governance.data_rules", "enforced"), ("governance.human_review", "always"),
                ("governance.transparency", "disclosed"), ("governance.dpo", "yes"),
            ] { set.answers[QuestionID(id)] = .code(OptionCode(value)) }
            set.answers["governance.registers"] = .codes(["tool_inventory", "gdpr_register", "ai_in_register"])
            set.answers["governance.suppliers"] = .codes(["dpa", "eu_location", "transfers", "no_training"])
        }
        return plan(set).1
    }

    @Test func hardFiltersComeBeforeTheQuadrant() throws {
        let items = [
            useCase("emotion", hours: 900, risk: .prohibited), useCase("cv", hours: 800, risk: .high),
            useCase("emails", hours: 700, personal: true), useCase("quotes", hours: 100),
        ]
        let weak = try roadmap(items, governance: "weak")
        #expect(weak.useCases.map(\.exclusion) == [.prohibited, .highRiskWithWeakGovernance, .personalDataWithWeakGovernance, nil])
        #expect(weak.pilots.map(\.useCase.name) == ["quotes"])
        let strong = try roadmap(items, governance: "strong")
        #expect(strong.useCases.map(\.exclusion) == [.prohibited, nil, nil, nil])
        #expect(strong.pilots.map(\.useCase.name) == ["cv", "emails", "quotes"])
        #expect(strong.pilots.first?.needsImpactAssessment == true)
    }

    @Test func atMostThreeQuickWinsByExposure() throws {
        let items = [
            useCase("a", hours: 100), useCase("b", hours: 400), useCase("c", hours: 300), useCase("d", hours: 200),
            useCase("bet", hours: 1000, impact: 5, effort: 4), useCase("low", hours: 2000, impact: 1, effort: 1),
        ]
        let result = try roadmap(items, governance: "weak")
        #expect(result.pilots.map(\.useCase.name) == ["b", "c", "d"])
        #expect(result.useCases.map(\.useCase.name) == ["b", "c", "d", "a", "bet", "low"])
        #expect(result.useCases.map(\.exposureHours) == [400, 300, 200, 100, 1000, 2000])
    }
}
