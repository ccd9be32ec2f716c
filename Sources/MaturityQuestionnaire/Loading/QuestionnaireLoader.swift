import Foundation

/// File-level problems that stop a questionnaire from being read at all.
public enum QuestionnaireError: Error, Equatable, LocalizedError {
    case fileNotFound(path: String)
    case isDirectory(path: String)
    case unreadable(path: String, reason: String)
    case empty(path: String)
    case binary(path: String)
    case invalid(path: String, errors: Int)

    public var errorDescription: String? {
        switch self {
        case let .fileNotFound(path):
            "\(path): error: no such file; check the path and the current directory"
        case let .isDirectory(path):
            "\(path): error: is a directory, not a questionnaire file; name a .yaml or .json file inside it"
        case let .unreadable(path, reason):
            "\(path): error: cannot be read (\(reason)); check its permissions"
        case let .empty(path):
            "\(path): error: the file is empty; a questionnaire starts with 'id:', 'version:' and 'languages:'"
        case let .binary(path):
            "\(path): error: not a text file (binary content or not UTF-8); questionnaires are UTF-8 YAML or JSON"
        case let .invalid(path, errors):
            "\(path): error: the questionnaire has \(errors) error\(errors == 1 ? "" : "s"); run 'maturity validate \(path)' to see them"
        }
    }
}

/// Reads questionnaire files: the only part of the module that touches the file system.
public enum QuestionnaireLoader {
    /// Reads and parses a file; file-level problems throw, content problems are diagnostics.
    public static func load(path: String) throws(QuestionnaireError) -> LoadResult {
        let text = try readText(path: path)
        return QuestionnaireParser.parse(text, path: path)
    }

    /// Loads a file that must be valid; throws `.invalid` when it has errors.
    public static func loadValid(path: String) throws(QuestionnaireError) -> Questionnaire {
        try loadValidSource(path: path).questionnaire
    }

    /// A valid questionnaire with the exact text it was parsed from.
    public static func loadValidSource(path: String) throws(QuestionnaireError) -> (questionnaire: Questionnaire, text: String) {
        let result = try load(path: path)
        guard let questionnaire = result.questionnaire else {
            throw .invalid(path: path, errors: max(1, result.diagnostics.errorCount))
        }
        return (questionnaire, result.text)
    }

    static func readText(path: String) throws(QuestionnaireError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .fileNotFound(path: path)
        }
        if isDirectory.boolValue { throw .isDirectory(path: path) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedFailureReason ?? "permission denied")
        }
        if data.isEmpty || data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw .empty(path: path)
        }
        guard !data.contains(0), var text = String(data: data, encoding: .utf8) else { throw .binary(path: path) }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }
}
