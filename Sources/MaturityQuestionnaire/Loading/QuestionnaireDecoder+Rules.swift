import Yams

extension QuestionnaireDecoder {
    static let capFields = ["id", "dimension", "when", "maxLevel", "reason"]
    static let ruleFields = [
        "id", "when", "phase", "dimension", "title", "body", "effort", "kpi", "owner", "blocking", "priority",
    ]

    func decodeCap(_ node: Node, dimensions: [Dimension], levels: [Level]) -> Cap? {
        guard let fields = context.fields(node, allowed: Self.capFields, what: { $0.map { "cap '\($0)'" } ?? "cap" }) else { return nil }
        let id = fields.string("id", required: true, example: "no-charter")
        if let id {
            context.checkIdentifier(id.value, "cap", at: id.at)
            context.register("cap", id.value, at: id.at)
        }
        let dimension = reference(fields, "dimension", in: dimensions.map(\.id.rawValue), noun: "dimension")
        let maxLevel = reference(fields, "maxLevel", in: levels.map(\.id.rawValue), noun: "level")
        let condition = decodeExpression(fields, "when", required: true)
        let reason = fields.localized("reason", required: true)
        guard let id, let dimension, let maxLevel, let condition, let reason else { return nil }
        return Cap(
            id: CapID(id.value), dimension: DimensionID(dimension), condition: condition,
            maxLevel: LevelID(maxLevel), reason: reason)
    }

    func decodeRule(_ node: Node, dimensions: [Dimension]) -> Rule? {
        guard let fields = context.fields(node, allowed: Self.ruleFields, what: { $0.map { "rule '\($0)'" } ?? "rule" }) else { return nil }
        let id = fields.string("id", required: true, example: "usage-charter")
        if let id {
            context.checkIdentifier(id.value, "rule", at: id.at)
            context.register("rule", id.value, at: id.at)
        }
        let condition = decodeExpression(fields, "when", required: true)
        let phase = fields.choice("phase", Phase.self, required: true)
        let dimension = reference(fields, "dimension", in: dimensions.map(\.id.rawValue), noun: "dimension")
        let title = fields.localized("title", required: true)
        let body = fields.localized("body", required: true)
        let effort = fields.choice("effort", Effort.self, required: true)
        let blocking = fields.bool("blocking") ?? false
        let priority = fields.integer("priority")?.value ?? 100
        if blocking, let phase, phase != .audit, let at = fields.string("phase")?.at {
            context.warning(
                at,
                "\(fields.what) blocks pilots but is in phase '\(phase.rawValue)'; blocking actions are always placed in the audit phase, so write 'phase: audit'"
            )
        }
        guard let id, let condition, let phase, let dimension, let title, let body, let effort else { return nil }
        return Rule(
            id: RuleID(id.value), condition: condition, phase: blocking ? .audit : phase,
            dimension: DimensionID(dimension), title: title, body: body, effort: effort,
            kpi: fields.localized("kpi"), owner: fields.localized("owner"), blocksPilots: blocking,
            priority: priority)
    }

    /// A field naming something declared elsewhere (a dimension, a level).
    private func reference(_ fields: Fields, _ key: String, in known: [String], noun: String) -> String? {
        guard let (value, at) = fields.string(key, required: true, example: known.first ?? noun) else { return nil }
        guard known.contains(value) else {
            context.error(
                at,
                "unknown \(noun) '\(value)' in '\(key)' of \(fields.what)\(Suggestion.hint(for: value, in: known)) (\(noun)s: \(known.joined(separator: ", ")))"
            )
            return nil
        }
        return value
    }
}
