import Crypto
import Foundation
import MaturityQuestionnaire
import MaturityScoring

/// Turns export rows into checked answer sets through a mapping resolved against the header.
/// Pure and `Sendable`: rows are converted on every core.
public struct RowConverter: Sendable {
    /// A class: rows read it in place (a struct was copied, with its `Question`, for every cell).
    final class ResolvedQuestion: Sendable {
        enum Source: Sendable {
            case column(Int)
            case choiceColumns([(option: OptionCode, column: Int)])
            case rows([(row: OptionCode, column: Int)])
        }

        let reader: CellReader
        let source: Source
        let firstColumn: Int
        /// Position of the question in `Questionnaire.allQuestions`.
        let position: Int
        /// Whether outcomes are kept in a `CellMemo`: choices, scales and numbers in one column,
        /// and questions read from several columns (one per choice or matrix row), whose cells
        /// are a few codes or ratings each. Texts and JSON cells rarely repeat.
        let memoizes: Bool
        /// Whether the answers are options or ratings (not free numbers), for `CellMemo.hasRoom`.
        let isOptions: Bool
        /// The columns of a question read from several: its memo key is made of their cells.
        let keyColumns: [Int]
        /// The column of a use-case inventory in one column, read straight from its JSON text.
        let useCasesColumn: Int?

        init(reader: CellReader, source: Source, firstColumn: Int, position: Int) {
            self.reader = reader
            self.source = source
            self.firstColumn = firstColumn
            self.position = position
            memoizes =
                switch (source, reader.question.kind) {
                case (.column, .single), (.column, .yesPartlyNo), (.column, .multiple), (.column, .scale), (.column, .number): true
                case (.choiceColumns, _), (.rows, _): true
                default: false
                }
            isOptions =
                switch (source, reader.question.kind) {
                case (_, .single), (_, .yesPartlyNo), (_, .multiple), (_, .scale), (.rows, _): true
                default: false
                }
            keyColumns =
                switch source {
                case .column: []
                case let .choiceColumns(pairs): pairs.map(\.column)
                case let .rows(pairs): pairs.map(\.column)
                }
            useCasesColumn =
                switch (source, reader.question.kind) {
                case let (.column(column), .useCases): column
                default: nil
                }
        }

        /// The outcome of this question's cells, from `memo` (slot `slot`) when seen before:
        /// looked up by the cell's bytes, so a cell seen before never becomes a `String`; nor
        /// does a plain number (`CellReader.plainNumber`), which rarely repeats.
        /// An answer kept in the memo is kept with its JSON (`PositionedAnswer.encoded(by:)`).
        /// Always inlined into the row loop: called, it returned its outcome through memory,
        /// 13k more instructions per respondent (callgrind).
        @inline(__always) func outcome(
            _ cells: RowCells, _ answers: PreparedAnswerReader, memo: CellMemo?, slot: Int, documents: AnswerDocumentWriter
        ) -> CellOutcome {
            guard memoizes, let memo else { return outcome(cells.cell, answers) }
            let key = keyColumns.isEmpty ? nil : Self.key(cells, keyColumns)
            func withKey<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
                if let key { key.withUnsafeBufferPointer(body) } else { cells.withCell(firstColumn, body) }
            }
            if let known = withKey({ memo.outcome(slot, $0) }) { return known }
            let outcome: CellOutcome
            if key == nil, let number = cells.withCell(firstColumn, { reader.plainNumber($0) }) {
                outcome = .answer(answers.convert(.number(number), at: position))
            } else {
                outcome = self.outcome(cells.cell, answers)
            }
            guard memo.hasRoom(slot, options: isOptions) else { return outcome }
            let kept = if case let .answer(answer) = outcome { CellOutcome.answer(answer.encoded(by: documents)) } else { outcome }
            withKey { memo.remember(kept, slot, $0) }
            return kept
        }

        /// The memo key of cells in several columns: each cell's bytes after their length, so
        /// that no two different sets of cells make the same key.
        static func key(_ cells: RowCells, _ columns: [Int]) -> [UInt8] {
            var key: [UInt8] = []
            key.reserveCapacity(8 * columns.count)
            for column in columns {
                cells.withCell(column) { bytes in
                    withUnsafeBytes(of: UInt32(bytes.count).littleEndian) { key.append(contentsOf: $0) }
                    key.append(contentsOf: bytes)
                }
            }
            return key
        }

        private func outcome(_ cell: (Int) -> String, _ answers: PreparedAnswerReader) -> CellOutcome {
            if let column = useCasesColumn, let text = reader.jsonText(cell(column)),
                let answer = answers.useCases(json: text, at: position)
            {
                return .answer(answer)
            }
            return switch read(cell) {
            case let .success(json?): .answer(answers.convert(json, at: position))
            case .success(nil): .empty
            case let .failure(problem): .problem(problem)
            }
        }

