import MaturityQuestionnaire

/// Applies caps dimension by dimension, in an order where every dimension a cap reads is final
/// before the cap is evaluated (the loader has rejected cycles).
struct CapApplication {
    let questionnaire: Questionnaire
    let answers: [QuestionID: AnswerValue]

    func apply(to dimensions: [DimensionScore]) -> [DimensionScore] {
        var final: [DimensionID: DimensionScore] = [:]
        var evaluator = ExpressionEvaluator(questionnaire: questionnaire, answers: answers)
        for id in order() {
            guard var dimension = dimensions.first(where: { $0.id == id }) else { continue }
            for cap in questionnaire.caps where cap.dimension == id && evaluator.holds(cap.condition) {
                dimension = applying(cap, to: dimension)
            }
            final[id] = dimension
            evaluator.scores[id] = dimension.score
            evaluator.levels[id] = dimension.level
        }
        return dimensions.map { final[$0.id] ?? $0 }
    }

    /// Lowers the level to `maxLevel` when above it; the score becomes the top of that level
    /// (0.1 below its upper bound) so score and level stay consistent.
    private func applying(_ cap: Cap, to dimension: DimensionScore) -> DimensionScore {
        var result = dimension
        guard let max = questionnaire.level(cap.maxLevel), let maxRank = questionnaire.rank(of: cap.maxLevel) else { return result }
        let rank = dimension.level.flatMap { questionnaire.rank(of: $0) } ?? 0
        let binding = dimension.score != nil && rank > maxRank
        if binding, let score = dimension.score {
            result.score = Swift.min(score, (max.max - 0.1).rounded(toPlaces: 1))
            result.level = max.id
        }
        result.caps.append(AppliedCap(id: cap.id, maxLevel: cap.maxLevel, reason: cap.reason, binding: binding))
        return result
    }

    /// Dimensions in questionnaire order, moved after the dimensions their caps read.
    private func order() -> [DimensionID] {
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
