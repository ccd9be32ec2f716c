/// Type-checks every expression of a decoded questionnaire and rejects cycles between caps.
struct ExpressionValidation {
    let questionnaire: Questionnaire
    let path: String
    var brokenQuestions: Set<String> = []

    func diagnostics() -> [Diagnostic] {
        var checker = ExpressionChecker(questionnaire: questionnaire)
        checker.broken = brokenQuestions
        var result: [Diagnostic] = []
        func check(_ expression: Expression, _ use: ExpressionUse) -> [DimensionID] {
            let (problems, read) = checker.check(expression, use: use)
            result += problems.map {
                Diagnostic(.error, path: path, at: expression.location(ofOffset: $0.offset), $0.message)
            }
            return read
        }
        var seen = Set<QuestionID>()
        for question in questionnaire.allQuestions where seen.insert(question.id).inserted {
            if let condition = question.condition { _ = check(condition, .condition(of: question.id)) }
        }
        var reads: [DimensionID: [(DimensionID, Cap)]] = [:]
        for cap in questionnaire.caps {
            for dimension in check(cap.condition, .cap(of: cap.dimension)) {
                reads[cap.dimension, default: []].append((dimension, cap))
            }
        }
        for rule in questionnaire.rules { _ = check(rule.condition, .rule) }
        result += cycles(reads)
        return result
    }

    /// A cap on dimension A that reads score(B) makes A depend on B; a cycle cannot be scored.
    private func cycles(_ reads: [DimensionID: [(DimensionID, Cap)]]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var reported = Set<CapID>()
        for cap in questionnaire.caps {
            for (target, _) in reads[cap.dimension] ?? [] where cap.condition.reads(target) {
                guard let path = pathBack(from: target, to: cap.dimension, reads: reads), !reported.contains(cap.id) else { continue }
                reported.insert(cap.id)
                let chain = ([cap.dimension] + path).map(\.rawValue).joined(separator: " → ")
                let message =
                    target == cap.dimension
                    ? "cap '\(cap.id)' on '\(cap.dimension)' reads the score or level of its own dimension, a cycle; a cap may only read other dimensions"
                    : "caps form a cycle: \(chain); a cap may only read dimensions that do not depend back on it"
                result.append(Diagnostic(.error, path: self.path, at: cap.condition.origin, message))
            }
        }
        return result
    }

    /// The dimensions from `start` back to `goal` through cap reads, if any.
    private func pathBack(from start: DimensionID, to goal: DimensionID, reads: [DimensionID: [(DimensionID, Cap)]]) -> [DimensionID]? {
        var queue: [[DimensionID]] = [[start]]
        var visited: Set<DimensionID> = [start]
        while !queue.isEmpty {
            let path = queue.removeFirst()
            guard let last = path.last else { continue }
            if last == goal { return path }
            for (next, _) in reads[last] ?? [] where !visited.contains(next) || next == goal {
                visited.insert(next)
                queue.append(path + [next])
            }
        }
        return nil
    }
}

extension Expression {
    /// Whether the expression reads `score(dimension)` or `level(dimension)`.
    func reads(_ dimension: DimensionID) -> Bool {
        var found = false
        root.visit { node in
            if case let .call(function, arguments, _) = node, function == .score || function == .level,
                case let .answer(name, _)? = arguments.first, name.rawValue == dimension.rawValue
            {
                found = true
            }
        }
        return found
    }
}
