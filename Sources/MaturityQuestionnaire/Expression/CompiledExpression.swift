/// An expression resolved against its questionnaire once, to be evaluated over many answer
/// sets: the position of each question and dimension it reads, which questions are choices,
/// the scores and roles of their options, the rank of each level and the identifiers built
/// from literal texts are all worked out when it is compiled, not at every evaluation (the
/// scorer and the planner compile theirs once per questionnaire). Evaluation reads answers,
/// scores and levels by position (`ExpressionInputs`): no identifier is hashed.
///
/// Semantics: an unanswered question, or a value of the wrong type, makes a comparison
/// false (`!=` true when both sides are known but cannot be ordered, such as an unknown
/// option); `not` of a non-boolean is true; choices compare by option score, special options
/// (not applicable, don't know) with nothing; levels compare in level order.
public struct CompiledExpression: Sendable {
    let root: Node
    /// The rank of each level id, for comparing `level(...)` with a level's id.
    let levelRanks: [LevelID: Int]

    public init(_ expression: Expression, in questionnaire: Questionnaire) {
        self = Self.compile([expression], in: questionnaire)[0]
    }

    /// Whether the condition holds; a condition that cannot be decided is false.
    public func holds(_ inputs: ExpressionInputs) -> Bool {
        inputs.isTrue(root, levelRanks)
    }

    /// Compiles every expression of a list against the same questionnaire.
    public static func compile(_ expressions: [Expression], in questionnaire: Questionnaire) -> [CompiledExpression] {
        let tables = Tables(questionnaire)
        return expressions.map { CompiledExpression(root: Node($0.root, tables), levelRanks: tables.levelRanks) }
    }

    private init(root: Node, levelRanks: [LevelID: Int]) {
        self.root = root
        self.levelRanks = levelRanks
    }
}

/// What conditions read, by position: the answer to each question of `allQuestions`, and the
/// score and level of each of `dimensions`. Nil (or a position past the end) is unknown:
/// unanswered, hidden, or a dimension not scored yet.
public struct ExpressionInputs: Sendable {
    public var answers: [AnswerValue?]
    public var scores: [Double?]
    public var levels: [LevelID?]

    public init(answers: [AnswerValue?], scores: [Double?] = [], levels: [LevelID?] = []) {
        self.answers = answers
        self.scores = scores
        self.levels = levels
    }

    /// Inputs given by identifier; those `questionnaire` does not have are left out.
    public init(
        _ questionnaire: Questionnaire, answers: [QuestionID: AnswerValue], scores: [DimensionID: Double] = [:],
        levels: [DimensionID: LevelID] = [:]
    ) {
        self.answers = questionnaire.allQuestions.map { answers[$0.id] }
        self.scores = questionnaire.dimensions.map { scores[$0.id] }
        self.levels = questionnaire.dimensions.map { levels[$0.id] }
    }

    func answer(_ position: Int) -> AnswerValue? { Self.at(position, answers) }

    /// The value at `index`, nil past either end.
    static func at<T>(_ index: Int, _ values: [T?]) -> T? { values.indices.contains(index) ? values[index] : nil }
}

extension CompiledExpression.Node {
    /// This node, where it is a literal compared with the answer to the choice question
    /// `other` reads, carrying its option there (`Text.choice`).
    func resolving(_ other: Self, _ tables: CompiledExpression.Tables) -> Self {
        guard case let .constant(.text(text)) = self, case let .answer(_, choices?) = other else { return self }
        return .constant(.text(CompiledExpression.Text(text.string, levelRanks: tables.levelRanks, choices: choices)))
    }
}

extension CompiledExpression {
    /// What compiling reads from the questionnaire, shared by the nodes of one compilation.
    struct Tables {
        let questionnaire: Questionnaire
        let levelRanks: [LevelID: Int]

