import Foundation
import MaturityQuestionnaire

/// One problem in an answer set, naming the question and (except for free text) the value.
public struct AnswerIssue: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        case unknownQuestion, unknownOption, wrongType, outOfRange, missingRequired, invalidFile
    }

    public var kind: Kind
    public var question: QuestionID?
    public var message: String

    public init(_ kind: Kind, question: QuestionID?, _ message: String) {
        self.kind = kind
        self.question = question
        self.message = message
    }

    public var description: String {
        question.map { "question '\($0)': \(message)" } ?? message
    }
}

/// Why an answers file could not be used.
public enum AnswerFileError: Error, Equatable, LocalizedError {
    case unreadable(path: String, reason: String)
    case notJSON(path: String, reason: String)
    case otherQuestionnaire(path: String, found: String, expected: String)
    case invalid(path: String, issues: [AnswerIssue])

    public var errorDescription: String? {
        switch self {
        case let .unreadable(path, reason):
            "\(path): error: cannot read the answers file (\(reason))"
        case let .notJSON(path, reason):
            "\(path): error: not a valid answers file: \(reason); expected {\"questionnaire\": ..., \"version\": ..., \"answers\": {...}}"
        case let .otherQuestionnaire(path, found, expected):
            "\(path): error: the answers are for questionnaire '\(found)', not '\(expected)'; pass the right one with --questionnaire"
        case let .invalid(path, issues):
            issues.map { "\(path): error: \($0)" }.joined(separator: "\n")
        }
    }
}
