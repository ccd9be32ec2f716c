import MaturityQuestionnaire
import MaturityScoring

extension DiagnosisDocument {
    /// Builds the document in `language`; `engine` names the tool version (passed in, so the
    /// output is a pure function of its inputs).
    public init(
        questionnaire: Questionnaire, answers: AnswerSet, card: ScoreCard, roadmap: Roadmap,
        language: LanguageCode, engine: String
    ) {
        let text = { (localized: LocalizedText) in localized.resolve(language, fallback: questionnaire.defaultLanguage) }
        let levelName = { (id: LevelID?) in id.flatMap { questionnaire.level($0) }.map { text($0.name) } }
        let drivers = DriverText(questionnaire: questionnaire, language: language)
        self.engine = engine
        self.language = language.rawValue
        self.questionnaire = card.questionnaire
        company = answers.company
        overall = Level(
            score: card.overall.score, level: card.overall.level?.rawValue, levelName: levelName(card.overall.level),
            weakest: card.overall.weakest?.rawValue)
        dimensions = card.dimensions.map { item in
            DimensionItem(
                id: item.id.rawValue, name: questionnaire.dimension(item.id).map { text($0.name) } ?? item.id.rawValue,
                score: item.score, rawScore: item.rawScore, level: item.level?.rawValue, levelName: levelName(item.level),
                coverage: item.coverage.rounded(toPlaces: 3),
                caps: item.caps.map {
                    CapItem(id: $0.id.rawValue, maxLevel: $0.maxLevel.rawValue, binding: $0.binding, reason: text($0.reason))
                },
                dontKnow: item.dontKnow.map(\.rawValue),
                drivers: item.drivers.map {
                    DriverItem(
                        question: $0.question.rawValue, effect: drivers.effect($0), lostPoints: $0.lostPoints,
                        gain: $0.improvement?.gain, dontKnow: $0.dontKnow)
                })
        }
        missingRequired = card.missingRequired.map(\.rawValue)
        self.roadmap = RoadmapItem(
            phases: roadmap.phases.map { plan in
                PhaseItem(
                    id: plan.phase.rawValue, weeks: [plan.weeks.lowerBound, plan.weeks.upperBound],
                    actions: plan.actions.map { action in
                        ActionItem(
                            id: action.id.rawValue, title: text(action.title), body: text(action.body),
                            dimension: action.dimension.rawValue, effort: action.effort.rawValue, kpi: action.kpi.map(text),
                            owner: action.owner.map(text), blocking: action.blocking)
                    },
                    useCases: plan.phase == .pilot ? roadmap.useCases.map(Self.useCase) : nil)
            },
            roi: Self.roi(roadmap.roi))
    }

    static func useCase(_ item: UseCaseAssessment) -> UseCaseItem {
        UseCaseItem(
            name: item.useCase.name, department: item.useCase.department, exposureHours: item.exposureHours,
            impact: item.useCase.impact, effort: item.useCase.effort, quadrant: item.quadrant.rawValue,
            exclusion: item.exclusion?.rawValue, proposed: item.proposed, needsImpactAssessment: item.needsImpactAssessment)
    }

    static func roi(_ estimate: ROIEstimate) -> ROIItem {
        let inputs = estimate.inputs
        return ROIItem(
            conservative: estimate.total.conservative, base: estimate.total.base,
            optimistic: estimate.total.optimistic,
            pilots: estimate.pilots.map {
                PilotROIItem(
                    useCase: $0.useCase, exposureHours: $0.exposureHours, conservative: $0.scenarios.conservative,
                    base: $0.scenarios.base, optimistic: $0.scenarios.optimistic)
            },
            assumptions: AssumptionsItem(
                hourlyCost: inputs.hourlyCost, hourlyCostSource: inputs.hourlyCostSource.rawValue,
                grossSalary: inputs.grossSalary, grossSalarySource: inputs.grossSalarySource.rawValue,
                employerChargesPercent: inputs.employerCharges, employerChargesSource: inputs.employerChargesSource.rawValue,
                annualHours: inputs.annualHours, workingWeeks: inputs.workingWeeks,
                workingWeeksSource: inputs.workingWeeksSource.rawValue, adoptionRamp: estimate.adoptionRamp,
                averageAdoption: estimate.averageAdoption,
                timeSaved: [
                    "conservative": ROIEstimator.timeSaved.conservative, "base": ROIEstimator.timeSaved.base,
                    "optimistic": ROIEstimator.timeSaved.optimistic,
                ],
                yearOneCost: [
                    "licences": inputs.licences, "implementation": inputs.implementation, "training": inputs.training,
                    "internalTime": inputs.internalTime, "subsidies": inputs.subsidies, "total": inputs.yearOneCost,
                ],
                costAllocation: "equal share per proposed pilot"))
    }
}
