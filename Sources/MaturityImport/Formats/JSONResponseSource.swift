import Foundation
import MaturityQuestionnaire
import MaturityScoring

/// Answers-file objects: a JSON array (or one object), or JSON Lines (one object per line,
/// read as a stream). A line that is not an object is rejected on its own.
public final class JSONResponseSource: ResponseSource {
    public let path: String
    public let format: ImportFormat
    public let converter: ResponseConverter
    public let warnings: [String] = []
    public let headerRows: [[String]] = [["original"]]
    private var lines: LineReader?
    private var objects: [(AnswerObject?, String)] = []
    private var index = 0
    private var lineNumber = 0
    private var size: Int64 = 0

    public var bytesRead: Int64 { lines?.bytesRead ?? (index >= objects.count ? size : 0) }

    init(path: String, lines: Bool, questionnaire: Questionnaire, mapping: ImportMapping?) throws(ImportError) {
        self.path = path
        format = lines ? .jsonl : .json
        converter = ResponseConverter(
            rows: nil, checker: ResponseChecker(questionnaire: questionnaire, file: path, scope: ResponseChecker.scope(mapping, path)))
        if lines {
            self.lines = try LineReader(path: path)
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path, reason: "no such file") }
        size = Int64(data.count)
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty(path: path) }
        let decoder = JSONDecoder()
        if let array = try? decoder.decode([JSONObjectOrFailure].self, from: data) {
            objects = array.map { ($0.object, $0.text) }
        } else if let object = try? decoder.decode(AnswerObject.self, from: data) {
            objects = [(object, "")]
        } else if (String(data: data.prefix(64), encoding: .utf8) ?? "").trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("{") {
            self.lines = try LineReader(path: path)
        } else {
            throw .notJSON(path: path, line: 1, reason: "not a JSON array of answers objects; see docs/batch-import.md")
        }
    }

    public func next() throws(ImportError) -> RawResponse? {
        if let lines {
            while let line = try lines.next() {
                lineNumber += 1
                let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
                if text.isEmpty { continue }
                guard let object = try? JSONDecoder().decode(AnswerObject.self, from: Data(text.utf8)) else {
                    return .rejected(
                        RowRejection(
                            file: path, row: lineNumber, column: nil,
                            message: "the line is not an answers object {\"answers\": {...}}", cells: [text]))
                }
                return .answers(object, row: lineNumber, text: text)
            }
            return nil
        }
        guard index < objects.count else { return nil }
        defer { index += 1 }
        let (object, text) = objects[index]
        guard let object else {
            return .rejected(
                RowRejection(file: path, row: index + 1, column: nil, message: "item \(index + 1) is not an answers object", cells: [text]))
        }
        return .answers(object, row: index + 1, text: text)
    }
}

/// An array item that may not be an answers object: kept so the others still import.
struct JSONObjectOrFailure: Decodable {
    var object: AnswerObject?
    var text: String

    init(from decoder: any Decoder) throws {
        object = try? AnswerObject(from: decoder)
        let value = try? JSONValue(from: decoder)
        text = value.map(CellText.text) ?? ""
    }
}
