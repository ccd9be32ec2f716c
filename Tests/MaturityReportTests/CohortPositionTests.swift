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
                title: "Import #1", scores: [CohortReport.overallKey: 40, "strategy": 61], cohort: CohortTally(cohort).positionScores(),
                questionnaire: questionnaire))
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
                CohortPosition(
                    title: "", scores: [CohortReport.overallKey: score], cohort: CohortTally(cohort).positionScores(),
                    questionnaire: questionnaire)
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
            CohortPosition(
                title: "", scores: [CohortReport.overallKey: 25], cohort: CohortTally(cohort).positionScores(), questionnaire: questionnaire
            ) == nil)
    }

    /// Counting each distinct score gives the quantiles and ranks of the sorted list itself,
    /// ties and all.
    @Test func scoreCountsGiveTheQuantilesAndRanksOfTheSortedList() {
        var random = SplitMix(state: 7)
        for round in 0..<200 {
            let count = 1 + Int(random.next() % 60)
            // Few distinct values in some rounds (many ties), one decimal in others.
            let spread = round % 2 == 0 ? 5 : 1001
            let scores = (0..<count).map { _ in Double(random.next() % UInt64(spread)) / 10 }
            let sorted = scores.sorted()
            let counted = ScoreCounts(scores).sorted()
            #expect(counted.count == count)
            for p in [0, 0.25, 0.5, 0.75, 1] { #expect(counted.quantile(p) == CohortReport.quantile(sorted, p)) }
            for probe: Double in [sorted[0], sorted[count / 2], sorted[count - 1], 50.05, -1, 101] {
                let rank = counted.rank(of: probe)
                let below = sorted.count { $0 < probe }
                let ties = sorted.count { $0 == probe }
                #expect(rank.below == below && rank.ties == ties)
            }
        }
        #expect(ScoreCounts().sorted().quantile(0.5) == nil)
    }

    /// Sectors and sizes are grouped under the names they are shown with, and levels are
    /// counted per dimension.
    @Test func aTallyGroupsByShownNameAndCountsLevels() {
        let members = [
            CohortReport.Member(
                sector: "Boulangerie", size: "tpe", scores: [CohortReport.overallKey: 40], levels: ["strategy": "experimentation"]),
            CohortReport.Member(
                sector: " Boulangerie ", size: "tpe", scores: [CohortReport.overallKey: 60], levels: ["strategy": "experimentation"]),
            CohortReport.Member(sector: nil, size: nil, scores: [:], levels: ["strategy": "decouverte"]),
            CohortReport.Member(sector: "", size: "pe", scores: [CohortReport.overallKey: 10], levels: [:]),
        ]
        let report = CohortReport(title: "t", tally: CohortTally(members), actions: [], questionnaire: questionnaire, language: .english)
        #expect(report.companies == 4)
        #expect(report.bySector.map(\.name) == ["(not given)", "Boulangerie"])
        #expect(report.bySector.map(\.companies) == [2, 2])
        #expect(report.bySector.map(\.medianOverall) == [10, 50])
        #expect(report.overall.companies == 3 && report.overall.median == 40)
        let strategy = report.dimensions.first { $0.id == "strategy" }
        #expect(strategy?.levels.map(\.companies).reduce(0, +) == 3)
        #expect(strategy?.levels.first { $0.id == "experimentation" }?.companies == 2)
    }
}
