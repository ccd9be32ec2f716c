/// Recursive-descent parser. Precedence, loosest first:
/// `or`, `and`, `not`, comparisons, `+ -`, `* /`, unary `-`, primaries.
struct ExpressionParser {
    private let source: String
    private var tokens: [ExpressionToken] = []
    private var position = 0

    init(source: String) { self.source = source }

    mutating func parseAll() throws(ExpressionSyntaxError) -> ExpressionNode {
        var lexer = ExpressionLexer(source)
        tokens = try lexer.tokenize()
        if tokens.count == 1 {
            throw ExpressionSyntaxError(offset: 0, message: "empty expression")
        }
        let node = try parseOr()
        guard current.kind == .end else {
            throw ExpressionSyntaxError(
                offset: current.offset,
                message: "unexpected \(describe(current)) after a complete expression; join conditions with 'and' or 'or'")
        }
        return node
    }

    private var current: ExpressionToken { tokens[position] }

    private mutating func advance() -> ExpressionToken {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func isKeyword(_ word: String) -> Bool { current.kind == .identifier(word) }

    private func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

    private mutating func parseOr() throws(ExpressionSyntaxError) -> ExpressionNode {
        var node = try parseAnd()
        while isKeyword("or") {
            let token = advance()
            node = .binary(.or, node, try parseAnd(), at: token.offset)
        }
        return node
    }

    private mutating func parseAnd() throws(ExpressionSyntaxError) -> ExpressionNode {
        var node = try parseNot()
        while isKeyword("and") {
            let token = advance()
            node = .binary(.and, node, try parseNot(), at: token.offset)
        }
        return node
    }

    private mutating func parseNot() throws(ExpressionSyntaxError) -> ExpressionNode {
        if isKeyword("not") {
            let token = advance()
            return .not(try parseNot(), at: token.offset)
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ExpressionSyntaxError) -> ExpressionNode {
        let node = try parseAdditive()
        for symbol in ["==", "!=", "<=", ">=", "<", ">"] where isSymbol(symbol) {
            let token = advance()
            let rhs = try parseAdditive()
            if case .symbol(let next) = current.kind, ["==", "!=", "<=", ">=", "<", ">"].contains(next) {
                throw ExpressionSyntaxError(
                    offset: current.offset, message: "comparisons cannot be chained; join them with 'and'")
            }
            return .binary(BinaryOperator(rawValue: symbol) ?? .equal, node, rhs, at: token.offset)
        }
        return node
    }

    private mutating func parseAdditive() throws(ExpressionSyntaxError) -> ExpressionNode {
        var node = try parseMultiplicative()
        while isSymbol("+") || isSymbol("-") {
            let token = advance()
            let op: BinaryOperator = token.kind == .symbol("+") ? .plus : .minus
            node = .binary(op, node, try parseMultiplicative(), at: token.offset)
        }
        return node
    }

    private mutating func parseMultiplicative() throws(ExpressionSyntaxError) -> ExpressionNode {
        var node = try parseUnary()
        while isSymbol("*") || isSymbol("/") {
            let token = advance()
            let op: BinaryOperator = token.kind == .symbol("*") ? .times : .divide
            node = .binary(op, node, try parseUnary(), at: token.offset)
        }
        return node
    }

    private mutating func parseUnary() throws(ExpressionSyntaxError) -> ExpressionNode {
        if isSymbol("-") {
            let token = advance()
            return .negate(try parseUnary(), at: token.offset)
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(ExpressionSyntaxError) -> ExpressionNode {
        let token = advance()
        switch token.kind {
        case let .number(value): return .number(value, at: token.offset)
        case let .string(value): return .string(value, at: token.offset)
        case .symbol("("):
            let node = try parseOr()
            guard isSymbol(")") else {
                throw ExpressionSyntaxError(offset: current.offset, message: "expected ')' to close the '(' at offset \(token.offset + 1)")
            }
            _ = advance()
            return node
        case let .identifier(name):
            switch name {
            case "true": return .bool(true, at: token.offset)
            case "false": return .bool(false, at: token.offset)
            case "and", "or", "not":
                throw ExpressionSyntaxError(offset: token.offset, message: "expected a value before '\(name)'")
            default: break
            }
            if isSymbol("(") { return try parseCall(name, at: token.offset) }
            return .answer(QuestionID(name), at: token.offset)
        default:
            throw ExpressionSyntaxError(offset: token.offset, message: "expected a value, found \(describe(token))")
        }
    }

    private mutating func parseCall(_ name: String, at offset: Int) throws(ExpressionSyntaxError) -> ExpressionNode {
        guard let function = ExpressionFunction(rawValue: name) else {
            let known = ExpressionFunction.allCases.map(\.rawValue)
            throw ExpressionSyntaxError(
                offset: offset,
                message: "unknown function '\(name)'\(Suggestion.hint(for: name, in: known)) (functions: \(known.joined(separator: ", ")))")
        }
        _ = advance()
        var arguments: [ExpressionNode] = []
        if !isSymbol(")") {
            arguments.append(try parseOr())
            while isSymbol(",") {
                _ = advance()
                arguments.append(try parseOr())
            }
        }
        guard isSymbol(")") else {
            throw ExpressionSyntaxError(offset: current.offset, message: "expected ',' or ')' in the call to \(name)")
        }
        _ = advance()
        guard arguments.count == function.arity else {
            throw ExpressionSyntaxError(
                offset: offset,
                message:
                    "\(name) takes \(function.arity) argument\(function.arity == 1 ? "" : "s"), found \(arguments.count); write \(function.signature)"
            )
        }
        return .call(function, arguments, at: offset)
    }

    private func describe(_ token: ExpressionToken) -> String {
        switch token.kind {
        case let .number(value): "number \(value)"
        case let .string(value): "string '\(value)'"
        case let .identifier(name): "'\(name)'"
        case let .symbol(symbol): "'\(symbol)'"
        case .end: "end of expression"
        }
    }
}
