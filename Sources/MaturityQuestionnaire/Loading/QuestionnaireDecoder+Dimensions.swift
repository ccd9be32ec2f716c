import Yams

extension QuestionnaireDecoder {
    static let dimensionFields = ["id", "name", "description", "weight", "levels", "questions"]

    func decodeDimension(_ node: Node, levels: [Level]) -> Dimension? {
        guard let fields = context.fields(node, allowed: Self.dimensionFields, what: { $0.map { "dimension '\($0)'" } ?? "dimension" })
        else { return nil }
        let id = fields.string("id", required: true, example: "strategy")
        if let id {
            context.checkIdentifier(id.value, "dimension", at: id.at)
            context.register("dimension", id.value, at: id.at)
        }
        let name = fields.localized("name", required: true)
        let description = fields.localized("description")
        let weight = decodeWeight(fields)
        let levelDescriptions = decodeLevelDescriptions(fields, levels: levels)
        let dimension = id.map { DimensionID($0.value) }
        var questions: [Question] = []
        if let questionsNode = fields.required("questions", example: "a list of questions") {
            let items = context.items(questionsNode, "'questions' of \(fields.what)")
            questions = items.compactMap { decodeQuestion($0, dimension: dimension ?? "unknown") }
            if !items.isEmpty && !questions.isEmpty && !questions.contains(where: \.isScored) {
                context.error(
                    context.location(questionsNode),
                    "\(fields.what) has no scorable question, so it can never get a score; add a choice, scale, matrix or yes/no question with a weight above 0"
                )
            } else if items.isEmpty, case .sequence = questionsNode {
                context.error(context.location(questionsNode), "\(fields.what) has no question; add at least one scored question")
            }
        }
        guard let dimension, let name else { return nil }
        return Dimension(
            id: dimension, name: name, description: description, weight: weight,
            levelDescriptions: levelDescriptions, questions: questions)
    }

    /// `weight:` (default 1); a negative weight is an error.
    func decodeWeight(_ fields: Fields) -> Double {
        guard let (weight, at) = fields.number("weight") else { return 1 }
        guard weight >= 0 else {
            context.error(
                at,
                "weight of \(fields.what) is \(weight.compactDescription), but weights cannot be negative; use 0 to ignore it or a positive number"
            )
            return 1
        }
        return weight
    }

    private func decodeLevelDescriptions(_ fields: Fields, levels: [Level]) -> [LevelID: LocalizedText] {
        guard let node = fields.raw("levels") else { return [:] }
        guard case let .mapping(mapping) = node else {
            context.error(context.location(node), "'levels' of \(fields.what) must map level ids to texts, found \(context.describe(node))")
            return [:]
        }
        var result: [LevelID: LocalizedText] = [:]
        let known = levels.map(\.id.rawValue)
        for (key, value) in mapping {
            let id = key.string ?? ""
            guard known.contains(id) else {
                context.error(
                    context.location(key), "unknown level '\(id)' in 'levels' of \(fields.what)\(Suggestion.hint(for: id, in: known))")
                continue
            }
            if let text = context.localizedText(value, "level '\(id)' of \(fields.what)") {
                result[LevelID(id)] = text
            }
        }
        return result
    }

    /// Parses an expression scalar; syntax errors are reported at their exact column.
    func decodeExpression(_ fields: Fields, _ key: String, required: Bool) -> Expression? {
        guard let node = required ? fields.required(key, example: "\"answered(some.question)\"") : fields.raw(key) else { return nil }
        guard case let .scalar(scalar) = node else {
            context.error(
                context.location(node), "'\(key)' of \(fields.what) must be an expression written as text, found \(context.describe(node))")
            return nil
        }
        let origin = context.contentOrigin(of: node)
        do {
            return try Expression.parse(scalar.string, origin: origin)
        } catch {
            let location = Expression(source: scalar.string, root: .bool(true, at: 0), origin: origin).location(ofOffset: error.offset)
            context.error(location, "syntax error in '\(key)' of \(fields.what): \(error.message)")
            return nil
        }
    }
}
