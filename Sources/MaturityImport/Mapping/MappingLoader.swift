import Foundation
import MaturityQuestionnaire
import Yams

/// Reads a mapping file (YAML) and checks it against the questionnaire: unknown fields,
/// questions and options are reported at `path:line:col`, all at once.
public enum MappingLoader {
    public static func load(path: String, questionnaire: Questionnaire) -> (mapping: ImportMapping?, diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, [Diagnostic(.error, path: path, at: .start, "cannot read the mapping file; check the path")])
        }
        return parse(String(decoding: data, as: UTF8.self), path: path, questionnaire: questionnaire)
    }

    static let topFields = [
        "questionnaire", "survey", "headerRows", "respondent", "company", "language", "notApplicable", "only", "questions",
    ]
    static let questionFields = ["column", "columns", "rows", "values", "split", "selected"]

    public static func parse(_ text: String, path: String, questionnaire: Questionnaire) -> (
        mapping: ImportMapping?, diagnostics: [Diagnostic]
    ) {
        let context = DecodingContext(path: path, text: text)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                return (nil, [Diagnostic(.error, path: path, at: .start, "the mapping file is empty; see docs/batch-import.md")])
            }
            root = node
        } catch let error as YamlError {
            return (
                nil,
                [Diagnostic(.error, path: path, at: QuestionnaireParser.location(of: error), QuestionnaireParser.syntaxMessage(error))]
            )
        } catch {
            return (nil, [Diagnostic(.error, path: path, at: .start, "not valid YAML")])
        }
        guard let fields = context.fields(root, "the mapping", allowed: topFields) else { return (nil, context.diagnostics) }
        var mapping = ImportMapping()
        if let (id, at) = fields.string("questionnaire"), id != questionnaire.id {
            context.error(
                at, "this mapping is for questionnaire '\(id)', not '\(questionnaire.id)'; pass the right one with --questionnaire")
        }
        mapping.questionnaire = fields.string("questionnaire")?.value
        mapping.survey = fields.string("survey")?.value
        if let (rows, at) = fields.integer("headerRows") {
            if (1...10).contains(rows) { mapping.headerRows = rows } else { context.error(at, "'headerRows' must be from 1 to 10") }
        }
        mapping.respondent = fields.raw("respondent").flatMap { columnRef($0, context) }
        if let node = fields.raw("company"),
            let company = context.fields(node, "'company'", allowed: ImportMapping.CompanyField.allCases.map(\.rawValue))
        {
            for field in ImportMapping.CompanyField.allCases {
                if let ref = company.raw(field.rawValue).flatMap({ columnRef($0, context) }) { mapping.company[field] = ref }
            }
        }
        if let (language, at) = fields.string("language") {
            if questionnaire.languages.contains(LanguageCode(language)) {
                mapping.language = language
            } else {
                context.error(
                    at,
                    "language '\(language)' is not one of the questionnaire's (\(questionnaire.languages.map(\.rawValue).joined(separator: ", ")))"
                )
            }
        }
        if let node = fields.raw("notApplicable") { mapping.notApplicable = strings(node, "'notApplicable'", context) }
        if let node = fields.raw("only") { mapping.filters = context.items(node, "'only'").compactMap { filter($0, context) } }
        if let node = fields.raw("questions") {
            mapping.questions = questions(node, questionnaire, context)
        } else {
            context.error(fields.location, "the mapping has no 'questions'; map at least one question (see docs/batch-import.md)")
        }
        let diagnostics = context.diagnostics
        return (diagnostics.contains { $0.severity == .error } ? nil : mapping, diagnostics)
    }

    /// A plain integer is a 1-based position; any other scalar is a header.
    static func columnRef(_ node: Node, _ context: DecodingContext) -> ColumnRef? {
        guard case let .scalar(scalar) = node, !scalar.string.isEmpty else {
            context.error(context.location(node), "a column must be a header text or a position, found \(context.describe(node))")
            return nil
        }
        if scalar.style == .plain, let position = Int(scalar.string) {
            guard position >= 1 else {
                context.error(context.location(node), "column positions start at 1, found \(position)")
                return nil
            }
            return .position(position)
        }
        return .name(scalar.string)
    }

    static func strings(_ node: Node, _ what: String, _ context: DecodingContext) -> [String] {
        if case let .scalar(scalar) = node { return [scalar.string] }
        return context.items(node, what).compactMap { item in
            guard case let .scalar(scalar) = item else {
                context.error(context.location(item), "\(what) must list text values, found \(context.describe(item))")
                return nil
            }
            return scalar.string
        }
    }

    static func filter(_ node: Node, _ context: DecodingContext) -> RowFilter? {
        guard let fields = context.fields(node, "a filter of 'only'", allowed: ["column", "notEmpty", "equals", "notEquals"]),
            let column = fields.required("column", example: "submitdate").flatMap({ columnRef($0, context) })
        else { return nil }
        if let values = fields.raw("equals") { return RowFilter(column: column, test: .equals(strings(values, "'equals'", context))) }
        if let values = fields.raw("notEquals") {
            return RowFilter(column: column, test: .notEquals(strings(values, "'notEquals'", context)))
        }
        if fields.bool("notEmpty") == true { return RowFilter(column: column, test: .notEmpty) }
        context.error(fields.location, "a filter needs 'notEmpty: true', 'equals: ...' or 'notEquals: ...'")
        return nil
    }
}
