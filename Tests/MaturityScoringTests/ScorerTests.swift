import MaturityQuestionnaire
import MaturityScoring
import MaturityTestSupport
import Testing

@Suite struct ScorerTests {
    let questionnaire: Questionnaire
    let scorer: Scorer

    init() throws {
        questionnaire = try TestQuestionnaires.scoring()
        scorer = Scorer(questionnaire: questionnaire)
    }

    static let typical: [QuestionID: AnswerValue] = [
        "data.quality": .code("fair"), "data.tools": .codes(["crm", "dms"]), "data.details": .number(4),
        "data.grid": .matrix(["a": .number(4), "b": .code("na")]), "usage.weekly": .code("partly"),
        "usage.count": .number(3), "usage.notes": .text("free text"),
    ]

    func card(_ answers: [QuestionID: AnswerValue]) -> ScoreCard { scorer.score(TestQuestionnaires.answers(answers, for: questionnaire)) }

    @Test func weightedMeanOfEveryQuestionTypeByHand() throws {
        let card = card(Self.typical)
        // data: (2 × 0.5 + 1 × 3/4 + 1 × (4−1)/4 + 1 × 4/4) / 5 = 0.7; usage: (0.5 + 0.5) / 2.
        #expect(card.dimension("data")?.score == 70)
        #expect(card.dimension("data")?.level == "high")
        #expect(card.dimension("usage")?.score == 50)
        #expect(card.overall.score == 55)
        #expect(card.overall.level == "high")
        #expect(card.overall.weakest == "usage")
        #expect(card.dimension("data")?.coverage == 1)
        #expect(card.missingRequired.isEmpty)
    }

    @Test func hiddenQuestionsNeverCountAndTheirAnswersAreDropped() throws {
        var answers = Self.typical
        answers["data.quality"] = .code("poor")
        let card = card(answers)
        #expect(!card.visibleQuestions.contains("data.details"))
        #expect(card.answers["data.details"] == nil)
        // (2 × 0 + 0.75 + 1) / 4 with details gone.
        #expect(card.dimension("data")?.rawScore == 43.8)
        var without = answers
        without["data.details"] = nil
        #expect(self.card(without).dimension("data") == card.dimension("data"))
    }

    @Test func notApplicableRemovesTheQuestionFromNumeratorAndDenominator() throws {
        var answers = Self.typical
        answers["data.quality"] = .code("na")
        let card = card(answers)
        #expect(card.dimension("data")?.score == 83.3)
        #expect(card.dimension("data")?.coverage == 1)
    }

    @Test func dontKnowCountsAsTheLowestAndIsFlagged() throws {
        var answers = Self.typical
        answers["data.quality"] = .code("dk")
        let card = card(answers)
        #expect(card.dimension("data")?.score == 50)
        #expect(card.dimension("data")?.dontKnow == ["data.quality"])
        #expect(card.dimension("data")?.drivers.first?.dontKnow == true)
    }

    @Test func unansweredQuestionsLowerCoverageNotTheScore() throws {
        var answers = Self.typical
        answers["data.tools"] = nil
        let card = card(answers)
        #expect(card.dimension("data")?.coverage == 0.75)
        #expect(card.dimension("data")?.score == 68.8)
        #expect(card.missingRequired == ["data.tools"])
    }

    @Test func exclusiveNoneScoresZeroAndEmptyDimensionsHaveNoScore() throws {
        let card = card(["data.tools": .codes(["none"])])
        #expect(card.dimension("data")?.score == 0)
        #expect(card.dimension("usage")?.score == nil)
        #expect(card.dimension("usage")?.coverage == 0)
        #expect(card.overall.score == 0)
    }

