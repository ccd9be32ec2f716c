import MaturityQuestionnaire
import MaturityScoring

/// One respondent read from an export, converted and checked, ready to score.
public struct ImportedResponse: Sendable {
    public var file: String
    /// The row (record number) in the file.
    public var row: Int
    /// Identifies the respondent across re-imports: `<survey>#<respondent id>`, or
    /// `<survey>#row:<hash of the row>` when the export has no respondent column.
    public var key: String
    public var answers: AnswerSet
    /// The cells as exported, kept for the rejected-rows file.
    public var cells: RowCells
    /// Further rows of the same respondent (long format).
    public var moreRows: [[String]] = []
    /// 0-based column of each question, to locate problems found later (missing answers).
    public var columns: [QuestionID: Int]
}

/// A row that cannot be imported, with where and why. Its cells are kept as exported.
public struct RowRejection: Sendable, Error, Equatable {
    public var file: String
    public var row: Int
    /// 1-based column, when one is at fault.
    public var column: Int?
    public var message: String
    public var cells: [String]
    /// Further rows of the same respondent (long format).
    public var moreRows: [[String]] = []

    public init(file: String, row: Int, column: Int?, message: String, cells: [String]) {
        self.file = file
        self.row = row
        self.column = column
        self.message = message
        self.cells = cells
    }

    /// `file:row:column: error: message`, as compilers print it.
    public var description: String {
        "\(file):\(row):\(column.map(String.init) ?? "1"): error: \(message)"
    }
}

/// What became of one row.
public enum ConvertedRow: Sendable {
    case response(ImportedResponse)
    case rejected(RowRejection)
    /// Left out by a filter of the mapping (incomplete responses, ...).
    case skipped
}
