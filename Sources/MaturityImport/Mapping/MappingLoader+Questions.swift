import MaturityQuestionnaire
import Yams

extension MappingLoader {
    /// `questions:` maps question ids to a column (`q: A2`) or to a mapping of how to read it.
    static func questions(_ node: Node, _ questionnaire: Questionnaire, _ context: DecodingContext) -> [QuestionMapping] {
        guard case let .mapping(entries) = node else {
            context.error(context.location(node), "'questions' must map question ids to columns, found \(context.describe(node))")
            return []
        }
        let ids = questionnaire.allQuestions.map(\.id.rawValue)
        var result: [QuestionMapping] = []
        for (key, value) in entries {
            let id = key.string ?? ""
            guard let question = questionnaire.question(QuestionID(id)) else {
                context.error(context.location(key), "unknown question '\(id)'\(Suggestion.hint(for: id, in: ids)) in 'questions'")
                continue
            }
            context.register("question mapping", id, at: context.location(key))
            if case .scalar = value {
                if let ref = columnRef(value, context) {
                    result.append(QuestionMapping(question: question.id, source: .column(ref), location: context.location(key)))
                }
                continue
            }
            if let mapping = questionMapping(value, question, context) { result.append(mapping) }
        }
        return result
    }

    static func questionMapping(_ node: Node, _ question: Question, _ context: DecodingContext) -> QuestionMapping? {
        let what = "the mapping of question '\(question.id)'"
        guard let fields = context.fields(node, what, allowed: questionFields) else { return nil }
        let sources = ["column", "columns", "rows"].filter { fields.raw($0) != nil }
        guard sources.count == 1, let sourceKey = sources.first, let sourceNode = fields.raw(sourceKey) else {
            context.error(
                fields.location,
                "\(what) needs exactly one of 'column', 'columns' (one column per option) or 'rows' (one column per matrix row)")
            return nil
        }
        let source: QuestionMapping.Source
        switch sourceKey {
        case "column":
            guard let ref = columnRef(sourceNode, context) else { return nil }
            source = .column(ref)
        case "columns":
            guard case .multiple = question.kind else {
                context.error(
                    context.location(sourceNode),
                    "'columns' (one column per option) is for multiple-choice questions; '\(question.id)' is \(question.kind.typeName)")
                return nil
            }
            let pairs = codedColumns(sourceNode, question.kind.options.map(\.code.rawValue), "option", context)
            source = .choiceColumns(pairs.map { (option: $0.code, column: $0.column) })
        default:
            guard case let .matrix(rows, _, _) = question.kind else {
                context.error(
                    context.location(sourceNode),
                    "'rows' (one column per row) is for matrix questions; '\(question.id)' is \(question.kind.typeName)")
                return nil
            }
            let pairs = codedColumns(sourceNode, rows.map(\.code.rawValue), "row", context)
            source = .rows(pairs.map { (row: $0.code, column: $0.column) })
        }
        var mapping = QuestionMapping(question: question.id, source: source, location: fields.location)
        if let node = fields.raw("values") { mapping.values = values(node, question, context) }
        mapping.split = fields.string("split")?.value
        if let node = fields.raw("selected") { mapping.selected = strings(node, "'selected'", context) }
        return mapping
    }

    /// `{code: column, ...}` where every code must be one of `codes`.
    static func codedColumns(_ node: Node, _ codes: [String], _ kind: String, _ context: DecodingContext) -> [(
        code: OptionCode, column: ColumnRef
    )] {
        guard case let .mapping(entries) = node else {
            context.error(context.location(node), "expected a mapping of \(kind) codes to columns, found \(context.describe(node))")
            return []
        }
        return entries.compactMap { key, value in
            let code = key.string ?? ""
            guard codes.contains(code) else {
                context.error(
                    context.location(key),
                    "unknown \(kind) '\(code)'\(Suggestion.hint(for: code, in: codes)); \(kind)s: \(codes.joined(separator: ", "))")
                return nil
            }
            return columnRef(value, context).map { (OptionCode(code), $0) }
        }
    }

    /// `values:` maps exported text to an option code, or to a number for scales and numbers.
    static func values(_ node: Node, _ question: Question, _ context: DecodingContext) -> [String: String] {
        guard case let .mapping(entries) = node else {
            context.error(context.location(node), "'values' must map exported values to option codes, found \(context.describe(node))")
            return [:]
        }
        let codes = question.kind.options.map(\.code.rawValue)
        var result: [String: String] = [:]
        for (key, value) in entries {
            guard case let .scalar(scalar) = value else {
                context.error(context.location(value), "a value must map to an option code or a number, found \(context.describe(value))")
                continue
            }
            let target = scalar.string
            if !codes.contains(target) && Double(target) == nil {
                context.error(
                    context.location(value),
                    "'\(target)' is not an option of '\(question.id)'\(Suggestion.hint(for: target, in: codes)); options: \(codes.joined(separator: ", "))"
                )
                continue
            }
            result[key.string ?? ""] = target
        }
        return result
    }
}
