import MaturityQuestionnaire

/// Normalises one answer to 0–1 according to its question's type.
enum QuestionScorer {
    /// `scored` is the question's `isScored`: the kind alone is passed, because copying a whole
    /// `Question` for each answer of each respondent was measurable in batch imports.
    static func outcome(_ kind: QuestionKind, scored: Bool, _ answer: AnswerValue?) -> QuestionOutcome {
        guard scored else { return .unscored }
        guard let answer else { return .unanswered }
        if case let .code(code) = answer, let option = kind.option(code) {
            switch option.role {
            case .notApplicable: return .notApplicable
            case .dontKnow: return .dontKnow
            case .regular: break
            }
        }
        switch (kind, answer) {
        case let (.single(options), .code(code)), let (.yesPartlyNo(options), .code(code)):
            return options.first { $0.code == code }.map { .scored($0.score) } ?? .unanswered
        case let (.multiple(options), .codes(codes)):
            return multiple(options, codes)
        case let (.scale(scale, _), .number(value)):
            return .scored(scale.normalized(value))
        case let (.matrix(_, scale, special), .matrix(cells)):
            return matrix(scale, special, cells)
        case let (.number(spec, _), .number(value)):
            return .scored(spec.bands.first { $0.contains(value) }?.score ?? 0)
        default:
            return .unanswered
        }
    }

    /// Share of positive items; an exclusive "none" scores its own score (usually 0). One pass,
    /// without building the list of selected options (this runs for every multiple choice of
    /// every imported respondent).
    static func multiple(_ options: [ChoiceOption], _ codes: [OptionCode]) -> QuestionOutcome {
        var total = 0.0
        var selected = 0.0
        var notApplicable = false
        var dontKnow = false
        // Options and codes are read in place: copying each option (its code and label)
        // retained and released them for every option of every imported respondent.
        options.withUnsafeBufferPointer { options in
            codes.withUnsafeBufferPointer { codes in
                for index in options.indices {
                    if options[index].role == .regular && !options[index].exclusive { total += options[index].score }
                    guard codes.contains(where: { $0 == options[index].code }) else { continue }
                    switch options[index].role {
                    case .notApplicable: notApplicable = true
                    case .dontKnow: dontKnow = true
                    case .regular: selected += options[index].score
                    }
                }
            }
        }
        if notApplicable { return .notApplicable }
        if dontKnow { return .dontKnow }
        guard total > 0 else { return .scored(0) }
        return .scored(min(1, selected / total))
    }

    /// Mean of the rows; not-applicable rows are left out, don't-know rows count 0. Rows are
    /// summed in the order of their codes: in the dictionary's order, which changes from run
    /// to run, the sum could differ in its last bit (0.6 or 0.6000000000000001) and round
    /// differently.
    static func matrix(_ scale: Scale, _ special: [ChoiceOption], _ cells: [OptionCode: AnswerValue]) -> QuestionOutcome {
        var values: [Double] = []
        var dontKnow = false
        for row in cells.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            guard let cell = cells[row] else { continue }
            switch cell {
            case let .number(value): values.append(scale.normalized(value))
            case let .code(code):
                switch special.first(where: { $0.code == code })?.role {
                case .dontKnow?:
                    values.append(0)
                    dontKnow = true
                default: break
                }
            default: break
            }
        }
        if values.isEmpty { return cells.isEmpty ? .unanswered : (dontKnow ? .dontKnow : .notApplicable) }
        return .scored(values.reduce(0, +) / Double(values.count))
    }
}
