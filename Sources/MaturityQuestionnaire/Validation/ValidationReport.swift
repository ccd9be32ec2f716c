import Foundation

/// What `maturity validate` prints for one file: diagnostics, then a one-line summary.
public struct ValidationReport: Sendable, Equatable, Codable {
    public struct Summary: Sendable, Equatable, Codable {
        public var id: String
        public var version: String
        public var questions: Int
        public var scoredQuestions: Int
        public var profileQuestions: Int
        public var dimensions: Int
        public var levels: Int
        public var rules: Int
        public var caps: Int
        public var languages: [String]
    }

    public var path: String
    public var valid: Bool
    /// Set when the file was readable, even with errors.
    public var sha256: String?
    public var summary: Summary?
    public var diagnostics: [Diagnostic]
    /// A file-level failure (missing, directory, empty, binary).
    public var failure: String?

    public init(path: String, result: LoadResult) {
        self.path = path
        valid = !result.diagnostics.hasErrors && result.questionnaire != nil
        sha256 = result.sha256
        diagnostics = result.diagnostics
        summary = result.questionnaire.map(Self.summarize)
    }

    public init(path: String, failure: QuestionnaireError) {
        self.path = path
        valid = false
        diagnostics = []
        self.failure = failure.errorDescription
    }

    static func summarize(_ questionnaire: Questionnaire) -> Summary {
        Summary(
            id: questionnaire.id, version: questionnaire.version.description,
            questions: questionnaire.allQuestions.count,
            scoredQuestions: questionnaire.scoredQuestions.count { $0.isScored },
            profileQuestions: questionnaire.profile.count, dimensions: questionnaire.dimensions.count,
            levels: questionnaire.levels.count, rules: questionnaire.rules.count,
            caps: questionnaire.caps.count, languages: questionnaire.languages.map(\.rawValue))
    }

    /// Compiler-style lines, then the summary line.
    public var text: String {
        if let failure { return failure + "\n" }
        var lines = diagnostics.map(\.description)
        lines.append(summaryLine)
        return lines.joined(separator: "\n") + "\n"
    }

    public var summaryLine: String {
        let counts = "\(count(diagnostics.errorCount, "error")), \(count(diagnostics.warningCount, "warning"))"
        guard let summary, valid else { return "\(path): invalid: \(counts)" }
        let shape = [
            count(summary.questions, "question") + " (\(summary.scoredQuestions) scored)", count(summary.dimensions, "dimension"),
            count(summary.levels, "level"), count(summary.rules, "rule"),
            "languages \(summary.languages.joined(separator: ", "))", counts,
        ]
        return "\(path): ok: \(summary.id) \(summary.version), \(shape.joined(separator: ", ")), sha256 \(sha256 ?? "")"
    }

    private func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

}
