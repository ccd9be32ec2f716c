import MaturityQuestionnaire

/// Finds, per dimension, the answers that cost the most points and the next answer up.
struct Explainer {
    let questionnaire: Questionnaire
    static let limit = 3

    func drivers(
        _ dimension: Dimension, _ scores: [QuestionScore], _ answers: [QuestionID: AnswerValue], totalWeight: Double
    ) -> [Driver] {
        guard totalWeight > 0 else { return [] }
        var result: [Driver] = []
        for (question, item) in zip(dimension.questions, scores) {
            guard let current = item.outcome.value, let answer = answers[question.id], current < 1 else { continue }
            let share = 100 * question.weight / totalWeight
            let improvement = next(question, answer, current: current).map { target, value in
                Improvement(target: target, gain: (share * (value - current)).rounded(toPlaces: 1))
            }
            result.append(
                Driver(
                    question: question.id, answer: answer, score: current, dontKnow: item.outcome == .dontKnow,
                    lostPoints: (share * (1 - current)).rounded(toPlaces: 1), improvement: improvement))
        }
        let ranked = result.enumerated().sorted { lhs, rhs in
            (-lhs.element.lostPoints, lhs.offset) < (-rhs.element.lostPoints, rhs.offset)
        }
        return ranked.prefix(Self.limit).map(\.element).filter { $0.lostPoints > 0 }
    }

    /// The next answer up and its normalised score.
    func next(_ question: Question, _ answer: AnswerValue, current: Double) -> (Improvement.Target, Double)? {
        switch (question.kind, answer) {
        case let (.single(options), _), let (.yesPartlyNo(options), _):
            return options.filter { $0.role == .regular && $0.score > current }
                .min { $0.score < $1.score }.map { (.option($0.code), $0.score) }
        case let (.scale(scale, _), .number(value)):
            let point = Int(value) + 1
            return point <= scale.max ? (.point(point), scale.normalized(Double(point))) : nil
        case let (.scale(scale, _), .code):
            return (.point(scale.min + 1), scale.normalized(Double(scale.min + 1)))
        case let (.multiple(options), .codes(codes)):
            return nextMultiple(options, codes)
        case let (.matrix(_, scale, special), .matrix(cells)):
            return nextRow(scale, special, cells, current: current)
        case let (.number(spec, _), _):
            return spec.bands.filter { $0.score > current && $0.min != nil }
                .min { $0.score < $1.score }.flatMap { band in band.min.map { (.atLeast($0), band.score) } }
        default:
            return nil
        }
    }

    private func nextMultiple(_ options: [ChoiceOption], _ codes: [OptionCode]) -> (Improvement.Target, Double)? {
        let kept = codes.filter { code in options.first { $0.code == code }?.exclusive != true }
        guard
            let best = options.filter({ $0.role == .regular && !$0.exclusive && $0.score > 0 && !kept.contains($0.code) })
                .max(by: { $0.score < $1.score })
        else { return nil }
        guard case let .scored(value) = QuestionScorer.multiple(options, kept + [best.code]) else { return nil }
        return (.add(best.code), value)
    }

    private func nextRow(_ scale: Scale, _ special: [ChoiceOption], _ cells: [OptionCode: AnswerValue], current: Double) -> (
        Improvement.Target, Double
    )? {
        let rated = cells.compactMap { row, cell -> (OptionCode, Double)? in
            if case let .number(value) = cell { return (row, value) }
            return nil
        }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let (row, value) = rated.first, Int(value) < scale.max else { return nil }
        // The row mean counts rated rows and don't-know rows (0), not the not-applicable ones.
        let counted =
            rated.count
            + cells.values.count { cell in
                if case let .code(code) = cell { return special.first { $0.code == code }?.role == .dontKnow }
                return false
            }
        let step = (scale.normalized(value + 1) - scale.normalized(value)) / Double(counted)
        return (.row(row, Int(value) + 1), current + step)
    }
}
