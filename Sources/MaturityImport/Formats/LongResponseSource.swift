import MaturityQuestionnaire

/// One row per answer: `respondent, question, value` (and optionally `company`), the rows of
/// a respondent next to each other. Each respondent becomes one canonical wide row.
public final class LongResponseSource: ResponseSource {
    public let format = ImportFormat.long
    public let converter: ResponseConverter
    public private(set) var warnings: [String] = []
    private let reader: any RecordReader
    private let columns: (respondent: Int, question: Int, value: Int, company: Int?)
    /// Synthetic wide header: respondent, company, then every question id.
    private let wideIndex: [String: Int]
    private let width: Int
    private var pending: CSVRecord?
    public let headerRows: [[String]]
    public var path: String { reader.path }
    public var bytesRead: Int64 { reader.bytesRead }

    static func looksLong(_ header: [String]) -> Bool {
        let names = Set(header.map { $0.trimmed.lowercased() })
        return names.isSuperset(of: ["respondent", "question", "value"]) && names.count <= 4
    }

    init(reader: any RecordReader, header: [String], questionnaire: Questionnaire) throws(ImportError) {
        self.reader = reader
        headerRows = [header]
        let names = header.map { $0.trimmed.lowercased() }
        guard let respondent = names.firstIndex(of: "respondent"), let question = names.firstIndex(of: "question"),
            let value = names.firstIndex(of: "value")
        else {
            throw .badHeader(
                path: reader.path, reason: "a long export needs the columns respondent, question and value (and optionally company)")
        }
        columns = (respondent, question, value, names.firstIndex(of: "company"))
        var wide = ["respondent", "company"] + questionnaire.allQuestions.map(\.id.rawValue)
        for question in questionnaire.allQuestions {
            if case let .matrix(rows, _, _) = question.kind { wide += rows.map { "\(question.id)[\($0.code)]" } }
        }
        wideIndex = Dictionary(wide.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        width = wide.count
        let canonical = ImportMapping.canonical(header: wide, questionnaire: questionnaire)
        let rows = try RowConverter(
            mapping: canonical.mapping, header: HeaderIndex(rows: [wide]), questionnaire: questionnaire, file: reader.path)
        converter = ResponseConverter(rows: rows, checker: rows.checker)
        if let warning = reader.encodingWarning { warnings.append(warning) }
    }

    /// The answers of the next respondent, as one wide record numbered by its first row.
    public func next() throws(ImportError) -> RawResponse? {
        var next = pending
        if next == nil { next = try reader.next() }
        guard let first = next else { return nil }
        pending = nil
        func cell(_ record: CSVRecord, _ index: Int) -> String {
            record.cells.cell(index).trimmed
        }
        let respondent = cell(first, columns.respondent)
        var fields = Array(repeating: "", count: width)
        fields[0] = respondent
        var originals: [[String]] = []
        var problem: RowRejection?
        var record: CSVRecord? = first
        while let current = record, cell(current, columns.respondent) == respondent {
            originals.append(current.fields)
            let question = cell(current, columns.question)
            if let company = columns.company, !cell(current, company).isEmpty { fields[1] = cell(current, company) }
            if let index = wideIndex[question], index > 1 {
                if !fields[index].isEmpty, problem == nil {
                    problem = rejection(
                        current, columns.question + 1, "question '\(question)' is answered twice for respondent '\(respondent)'")
                }
                fields[index] = current.cells.cell(columns.value)
            } else if problem == nil {
                problem = rejection(
                    current, columns.question + 1,
                    "unknown question '\(question)'\(Suggestion.hint(for: question, in: Array(wideIndex.keys)))")
            }
            record = try reader.next()
        }
        pending = record
        if var problem {
            problem.cells = originals.first ?? []
            problem.moreRows = Array(originals.dropFirst())
            return .rejected(problem)
        }
        return .record(
            CSVRecord(fields: fields, number: first.number, line: first.line, invalidEncoding: first.invalidEncoding), original: originals)
    }

    private func rejection(_ record: CSVRecord, _ column: Int, _ message: String) -> RowRejection {
        RowRejection(file: reader.path, row: record.number, column: column, message: message, cells: record.fields)
    }
}
