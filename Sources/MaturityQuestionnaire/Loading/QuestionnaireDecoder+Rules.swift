import Yams

extension QuestionnaireDecoder {
    static let capFields = ["id", "dimension", "when", "maxLevel", "reason"]
    static let ruleFields = [
        "id", "when", "phase", "dimension", "title", "body", "effort", "kpi", "owner", "blocking", "priority",
    ]

    func decodeCap(_ node: Node, dimensions: [Dimension], levels: [Level]) -> Cap? {
        guard let fields = context.fields(node, "cap", allowed: Self.capFields) else { return nil }
        let id = fields.string("id", required: true, example: "no-charter")
        let named = Fields(node: fields.node, mapping: fields.mapping, what: id.map { "cap '\($0.value)'" } ?? "cap", context: context)
        if let id {
            context.checkIdentifier(id.value, "cap", at: id.at)
            context.register("cap", id.value, at: id.at)
        }
        let dimension = reference(named, "dimension", in: dimensions.map(\.id.rawValue), noun: "dimension")
        let maxLevel = reference(named, "maxLevel", in: levels.map(\.id.rawValue), noun: "level")
        let condition = decodeExpression(named, "when", required: true)
        let reason = named.localized("reason", required: true)
        guard let id, let dimension, let maxLevel, let condition, let reason else { return nil }
        return Cap(
            id: CapID(id.value), dimension: DimensionID(dimension), condition: condition,
            maxLevel: LevelID(maxLevel), reason: reason)
    }

    func decodeRule(_ node: Node, dimensions: [Dimension]) -> Rule? {
        guard let fields = context.fields(node, "rule", allowed: Self.ruleFields) else { return nil }
        let id = fields.string("id", required: true, example: "usage-charter")
        let named = Fields(node: fields.node, mapping: fields.mapping, what: id.map { "rule '\($0.value)'" } ?? "rule", context: context)
        if let id {
            context.checkIdentifier(id.value, "rule", at: id.at)
            context.register("rule", id.value, at: id.at)
        }
        let condition = decodeExpression(named, "when", required: true)
        let phase = named.choice("phase", Phase.self, required: true)
        let dimension = reference(named, "dimension", in: dimensions.map(\.id.rawValue), noun: "dimension")
        let title = named.localized("title", required: true)
        let body = named.localized("body", required: true)
        let effort = named.choice("effort", Effort.self, required: true)
        let blocking = named.bool("blocking") ?? false
        let priority = named.integer("priority")?.value ?? 100
        if blocking, let phase, phase != .audit, let at = named.string("phase")?.at {
            context.warning(at, "\(named.what) blocks pilots but is in phase '\(phase.rawValue)'; blocking actions are always placed in the audit phase, so write 'phase: audit'")
        }
        guard let id, let condition, let phase, let dimension, let title, let body, let effort else { return nil }
        return Rule(
            id: RuleID(id.value), condition: condition, phase: blocking ? .audit : phase,
            dimension: DimensionID(dimension), title: title, body: body, effort: effort,
            kpi: named.localized("kpi"), owner: named.localized("owner"), blocksPilots: blocking,
            priority: priority)
    }

    /// A field naming something declared elsewhere (a dimension, a level).
    private func reference(_ fields: Fields, _ key: String, in known: [String], noun: String) -> String? {
        guard let (value, at) = fields.string(key, required: true, example: known.first ?? noun) else { return nil }
        guard known.contains(value) else {
            context.error(at, "unknown \(noun) '\(value)' in '\(key)' of \(fields.what)\(Suggestion.hint(for: value, in: known)) (\(noun)s: \(known.joined(separator: ", ")))")
            return nil
        }
        return value
    }
}
