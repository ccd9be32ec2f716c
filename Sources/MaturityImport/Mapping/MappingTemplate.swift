import Foundation
import MaturityQuestionnaire

/// A starting mapping for an export: its header rows matched to question ids and texts, with
/// guesses for the respondent column, header rows and completeness filter, and the option
/// codes to map labels to. The advisor checks it, then runs `batch --dry-run`.
public struct MappingTemplate: Sendable {
    public let questionnaire: Questionnaire
    public let path: String
    /// The first rows of the export (header rows, maybe a response).
    public let rows: [[String]]

    public init(questionnaire: Questionnaire, path: String, rows: [[String]]) {
        self.questionnaire = questionnaire
        self.path = path
        self.rows = rows
    }

    /// Qualtrics exports have 3 header rows, the third made of `{"ImportId": ...}`.
    var headerRows: Int {
        rows.count >= 3 && rows[2].filter({ $0.hasPrefix("{") && $0.contains("ImportId") }).count * 2 > rows[2].count ? 3 : 1
    }

    static func normalized(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(String.init).joined()
    }

    /// The column for a question: its id in any header row, else its text in any language.
    func column(for question: Question, in header: HeaderIndex) -> (name: String, how: String)? {
        if let index = header.index(.name(question.id.rawValue)) { return (header.name(index), "id") }
        let texts = question.text.values.values.map(Self.normalized).filter { $0.count >= 6 }
        for row in header.rows {
            for (index, cell) in row.enumerated() {
                let name = Self.normalized(cell)
                guard name.count >= 6 else { continue }
                if texts.contains(where: { $0 == name || $0.hasPrefix(name) || name.hasPrefix($0) }) {
                    return (header.name(index), "question text")
                }
            }
        }
        return nil
    }

    public func yaml() -> String {
        let header = HeaderIndex(rows: Array(rows.prefix(headerRows)))
        let names = header.rows.first ?? []
        let lower = names.map { $0.lowercased() }
        var lines = [
            "# Mapping of \((path as NSString).lastPathComponent) onto questionnaire '\(questionnaire.id)' \(questionnaire.version), written by",
            "# 'maturity batch --init-mapping'. Check every line, map the remaining questions, then try it with",
            "#   maturity batch \(path) --mapping THIS-FILE --dry-run",
            "# Format: docs/batch-import.md",
            "questionnaire: \(questionnaire.id)",
            "survey: \(Self.quoted(((path as NSString).lastPathComponent as NSString).deletingPathExtension))",
            "headerRows: \(headerRows)",
        ]
        let respondentNames = ["id", "responseid", "response id", "_uuid", "key", "instanceid", "respondent", "respondent_id"]
        if let index = lower.firstIndex(where: { respondentNames.contains($0) }) {
            lines.append("respondent: \(Self.quoted(names[index]))")
        } else {
            lines.append("# respondent: COLUMN        # the column that identifies a respondent (else a hash of the row is used)")
        }
        if let index = lower.firstIndex(of: "submitdate") {
            lines += ["only:", "  - {column: \(names[index]), notEmpty: true}   # complete responses only"]
        } else if let index = lower.firstIndex(of: "finished") {
            lines += ["only:", "  - {column: \(names[index]), equals: \"1\"}   # complete responses only"]
        }
        lines.append("notApplicable: [\"N/A\", \"n/a\", \"-99\"]")
        lines.append("questions:")
        for question in questionnaire.allQuestions {
            let options = question.kind.options.map {
                "\($0.code) = \($0.label.resolve(questionnaire.defaultLanguage, fallback: questionnaire.defaultLanguage))"
            }
            if let (name, how) = column(for: question, in: header) {
                lines.append("  \(question.id): \(Self.quoted(name))   # matched by \(how)")
            } else {
                let text = question.text.resolve(questionnaire.defaultLanguage, fallback: questionnaire.defaultLanguage)
                lines.append("  # \(question.id): COLUMN   # not found; \(question.kind.typeName): \(text.prefix(70))")
            }
            if !options.isEmpty { lines.append("  #   options: \(options.joined(separator: "; ").prefix(160))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func quoted(_ text: String) -> String {
        let plain =
            text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" } && Int(text) == nil && !text.isEmpty
        return plain ? text : "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
