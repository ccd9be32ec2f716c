/// Evaluates type-checked expressions over answers and, once known, dimension scores and levels.
///
/// An unanswered question (or a special answer such as "don't know" where a number is read)
/// makes every comparison that reads it false, and `selected` false.
public struct ExpressionEvaluator: Sendable {
    public var questionnaire: Questionnaire
    public var answers: [QuestionID: AnswerValue]
    public var scores: [DimensionID: Double]
    public var levels: [DimensionID: LevelID]

    public init(
        questionnaire: Questionnaire, answers: [QuestionID: AnswerValue],
        scores: [DimensionID: Double] = [:], levels: [DimensionID: LevelID] = [:]
    ) {
        self.questionnaire = questionnaire
        self.answers = answers
        self.scores = scores
        self.levels = levels
    }

    enum Value: Equatable {
        case number(Double)
        case bool(Bool)
        case string(String)
        case choice(QuestionID, OptionCode)
        case level(LevelID)
        case missing
    }

    /// Whether a condition holds; a condition that cannot be decided is false.
    public func holds(_ expression: Expression) -> Bool {
        value(of: expression.root) == .bool(true)
    }

    func value(of node: ExpressionNode) -> Value {
        switch node {
        case let .number(value, _): return .number(value)
        case let .string(value, _): return .string(value)
        case let .bool(value, _): return .bool(value)
        case let .answer(id, _): return answerValue(id)
        case let .call(function, arguments, _): return call(function, arguments)
        case let .not(operand, _):
            if case let .bool(value) = value(of: operand) { return .bool(!value) }
            return .bool(true)
        case let .negate(operand, _):
            if case let .number(value) = value(of: operand) { return .number(-value) }
            return .missing
        case let .binary(op, lhs, rhs, _): return binary(op, lhs, rhs)
        }
    }

    private func answerValue(_ id: QuestionID) -> Value {
        switch answers[id] {
        case let .code(code)?:
            switch questionnaire.kind(of: id) {
            case .single?, .yesPartlyNo?: return .choice(id, code)
            default: return .missing
            }
        case let .number(value)?: return .number(value)
        case let .text(text)?: return .string(text)
        default: return .missing
        }
    }

    private func call(_ function: ExpressionFunction, _ arguments: [ExpressionNode]) -> Value {
        guard case let .answer(id, _)? = arguments.first else { return .missing }
        switch function {
        case .answered: return .bool(answers[id] != nil)
        case .count:
            switch answers[id] {
            case let .codes(codes)?: return .number(Double(codes.count))
            case let .useCases(items)?: return .number(Double(items.count))
            default: return .missing
            }
        case .selected:
            guard case let .string(code) = value(of: arguments[1]) else { return .missing }
            switch answers[id] {
            case let .code(chosen)?: return .bool(chosen.rawValue == code)
            case let .codes(chosen)?: return .bool(chosen.contains(OptionCode(code)))
            default: return .bool(false)
            }
        case .row:
            guard case let .string(row) = value(of: arguments[1]),
                case let .matrix(cells)? = answers[id], case let .number(value)? = cells[OptionCode(row)]
            else { return .missing }
            return .number(value)
        case .score:
            return scores[DimensionID(id.rawValue)].map(Value.number) ?? .missing
        case .level:
            return levels[DimensionID(id.rawValue)].map(Value.level) ?? .missing
        }
    }

    private func binary(_ op: BinaryOperator, _ lhs: ExpressionNode, _ rhs: ExpressionNode) -> Value {
        switch op {
        case .and:
            return .bool(value(of: lhs) == .bool(true) && value(of: rhs) == .bool(true))
        case .or:
            return .bool(value(of: lhs) == .bool(true) || value(of: rhs) == .bool(true))
        case .plus, .minus, .times, .divide:
            guard case let .number(a) = value(of: lhs), case let .number(b) = value(of: rhs) else { return .missing }
            switch op {
            case .plus: return .number(a + b)
            case .minus: return .number(a - b)
            case .times: return .number(a * b)
            default: return b == 0 ? .missing : .number(a / b)
            }
        default:
            let left = value(of: lhs)
            let right = value(of: rhs)
            if left == .missing || right == .missing { return .bool(false) }
            guard let order = compare(left, right) else { return .bool(op == .notEqual) }
            return .bool(op.accepts(order))
        }
    }

    /// -1, 0 or 1; nil when the values cannot be compared (missing answer, unknown option).
    private func compare(_ lhs: Value, _ rhs: Value) -> Int? {
        switch (lhs, rhs) {
        case let (.number(a), .number(b)): return a < b ? -1 : (a > b ? 1 : 0)
        case let (.string(a), .string(b)): return a < b ? -1 : (a > b ? 1 : 0)
        case let (.bool(a), .bool(b)): return a == b ? 0 : 1
        case let (.choice(id, code), .string(other)): return compareOptions(id, code.rawValue, other)
        case let (.string(other), .choice(id, code)): return compareOptions(id, code.rawValue, other).map { -$0 }
        case let (.level(level), .string(other)): return compareLevels(level.rawValue, other)
        case let (.string(other), .level(level)): return compareLevels(level.rawValue, other).map { -$0 }
        default: return nil
        }
    }

    private func compareOptions(_ id: QuestionID, _ lhs: String, _ rhs: String) -> Int? {
        if lhs == rhs { return 0 }
        guard let kind = questionnaire.kind(of: id),
            let a = kind.option(OptionCode(lhs)), let b = kind.option(OptionCode(rhs))
        else { return nil }
        if a.role != .regular || b.role != .regular { return nil }
        return a.score < b.score ? -1 : (a.score > b.score ? 1 : 0)
    }

    private func compareLevels(_ lhs: String, _ rhs: String) -> Int? {
        guard let a = questionnaire.rank(of: LevelID(lhs)), let b = questionnaire.rank(of: LevelID(rhs)) else { return nil }
        return a < b ? -1 : (a > b ? 1 : 0)
    }
}

extension BinaryOperator {
    func accepts(_ order: Int) -> Bool {
        switch self {
        case .equal: order == 0
        case .notEqual: order != 0
        case .less: order < 0
        case .lessOrEqual: order <= 0
        case .greater: order > 0
        case .greaterOrEqual: order >= 0
        default: false
        }
    }
}