    @Test func bindingCapLowersLevelAndScoreToTheTopOfTheCappedLevel() throws {
        let card = card([
            "data.quality": .code("poor"), "data.tools": .codes(["none"]), "usage.weekly": .code("yes"),
            "usage.count": .number(10),
        ])
        let usage = try #require(card.dimension("usage"))
        #expect(usage.rawScore == 100)
        #expect(usage.score == 49.9)
        #expect(usage.level == "low")
        #expect(usage.caps.map(\.id) == ["weak_data"])
        #expect(usage.caps.first?.binding == true)
        // Overall uses capped scores: (1 × 0 + 3 × 49.9) / 4.
        #expect(card.overall.score == 37.4)
    }

    @Test func capThatHoldsBelowItsLevelIsReportedButNotBinding() throws {
        let card = card([
            "data.quality": .code("poor"), "data.tools": .codes(["none"]), "usage.weekly": .code("no"), "usage.count": .number(0),
        ])
        #expect(card.dimension("usage")?.caps.first?.binding == false)
        #expect(card.dimension("usage")?.score == 0)
    }

    @Test func driversNameTheCostliestAnswersAndTheNextOptionUp() throws {
        let drivers = try #require(card(Self.typical).dimension("data")?.drivers)
        #expect(drivers.map(\.question) == ["data.quality", "data.tools", "data.details"])
        #expect(drivers.map(\.lostPoints) == [20, 5, 5])
        #expect(drivers.map(\.improvement?.target) == [.option("good"), .add("erp"), .point(5)])
        #expect(drivers.map(\.improvement?.gain) == [20, 5, 5])
    }

    @Test func driverSentencesAreLocalised() throws {
        let questionnaire = try TestQuestionnaires.bundled()
        let card = Scorer(questionnaire: questionnaire).score(
            TestQuestionnaires.answers(["governance.charter": .code("informal")], for: questionnaire))
        let driver = try #require(card.dimension("governance")?.drivers.first)
        #expect(
            DriverText(questionnaire: questionnaire, language: .french).effect(driver)
                == "« Des consignes orales » coûte 70 pt ; passer à « Une charte écrite » : +40 pt")
        #expect(
            DriverText(questionnaire: questionnaire, language: .english).effect(driver)
                == "“Oral guidelines” costs 70 pts; moving to “A written charter”: +40 pts")
    }

    @Test(arguments: [
        (1234567.25, LanguageCode.french, 1, false, "1\u{202F}234\u{202F}567,3"), (1234567.25, .english, 1, false, "1,234,567.3"),
        (40.0, .french, 1, false, "40"), (40.0, .french, 1, true, "40,0"), (-2.5, .english, 1, false, "−2.5"),
        (999.0, .french, 0, false, "999"),
    ])
    func numbersFollowTheReportLanguage(_ value: Double, _ language: LanguageCode, _ decimals: Int, _ fixed: Bool, _ expected: String) {
        #expect(LocalizedNumber.format(value, language, decimals: decimals, fixed: fixed) == expected)
    }

    /// The rows of a matrix are summed in one order: stored in dictionaries of other sizes
    /// (hence iterated in other orders), the same answer once scored 0.6 and once
    /// 0.6000000000000001.
    @Test func aMatrixScoresTheSameHoweverItsRowsAreStored() throws {
        let bundled = try TestQuestionnaires.bundled()
        let scorer = Scorer(questionnaire: bundled)
        let rows: [(OptionCode, AnswerValue)] = [
            ("audio", .number(3)), ("robotics", .code("na")), ("nlp_chatbots", .number(4)), ("decision", .number(3)),
            ("vision", .number(2)),
        ]
        var outcomes = Set<String>()
        for capacity in 5..<80 {
            var cells = [OptionCode: AnswerValue](minimumCapacity: capacity)
            for (row, value) in rows { cells[row] = value }
            let card = scorer.score(TestQuestionnaires.answers(["usage.technologies": .matrix(cells)], for: bundled))
            let score = card.dimension("usage")?.questions.first { $0.question == "usage.technologies" }?.outcome
            outcomes.insert("\(String(describing: score))")
        }
        #expect(outcomes == ["Optional(MaturityScoring.QuestionOutcome.scored(0.6))"])
    }
}
