import Yams

/// Turns the YAML node tree into a `Questionnaire`, reporting every problem it meets.
struct QuestionnaireDecoder {
    let context: DecodingContext

    static let topLevelFields = [
        "$schema", "id", "version", "languages", "defaultLanguage", "title", "description",
        "levels", "profile", "dimensions", "caps", "rules",
    ]

    func decode(_ root: Node) -> Questionnaire? {
        guard let fields = context.fields(root, "the questionnaire", allowed: Self.topLevelFields) else { return nil }
        let id = fields.string("id", required: true, example: "my-questionnaire")
        let version = decodeVersion(fields)
        let (languages, defaultLanguage) = decodeLanguages(fields)
        context.languages = languages
        let title = fields.localized("title", required: true)
        let description = fields.localized("description")
        let levels = decodeLevels(fields)
        let profile =
            fields.raw("profile").map { node in
                context.items(node, "'profile'").compactMap { decodeQuestion($0, dimension: nil) }
            } ?? []
        let dimensions = decodeDimensions(fields, levels: levels)
        let caps =
            fields.raw("caps").map { node in
                context.items(node, "'caps'").compactMap { decodeCap($0, dimensions: dimensions, levels: levels) }
            } ?? []
        let rules =
            fields.raw("rules").map { node in
                context.items(node, "'rules'").compactMap { decodeRule($0, dimensions: dimensions) }
            } ?? []
        guard let id, let version, let defaultLanguage, let title else { return nil }
        return Questionnaire(
            id: id.value, version: version, languages: languages, defaultLanguage: defaultLanguage,
            title: title, description: description, levels: levels, dimensions: dimensions,
            profile: profile, caps: caps, rules: rules)
    }

    private func decodeVersion(_ fields: Fields) -> SemanticVersion? {
        guard let (text, at) = fields.string("version", required: true, example: "1.0.0") else { return nil }
        guard let version = SemanticVersion(text) else {
            context.error(at, "version '\(text)' is not a semantic version; write MAJOR.MINOR.PATCH, for example '1.0.0'")
            return nil
        }
        return version
    }

    private func decodeLanguages(_ fields: Fields) -> ([LanguageCode], LanguageCode?) {
        var languages: [LanguageCode] = []
        if let node = fields.required("languages", example: "[fr, en]") {
            for item in context.items(node, "'languages'") {
                guard let code = item.string, (try? /[a-z]{2,3}(-[A-Z]{2})?/.wholeMatch(in: code)) != nil else {
                    context.error(
                        context.location(item),
                        "language \(context.describe(item)) is not a language code; use ISO 639-1 codes such as 'fr' or 'en'")
                    continue
                }
                context.register("language", code, at: context.location(item))
                languages.append(LanguageCode(code))
            }
            if languages.isEmpty, case .sequence = node {
                context.error(context.location(node), "'languages' is empty; declare at least one language, for example [fr, en]")
            }
        }
        guard let (code, at) = fields.string("defaultLanguage", required: true, example: languages.first?.rawValue ?? "fr") else {
            return (languages, nil)
        }
        let language = LanguageCode(code)
        if !languages.isEmpty && !languages.contains(language) {
            context.error(
                at,
                "defaultLanguage '\(code)' is not in 'languages' (\(languages.map(\.rawValue).joined(separator: ", ")))\(Suggestion.hint(for: code, in: languages.map(\.rawValue)))"
            )
        }
        return (languages, language)
    }

    private func decodeLevels(_ fields: Fields) -> [Level] {
        guard let node = fields.required("levels", example: "a list of levels with id, name, min, max and description") else { return [] }
        let levels = context.items(node, "'levels'").compactMap(decodeLevel)
        LevelRangeCheck(context: context).check(levels, node: node)
        return levels
    }

    private func decodeLevel(_ node: Node) -> Level? {
        let allowed = ["id", "name", "min", "max", "description"]
        guard let fields = context.fields(node, allowed: allowed, what: { $0.map { "level '\($0)'" } ?? "level" }) else { return nil }
        let id = fields.string("id", required: true, example: "discovery")
        if let id {
            context.checkIdentifier(id.value, "level", at: id.at)
            context.register("level", id.value, at: id.at)
        }
        let name = fields.localized("name", required: true)
        let min = fields.number("min", required: true, example: "0")
        let max = fields.number("max", required: true, example: "20")
        let description = fields.localized("description", required: true)
        guard let id, let name, let min, let max, let description else { return nil }
        return Level(id: LevelID(id.value), name: name, min: min.value, max: max.value, description: description)
    }

    private func decodeDimensions(_ fields: Fields, levels: [Level]) -> [Dimension] {
        guard let node = fields.required("dimensions", example: "a list of dimensions with their questions") else { return [] }
        let dimensions = context.items(node, "'dimensions'").compactMap { decodeDimension($0, levels: levels) }
        if !dimensions.isEmpty && dimensions.allSatisfy({ $0.weight == 0 }) {
            context.error(
                context.location(node),
                "every dimension has weight 0, so no overall score can be computed; give at least one dimension a positive weight")
        }
        return dimensions
    }
}
