/// Where an expression is used decides what it may read.
public enum ExpressionUse: Sendable, Equatable {
    /// `when:` of a question: only answers of questions asked before it.
    case condition(of: QuestionID)
    /// `when:` of a cap on a dimension: answers and other dimensions' scores and levels.
    case cap(of: DimensionID)
    /// `when:` of a recommendation rule: anything.
    case rule
}

/// A problem found by the type checker, at an offset of the expression's source.
public struct ExpressionProblem: Sendable, Equatable {
    public var offset: Int
    public var message: String
}

/// Type-checks expressions against a questionnaire at load time.
struct ExpressionChecker {
    enum ValueType: Equatable {
        case number, bool, text, level, error
        case literal(String)
        case choice(QuestionID)
        case set(QuestionID)
        case matrix(QuestionID)
        case useCases(QuestionID)

        var name: String {
            switch self {
            case .number: "a number"
            case .bool: "true/false"
            case .text: "a text answer"
            case .level: "a level"
            case .error: "an invalid value"
            case .literal: "a string"
            case let .choice(id): "choice question '\(id)'"
            case let .set(id): "multiple-choice question '\(id)'"
            case let .matrix(id): "matrix question '\(id)'"
            case let .useCases(id): "use-case inventory '\(id)'"
            }
        }
    }

    let questions: [QuestionID: Question]
    let order: [QuestionID: Int]
    let dimensions: [DimensionID]
    let levels: [LevelID]
    /// Ids of questions that failed to decode: already reported, so references stay silent.
    var broken: Set<String> = []

    init(questionnaire: Questionnaire) {
        let all = questionnaire.allQuestions
        var byID: [QuestionID: Question] = [:]
        var order: [QuestionID: Int] = [:]
        for (index, question) in all.enumerated() where byID[question.id] == nil {
            byID[question.id] = question
            order[question.id] = index
        }
        questions = byID
        self.order = order
        dimensions = questionnaire.dimensions.map(\.id)
        levels = questionnaire.levels.map(\.id)
    }

    /// Problems found, and the dimensions whose score or level the expression reads.
    func check(_ expression: Expression, use: ExpressionUse) -> (problems: [ExpressionProblem], dimensionsRead: [DimensionID]) {
        var run = Run(checker: self, use: use)
        let type = run.typeOf(expression.root)
        if type != .bool && type != .error {
            run.report(
                expression.root.offset,
                "this expression gives \(type.name), but a condition must be true or false; compare it, for example '... >= 3' or '... == 'yes''"
            )
        }
        return (run.problems, run.dimensionsRead)
    }

    struct Run {
        let checker: ExpressionChecker
        let use: ExpressionUse
        var problems: [ExpressionProblem] = []
        var dimensionsRead: [DimensionID] = []

        mutating func report(_ offset: Int, _ message: String) {
            problems.append(ExpressionProblem(offset: offset, message: message))
        }

        mutating func typeOf(_ node: ExpressionNode) -> ValueType {
            switch node {
            case .number: return .number
            case let .string(value, _): return .literal(value)
            case .bool: return .bool
            case let .answer(id, at): return answerType(id, at: at)
            case let .call(function, arguments, at): return callType(function, arguments, at: at)
            case let .not(operand, at):
                return expect(operand, .bool, at: at, "'not' applies to true/false")
            case let .negate(operand, at):
                return expect(operand, .number, at: at, "'-' applies to numbers")
            case let .binary(op, lhs, rhs, at): return binaryType(op, lhs, rhs, at: at)
            }
        }

        private mutating func expect(_ node: ExpressionNode, _ wanted: ValueType, at: Int, _ rule: String) -> ValueType {
            let found = typeOf(node)
            if found != wanted && found != .error {
                report(node.offset, "\(rule), found \(found.name)")
                return .error
            }
            return found == .error ? .error : wanted
        }

        mutating func question(_ id: QuestionID, at: Int) -> Question? {
            guard let question = checker.questions[id] else {
                if checker.broken.contains(id.rawValue) { return nil }
                let hint = Suggestion.hint(for: id.rawValue, in: checker.questions.keys.map(\.rawValue))
                report(at, "unknown question '\(id)'\(hint)")
                return nil
            }
            if case let .condition(owner) = use, let mine = checker.order[owner],
                let theirs = checker.order[id], theirs >= mine
            {
                if id == owner {
                    report(
                        at, "the condition of '\(owner)' refers to its own answer; a condition may only use answers to earlier questions")
                } else {
                    report(
                        at,
                        "the condition of '\(owner)' refers to '\(id)', which is asked later; a condition may only use answers to earlier questions, so move '\(id)' before '\(owner)'"
                    )
                }
                return nil
            }
            return question
        }

        mutating func answerType(_ id: QuestionID, at: Int) -> ValueType {
            guard let question = question(id, at: at) else { return .error }
            switch question.kind {
            case .single, .yesPartlyNo: return .choice(id)
            case .multiple: return .set(id)
            case .scale, .number: return .number
            case .text: return .text
            case .matrix: return .matrix(id)
            case .useCases: return .useCases(id)
            }
        }
    }
}
