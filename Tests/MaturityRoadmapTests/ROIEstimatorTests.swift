import MaturityQuestionnaire
import MaturityRoadmap
import MaturityScoring
import MaturityTestSupport
import Testing

@Suite struct ROIEstimatorTests {
    let questionnaire: Questionnaire

    init() throws { questionnaire = try TestQuestionnaires.bundled() }

    @Test func beginnerSampleByHand() throws {
        let set = try TestQuestionnaires.example("beginner-tpe")
        let card = Scorer(questionnaire: questionnaire).score(set)
        let roi = RoadmapPlanner(questionnaire: questionnaire).plan(card).roi
        // C = 30 000 × 1.42 / 1 607 = 26.51 €/h.
        #expect(roi.inputs.hourlyCost == 26.51)
        #expect(roi.inputs.hourlyCostSource == .derived)
        // Quotes: 10/week × 45 min × 2 people × 46 weeks / 60 = 690 h of exposure.
        #expect(roi.pilots.map(\.exposureHours) == [690])
        // Mean adoption of the ramp: 8.13 / 12.
        #expect(roi.averageAdoption == 0.6775)
        let base = roi.total.base
        #expect(base.hoursSaved == 163.6)  // 690 × 0.35 × 0.6775
        #expect(base.value == 4337)  // 163.61 × 26.51
        #expect(base.cost == 3220)  // 720 + 1500 + 800 + 1200 − 1000
        #expect(base.netYearOne == 1117)
        #expect(base.paybackMonths == 8.9)
        #expect(roi.total.conservative.timeSaved == 0.25 && roi.total.optimistic.timeSaved == 0.5)
        #expect(roi.total.conservative.value < base.value && base.value < roi.total.optimistic.value)
        #expect(roi.pilots.first?.scenarios == roi.total)
    }

    @Test func givenHourlyCostWinsAndMissingInputsAreAssumed() throws {
        let id = try #require(questionnaire.profileQuestion(for: .hourlyCost)?.id)
        let given = ROIInputs(questionnaire: questionnaire, answers: [id: .number(50)])
        #expect(given.hourlyCost == 50 && given.hourlyCostSource == .given)
        let assumed = ROIInputs(questionnaire: questionnaire, answers: [:])
        #expect(assumed.grossSalarySource == .assumed && assumed.employerChargesSource == .assumed)
        #expect(assumed.hourlyCost == 30.93)  // 35 000 × 1.42 / 1 607 = 30.927
        #expect(assumed.workingWeeks == 47 && assumed.yearOneCost == 0)
    }

    @Test func costSplitsEquallyAcrossPilotsAndNoSavingMeansNoPayback() throws {
        var inputs = ROIInputs(questionnaire: questionnaire, answers: [:])
        inputs.licences = 1000
        let estimator = ROIEstimator(inputs: inputs)
        let none = estimator.estimate([])
        #expect(none.total.base.hoursSaved == 0 && none.total.base.paybackMonths == nil && none.total.base.netYearOne == -1000)
        let item = UseCaseAssessment(
            useCase: UseCase(name: "x", frequencyPerWeek: 1, minutesPerOccurrence: 60, people: 1, impact: 4, effort: 1),
            exposureHours: 47, quadrant: .quickWin, exclusion: nil, proposed: true, needsImpactAssessment: false)
        let two = estimator.estimate([item, item])
        #expect(two.pilots.map(\.scenarios.base.cost) == [500, 500])
        #expect(two.total.base.cost == 1000)
    }
}
