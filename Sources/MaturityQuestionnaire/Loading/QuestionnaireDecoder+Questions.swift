import Yams

extension QuestionnaireDecoder {
    static let questionTypes = ["single", "multiple", "scale", "matrix", "yesno", "number", "text", "usecases"]
    static let questionFields = [
        "id", "type", "text", "help", "weight", "required", "when", "options", "scale", "rows",
        "unit", "min", "max", "integer", "bands", "maxLength", "role",
    ]

    func decodeQuestion(_ node: Node, dimension: DimensionID?) -> Question? {
        guard let fields = context.fields(node, allowed: Self.questionFields, what: { $0.map { "question '\($0)'" } ?? "question" }) else {
            return nil
        }
        let id = fields.string("id", required: true, example: "strategy.priority")
        if let id {
            context.checkIdentifier(id.value, "question", at: id.at)
            context.register("question", id.value, at: id.at)
        }
        let text = fields.localized("text", required: true)
        let help = fields.localized("help")
        let weight = decodeWeight(fields)
        let required = fields.bool("required") ?? true
        let condition = decodeExpression(fields, "when", required: false)
        let role = decodeRole(fields, dimension: dimension)
        let kind = decodeKind(fields)
        guard let id, let text, let kind else {
            if let id { context.brokenQuestions.insert(id.value) }
            return nil
        }
        return Question(
            id: QuestionID(id.value), dimension: dimension, text: text, help: help, weight: weight,
            required: required, condition: condition, kind: kind, profileRole: role)
    }

    private func decodeRole(_ fields: Fields, dimension: DimensionID?) -> ProfileRole? {
        guard let (text, at) = fields.string("role") else { return nil }
        guard dimension == nil else {
            context.error(at, "'role' of \(fields.what) is only allowed in 'profile'; remove it or move the question to the profile")
            return nil
        }
        guard let role = ProfileRole(rawValue: text) else {
            let known = ProfileRole.allCases.map(\.rawValue)
            context.error(
                at,
                "unknown role '\(text)' of \(fields.what)\(Suggestion.hint(for: text, in: known)); roles: \(known.joined(separator: ", "))")
            return nil
        }
        context.register("profile role", text, at: at)
        return role
    }

    private func decodeKind(_ fields: Fields) -> QuestionKind? {
        guard let (type, at) = fields.string("type", required: true, example: "single") else { return nil }
        guard Self.questionTypes.contains(type) else {
            context.error(
                at,
                "unknown question type '\(type)' in \(fields.what)\(Suggestion.hint(for: type, in: Self.questionTypes)); types: \(Self.questionTypes.joined(separator: ", "))"
            )
            return nil
        }
        let options = decodeOptions(fields, type: type)
        switch type {
        case "single", "multiple":
            guard let options else {
                if fields.raw("options") == nil {
                    context.error(
                        fields.location, "\(fields.what) of type \(type) has no 'options'; add a list of options with code, label and score"
                    )
                }
                return nil
            }
            if !options.contains(where: { $0.role == .regular }) {
                context.error(
                    context.location(fields.raw("options") ?? fields.node),
                    "\(fields.what) has an empty option list; add at least one option that is neither not-applicable nor don't-know")
                return nil
            }
            return type == "single" ? .single(options) : .multiple(options)
        case "yesno":
            return .yesPartlyNo(Self.yesPartlyNoOptions + (options ?? []))
        case "scale":
            guard let scale = decodeScale(fields) else { return nil }
            return .scale(scale, special: options ?? [])
        case "matrix":
            guard let scale = decodeScale(fields), let rows = decodeRows(fields) else { return nil }
            return .matrix(rows: rows, scale: scale, special: options ?? [])
        case "number":
            return decodeNumber(fields).map { .number($0, special: options ?? []) }
        case "text":
            return .text(maxLength: fields.integer("maxLength")?.value)
        case "usecases":
            return .useCases
        default:
            return nil
        }
    }

