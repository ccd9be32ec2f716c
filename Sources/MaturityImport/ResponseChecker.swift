import Foundation
import MaturityQuestionnaire
import MaturityScoring

/// The last step of every format: checks an answers object against the questionnaire and
/// names the company when the export does not.
public struct ResponseChecker: Sendable {
    public let questionnaire: Questionnaire
    public let file: String
    /// Scope of respondent keys: the mapping's `survey`, else the file name.
    public let scope: String
    let reader: PreparedAnswerReader

    init(questionnaire: Questionnaire, file: String, scope: String) {
        self.questionnaire = questionnaire
        self.file = file
        self.scope = scope
        reader = PreparedAnswerReader(questionnaire: questionnaire)
    }

    static func scope(_ mapping: ImportMapping?, _ file: String) -> String {
        mapping?.survey ?? (file as NSString).lastPathComponent
    }

    /// Checks `answerFile`, or its header with `positioned` answers (and their `answers` object,
    /// `json`) when the caller has them.
    func check(
        _ answerFile: AnswerFile, positioned: [PositionedAnswer]? = nil, json: [UInt8]? = nil, row: Int, cells: RowCells, key: String,
        respondent: String, columns: [QuestionID: Int]
    ) -> ConvertedRow {
        do {
            var answers =
                if let positioned { try reader.read(answerFile, positioned: positioned, json: json, path: file) } else {
                    try reader.read(answerFile, path: file)
                }
            if answers.company.name?.trimmed.isEmpty ?? true {
                answers.company.name = respondent.isEmpty ? "\(scope) row \(row)" : "\(scope) #\(respondent)"
            }
            return .response(ImportedResponse(file: file, row: row, key: key, answers: answers, cells: cells, columns: columns))
        } catch {
            let issue: AnswerIssue? = if case let .invalid(_, issues) = error { issues.first } else { nil }
            let column = issue?.question.flatMap { columns[$0] }
            let message =
                issue?.description ?? (error.errorDescription ?? "invalid answers").replacingOccurrences(of: "\(file): error: ", with: "")
            return .rejected(RowRejection(file: file, row: row, column: column.map { $0 + 1 }, message: message, cells: cells.strings))
        }
    }
}

/// Converts what a source read, on any thread.
public struct ResponseConverter: Sendable {
    let rows: RowConverter?
    let checker: ResponseChecker

    /// What every respondent key of the file starts with, before `#`.
    public var keyScope: String { checker.scope }

    /// The same converter over `questionnaire`, a copy of this converter's questionnaire parsed
    /// from the same text, so that a batch worker converts with tables no other thread touches
    /// (see `QuestionnaireReplicas`). Converts every row exactly as this one does.
    public func replica(questionnaire: Questionnaire) throws(ImportError) -> ResponseConverter {
        precondition(questionnaire.sha256 == checker.questionnaire.sha256, "a replica converts with the same questionnaire")
        guard let rows else {
            return ResponseConverter(
                rows: nil, checker: ResponseChecker(questionnaire: questionnaire, file: checker.file, scope: checker.scope))
        }
        let copy = try RowConverter(mapping: rows.mapping, header: rows.header, questionnaire: questionnaire, file: rows.file)
        return ResponseConverter(rows: copy, checker: copy.checker)
    }

    /// `memo`: see `RowConverter.convert(_:memo:)`; one per thread, for this converter only.
    public func convert(_ raw: RawResponse, memo: CellMemo? = nil) -> ConvertedRow {
        switch raw {
        case let .record(record, original):
            guard let rows else { return .skipped }
            let converted = rows.convert(record, memo: memo)
            guard let original else { return converted }
            switch converted {
            case var .rejected(rejection):
                rejection.cells = original.first ?? []
                rejection.moreRows = Array(original.dropFirst())
                return .rejected(rejection)
            case var .response(response):
                response.cells = RowCells(original.first ?? [])
                response.moreRows = Array(original.dropFirst())
                return .response(response)
            case .skipped:
                return .skipped
            }
        case let .answers(object, row, text):
            let id = object.respondent ?? ""
            let cells = RowCells([text])
            let key = id.isEmpty ? "\(checker.scope)#row:\(RowConverter.hash(cells))" : "\(checker.scope)#\(id)"
            return checker.check(object.file, row: row, cells: cells, key: key, respondent: id, columns: [:])
        case let .rejected(rejection):
            return .rejected(rejection)
        }
    }
}

/// One object of a JSON or JSON Lines export: the answers-file shape, plus an optional
/// `respondent` id.
public struct AnswerObject: Sendable, Decodable {
    public var file: AnswerFile
    public var respondent: String?

    enum Keys: String, CodingKey { case respondent }

    public init(from decoder: any Decoder) throws {
        file = try AnswerFile(from: decoder)
        let container = try decoder.container(keyedBy: Keys.self)
        if let text = try? container.decodeIfPresent(String.self, forKey: .respondent) {
            respondent = text
        } else if let number = try? container.decodeIfPresent(Double.self, forKey: .respondent) {
            respondent = number.compactDescription
        }
    }
}
