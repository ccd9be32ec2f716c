import Foundation
import MaturityQuestionnaire

/// The layout of an export file.
public enum ImportFormat: String, Sendable, CaseIterable {
    case auto, wide, long, json, jsonl

    /// The format of `path` from its extension and, for CSV, its header.
    static func detect(path: String) -> ImportFormat {
        switch (path as NSString).pathExtension.lowercased() {
        case "jsonl", "ndjson": .jsonl
        case "json": .json
        default: .wide
        }
    }
}

/// Where the rows of one export come from, one at a time, in file order.
public enum RawResponse: Sendable {
    /// A CSV row; `original` holds the lines it was built from when they differ (long format).
    case record(CSVRecord, original: [[String]]?)
    /// An answers-file object of a JSON or JSON Lines export.
    case answers(AnswerObject, row: Int, text: String)
    case rejected(RowRejection)
}

/// Reads an export row by row. Conversion is left to `converter`, which is pure, so that rows
/// are converted in parallel.
public protocol ResponseSource: AnyObject {
    var path: String { get }
    var format: ImportFormat { get }
    var converter: ResponseConverter { get }
    /// Warnings about the whole file (encoding, unused columns).
    var warnings: [String] { get }
    /// The header row(s) as read (empty for JSON).
    var headerRows: [[String]] { get }
    /// Bytes read so far, for progress.
    var bytesRead: Int64 { get }
    func next() throws(ImportError) -> RawResponse?
}

/// Opens an export in the given (or detected) format.
public enum ResponseSources {
    public static func open(
        path: String, format: ImportFormat, mapping: ImportMapping?, questionnaire: Questionnaire, delimiter: UInt8? = nil
    ) throws(ImportError) -> any ResponseSource {
        var resolved = format == .auto ? ImportFormat.detect(path: path) : format
        switch resolved {
        case .json: return try JSONResponseSource(path: path, lines: false, questionnaire: questionnaire, mapping: mapping)
        case .jsonl: return try JSONResponseSource(path: path, lines: true, questionnaire: questionnaire, mapping: mapping)
        default: break
        }
        let reader = try RecordReaders.open(path: path, delimiter: delimiter)
        guard let first = try reader.next() else { throw .empty(path: path) }
        if format == .auto, mapping == nil, LongResponseSource.looksLong(first.fields) { resolved = .long }
        if resolved == .long { return try LongResponseSource(reader: reader, header: first.fields, questionnaire: questionnaire) }
        return try WideResponseSource(reader: reader, firstHeaderRow: first.fields, questionnaire: questionnaire, mapping: mapping)
    }
}
