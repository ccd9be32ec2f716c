extension Expression {
    /// The file position of a character of `source` (offset in Unicode scalars). Lines after
    /// the first (block scalars) keep the column of the first line.
    public func location(ofOffset offset: Int) -> SourceLocation {
        var line = origin.line
        var column = origin.column
        for (index, scalar) in source.unicodeScalars.enumerated() {
            if index >= offset { break }
            if scalar == "\n" {
                line += 1
                column = origin.column
            } else {
                column += 1
            }
        }
        return SourceLocation(line: line, column: column)
    }
}