        func read(_ cell: (Int) -> String) -> Result<JSONValue?, CellProblem> {
            switch source {
            case let .column(column): reader.read(cell(column))
            case let .choiceColumns(pairs): reader.readChoiceColumns(pairs.map { ($0.option, cell($0.column), $0.column) })
            case let .rows(pairs): reader.readRows(pairs.map { ($0.row, cell($0.column), $0.column) })
            }
        }
    }

    public let file: String
    public let header: HeaderIndex
    public let questionnaire: Questionnaire
    /// The mapping as resolved for this file (the canonical one when none was given).
    let mapping: ImportMapping
    let questions: [ResolvedQuestion]
    /// 0-based first column of each question, to locate problems.
    let columns: [QuestionID: Int]
    let respondent: Int?
    let company: [(field: ImportMapping.CompanyField, column: Int)]
    let filters: [(filter: RowFilter, column: Int)]
    let checker: ResponseChecker
    let language: String?
    /// Encodes the answers the memo keeps, and the `answers` object of each row.
    let documents: AnswerDocumentWriter

    /// Resolves every column of `mapping`; a column missing from the header is an error for
    /// the whole file (with the closest header as a hint).
    public init(mapping: ImportMapping, header: HeaderIndex, questionnaire: Questionnaire, file: String) throws(ImportError) {
        self.file = file
        self.header = header
        self.questionnaire = questionnaire
        self.mapping = mapping
        var missing: [String] = []
        let names = header.rows.first ?? []
        func resolve(_ ref: ColumnRef) -> Int {
            if let index = header.index(ref) { return index }
            if case let .name(name) = ref {
                missing.append("\(ref)" + (Suggestion.closest(to: name, in: names).map { " (did you mean '\($0)'?)" } ?? ""))
            } else {
                missing.append("\(ref) (the file has \(header.width) columns)")
            }
            return -1
        }
        var questions: [ResolvedQuestion] = []
        for item in mapping.questions {
            guard let position = questionnaire.position(of: item.question) else { continue }
            let question = questionnaire.allQuestions[position]
            let reader = CellReader(question: question, mapping: item, notApplicable: mapping.notApplicable)
            switch item.source {
            case let .column(ref):
                let column = resolve(ref)
                questions.append(ResolvedQuestion(reader: reader, source: .column(column), firstColumn: column, position: position))
            case let .choiceColumns(pairs):
                let resolved = pairs.map { (option: $0.option, column: resolve($0.column)) }
                questions.append(
                    ResolvedQuestion(
                        reader: reader, source: .choiceColumns(resolved), firstColumn: resolved.first?.column ?? 0, position: position))
            case let .rows(pairs):
                let resolved = pairs.map { (row: $0.row, column: resolve($0.column)) }
                questions.append(
                    ResolvedQuestion(reader: reader, source: .rows(resolved), firstColumn: resolved.first?.column ?? 0, position: position))
            }
        }
        self.questions = questions
        columns = Dictionary(questions.map { ($0.reader.question.id, $0.firstColumn) }, uniquingKeysWith: { $1 })
        respondent = mapping.respondent.map(resolve)
        company = ImportMapping.CompanyField.allCases.compactMap { field in mapping.company[field].map { (field, resolve($0)) } }
        filters = mapping.filters.map { ($0, resolve($0.column)) }
        guard missing.isEmpty else {
            throw .badHeader(
                path: file,
                reason:
                    "the mapping names column\(missing.count == 1 ? "" : "s") not in the header: \(missing.joined(separator: ", ")); check the mapping or the export's header rows"
            )
        }
        checker = ResponseChecker(questionnaire: questionnaire, file: file, scope: ResponseChecker.scope(mapping, file))
        language = mapping.language
        documents = AnswerDocumentWriter(questionnaire: questionnaire)
    }

    /// Converts one data record; `memo` (this converter's, one thread at a time) skips cells
    /// seen in earlier rows.
    public func convert(_ record: CSVRecord, memo: CellMemo? = nil) -> ConvertedRow {
        let cells = record.cells
        let cell = cells.cell
        func reject(_ column: Int?, _ message: String) -> ConvertedRow {
            .rejected(RowRejection(file: file, row: record.number, column: column.map { $0 + 1 }, message: message, cells: cells.strings))
        }
        for (filter, column) in filters where !filter.keeps(cell(column)) { return .skipped }
        if record.invalidEncoding { return reject(nil, "the row has bytes that are not valid UTF-8; save the export as CSV UTF-8") }
        if cells.count > header.width {
            return reject(header.width, "the row has \(cells.count) cells, the header \(header.width); check for an unquoted delimiter")
        }
        var answerFile = AnswerFile(questionnaire: questionnaire.id, language: language, company: Company())
        var answers: [PositionedAnswer] = []
        answers.reserveCapacity(questions.count)
        for slot in questions.indices {
            let question = questions[slot]
            switch question.outcome(cells, checker.reader, memo: memo, slot: slot, documents: documents) {
            case let .answer(answer): answers.append(answer)
            case .empty: break
            case let .problem(problem):
                return reject(problem.column ?? question.firstColumn, "question '\(question.reader.question.id)': \(problem.message)")
            }
        }
        for (field, column) in company {
            let value = cell(column).trimmed
            guard !value.isEmpty else { continue }
            switch field {
            case .name: answerFile.company?.name = value
            case .siren: answerFile.company?.siren = value
            case .sector: answerFile.company?.sector = value
            case .headcount: answerFile.company?.headcount = value
            case .region: answerFile.company?.region = value
            }
        }
        let id = respondent.map { cell($0).trimmed } ?? ""
        if let column = respondent, id.isEmpty { return reject(column, "the respondent column is empty") }
        let key = id.isEmpty ? "\(checker.scope)#row:\(Self.hash(cells))" : "\(checker.scope)#\(id)"
        return checker.check(
            answerFile, positioned: answers, json: documents.answersObject(answers), row: record.number, cells: cells, key: key,
            respondent: id, columns: columns)
    }

    static let cellSeparator: [UInt8] = [0x1F]

    /// First 16 hex digits of the SHA-256 of the cells' UTF-8, joined by U+001F.
    static func hash(_ cells: RowCells) -> String {
        var hasher = SHA256()
        for index in 0..<cells.count {
            if index > 0 { hasher.update(data: Self.cellSeparator) }
            cells.withCell(index) { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        return hasher.finalize().prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}
