import MaturityQuestionnaire

/// Applies caps dimension by dimension, in an order where every dimension a cap reads is final
/// before the cap is evaluated (the loader has rejected cycles).
struct CapApplication: Sendable {
    let questionnaire: Questionnaire
    /// Every dimension (by position in `dimensions`), in evaluation order, with its caps (by
    /// position in `caps`); worked out once per questionnaire.
    let steps: [(dimension: Int, caps: [Int])]
    /// The caps' compiled conditions, by position in `questionnaire.caps`. Apart from the
    /// caps: iterating `(cap, condition)` pairs copied every cap for every respondent.
    let conditions: [CompiledExpression]

    init(questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        conditions = CompiledExpression.compile(questionnaire.caps.map(\.condition), in: questionnaire)
        steps = Self.order(questionnaire).compactMap { id in
            questionnaire.dimensions.firstIndex { $0.id == id }.map {
                ($0, questionnaire.caps.indices.filter { questionnaire.caps[$0].dimension == id })
            }
        }
    }

    /// `dimensions` come in questionnaire order; `answers` are the counted answers by position
    /// in `allQuestions`. A cap reads the scores and levels of the dimensions final before it.
    func apply(to dimensions: [DimensionScore], answers: [AnswerValue?]) -> [DimensionScore] {
        var result = dimensions
        var inputs = ExpressionInputs(
            answers: answers, scores: Array(repeating: nil, count: result.count), levels: Array(repeating: nil, count: result.count))
        for step in steps.indices where steps[step].dimension < result.count {
            let index = steps[step].dimension
            for cap in steps[step].caps where conditions[cap].holds(inputs) { apply(cap, to: &result[index]) }
            inputs.scores[index] = result[index].score
            inputs.levels[index] = result[index].level
        }
        return result
    }

    /// Lowers the level to the cap's `maxLevel` when above it; the score becomes the top of
    /// that level (0.1 below its upper bound) so score and level stay consistent.
    private func apply(_ position: Int, to dimension: inout DimensionScore) {
        let cap = questionnaire.caps[position]
        guard let max = questionnaire.level(cap.maxLevel), let maxRank = questionnaire.rank(of: cap.maxLevel) else { return }
        let rank = dimension.level.flatMap { questionnaire.rank(of: $0) } ?? 0
        let binding = dimension.score != nil && rank > maxRank
        if binding, let score = dimension.score {
            dimension.score = Swift.min(score, (max.max - 0.1).rounded(toPlaces: 1))
            dimension.level = max.id
        }
        dimension.caps.append(AppliedCap(id: cap.id, maxLevel: cap.maxLevel, reason: cap.reason, binding: binding))
    }

    /// Dimensions in questionnaire order, moved after the dimensions their caps read.
    private static func order(_ questionnaire: Questionnaire) -> [DimensionID] {
        var reads: [DimensionID: [DimensionID]] = [:]
        for cap in questionnaire.caps { reads[cap.dimension, default: []] += cap.condition.dimensionsRead }
        var result: [DimensionID] = []
        var visiting = Set<DimensionID>()
        func visit(_ id: DimensionID) {
            guard !result.contains(id), visiting.insert(id).inserted else { return }
            for dependency in reads[id] ?? [] { visit(dependency) }
            result.append(id)
        }
        questionnaire.dimensions.forEach { visit($0.id) }
        return result
    }
}
