/// Splits expression source into tokens. Identifiers may contain dots (`data.quality`).
struct ExpressionToken: Equatable {
    enum Kind: Equatable {
        case number(Double)
        case string(String)
        case identifier(String)
        case symbol(String)
        case end
    }

    var kind: Kind
    var offset: Int
}

struct ExpressionLexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ source: String) { scalars = Array(source.unicodeScalars) }

    mutating func tokenize() throws(ExpressionSyntaxError) -> [ExpressionToken] {
        var tokens: [ExpressionToken] = []
        while true {
            let token = try next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private mutating func next() throws(ExpressionSyntaxError) -> ExpressionToken {
        while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        let start = index
        guard index < scalars.count else { return ExpressionToken(kind: .end, offset: start) }
        let scalar = scalars[index]
        if scalar == "'" || scalar == "\"" { return try string(quote: scalar) }
        if isDigit(scalar) { return number() }
        if isIdentifierStart(scalar) {
            while index < scalars.count, isIdentifierPart(scalars[index]) { index += 1 }
            var text = String(String.UnicodeScalarView(scalars[start..<index]))
            while text.hasSuffix(".") {
                text.removeLast()
                index -= 1
            }
            return ExpressionToken(kind: .identifier(text), offset: start)
        }
        for symbol in ["==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/", "(", ")", ","]
        where matches(symbol) {
            index += symbol.unicodeScalars.count
            return ExpressionToken(kind: .symbol(symbol), offset: start)
        }
        if scalar == "=" {
            throw ExpressionSyntaxError(offset: start, message: "'=' is not an operator; write '==' to compare")
        }
        throw ExpressionSyntaxError(offset: start, message: "unexpected character '\(Character(scalar))'")
    }

    private mutating func string(quote: Unicode.Scalar) throws(ExpressionSyntaxError) -> ExpressionToken {
        let start = index
        index += 1
        var text = String.UnicodeScalarView()
        while index < scalars.count, scalars[index] != quote {
            text.append(scalars[index])
            index += 1
        }
        guard index < scalars.count else {
            throw ExpressionSyntaxError(offset: start, message: "unterminated string; close it with \(Character(quote))")
        }
        index += 1
        return ExpressionToken(kind: .string(String(text)), offset: start)
    }

    private mutating func number() -> ExpressionToken {
        let start = index
        while index < scalars.count, isDigit(scalars[index]) { index += 1 }
        if index + 1 < scalars.count, scalars[index] == ".", isDigit(scalars[index + 1]) {
            index += 1
            while index < scalars.count, isDigit(scalars[index]) { index += 1 }
        }
        let text = String(String.UnicodeScalarView(scalars[start..<index]))
        return ExpressionToken(kind: .number(Double(text) ?? 0), offset: start)
    }

    private func matches(_ symbol: String) -> Bool {
        let expected = Array(symbol.unicodeScalars)
        guard index + expected.count <= scalars.count else { return false }
        return Array(scalars[index..<index + expected.count]) == expected
    }

    private func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }

    private func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || isDigit(scalar) || scalar == "."
    }
}
