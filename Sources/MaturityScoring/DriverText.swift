import MaturityQuestionnaire

/// The sentence an advisor reads out for a driver, in the report language.
public struct DriverText: Sendable {
    public let questionnaire: Questionnaire
    public let language: LanguageCode

    public init(questionnaire: Questionnaire, language: LanguageCode) {
        self.questionnaire = questionnaire
        self.language = language
    }

    var french: Bool { language == .french }

    func text(_ localized: LocalizedText) -> String { localized.resolve(language, fallback: questionnaire.defaultLanguage) }

    func points(_ value: Double) -> String {
        LocalizedNumber.format(value, language) + (french || value == 1 ? " pt" : " pts")
    }

    func quoted(_ text: String) -> String { french ? "« \(text) »" : "“\(text)”" }

    /// For example: « Des consignes orales » coûte 7,5 pt ; passer à « Une charte écrite » : +5,3 pt
    public func effect(_ driver: Driver) -> String {
        guard let question = questionnaire.question(driver.question) else { return "" }
        let answer = quoted(describe(driver.answer, question))
        var sentence = french ? "\(answer) coûte \(points(driver.lostPoints))" : "\(answer) costs \(points(driver.lostPoints))"
        if let improvement = driver.improvement {
            let target = describe(improvement.target, question)
            sentence += french ? " ; \(target) : +\(points(improvement.gain))" : "; \(target): +\(points(improvement.gain))"
        }
        return sentence
    }

    /// The answer in words: option labels, scale points, matrix rows.
    public func describe(_ answer: AnswerValue, _ question: Question) -> String {
        switch answer {
        case let .code(code): return question.kind.option(code).map { text($0.label) } ?? code.rawValue
        case let .codes(codes):
            let chosen = codes.compactMap { question.kind.option($0) }
            if chosen.count == 1, let only = chosen.first { return text(only.label) }
            let items = question.kind.options.filter { $0.role == .regular && !$0.exclusive }.count
            let ticked = chosen.filter { !$0.exclusive }.count
            return french ? "\(ticked) élément\(ticked > 1 ? "s" : "") sur \(items)" : "\(ticked) of \(items) items"
        case let .number(value): return LocalizedNumber.format(value, language)
        case .text: return french ? "texte libre" : "free text"
        case let .matrix(cells):
            guard case let .matrix(rows, _, _) = question.kind else { return "" }
            return rows.compactMap { row in
                cells[row.code].map {
                    "\(text(row.label)) : \(describe($0, question))".replacingOccurrences(of: " : ", with: french ? " : " : ": ")
                }
            }.joined(separator: " ; ".replacingOccurrences(of: " ;", with: french ? " ;" : ";"))
        case let .useCases(items): return french ? "\(items.count) cas d'usage" : "\(items.count) use cases"
        }
    }

    public func describe(_ target: Improvement.Target, _ question: Question) -> String {
        switch target {
        case let .option(code):
            let label = question.kind.option(code).map { text($0.label) } ?? code.rawValue
            return french ? "passer à \(quoted(label))" : "moving to \(quoted(label))"
        case let .point(point):
            return french ? "passer à \(point)" : "moving to \(point)"
        case let .row(row, point):
            var label = row.rawValue
            if case let .matrix(rows, _, _) = question.kind, let match = rows.first(where: { $0.code == row }) {
                label = text(match.label)
            }
            return french ? "passer \(quoted(label)) à \(point)" : "raising \(quoted(label)) to \(point)"
        case let .add(code):
            let label = question.kind.option(code).map { text($0.label) } ?? code.rawValue
            return french ? "ajouter \(quoted(label))" : "adding \(quoted(label))"
        case let .atLeast(value):
            return french ? "atteindre \(LocalizedNumber.format(value, language))" : "reaching \(LocalizedNumber.format(value, language))"
        }
    }
}
