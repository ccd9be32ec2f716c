import Yams

extension QuestionnaireDecoder {
    static let optionFields = ["code", "label", "score", "notApplicable", "dontKnow", "exclusive", "help"]

    /// `options:` of any question type; nil when absent or not a list.
    func decodeOptions(_ fields: Fields, type: String) -> [ChoiceOption]? {
        guard let node = fields.raw("options") else { return nil }
        guard case .sequence = node else {
            _ = context.items(node, "'options' of \(fields.what)")
            return nil
        }
        let choices = type == "single" || type == "multiple"
        let options = context.items(node, "'options' of \(fields.what)").compactMap { item in
            decodeOption(item, in: fields, type: type)
        }
        if options.isEmpty && choices {
            context.error(
                context.location(node), "\(fields.what) has an empty option list; add at least one option with code, label and score")
            return nil
        }
        return options
    }

    private func decodeOption(_ node: Node, in question: Fields, type: String) -> ChoiceOption? {
        let what: (String?) -> String = { code in code.map { "option '\($0)' of \(question.what)" } ?? "option of \(question.what)" }
        guard let option = context.fields(node, allowed: Self.optionFields, idKey: "code", what: what) else { return nil }
        guard let code = option.string("code", required: true, example: "yes") else { return nil }
        context.register("option", code.value, at: code.at, scope: question.what)
        if type == "yesno", ["yes", "partly", "no"].contains(code.value) {
            context.error(
                code.at,
                "\(option.what) repeats a built-in answer of yes/no questions (yes, partly, no); only add special options such as not-applicable or don't-know"
            )
        }
        let label = option.localized("label", required: true)
        let notApplicable = option.bool("notApplicable") ?? false
        let dontKnow = option.bool("dontKnow") ?? false
        let exclusive = option.bool("exclusive") ?? false
        if notApplicable && dontKnow {
            context.error(option.location, "\(option.what) is both notApplicable and dontKnow; choose one")
        }
        if exclusive && type != "multiple", let keyNode = option.mapping.keys.first(where: { $0.string == "exclusive" }) {
            context.error(
                context.location(keyNode),
                "\(option.what) is exclusive, but only options of multiple-choice questions can be; remove 'exclusive' or change the type to multiple"
            )
        }
        let role: ChoiceOption.Role = notApplicable ? .notApplicable : (dontKnow ? .dontKnow : .regular)
        let special = role != .regular
        let isChoice = type == "single" || type == "multiple"
        if !isChoice && !special {
            context.error(
                code.at,
                "\(option.what) must be notApplicable or dontKnow: a \(type) question only takes special options beside its own answers")
        }
        let score: Double
        if special {
            score = 0
        } else if type == "single" {
            score = decodeScore(option, required: true) ?? 0
        } else {
            score = decodeScore(option, required: false) ?? (exclusive ? 0 : 1)
        }
        guard let label else { return nil }
        return ChoiceOption(
            code: OptionCode(code.value), label: label, score: score, role: role, exclusive: exclusive,
            help: option.localized("help"))
    }
}
