/// A parsed, type-checked expression of the questionnaire language (conditions, caps, rules).
///
/// ```
/// usage.accounts == 'personal' and not selected(gov.rules, 'no_client_data')
/// level(governance) <= 'experimentation' or score(data) < 40
/// ```
public struct Expression: Sendable, Equatable, CustomStringConvertible {
    /// The text as written in the questionnaire.
    public var source: String
    public var root: ExpressionNode
    /// Where the first character of `source` sits in the file.
    public var origin: SourceLocation

    public init(source: String, root: ExpressionNode, origin: SourceLocation = .start) {
        self.source = source
        self.root = root
        self.origin = origin
    }

    public var description: String { source }

    /// Parses `source`; throws `ExpressionSyntaxError` with the offset of the problem.
    public static func parse(_ source: String, origin: SourceLocation = .start) throws(ExpressionSyntaxError) -> Expression {
        var parser = ExpressionParser(source: source)
        return Expression(source: source, root: try parser.parseAll(), origin: origin)
    }

    /// The dimensions whose `score` or `level` the expression reads, in order, without repeats.
    public var dimensionsRead: [DimensionID] {
        var result: [DimensionID] = []
        root.visit { node in
            if case let .call(function, arguments, _) = node, function == .score || function == .level,
                case let .answer(name, _)? = arguments.first, !result.contains(DimensionID(name.rawValue))
            {
                result.append(DimensionID(name.rawValue))
            }
        }
        return result
    }

    /// Every question the expression reads, in order of appearance.
    public var referencedQuestions: [QuestionID] {
        var result: [QuestionID] = []
        root.visit { node in
            switch node {
            case let .answer(id, _): result.append(id)
            case let .call(_, arguments, _):
                if case let .answer(id, _)? = arguments.first { result.append(id) }
            default: break
            }
        }
        return result
    }
}

/// A node of the expression tree; `at` is the offset (in Unicode scalars) in the source.
public indirect enum ExpressionNode: Sendable, Equatable {
    case number(Double, at: Int)
    case string(String, at: Int)
    case bool(Bool, at: Int)
    /// A question id: the answer given to it.
    case answer(QuestionID, at: Int)
    /// A bare name passed to `score` or `level`.
    case call(ExpressionFunction, [ExpressionNode], at: Int)
    case not(ExpressionNode, at: Int)
    case negate(ExpressionNode, at: Int)
    case binary(BinaryOperator, ExpressionNode, ExpressionNode, at: Int)

    public var offset: Int {
        switch self {
        case let .number(_, at), let .string(_, at), let .bool(_, at), let .answer(_, at),
            let .call(_, _, at), let .not(_, at), let .negate(_, at), let .binary(_, _, _, at):
            at
        }
    }

    func visit(_ body: (ExpressionNode) -> Void) {
        body(self)
        switch self {
        case let .call(_, arguments, _): arguments.forEach { $0.visit(body) }
        case let .not(operand, _), let .negate(operand, _): operand.visit(body)
        case let .binary(_, lhs, rhs, _):
            lhs.visit(body)
            rhs.visit(body)
        default: break
        }
    }
}

public enum ExpressionFunction: String, Sendable, Equatable, CaseIterable {
    /// `selected(question, 'code')`: the option is chosen (single, multiple, yes/partly/no).
    case selected
    /// `answered(question)`: the question has an answer.
    case answered
    /// `count(question)`: options selected, or use cases listed.
    case count
    /// `row(question, 'row')`: the value of one matrix row.
    case row
    /// `score(dimension)`: the dimension's score, 0–100.
    case score
    /// `level(dimension)`: the dimension's level, compared with level ids in level order.
    case level

    var arity: Int {
        switch self {
        case .selected, .row: 2
        case .answered, .count, .score, .level: 1
        }
    }

    var signature: String {
        switch self {
        case .selected: "selected(question, 'option')"
        case .answered: "answered(question)"
        case .count: "count(question)"
        case .row: "row(question, 'row')"
        case .score: "score(dimension)"
        case .level: "level(dimension)"
        }
    }
}

public enum BinaryOperator: String, Sendable, Equatable {
    case and, or
    case equal = "==", notEqual = "!="
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case plus = "+", minus = "-", times = "*", divide = "/"

    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: true
        default: false
        }
    }

    var isOrdering: Bool { isComparison && self != .equal && self != .notEqual }

    var isArithmetic: Bool {
        switch self {
        case .plus, .minus, .times, .divide: true
        default: false
        }
    }
}

/// A syntax error at an offset of the expression's source.
public struct ExpressionSyntaxError: Error, Sendable, Equatable {
    public var offset: Int
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }
}
