import Crypto
import Foundation
import Yams

/// The outcome of loading one questionnaire: the model when there is no error, and every
/// diagnostic found either way.
public struct LoadResult: Sendable {
    public var questionnaire: Questionnaire?
    public var diagnostics: [Diagnostic]
    /// SHA-256 of the bytes, computed even when the file has errors.
    public var sha256: String
    /// The text that was parsed: what the store keeps as the questionnaire's body.
    public var text: String = ""
}

/// Parses questionnaire text (YAML, or JSON, which is YAML too). Pure: no file access.
public enum QuestionnaireParser {
    public static func parse(_ text: String, path: String) -> LoadResult {
        let hash = sha256(of: Data(text.utf8))
        let context = DecodingContext(path: path, text: text)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                context.error(.start, "the file holds no YAML document; start with 'id:', 'version:' and 'languages:'")
                return LoadResult(questionnaire: nil, diagnostics: context.diagnostics, sha256: hash)
            }
            root = node
        } catch let error as YamlError {
            context.error(location(of: error), syntaxMessage(error))
            return LoadResult(questionnaire: nil, diagnostics: context.diagnostics, sha256: hash)
        } catch {
            context.error(.start, "the file could not be read as YAML")
            return LoadResult(questionnaire: nil, diagnostics: context.diagnostics, sha256: hash)
        }
        var diagnostics: [Diagnostic]
        var questionnaire = QuestionnaireDecoder(context: context).decode(root)
        diagnostics = context.diagnostics
        if let decoded = questionnaire {
            diagnostics += ExpressionValidation(questionnaire: decoded, path: path, brokenQuestions: context.brokenQuestions).diagnostics()
            questionnaire?.sha256 = hash
        }
        diagnostics = diagnostics.sortedByLocation()
        return LoadResult(questionnaire: diagnostics.hasErrors ? nil : questionnaire, diagnostics: diagnostics, sha256: hash, text: text)
    }

    /// Lower-case hex SHA-256.
    public static func sha256(of data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    package static func location(of error: YamlError) -> SourceLocation {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return SourceLocation(line: mark.line, column: mark.column)
        case let .duplicatedKeysInMapping(_, context):
            return SourceLocation(line: context.mark.line, column: context.mark.column)
        default:
            return .start
        }
    }

    package static func syntaxMessage(_ error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _), let .composer(context, problem, _, _):
            let during = context.map { " (\($0.text) at \($0.mark.line):\($0.mark.column))" } ?? ""
            return "YAML syntax error: \(problem)\(during); check the indentation and quotes on this line"
        case let .duplicatedKeysInMapping(duplicates, _):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return "duplicate key \(keys) in the same mapping; keep one of them"
        case let .reader(problem, _, _, _):
            return "the file is not valid text: \(problem)"
        default:
            return "YAML error: \(error)"
        }
    }
}
