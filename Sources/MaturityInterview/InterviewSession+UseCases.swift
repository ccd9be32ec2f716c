import MaturityQuestionnaire
import MaturityScoring

/// The use-case inventory as a small loop: add, list, edit, remove, done.
extension InterviewSession {
    mutating func useCaseMenu(_ input: String, _ id: QuestionID) -> [Action] {
        let list = items(id)
        let parts = input.lowercased().split(separator: " ")
        switch (parts.first.map(String.init), parts.count > 1 ? Int(parts[1]) : nil) {
        case (nil, _):
            return next(after: id)
        case ("a", _):
            useCaseDraft = []
            mode = .useCaseField(id, field: 0, editing: nil)
            return [.show(fieldPrompt(0))]
        case ("l", _):
            return [.show(listing(list)), .show(prompt())]
        case let ("e", number?) where list.indices.contains(number - 1):
            useCaseDraft = []
            mode = .useCaseField(id, field: 0, editing: number - 1)
            return [.show(fieldPrompt(0))]
        case let ("r", number?) where list.indices.contains(number - 1):
            var kept = list
            kept.remove(at: number - 1)
            answers[id] = .useCases(kept)
            return [.save(id, .useCases(kept)), .show(listing(kept)), .show(prompt())]
        case let ("e"?, number), let ("r"?, number):
            return [.problem(text.noUseCase(number ?? 0)), .show(prompt())]
        default:
            return [.problem(text.useCaseMenu), .show(prompt())]
        }
    }

    mutating func useCaseField(_ input: String, _ id: QuestionID, _ field: Int, _ editing: Int?) -> [Action] {
        guard valid(input, field: field) else { return [.problem(text.useCaseFields[field]), .show(fieldPrompt(field))] }
        useCaseDraft.append(input)
        guard field + 1 < text.useCaseFields.count else {
            var list = items(id)
            let item = makeUseCase(useCaseDraft)
            if let editing, list.indices.contains(editing) { list[editing] = item } else { list.append(item) }
            answers[id] = .useCases(list)
            mode = .useCaseMenu(id)
            return [.save(id, .useCases(list)), .show(text.useCaseCount(list.count)), .show(prompt())]
        }
        mode = .useCaseField(id, field: field + 1, editing: editing)
        return [.show(fieldPrompt(field + 1))]
    }

    func fieldPrompt(_ field: Int) -> String { text.useCaseFields[field] + text.pick(" :", ":") }

    func valid(_ input: String, field: Int) -> Bool {
        let number = Double(input.replacingOccurrences(of: ",", with: "."))
        switch field {
        case 0: return !input.isEmpty
        case 1: return true
        case 2, 3: return (number ?? -1) >= 0
        case 4: return (number ?? 0) >= 1
        case 5, 6: return number.map { $0.rounded() == $0 && (1...5).contains($0) } ?? false
        case 7: return (AnswerInput.yes + AnswerInput.no).contains(input.lowercased())
        default: return Int(input).map { (1...4).contains($0) } ?? false
        }
    }

    func makeUseCase(_ fields: [String]) -> UseCase {
        func number(_ index: Int) -> Double { Double(fields[index].replacingOccurrences(of: ",", with: ".")) ?? 0 }
        let risks: [UseCase.AIActRisk] = [.minimal, .limited, .high, .prohibited]
        return UseCase(
            name: fields[0], department: fields[1].isEmpty ? nil : fields[1], frequencyPerWeek: number(2),
            minutesPerOccurrence: number(3), people: number(4), impact: Int(number(5)), effort: Int(number(6)),
            personalData: AnswerInput.yes.contains(fields[7].lowercased()), aiActRisk: risks[max(0, min(3, Int(number(8)) - 1))])
    }

    func listing(_ list: [UseCase]) -> String {
        guard !list.isEmpty else { return text.useCaseCount(0) }
        return list.enumerated().map { index, item in
            "  \(index + 1). \(item.name) · \(LocalizedNumber.format(item.frequencyPerWeek, text.language))\(text.perWeek) · \(LocalizedNumber.format(item.minutesPerOccurrence, text.language)) min · \(LocalizedNumber.format(item.people, text.language)) · impact \(item.impact) · effort \(item.effort)"
        }.joined(separator: "\n")
    }
}
