extension ExpressionChecker.Run {
    typealias ValueType = ExpressionChecker.ValueType

    mutating func callType(_ function: ExpressionFunction, _ arguments: [ExpressionNode], at: Int) -> ValueType {
        switch function {
        case .score, .level: return dimensionCall(function, arguments, at: at)
        case .selected, .answered, .count, .row: break
        }
        guard case let .answer(id, argumentAt)? = arguments.first else {
            report(
                arguments.first?.offset ?? at,
                "the first argument of \(function.rawValue) must be a question id; write \(function.signature)")
            return .error
        }
        guard let question = question(id, at: argumentAt) else { return .error }
        switch function {
        case .answered: return .bool
        case .count:
            switch question.kind {
            case .multiple, .useCases: return .number
            default:
                report(
                    argumentAt,
                    "count needs a multiple-choice question or a use-case inventory, but '\(id)' is a \(question.kind.typeName) question")
                return .error
            }
        case .selected:
            guard !question.kind.options.isEmpty else {
                report(argumentAt, "selected needs a question with options, but '\(id)' is a \(question.kind.typeName) question")
                return .error
            }
            return code(arguments[1], in: question.kind.options.map(\.code.rawValue), of: question, noun: "option") ? .bool : .error
        case .row:
            guard case let .matrix(rows, _, _) = question.kind else {
                report(argumentAt, "row needs a matrix question, but '\(id)' is a \(question.kind.typeName) question")
                return .error
            }
            return code(arguments[1], in: rows.map(\.code.rawValue), of: question, noun: "row") ? .number : .error
        case .score, .level: return .error
        }
    }

    /// Checks that `node` is a string literal naming one of `codes`.
    mutating func code(_ node: ExpressionNode, in codes: [String], of question: Question, noun: String) -> Bool {
        guard case let .string(value, at) = node else {
            report(node.offset, "expected a quoted \(noun) code of '\(question.id)', such as '\(codes.first ?? "code")'")
            return false
        }
        guard codes.contains(value) else {
            report(
                at,
                "unknown \(noun) '\(value)' for question '\(question.id)'\(Suggestion.hint(for: value, in: codes)) (\(noun)s: \(codes.uniqued().joined(separator: ", ")))"
            )
            return false
        }
        return true
    }

    private mutating func dimensionCall(_ function: ExpressionFunction, _ arguments: [ExpressionNode], at: Int) -> ValueType {
        guard case let .answer(name, argumentAt)? = arguments.first else {
            report(
                arguments.first?.offset ?? at, "the argument of \(function.rawValue) must be a dimension id; write \(function.signature)")
            return .error
        }
        let dimension = DimensionID(name.rawValue)
        guard checker.dimensions.contains(dimension) else {
            let hint = Suggestion.hint(for: name.rawValue, in: checker.dimensions.map(\.rawValue))
            report(argumentAt, "unknown dimension '\(name)'\(hint)")
            return .error
        }
        if case let .condition(owner) = use {
            report(
                at,
                "the condition of '\(owner)' uses \(function.rawValue)(\(name)), but conditions are evaluated during the interview, before any score exists; use answers to earlier questions"
            )
            return .error
        }
        dimensionsRead.append(dimension)
        return function == .score ? .number : .level
    }

    mutating func binaryType(_ op: BinaryOperator, _ lhs: ExpressionNode, _ rhs: ExpressionNode, at: Int) -> ValueType {
        if op == .and || op == .or {
            let left = expectBool(lhs, op)
            let right = expectBool(rhs, op)
            return left == .error || right == .error ? .error : .bool
        }
        let left = typeOf(lhs)
        let right = typeOf(rhs)
        if left == .error || right == .error { return .error }
        if op.isArithmetic {
            guard left == .number, right == .number else {
                let culprit = left == .number ? (rhs, right) : (lhs, left)
                report(culprit.0.offset, "'\(op.rawValue)' needs numbers, found \(culprit.1.name)")
                return .error
            }
            return .number
        }
        return comparisonType(op, (lhs, left), (rhs, right), at: at)
    }

    private mutating func expectBool(_ node: ExpressionNode, _ op: BinaryOperator) -> ValueType {
        let found = typeOf(node)
        if found != .bool && found != .error {
            report(node.offset, "'\(op.rawValue)' joins true/false conditions, found \(found.name); compare it first")
            return .error
        }
        return found
    }

    private mutating func comparisonType(
        _ op: BinaryOperator, _ lhs: (ExpressionNode, ValueType), _ rhs: (ExpressionNode, ValueType), at: Int
    ) -> ValueType {
        switch (lhs.1, rhs.1) {
        case (.number, .number), (.literal, .literal): return .bool
        case (.bool, .bool):
            return op.isOrdering ? mismatch(op, lhs.1, rhs.1, at: at) : .bool
        case let (.choice(id), .literal(code)), let (.literal(code), .choice(id)):
            let literal = lhs.1 == .literal(code) ? lhs.0 : rhs.0
            guard let question = checker.questions[id] else { return .error }
            let codes = question.kind.options.map(\.code.rawValue)
            return self.code(literal, in: codes, of: question, noun: "option") ? .bool : .error
        case let (.level, .literal(code)), let (.literal(code), .level):
            guard checker.levels.map(\.rawValue).contains(code) else {
                let offset = lhs.1 == .literal(code) ? lhs.0.offset : rhs.0.offset
                let known = checker.levels.map(\.rawValue)
                report(offset, "unknown level '\(code)'\(Suggestion.hint(for: code, in: known)) (levels: \(known.joined(separator: ", ")))")
                return .error
            }
            return .bool
        case (.text, .literal), (.literal, .text):
            return op.isOrdering ? mismatch(op, lhs.1, rhs.1, at: at) : .bool
        default:
            return mismatch(op, lhs.1, rhs.1, at: at)
        }
    }

    private mutating func mismatch(_ op: BinaryOperator, _ lhs: ValueType, _ rhs: ValueType, at: Int) -> ValueType {
        var message = "type mismatch: cannot compare \(lhs.name) with \(rhs.name) using '\(op.rawValue)'"
        if case let .choice(id) = lhs, rhs == .number, let first = checker.questions[id]?.kind.options.first {
            message += "; compare it with an option code such as '\(first.code)'"
        } else if case .set = lhs {
            message += "; use selected(question, 'option') or count(question)"
        }
        report(at, message)
        return .error
    }
}

extension Array where Element: Hashable {
    /// The elements in order, without repeats.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
