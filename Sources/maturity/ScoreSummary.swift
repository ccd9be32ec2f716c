import MaturityQuestionnaire
import MaturityRoadmap
import MaturityScoring

/// The terminal rendering of a diagnosis: score table, then the roadmap in brief.
struct ScoreSummary {
    let document: DiagnosisDocument
    let language: LanguageCode

    var french: Bool { language == .french }

    func label(_ fr: String, _ en: String) -> String { french ? fr : en }

    func number(_ value: Double?) -> String { value.map { LocalizedNumber.format($0, language, fixed: true) } ?? "–" }

    func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }

    var text: String {
        var lines: [String] = []
        let q = document.questionnaire
        lines.append("\(label("Questionnaire", "Questionnaire")) \(q.id) \(q.version) (sha256 \(q.sha256.prefix(12)))")
        if let name = document.company.name {
            lines.append("\(label("Entreprise", "Company")) : \(name)".replacingOccurrences(of: " : ", with: french ? " : " : ": "))
        }
        lines.append("")
        lines += table
        lines.append("")
        lines += roadmap
        return lines.map { $0.replacing(/\ +$/, with: "") }.joined(separator: "\n") + "\n"
    }

    var table: [String] {
        let names = document.dimensions.map(\.name) + [label("Global", "Overall")]
        let width = max(24, names.map(\.count).max() ?? 0) + 2
        var lines = [
            pad(label("Dimension", "Dimension"), width) + pad(label("Score", "Score"), 7, right: true) + "  "
                + pad(label("Niveau", "Level"), 19) + pad(label("Couverture", "Coverage"), 11, right: true) + "  "
                + label("Plafonds", "Caps")
        ]
        for item in document.dimensions {
            let caps = item.caps.filter(\.binding).map(\.reason).joined(separator: "; ")
            lines.append(
                pad(item.name, width) + pad(number(item.score), 7, right: true) + "  " + pad(item.levelName ?? "–", 19)
                    + pad(LocalizedNumber.format(item.coverage * 100, language, decimals: 0) + " %", 11, right: true) + "  " + caps)
        }
        lines.append(
            pad(label("Global", "Overall"), width) + pad(number(document.overall.score), 7, right: true) + "  "
                + (document.overall.levelName ?? "–"))
        if let weakest = document.dimensions.first(where: { $0.id == document.overall.weakest }) {
            lines.append(label("Dimension la plus faible : ", "Weakest dimension: ") + weakest.name)
        }
        return lines
    }

    var roadmap: [String] {
        var lines: [String] = []
        let names = ["audit": label("Audit", "Audit"), "pilot": label("Pilote", "Pilot"), "rollout": label("Déploiement", "Rollout")]
        for phase in document.roadmap.phases {
            lines.append("\(names[phase.id] ?? phase.id) (\(phase.weeks[0])–\(phase.weeks[1]) \(label("semaines", "weeks")))")
            for action in phase.actions {
                let mark = action.blocking ? label(" [bloquant]", " [blocking]") : ""
                lines.append("  - \(action.title)\(mark)")
            }
            for useCase in phase.useCases ?? [] where useCase.proposed {
                lines.append(
                    "  * \(label("Pilote proposé", "Proposed pilot")) : \(useCase.name) (\(LocalizedNumber.format(useCase.exposureHours, language, decimals: 0)) h/\(label("an", "year")))"
                        .replacingOccurrences(of: " : ", with: french ? " : " : ": "))
            }
        }
        let base = document.roadmap.roi.base
        let payback = base.paybackMonths.map { LocalizedNumber.format($0, language) + label(" mois", " months") } ?? "–"
        lines.append("")
        lines.append(
            label("ROI (scénario médian, 35 % du temps gagné) : ", "ROI (base scenario, 35 % of time saved): ")
                + "\(LocalizedNumber.format(base.hoursSaved, language, decimals: 0)) h, \(LocalizedNumber.format(base.value, language, decimals: 0)) €, "
                + label("coût année 1 ", "year-1 cost ") + "\(LocalizedNumber.format(base.cost, language, decimals: 0)) €, "
                + label("retour sur investissement en ", "payback ") + payback)
        return lines
    }
}
