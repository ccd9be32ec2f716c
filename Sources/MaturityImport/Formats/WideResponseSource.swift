import MaturityQuestionnaire

/// One row per respondent: the canonical format (question ids as headers) or any survey
/// tool's export read through a mapping.
public final class WideResponseSource: ResponseSource {
    public let format = ImportFormat.wide
    public let converter: ResponseConverter
    public private(set) var warnings: [String] = []
    private let reader: any RecordReader
    public var path: String { reader.path }
    public var headerRows: [[String]] { converter.rows?.header.rows ?? [] }
    public var bytesRead: Int64 { reader.bytesRead }

    init(reader: any RecordReader, firstHeaderRow: [String], questionnaire: Questionnaire, mapping: ImportMapping?) throws(ImportError) {
        self.reader = reader
        var headerRows = [firstHeaderRow]
        for _ in 1..<(mapping?.headerRows ?? 1) {
            guard let row = try reader.next() else { throw .headerOnly(path: reader.path) }
            headerRows.append(row.fields)
        }
        if firstHeaderRow.count == 1, let dialect = reader.csvDialect,
            let other = CSVDialect.candidates.first(where: { firstHeaderRow[0].utf8.contains($0) })
        {
            let name = CSVDialect(delimiter: other).delimiterName
            throw .badHeader(
                path: reader.path,
                reason:
                    "the header is one column holding \(name)s; the file was read with the \(dialect.delimiterName) delimiter (pass --delimiter \(name) if this is wrong)"
            )
        }
        let header = HeaderIndex(rows: headerRows)
        let resolved: ImportMapping
        if let mapping {
            resolved = mapping
        } else {
            let canonical = ImportMapping.canonical(header: firstHeaderRow, questionnaire: questionnaire)
            guard !canonical.mapping.questions.isEmpty else {
                throw .badHeader(
                    path: reader.path,
                    reason:
                        "no column is a question id of '\(questionnaire.id)'; this export needs a mapping (--mapping M; start one with 'maturity batch --init-mapping \(reader.path)')"
                )
            }
            resolved = canonical.mapping
            if !canonical.unknown.isEmpty {
                let names = canonical.unknown.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
                warnings.append(
                    "\(reader.path):1: warning: \(canonical.unknown.count) column\(canonical.unknown.count == 1 ? " is" : "s are") not questions of '\(questionnaire.id)' and ignored: \(names)\(canonical.unknown.count > 5 ? ", ..." : "")"
                )
            }
        }
        if let warning = reader.encodingWarning { warnings.insert(warning, at: 0) }
        let rows = try RowConverter(mapping: resolved, header: header, questionnaire: questionnaire, file: reader.path)
        converter = ResponseConverter(rows: rows, checker: rows.checker)
    }

    public func next() throws(ImportError) -> RawResponse? {
        try reader.next().map { .record($0, original: nil) }
    }
}
