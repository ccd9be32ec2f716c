import Foundation

/// Why an export or a mapping file cannot be read at all. Problems of single rows are
/// `RowProblem`s instead: they reject the row, not the file.
public enum ImportError: Error, Equatable, LocalizedError {
    case unreadable(path: String, reason: String)
    case empty(path: String)
    case headerOnly(path: String)
    case badHeader(path: String, reason: String)
    case mapping(path: String, line: Int, column: Int, message: String)
    case notJSON(path: String, line: Int, reason: String)

    public var errorDescription: String? {
        switch self {
        case let .unreadable(path, reason): "\(path): error: cannot read the file (\(reason))"
        case let .empty(path): "\(path): error: the file is empty; export the responses again"
        case let .headerOnly(path): "\(path): error: the file has a header but no response rows"
        case let .badHeader(path, reason): "\(path):1: error: \(reason)"
        case let .mapping(path, line, column, message): "\(path):\(line):\(column): error: \(message)"
        case let .notJSON(path, line, reason): "\(path):\(line): error: \(reason)"
        }
    }
}
