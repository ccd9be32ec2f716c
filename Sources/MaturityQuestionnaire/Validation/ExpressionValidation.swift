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
        let capReads = questionnaire.caps.map { cap in (cap: cap, reads: check(cap.condition, .cap(of: cap.dimension))) }
        for rule in questionnaire.rules { _ = check(rule.condition, .rule) }
        result += cycles(capReads)
        return result
    }

    /// A cap on dimension A that reads score(B) makes A depend on B; a cycle cannot be scored.
    private func cycles(_ capReads: [(cap: Cap, reads: [DimensionID])]) -> [Diagnostic] {
        var graph: [DimensionID: Set<DimensionID>] = [:]
        for (cap, reads) in capReads { graph[cap.dimension, default: []].formUnion(reads) }
        return capReads.compactMap { cap, reads in
            let message: String
            if reads.contains(cap.dimension) {
                message =
                    "cap '\(cap.id)' on '\(cap.dimension)' reads the score or level of its own dimension, a cycle; a cap may only read other dimensions"
            } else if let path = reads.uniqued().lazy.compactMap({ path(from: $0, to: cap.dimension, in: graph) }).first {
                let chain = ([cap.dimension] + path).map(\.rawValue).joined(separator: " → ")
                message = "caps form a cycle: \(chain); a cap may only read dimensions that do not depend back on it"
            } else {
                return nil
            }
            return Diagnostic(.error, path: self.path, at: cap.condition.origin, message)
        }
    }

    /// The dimensions from `start` to `goal` along cap reads (breadth first), if any.
    private func path(from start: DimensionID, to goal: DimensionID, in graph: [DimensionID: Set<DimensionID>]) -> [DimensionID]? {
        var parent: [DimensionID: DimensionID] = [:]
        var queue = [start]
        var visited: Set<DimensionID> = [start]
        while let current = queue.first {
            queue.removeFirst()
            if current == goal {
                var path = [current]
                while let previous = parent[path[0]] { path.insert(previous, at: 0) }
                return path
            }
            for next in (graph[current] ?? []).sorted() where visited.insert(next).inserted {
                parent[next] = current
                queue.append(next)
            }
        }
        return nil
    }
}