    static let yesPartlyNoOptions = [
        ChoiceOption(code: "yes", label: LocalizedText(fr: "Oui", en: "Yes"), score: 1),
        ChoiceOption(code: "partly", label: LocalizedText(fr: "En partie", en: "Partly"), score: 0.5),
        ChoiceOption(code: "no", label: LocalizedText(fr: "Non", en: "No"), score: 0),
    ]

    private func decodeScale(_ fields: Fields) -> Scale? {
        guard let node = fields.required("scale", example: "{min: 1, max: 5, anchors: {1: {...}, 5: {...}}}") else { return nil }
        guard let scale = context.fields(node, "'scale' of \(fields.what)", allowed: ["min", "max", "anchors"]) else { return nil }
        guard let min = scale.integer("min", required: true), let max = scale.integer("max", required: true) else { return nil }
        guard min.value < max.value else {
            context.error(
                max.at, "'scale' of \(fields.what) has max \(max.value) not above min \(min.value); use for example min: 1, max: 5")
            return nil
        }
        var anchors: [Int: LocalizedText] = [:]
        if let anchorNode = scale.raw("anchors") {
            if case let .mapping(mapping) = anchorNode {
                for (key, value) in mapping {
                    guard let point = key.int, (min.value...max.value).contains(point) else {
                        context.error(
                            context.location(key),
                            "anchor \(context.describe(key)) of \(fields.what) is not a point of the scale \(min.value)–\(max.value)")
                        continue
                    }
                    anchors[point] = context.localizedText(value, "anchor \(point) of \(fields.what)")
                }
            } else {
                context.error(
                    context.location(anchorNode),
                    "'anchors' of \(fields.what) must map scale points to texts, found \(context.describe(anchorNode))")
            }
        }
        return Scale(min: min.value, max: max.value, anchors: anchors)
    }

    private func decodeRows(_ fields: Fields) -> [MatrixRow]? {
        guard let node = fields.required("rows", example: "a list of rows with code and label") else { return nil }
        let rows = context.items(node, "'rows' of \(fields.what)").compactMap { item -> MatrixRow? in
            guard let row = context.fields(item, "row of \(fields.what)", allowed: ["code", "label"]),
                let code = row.string("code", required: true, example: "chatbots"),
                let label = row.localized("label", required: true)
            else { return nil }
            context.register("row", code.value, at: code.at, scope: fields.what)
            return MatrixRow(code: OptionCode(code.value), label: label)
        }
        if rows.isEmpty, case .sequence = node {
            context.error(context.location(node), "\(fields.what) has an empty row list; add at least one row")
            return nil
        }
        return rows
    }

    private func decodeNumber(_ fields: Fields) -> NumberSpec? {
        let min = fields.number("min")
        let max = fields.number("max")
        if let min, let max, min.value > max.value {
            context.error(
                max.at, "\(fields.what) has max \(max.value.compactDescription) below min \(min.value.compactDescription); swap them")
        }
        var bands: [ScoreBand] = []
        if let node = fields.raw("bands") {
            bands = context.items(node, "'bands' of \(fields.what)").compactMap { item in
                guard let band = context.fields(item, "band of \(fields.what)", allowed: ["min", "max", "score"]),
                    let score = decodeScore(band, required: true)
                else { return nil }
                return ScoreBand(min: band.number("min")?.value, max: band.number("max")?.value, score: score)
            }
        }
        return NumberSpec(
            unit: fields.localized("unit"), min: min?.value, max: max?.value,
            integer: fields.bool("integer") ?? false, bands: bands)
    }

    /// `score:` between 0 and 1.
    func decodeScore(_ fields: Fields, required: Bool) -> Double? {
        guard let (score, at) = fields.number("score", required: required, example: "0.5") else { return nil }
        guard (0...1).contains(score) else {
            context.error(at, "score \(score.compactDescription) of \(fields.what) is outside 0–1; scores are shares of the best answer")
            return nil
        }
        return score
    }
}
