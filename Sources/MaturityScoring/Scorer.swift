import MaturityQuestionnaire

/// Scores answer sets against one questionnaire. Pure and deterministic.
public struct Scorer: Sendable {
    public let questionnaire: Questionnaire
    /// Whether each dimension lists its drivers (what holds it back, what would raise it) and
    /// the score of each of its questions. Batch imports, which store only scores and levels,
    /// leave them out.
    public var explains: Bool
    let caps: CapApplication
    /// Each question's compiled condition, by position in `allQuestions`.
    let conditions: [CompiledExpression?]
    /// What scoring reads of each question, by position in `allQuestions`.
    let questions: ScoredQuestions
    /// Positions in `allQuestions` of each dimension's questions.
    let ranges: [Range<Int>]

    public init(questionnaire: Questionnaire, explains: Bool = true) {
        self.questionnaire = questionnaire
        self.explains = explains
        caps = CapApplication(questionnaire: questionnaire)
        conditions = Visibility.conditions(of: questionnaire)
        questions = ScoredQuestions(questionnaire)
        var position = questionnaire.profile.count
        ranges = questionnaire.dimensions.map { dimension in
            defer { position += dimension.questions.count }
            return position..<position + dimension.questions.count
        }
    }

    public func score(_ answerSet: AnswerSet) -> ScoreCard {
        let ids = questionnaire.questionIDs
        let visibility = Visibility.counted(answerSet.values(in: ids), conditions: conditions)
        // Drivers read answers by id: made once per card, only when explaining.
        let byID = explains ? [QuestionID: AnswerValue](byPosition: visibility.answers, ids: ids) : [:]
        let raw = ranges.indices.map { rawScore($0, visibility, byID) }
        let dimensions = caps.apply(to: raw, answers: visibility.answers)
        var missing: [QuestionID] = []
        for index in ids.indices where questions.required[index] && visibility.answers[index] == nil && !visibility.hidden[index] {
            missing.append(ids[index])
        }
        return ScoreCard(
            questionnaire: QuestionnaireReference(questionnaire), overall: overall(dimensions), dimensions: dimensions,
            questionIDs: ids, hidden: visibility.hidden, countedAnswers: visibility.answers, missingRequired: missing)
    }

    /// Weighted mean of the visible, applicable, answered questions of the dimension at
    /// `index` in `dimensions`, before caps. Each question's score is kept when explaining.
    private func rawScore(_ index: Int, _ visibility: (answers: [AnswerValue?], hidden: [Bool]), _ byID: [QuestionID: AnswerValue])
        -> DimensionScore
    {
        var scores: [QuestionScore] = []
        if explains { scores.reserveCapacity(ranges[index].count) }
        var weighted = 0.0
        var weights = 0.0
        var applicable = 0
        var answered = 0
        var dontKnow: [QuestionID] = []
        for position in ranges[index] {
            let weight = questions.weights[position]
            let answer = visibility.answers[position]
            let outcome = answer == nil && visibility.hidden[position] ? .hidden : questions.outcome(position, answer)
            switch outcome {
            case .scored, .dontKnow:
                applicable += 1
                answered += 1
                weights += weight
                weighted += weight * (outcome.value ?? 0)
                if outcome == .dontKnow { dontKnow.append(questions.ids[position]) }
            case .unanswered: applicable += 1
            case .notApplicable, .hidden, .unscored: break
            }
            if explains { scores.append(QuestionScore(question: questions.ids[position], weight: weight, outcome: outcome)) }
        }
        let score = weights > 0 ? (100 * weighted / weights).rounded(toPlaces: 1) : nil
        // The dimension is read in place: copying it for its id alone cost every respondent.
        let drivers =
            explains
            ? Explainer(questionnaire: questionnaire).drivers(questionnaire.dimensions[index], scores, byID, totalWeight: weights) : []
        return DimensionScore(
            id: questionnaire.dimensions[index].id, rawScore: score, score: score,
            level: score.flatMap { questionnaire.levelID(forScore: $0) },
            coverage: applicable > 0 ? Double(answered) / Double(applicable) : 0, caps: [],
            dontKnow: dontKnow, drivers: drivers, questions: scores)
    }

    /// Weighted mean of the dimensions that have a score (`dimensions` in questionnaire
    /// order); the weakest is the first with the lowest score.
    private func overall(_ dimensions: [DimensionScore]) -> OverallScore {
        var weighted = 0.0
        var weights = 0.0
        var weakest: (index: Int, score: Double)?
        for index in dimensions.indices {
            guard let score = dimensions[index].score else { continue }
            let weight = questionnaire.dimensions[index].weight
            weighted += weight * score
            weights += weight
            if score < weakest?.score ?? .infinity { weakest = (index, score) }
        }
        let score = weights > 0 ? (weighted / weights).rounded(toPlaces: 1) : nil
        return OverallScore(
            score: score, level: score.flatMap { questionnaire.levelID(forScore: $0) }, weakest: weakest.map { dimensions[$0.index].id })
    }
}

/// What the scorer reads of each question of `allQuestions`, by position, gathered once per
/// questionnaire: reading them through each `Dimension` and `Question` copied both for every
/// question of every respondent of a batch import.
struct ScoredQuestions: Sendable {
    let ids: [QuestionID]
    let weights: [Double]
    let kinds: [QuestionKind]
    let scored: [Bool]
    let required: [Bool]
    /// The outcome of each option code given alone as the answer, as `QuestionScorer` finds
    /// it (first option of a repeated code first): single choices, yes/partly/no and the
    /// special options of scales and numbers are then one comparison of codes each.
    let codeOutcomes: [[(code: OptionCode, outcome: QuestionOutcome)]]

    init(_ questionnaire: Questionnaire) {
        let all = questionnaire.allQuestions
        ids = questionnaire.questionIDs
        weights = all.map(\.weight)
        kinds = all.map(\.kind)
        scored = all.map(\.isScored)
        required = all.map(\.required)
        codeOutcomes = all.map { question in
            question.kind.options.map { option in
                (option.code, QuestionScorer.outcome(question.kind, scored: question.isScored, .code(option.code)))
            }
        }
    }

    func outcome(_ position: Int, _ answer: AnswerValue?) -> QuestionOutcome {
        if case let .code(code)? = answer, let known = codeOutcomes[position].first(where: { $0.code == code }) {
            return known.outcome
        }
        return QuestionScorer.outcome(kinds[position], scored: scored[position], answer)
    }
}
