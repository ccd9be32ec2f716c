import Foundation
import MaturityQuestionnaire

/// Where a value is read in an export: a header (matched against every header row: export
/// code, question text or import id) or a 1-based position.
public enum ColumnRef: Sendable, Equatable, Hashable, CustomStringConvertible {
    case name(String)
    case position(Int)

    public var description: String {
        switch self {
        case let .name(name): "'\(name)'"
        case let .position(position): "position \(position)"
        }
    }
}

/// How one question is read from an export row.
public struct QuestionMapping: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        /// One cell: a code, a label, a number, text, or several choices joined by `split`.
        case column(ColumnRef)
        /// A multiple choice exported as one column per option (LimeSurvey `Q[SQ001]` Yes/No,
        /// Qualtrics `1`/empty, Kobo `group/option` 1/0).
        case choiceColumns([(option: OptionCode, column: ColumnRef)])
        /// A matrix exported as one column per row.
        case rows([(row: OptionCode, column: ColumnRef)])

        public static func == (lhs: Source, rhs: Source) -> Bool {
            switch (lhs, rhs) {
            case let (.column(a), .column(b)): a == b
            case let (.choiceColumns(a), .choiceColumns(b)): a.map(\.option) == b.map(\.option) && a.map(\.column) == b.map(\.column)
            case let (.rows(a), .rows(b)): a.map(\.row) == b.map(\.row) && a.map(\.column) == b.map(\.column)
            default: false
            }
        }
    }

    public var question: QuestionID
    public var source: Source
    /// Cell text (as exported) → option code, or scale point / number as text.
    public var values: [String: String]
    /// Separator of several choices in one cell (`|` in the canonical format).
    public var split: String?
    /// Cell values that mean "selected" in choice columns (case-insensitive).
    public var selected: [String]
    /// Where the question's mapping starts in the mapping file, for messages.
    public var location: SourceLocation

    public init(
        question: QuestionID, source: Source, values: [String: String] = [:], split: String? = nil,
        selected: [String] = QuestionMapping.defaultSelected, location: SourceLocation = .start
    ) {
        self.question = question
        self.source = source
        self.values = values
        self.split = split
        self.selected = selected
        self.location = location
    }

    public static let defaultSelected = ["1", "yes", "y", "true", "x", "oui", "selected", "checked"]
    /// Values of a choice column that mean "not selected".
    public static let unselected = ["", "0", "no", "n", "false", "non", "not selected", "unchecked"]
}

/// Keep only rows where a column is non-empty, equals or differs from a value.
public struct RowFilter: Sendable, Equatable {
    public enum Test: Sendable, Equatable {
        case notEmpty
        case equals([String])
        case notEquals([String])
    }

    public var column: ColumnRef
    public var test: Test

    public init(column: ColumnRef, test: Test) {
        self.column = column
        self.test = test
    }

    func keeps(_ cell: String) -> Bool {
        let value = cell.trimmed
        switch test {
        case .notEmpty: return !value.isEmpty
        case let .equals(values): return values.contains(value)
        case let .notEquals(values): return !values.contains(value)
        }
    }
}

/// Connects the columns of a survey tool's export to a questionnaire (see docs/batch-import.md).
public struct ImportMapping: Sendable, Equatable {
    public enum CompanyField: String, Sendable, CaseIterable {
        case name, siren, sector, headcount, region
    }

    /// Expected questionnaire id, checked when given.
    public var questionnaire: String?
    /// Scope of respondent keys, so that respondent 12 of two surveys are two companies
    /// (default: the export's file name).
    public var survey: String?
    /// Header rows before the first response (Qualtrics: 3, SurveyMonkey: 2).
    public var headerRows: Int
    public var respondent: ColumnRef?
    public var company: [CompanyField: ColumnRef]
    /// Language of the answers (a language of the questionnaire).
    public var language: String?
    /// Cells meaning "not applicable": the question's N/A option when it has one, else no answer.
    public var notApplicable: [String]
    public var filters: [RowFilter]
    public var questions: [QuestionMapping]

    public init(
        questionnaire: String? = nil, survey: String? = nil, headerRows: Int = 1, respondent: ColumnRef? = nil,
        company: [CompanyField: ColumnRef] = [:], language: String? = nil,
        notApplicable: [String] = ImportMapping.defaultNotApplicable, filters: [RowFilter] = [], questions: [QuestionMapping] = []
    ) {
        self.questionnaire = questionnaire
        self.survey = survey
        self.headerRows = headerRows
        self.respondent = respondent
        self.company = company
        self.language = language
        self.notApplicable = notApplicable
        self.filters = filters
        self.questions = questions
    }

    public static let defaultNotApplicable = ["N/A", "n/a", "NA", "-99", "#N/A"]
}