        init(_ questionnaire: Questionnaire) {
            self.questionnaire = questionnaire
            levelRanks = Dictionary(questionnaire.levels.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        }

        /// Position of a question in `allQuestions`; -1, never answered, for one it lacks.
        func position(_ id: QuestionID) -> Int { questionnaire.position(of: id) ?? -1 }

        /// Position of a dimension in `dimensions`; -1, never scored, for one it lacks.
        func dimension(_ id: QuestionID) -> Int { questionnaire.dimensions.firstIndex { $0.id.rawValue == id.rawValue } ?? -1 }

        /// The options of a single choice or yes/partly/no question: its answers compare by
        /// option score.
        func choices(_ id: QuestionID) -> Choices? {
            switch questionnaire.kind(of: id) {
            case let .single(options)?, let .yesPartlyNo(options)?: Choices(options)
            default: nil
            }
        }
    }

    /// The options of one choice question by code (the first one when a code repeats, as
    /// `QuestionKind.option` finds it): whether each is a regular option, and its score.
    final class Choices: Sendable {
        let options: [OptionCode: (regular: Bool, score: Double)]

        init(_ options: [ChoiceOption]) {
            self.options = Dictionary(
                options.map { ($0.code, ($0.role == .regular, $0.score)) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// A text with the option code and level it may be compared with, made once for literals
    /// and on demand for text answers. A class: values are copied at every step of an
    /// evaluation, and one reference is cheaper to copy than three strings.
    final class Text: Sendable {
        let string: String
        let option: OptionCode
        /// The rank of the level whose id is this text, if one is.
        let levelRank: Int?
        /// A literal compared with the answer to a choice question: its option there, looked
        /// up when compiling instead of at each comparison.
        let choice: (regular: Bool, score: Double)?

        init(_ string: String, levelRanks: [LevelID: Int], choices: Choices? = nil) {
            self.string = string
            option = OptionCode(string)
            levelRank = levelRanks[LevelID(string)]
            choice = choices?.options[option]
        }
    }

    enum Value: Sendable {
        case number(Double)
        case bool(Bool)
        case text(Text)
        case choice(OptionCode, Choices)
        /// A dimension's level, by rank (nil for a level the questionnaire lacks).
        case level(rank: Int?)
        case missing
    }

    /// Questions are read by position in `allQuestions`, dimensions by position in `dimensions`.
    indirect enum Node: Sendable {
        case constant(Value)
        /// The answer to a question; `choices` when it is a single choice or yes/partly/no.
        case answer(Int, choices: Choices?)
        case answered(Int)
        case count(Int)
        case selected(Int, Node)
        case row(Int, Node)
        case score(Int)
        case level(Int)
        case not(Node)
        case negate(Node)
        case and(Node, Node)
        case or(Node, Node)
        case arithmetic(BinaryOperator, Node, Node)
        case comparison(BinaryOperator, Node, Node)

        init(_ node: ExpressionNode, _ tables: Tables) {
            switch node {
            case let .number(value, _): self = .constant(.number(value))
            case let .string(value, _): self = .constant(.text(Text(value, levelRanks: tables.levelRanks)))
            case let .bool(value, _): self = .constant(.bool(value))
            case let .answer(id, _): self = .answer(tables.position(id), choices: tables.choices(id))
            case let .call(function, arguments, _):
                guard case let .answer(id, _)? = arguments.first else {
                    self = .constant(.missing)
                    return
                }
                let second = { Node(arguments[1], tables) }
                switch function {
                case .answered: self = .answered(tables.position(id))
                case .count: self = .count(tables.position(id))
                case .selected: self = .selected(tables.position(id), second())
                case .row: self = .row(tables.position(id), second())
                case .score: self = .score(tables.dimension(id))
                case .level: self = .level(tables.dimension(id))
                }
            case let .not(operand, _): self = .not(Node(operand, tables))
            case let .negate(operand, _): self = .negate(Node(operand, tables))
            case let .binary(op, lhs, rhs, _):
                let (left, right) = (Node(lhs, tables), Node(rhs, tables))
                switch op {
                case .and: self = .and(left, right)
                case .or: self = .or(left, right)
                case .plus, .minus, .times, .divide: self = .arithmetic(op, left, right)
                default: self = .comparison(op, left.resolving(right, tables), right.resolving(left, tables))
                }
            }
        }
    }
}

/// Evaluation, over the inputs in place (no copy of their arrays per condition).
extension ExpressionInputs {
    typealias Value = CompiledExpression.Value
    typealias Node = CompiledExpression.Node

    func isTrue(_ node: Node, _ ranks: [LevelID: Int]) -> Bool {
        if case .bool(true) = value(node, ranks) { return true }
        return false
    }

    func value(_ node: Node, _ ranks: [LevelID: Int]) -> Value {
        switch node {
        case let .constant(value): return value
        case let .answer(position, choices):
            switch answer(position) {
            case let .code(code)?: return choices.map { .choice(code, $0) } ?? .missing
            case let .number(value)?: return .number(value)
            case let .text(text)?: return .text(CompiledExpression.Text(text, levelRanks: ranks))
            default: return .missing
            }
        case let .answered(position): return .bool(answer(position) != nil)
        case let .count(position):
            switch answer(position) {
            case let .codes(codes)?: return .number(Double(codes.count))
            case let .useCases(items)?: return .number(Double(items.count))
            default: return .missing
            }
        case let .selected(position, code):
            guard case let .text(code) = value(code, ranks) else { return .missing }
            switch answer(position) {
            case let .code(chosen)?: return .bool(chosen.rawValue == code.string)
            case let .codes(chosen)?: return .bool(chosen.contains(code.option))
            default: return .bool(false)
            }
        case let .row(position, row):
            guard case let .text(row) = value(row, ranks), case let .matrix(cells)? = answer(position),
                case let .number(value)? = cells[row.option]
            else { return .missing }
            return .number(value)
        case let .score(index): return Self.at(index, scores).map(Value.number) ?? .missing
        case let .level(index): return Self.at(index, levels).map { .level(rank: ranks[$0]) } ?? .missing
        case let .not(operand):
            if case let .bool(value) = value(operand, ranks) { return .bool(!value) }
            return .bool(true)
        case let .negate(operand):
            if case let .number(value) = value(operand, ranks) { return .number(-value) }
            return .missing
        case let .and(lhs, rhs): return .bool(isTrue(lhs, ranks) && isTrue(rhs, ranks))
        case let .or(lhs, rhs): return .bool(isTrue(lhs, ranks) || isTrue(rhs, ranks))
        case let .arithmetic(op, lhs, rhs):
            guard case let .number(a) = value(lhs, ranks), case let .number(b) = value(rhs, ranks) else { return .missing }
            switch op {
            case .plus: return .number(a + b)
            case .minus: return .number(a - b)
            case .times: return .number(a * b)
            default: return b == 0 ? .missing : .number(a / b)
            }
        case let .comparison(op, lhs, rhs):
            let (left, right) = (value(lhs, ranks), value(rhs, ranks))
            if case .missing = left { return .bool(false) }
            if case .missing = right { return .bool(false) }
            guard let order = compare(left, right, ranks) else { return .bool(op == .notEqual) }
            return .bool(op.accepts(order))
        }
    }

    /// -1, 0 or 1; nil when the values cannot be compared (unknown option or level).
    private func compare(_ lhs: Value, _ rhs: Value, _ ranks: [LevelID: Int]) -> Int? {
        switch (lhs, rhs) {
        case let (.number(a), .number(b)): return order(a, b)
        case let (.text(a), .text(b)): return order(a.string, b.string)
        case let (.bool(a), .bool(b)): return a == b ? 0 : 1
        case let (.choice(code, choices), .text(other)): return compare(code, other, choices)
        case let (.text(other), .choice(code, choices)): return compare(code, other, choices).map { -$0 }
        case let (.level(rank), .text(other)): return compare(rank, other)
        case let (.text(other), .level(rank)): return compare(rank, other).map { -$0 }
        default: return nil
        }
    }

    private func compare(_ code: OptionCode, _ other: CompiledExpression.Text, _ choices: CompiledExpression.Choices) -> Int? {
        if code.rawValue == other.string { return 0 }
        guard let a = choices.options[code], let b = other.choice ?? choices.options[other.option], a.regular, b.regular else {
            return nil
        }
        return order(a.score, b.score)
    }

    private func compare(_ rank: Int?, _ other: CompiledExpression.Text) -> Int? {
        guard let a = rank, let b = other.levelRank else { return nil }
        return order(a, b)
    }

    private func order<T: Comparable>(_ a: T, _ b: T) -> Int { a < b ? -1 : (a > b ? 1 : 0) }
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
