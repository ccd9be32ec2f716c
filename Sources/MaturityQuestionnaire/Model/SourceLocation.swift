/// A position in a questionnaire file: 1-based line and column (columns count Unicode scalars,
/// as libyaml does).
public struct SourceLocation: Sendable, Equatable, Hashable, Comparable, Codable,
    CustomStringConvertible
{
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let start = SourceLocation(line: 1, column: 1)

    public var description: String { "\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// The location `offset` scalars further on the same line.
    public func advanced(by offset: Int) -> SourceLocation {
        SourceLocation(line: line, column: column + offset)
    }
}
