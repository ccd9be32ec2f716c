import MaturityQuestionnaire

/// Per-dimension change between two waves. With the same questionnaire version the scores are
/// compared as they are; across versions both waves are re-scored on the questions they share
/// (same id and type), so a new or removed question never shows up as progress.
public struct WaveComparison: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        public var dimension: DimensionID
        public var before: Double?
        public var after: Double?
        public var delta: Double? {
            guard let before, let after else { return nil }
            return (after - before).rounded(toPlaces: 1)
        }
    }

    public var sameVersion: Bool
    /// Scored questions both waves can be compared on.
    public var commonQuestions: Int
    public var changes: [Change]

    public init(before: (Questionnaire, AnswerSet), after: (Questionnaire, AnswerSet)) {
        sameVersion = before.0.sha256 == after.0.sha256
        var first = before.0
        var second = after.0
        if !sameVersion {
            let kinds = Dictionary(
                first.scoredQuestions.filter(\.isScored).map { ($0.id, $0.kind.typeName) }, uniquingKeysWith: { a, _ in a })
            let common = Set(second.scoredQuestions.filter { $0.isScored && kinds[$0.id] == $0.kind.typeName }.map(\.id))
            first = Self.restricted(first, to: common)
            second = Self.restricted(second, to: common)
        }
        commonQuestions =
            Set(first.scoredQuestions.filter(\.isScored).map(\.id))
            .intersection(second.scoredQuestions.filter(\.isScored).map(\.id)).count
        let old = Scorer(questionnaire: first).score(before.1)
        let new = Scorer(questionnaire: second).score(after.1)
        changes = second.dimensions.map { dimension in
            Change(dimension: dimension.id, before: old.dimension(dimension.id)?.score, after: new.dimension(dimension.id)?.score)
        }
    }

    static func restricted(_ questionnaire: Questionnaire, to questions: Set<QuestionID>) -> Questionnaire {
        var copy = questionnaire
        copy.dimensions = copy.dimensions.map { dimension in
            var kept = dimension
            kept.questions = dimension.questions.filter { !$0.isScored || questions.contains($0.id) }
            return kept
        }
        return copy
    }
}
