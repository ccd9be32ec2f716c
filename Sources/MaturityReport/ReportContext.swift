import MaturityQuestionnaire
import MaturityRoadmap
import MaturityScoring

/// The values a template sees (documented in docs/report-templates.md). Strings are raw: the
/// template engine escapes them for the output format; charts are ready-made blocks.
struct ReportContext {
    let input: ReportInput
    let format: ReportFormat
    let engine: String

    var labels: [String: String] { ReportLabels.labels(input.language) }

    func pick(_ fr: String, _ en: String) -> String { input.language == .french ? fr : en }

    var phaseNames: [String: String] {
        input.language == .french
            ? ["audit": "Audit", "pilot": "Pilote", "rollout": "Déploiement"] : ["audit": "Audit", "pilot": "Pilot", "rollout": "Rollout"]
    }

    var values: [String: Any] {
        let document = input.document
        var values: [String: Any] = [
            "labels": labels, "lang": input.language.rawValue, "date": input.formattedDate, "engine": engine,
            "format": format.rawValue,
            "company": company, "advisor": input.advisor ?? "", "hasAdvisor": input.advisor != nil,
            "questionnaire": [
                "id": document.questionnaire.id, "version": document.questionnaire.version,
                "sha256": String(document.questionnaire.sha256.prefix(12)),
            ],
            "assessment": ["id": input.assessmentID.map(String.init) ?? "", "wave": String(input.wave)],
            "overall": overall, "weakest": weakest, "firstActions": firstActions,
            "dimensions": dimensions, "phases": phases, "charts": charts,
        ]
        values.merge(useCaseValues) { $1 }
        let compliance = ComplianceNotes(input: input).notes.map { ["topic": $0.topic, "text": $0.text] }
        values["compliance"] = compliance
        values["hasCompliance"] = !compliance.isEmpty
        let notes = self.notes
        values["notes"] = notes
        values["hasNotes"] = !notes.isEmpty
        // Without a previous wave the keys are still there, so a template's names can be checked.
        let progress = self.progress
        values["progress"] =
            progress ?? ["wave": "", "date": "", "overall": "", "rows": [[String: String]](), "note": "", "hasNote": false]
        values["hasProgress"] = progress != nil
        values["cohort"] = cohort
        values["hasCohort"] = input.cohort != nil
        values["appendix"] = appendix
        return values
    }

    var company: [String: Any] {
        let company = input.document.company
        let headcount = company.headcount.flatMap { code in
            input.questionnaire.profileQuestion(for: .headcount).flatMap { $0.kind.option(OptionCode(code)) }.map { input.text($0.label) }
        }
        return [
            "name": company.name ?? "", "siren": company.siren ?? "", "sector": company.sector ?? "",
            "size": headcount ?? company.headcount ?? "", "region": company.region ?? "",
            "hasSiren": company.siren != nil, "hasSector": company.sector != nil, "hasRegion": company.region != nil,
            "hasSize": company.headcount != nil,
        ]
    }

    var overall: [String: Any] {
        let level = input.document.overall.level.flatMap { id in input.questionnaire.levels.first { $0.id.rawValue == id } }
        return [
            "score": input.document.overall.score.map { input.number($0) } ?? "–",
            "level": input.document.overall.levelName ?? "–",
            "meaning": level.map { input.text($0.description) } ?? "",
        ]
    }

    var weakest: [[String: Any]] {
        input.document.dimensions.filter { $0.score != nil }.sorted { ($0.score ?? 0, $0.id) < ($1.score ?? 0, $1.id) }.prefix(2).map {
            ["name": $0.name, "score": input.number($0.score ?? 0), "level": $0.levelName ?? "–"]
        }
    }

    var firstActions: [[String: Any]] {
        input.document.roadmap.phases.flatMap { phase in phase.actions.map { (phase.id, $0) } }.prefix(3).map { phase, action in
            ["title": action.title, "phase": phaseNames[phase] ?? phase, "blocking": action.blocking]
        }
    }

    func bar(_ score: Double?) -> String {
        let filled = Int(((score ?? 0) / 10).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
    }

    var dimensions: [[String: Any]] {
        input.document.dimensions.map { item in
            let dimension = input.questionnaire.dimensions.first { $0.id.rawValue == item.id }
            let level = item.level.flatMap { id in input.questionnaire.levels.first { $0.id.rawValue == id } }
            let meaning =
                level.flatMap { level in dimension?.levelDescriptions[level.id].map { input.text($0) } }
                ?? level.map { input.text($0.description) } ?? ""
            let caps = item.caps.filter(\.binding).map(\.reason)
            return [
                "id": item.id, "name": item.name, "score": item.score.map { input.number($0) } ?? "–",
                "percent": String(Int((item.score ?? 0).rounded())),
                "level": item.levelName ?? "–", "coverage": input.number(item.coverage * 100, decimals: 0) + "\u{A0}%",
                "caps": caps.joined(separator: " ; "), "hasCaps": !caps.isEmpty, "bar": bar(item.score), "meaning": meaning,
                "holdsBack": item.drivers.map { ["question": questionText($0.question), "effect": $0.effect] },
                "raises": item.drivers.filter { $0.gain != nil }.sorted { ($0.gain ?? 0) > ($1.gain ?? 0) }.map {
                    ["question": questionText($0.question), "gain": "+" + input.number($0.gain ?? 0)]
                },
                "hasDrivers": !item.drivers.isEmpty, "hasRaises": item.drivers.contains { $0.gain != nil },
            ]
        }
    }

    func questionText(_ id: String) -> String {
        input.questionnaire.question(QuestionID(id)).map { input.text($0.text) } ?? id
    }

    var phases: [[String: Any]] {
        input.document.roadmap.phases.map { phase in
            let weeks = phase.weeks.map(String.init).joined(separator: "–")
            return [
                "id": phase.id, "name": phaseNames[phase.id] ?? phase.id, "weeks": weeks,
                "actions": phase.actions.map { action in
                    [
                        "title": action.title, "body": action.body, "effort": effort(action.effort), "owner": action.owner ?? "",
                        "hasOwner": action.owner != nil, "kpi": action.kpi ?? "", "hasKpi": action.kpi != nil, "blocking": action.blocking,
                        "dimension": input.document.dimensions.first { $0.id == action.dimension }?.name ?? action.dimension,
                    ] as [String: Any]
                },
            ]
        }
    }

    func effort(_ code: String) -> String {
        switch code {
        case "low": pick("faible", "low")
        case "medium": pick("moyen", "medium")
        case "high": pick("élevé", "high")
        default: code
        }
    }

    var charts: [String: String] {
        let data = ChartData(input, labels: labels, phaseNames: phaseNames)
        switch format {
        case .markdown:
            let mermaid = MermaidCharts(data: data, startDate: ReportInput.iso(input.date))
            return ["scores": mermaid.scores, "timeline": mermaid.timeline, "quadrant": data.points.isEmpty ? "" : mermaid.quadrant]
        case .html:
            let svg = SVGCharts(data: data)
            return ["scores": svg.radar, "timeline": svg.timeline, "quadrant": data.points.isEmpty ? "" : svg.quadrant]
        }
    }
}
