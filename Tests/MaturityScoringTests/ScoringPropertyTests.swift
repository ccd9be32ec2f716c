import MaturityQuestionnaire
import MaturityScoring
import MaturityTestSupport
import Testing

/// Properties over many random answer sets of the bundled questionnaire (seeded, replayable).
@Suite struct ScoringPropertyTests {

    let questionnaire: Questionnaire
    let scorer: Scorer

    init() throws {
        questionnaire = try TestQuestionnaires.bundled()
        scorer = Scorer(questionnaire: questionnaire)
    }

    /// A random, valid answer for a question, or nil (unanswered) one time in ten.
    static func randomAnswer(_ question: Question, _ rng: inout SplitMix) -> AnswerValue? {
        if Int.random(in: 0..<10, using: &rng) == 0 { return nil }
        switch question.kind {
        case let .single(options), let .yesPartlyNo(options):
            return options.randomElement(using: &rng).map { .code($0.code) }
        case let .multiple(options):
            let regular = options.filter { !$0.exclusive && $0.role == .regular }
            if Int.random(in: 0..<6, using: &rng) == 0, let none = options.first(where: \.exclusive) { return .codes([none.code]) }
            return .codes(regular.filter { _ in Bool.random(using: &rng) }.map(\.code))
        case let .scale(scale, special):
            if let code = special.first?.code, Int.random(in: 0..<8, using: &rng) == 0 { return .code(code) }
            return .number(Double(Int.random(in: scale.min...scale.max, using: &rng)))
        case let .matrix(rows, scale, special):
            var cells: [OptionCode: AnswerValue] = [:]
            for row in rows {
                if let code = special.first?.code, Int.random(in: 0..<5, using: &rng) == 0 {
                    cells[row.code] = .code(code)
                } else {
                    cells[row.code] = .number(Double(Int.random(in: scale.min...scale.max, using: &rng)))
                }
            }
            return .matrix(cells)
        case let .number(spec, _):
            let low = spec.min ?? 0
            return .number(Double.random(in: low...(spec.max ?? low + 100), using: &rng).rounded())
        case .text: return .text("t")
        case .useCases: return .useCases([])
        }
    }

    func randomAnswers(_ seed: UInt64) -> [QuestionID: AnswerValue] {
        var rng = SplitMix(state: seed)
        var answers: [QuestionID: AnswerValue] = [:]
        for question in questionnaire.allQuestions { answers[question.id] = Self.randomAnswer(question, &rng) }
        return answers
    }

    func card(_ answers: [QuestionID: AnswerValue]) -> ScoreCard {
        scorer.score(TestQuestionnaires.answers(answers, for: questionnaire))
    }

    @Test func scoresStayWithinZeroToHundredAndCoverageWithinZeroToOne() {
        for seed in 0..<200 as Range<UInt64> {
            let card = card(randomAnswers(seed))
            for dimension in card.dimensions {
                #expect((0...100).contains(dimension.score ?? 0) && (0...100).contains(dimension.rawScore ?? 0))
                #expect((0...1).contains(dimension.coverage))
                #expect((dimension.score ?? 0) <= (dimension.rawScore ?? 0))
                if let score = dimension.score, dimension.caps.allSatisfy({ !$0.binding }) {
                    #expect(dimension.level == questionnaire.level(forScore: score)?.id)
                }
            }
            #expect((0...100).contains(card.overall.score ?? 0))
        }
    }

    @Test func improvingOneAnswerNeverLowersItsDimension() {
        for seed in 0..<60 as Range<UInt64> {
            let answers = randomAnswers(seed)
            let before = card(answers)
            for question in questionnaire.scoredQuestions {
                guard case let .single(options) = question.kind, case let .code(code)? = answers[question.id],
                    let current = options.first(where: { $0.code == code }), current.role == .regular,
                    let better = options.filter({ $0.role == .regular && $0.score > current.score }).first
                else { continue }
                var improved = answers
                improved[question.id] = .code(better.code)
                guard let dimension = question.dimension else { continue }
                let old = before.dimension(dimension)?.rawScore ?? 0
                let new = card(improved).dimension(dimension)?.rawScore ?? 0
                #expect(new >= old, "seed \(seed), \(question.id): \(old) → \(new)")
            }
        }
    }

    @Test func notApplicableOnlyRemovesTheQuestion() throws {
        let question = try #require(questionnaire.question("governance.transparency"))
        for seed in 0..<40 as Range<UInt64> {
            var answers = randomAnswers(seed)
            answers[question.id] = .code("no_such_use")
            var removed = questionnaire
            removed.dimensions = removed.dimensions.map { dimension in
                var copy = dimension
                copy.questions.removeAll { $0.id == question.id }
                return copy
            }
            var without = answers
            without[question.id] = nil
            let expected = Scorer(questionnaire: removed).score(TestQuestionnaires.answers(without, for: removed))
            #expect(card(answers).dimension("governance")?.rawScore == expected.dimension("governance")?.rawScore)
        }
    }

    @Test func hidingAQuestionRemovesTheEffectOfItsAnswer() {
        for seed in 0..<40 as Range<UInt64> {
            var answers = randomAnswers(seed)
            answers["usage.owner_frequency"] = .code("never")
            answers["usage.staff_share"] = .code("none")
            var other = answers
            answers["usage.integration"] = .code("integrated")
            other["usage.integration"] = .code("copy_paste")
            #expect(card(answers).dimension("usage") == card(other).dimension("usage"))
            #expect(!card(answers).visibleQuestions.contains("usage.integration"))
        }
    }

    @Test func sameInputGivesTheSameCard() {
        let answers = randomAnswers(42)
        #expect(card(answers) == card(answers))
    }
}

/// The scorer compiles the conditions once, by question position: it must hide and keep
/// exactly what computing visibility on its own does.
@Suite struct CompiledConditionTests {
    let questionnaire: Questionnaire
    let scorer: Scorer
    let properties: ScoringPropertyTests

    init() throws {
        questionnaire = try TestQuestionnaires.bundled()
        scorer = Scorer(questionnaire: questionnaire)
        properties = try ScoringPropertyTests()
    }

    @Test func visibilityIsTheSameThroughTheScorerAndOnItsOwn() {
        var hidden = 0
        for seed in UInt64(200)..<260 {
            let answers = properties.randomAnswers(seed)
            let card = scorer.score(TestQuestionnaires.answers(answers, for: questionnaire))
            let visibility = Visibility(questionnaire: questionnaire, answers: answers)
            #expect(card.visibleQuestions == visibility.visible && card.answers == visibility.answers)
            hidden += visibility.hidden.count
        }
        #expect(hidden > 0)
    }
}
