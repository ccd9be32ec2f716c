import MaturityQuestionnaire
import MaturityReport
import MaturityTestSupport
import Testing

/// A company's place in a cohort: quartiles, percentile rank and band, computed by hand.
@Suite struct CohortPositionTests {
    let questionnaire: Questionnaire

    init() throws { questionnaire = try TestQuestionnaires.bundled() }

    func members(_ overall: [Double], strategy: [Double]? = nil) -> [CohortReport.Member] {
        overall.enumerated().map { index, score in
            var scores = [CohortReport.overallKey: score]
            if let strategy { scores["strategy"] = strategy[index] }
            return CohortReport.Member(sector: nil, size: nil, scores: scores, levels: [:])
        }
    }

    @Test func quartilesPercentileAndBandAreComputedOverTheCohort() throws {
        // Sorted overall scores 10, 20, 30, 40, 50: Q1 20, median 30, Q3 40 (QUARTILE.INC).
        let cohort = members([50, 10, 40, 20, 30], strategy: [80, 60, 70, 65, 75])
        let position = try #require(
            CohortPosition(
                title: "Import #1", scores: [CohortReport.overallKey: 40, "strategy": 61], members: cohort, questionnaire: questionnaire))
        #expect(position.companies == 5)
        #expect(position.rows.map(\.id) == [CohortReport.overallKey, "strategy"], "overall first; dimensions without a score left out")
        let overall = position.rows[0]
        #expect((overall.q1, overall.median, overall.q3) == (20, 30, 40))
        // Three scores below 40, one tie: (3 + 0.5) / 5 = 70 %.
        #expect(overall.percentile == 70)
        #expect(overall.band == .aboveMedian, "Q3 itself is still in the upper-middle quarter")
        let strategy = position.rows[1]
        #expect((strategy.q1, strategy.median, strategy.q3) == (65, 70, 75))
        #expect(strategy.percentile == 20 && strategy.band == .bottomQuarter)
    }

    @Test func bandsFollowTheQuartiles() throws {
        let cohort = members([10, 20, 30, 40, 50])
        func band(_ score: Double) throws -> CohortPosition.Band {
            try #require(
                CohortPosition(title: "", scores: [CohortReport.overallKey: score], members: cohort, questionnaire: questionnaire)
            ).rows[0].band
        }
        #expect(try band(19.9) == .bottomQuarter)
        #expect(try band(20) == .belowMedian)
        #expect(try band(30) == .aboveMedian)
        #expect(try band(40.1) == .topQuarter)
    }

    @Test func aCohortOfFewerThanFiveScoredCompaniesGivesNoPosition() {
        let unscored = CohortReport.Member(sector: nil, size: nil, scores: [:], levels: [:])
        let cohort = members([10, 20, 30, 40]) + [unscored]
        #expect(
            CohortPosition(title: "", scores: [CohortReport.overallKey: 25], members: cohort, questionnaire: questionnaire) == nil)
    }
}
