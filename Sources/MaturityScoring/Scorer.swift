import MaturityQuestionnaire

/// Scores answer sets against one questionnaire. Pure and deterministic.
public struct Scorer: Sendable {
    public let questionnaire: Questionnaire
    /// Whether each dimension lists its drivers (what holds it back, what would raise it).
    /// Batch imports, which store only scores and levels, leave them out.
    public var explains: Bool
    let caps: CapApplication
    /// Each question's compiled condition, by position in `allQuestions`.
    let conditions: [CompiledExpression?]
    /// Position in `allQuestions` of each dimension's first question.
    let firstPositions: [Int]
    /// Whether each question of `allQuestions` counts in its dimension's score, by position.
    let scored: [Bool]

    public init(questionnaire: Questionnaire, explains: Bool = true) {
        self.questionnaire = questionnaire
        self.explains = explains
        caps = CapApplication(questionnaire: questionnaire)
        conditions = Visibility.conditions(of: questionnaire)
        scored = questionnaire.allQuestions.map(\.isScored)
        var position = questionnaire.profile.count
        firstPositions = questionnaire.dimensions.map { dimension in
            defer { position += dimension.questions.count }
            return position
        }
    }

    public func score(_ answerSet: AnswerSet) -> ScoreCard {
        let visibility = Visibility(questionnaire: questionnaire, answers: answerSet.answers, conditions: conditions)
        let raw = questionnaire.dimensions.indices.map { rawScore(questionnaire.dimensions[$0], from: firstPositions[$0], visibility) }
        let dimensions = caps.apply(to: raw, answers: visibility.answers)
        let all = questionnaire.allQuestions
        let missing = all.indices.compactMap { index -> QuestionID? in
            guard all[index].required && visibility.counted[index] == nil else { return nil }
            let id = all[index].id
            return visibility.hidden.contains(id) ? nil : id
        }
        return ScoreCard(
            questionnaire: QuestionnaireReference(questionnaire), overall: overall(dimensions),
            dimensions: dimensions, visibleQuestions: visibility.visible, answers: visibility.answers,
            missingRequired: missing)
    }

    /// Weighted mean of the visible, applicable, answered questions, before caps.
    /// `first` is the position of the dimension's first question in `allQuestions`.
    private func rawScore(_ dimension: Dimension, from first: Int, _ visibility: Visibility) -> DimensionScore {
        let questions = dimension.questions.indices.map { index in
            let id = dimension.questions[index].id
            let answer = visibility.counted[first + index]
            return QuestionScore(
                question: id, weight: dimension.questions[index].weight,
                outcome: answer == nil && visibility.hidden.contains(id)
                    ? .hidden : QuestionScorer.outcome(dimension.questions[index].kind, scored: scored[first + index], answer))
        }
        var weighted = 0.0
        var weights = 0.0
        var applicable = 0
        var answered = 0
        for item in questions {
            switch item.outcome {
            case .scored, .dontKnow:
                applicable += 1
                answered += 1
                weights += item.weight
                weighted += item.weight * (item.outcome.value ?? 0)
            case .unanswered: applicable += 1
            case .notApplicable, .hidden, .unscored: break
            }
        }
        let score = weights > 0 ? (100 * weighted / weights).rounded(toPlaces: 1) : nil
        let drivers =
            explains ? Explainer(questionnaire: questionnaire).drivers(dimension, questions, visibility.answers, totalWeight: weights) : []
        return DimensionScore(
            id: dimension.id, rawScore: score, score: score,
            level: score.flatMap { questionnaire.level(forScore: $0)?.id },
            coverage: applicable > 0 ? Double(answered) / Double(applicable) : 0, caps: [],
            dontKnow: questions.filter { $0.outcome == .dontKnow }.map(\.question), drivers: drivers,
            questions: questions)
    }

    /// Weighted mean of the dimensions that have a score; the weakest is the lowest score.
    private func overall(_ dimensions: [DimensionScore]) -> OverallScore {
        var weighted = 0.0
        var weights = 0.0
        for item in dimensions {
            guard let score = item.score, let weight = questionnaire.dimension(item.id)?.weight else { continue }
            weighted += weight * score
            weights += weight
        }
        let score = weights > 0 ? (weighted / weights).rounded(toPlaces: 1) : nil
        let weakest = dimensions.filter { $0.score != nil }.min { ($0.score ?? 0) < ($1.score ?? 0) }
        return OverallScore(score: score, level: score.flatMap { questionnaire.level(forScore: $0)?.id }, weakest: weakest?.id)
    }
}
