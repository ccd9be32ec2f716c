/// One problem found in a questionnaire file, printed compiler-style:
/// `path:line:col: error: message`.
public struct Diagnostic: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    public var path: String
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, path: String, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.path = path
        self.location = location
        self.message = message
    }

    public var description: String {
        "\(path):\(location.line):\(location.column): \(severity.rawValue): \(message)"
    }

    enum CodingKeys: String, CodingKey { case severity, path, line, column, message }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        severity = try container.decode(Severity.self, forKey: .severity)
        path = try container.decode(String.self, forKey: .path)
        location = SourceLocation(
            line: try container.decode(Int.self, forKey: .line),
            column: try container.decode(Int.self, forKey: .column))
        message = try container.decode(String.self, forKey: .message)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(severity, forKey: .severity)
        try container.encode(path, forKey: .path)
        try container.encode(location.line, forKey: .line)
        try container.encode(location.column, forKey: .column)
        try container.encode(message, forKey: .message)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }

    /// Sorted by position, errors before warnings at the same position; stable otherwise.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            if lhs.element.location != rhs.element.location {
                return lhs.element.location < rhs.element.location
            }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
