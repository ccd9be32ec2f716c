import MaturityQuestionnaire
import MaturityRoadmap
import MaturityScoring

/// Use cases and ROI, notes, progress and the appendix.
extension ReportContext {
    var useCaseValues: [String: Any] {
        let quadrantNames = ChartData.quadrantNames(input.language)
        let items = input.document.roadmap.phases.compactMap(\.useCases).flatMap { $0 }
        let useCases: [[String: Any]] = items.enumerated().map { index, item in
            [
                "number": String(index + 1), "name": item.name, "department": item.department ?? "",
                "hours": input.number(item.exposureHours, decimals: 0), "impact": String(item.impact), "effort": String(item.effort),
                "quadrant": quadrantNames[item.quadrant] ?? item.quadrant, "proposed": item.proposed,
                "status": item.proposed ? labels["proposed"] ?? "" : exclusion(item.exclusion),
            ]
        }
        let roi = input.document.roadmap.roi
        let scenarios: [[String: Any]] = [
            (pick("Prudent", "Conservative"), roi.conservative), (pick("Médian", "Base"), roi.base),
            (pick("Optimiste", "Optimistic"), roi.optimistic),
        ].map { name, scenario in
            [
                "name": name, "share": input.number(scenario.timeSaved * 100, decimals: 0) + "\u{A0}%",
                "hours": input.number(scenario.hoursSaved, decimals: 0), "value": input.euros(scenario.value),
                "cost": input.euros(scenario.cost),
                "net": input.euros(scenario.netYearOne),
                "payback": scenario.paybackMonths.map { input.number($0) + " " + (labels["months"] ?? "") } ?? "–",
            ]
        }
        return [
            "useCases": useCases, "hasUseCases": !useCases.isEmpty, "hasPilots": !roi.pilots.isEmpty,
            "roi": ["scenarios": scenarios, "assumptions": assumptions(roi.assumptions)],
        ]
    }

    func exclusion(_ code: String?) -> String {
        switch code {
        case "prohibited": pick("Exclu : pratique interdite (AI Act, art. 5)", "Excluded: prohibited practice (AI Act, Art. 5)")
        case "highRiskWithWeakGovernance":
            pick(
                "Exclu tant que la gouvernance est sous le niveau 3 : usage à haut risque",
                "Excluded while governance is below level 3: high-risk use")
        case "personalDataWithWeakGovernance":
            pick(
                "Exclu tant que la gouvernance est sous le niveau 3 : données personnelles",
                "Excluded while governance is below level 3: personal data")
        default: pick("Non retenu pour ce pilote", "Not chosen for this pilot")
        }
    }

    func source(_ code: String) -> String {
        switch code {
        case "given": pick("donné par l'entreprise", "given by the company")
        case "derived": pick("calculé", "derived")
        default: pick("hypothèse par défaut", "default assumption")
        }
    }

    func assumptions(_ item: DiagnosisDocument.AssumptionsItem) -> [[String: String]] {
        let ramp = item.adoptionRamp.map { input.number($0 * 100, decimals: 0) }.joined(separator: " / ")
        return [
            [
                "label": pick("Coût horaire chargé", "Loaded hourly cost"), "value": input.euros(item.hourlyCost, decimals: 2) + "/h",
                "source": source(item.hourlyCostSource),
            ],
            [
                "label": pick("Salaire brut annuel", "Gross annual salary"), "value": input.euros(item.grossSalary),
                "source": source(item.grossSalarySource),
            ],
            [
                "label": pick("Charges patronales", "Employer charges"),
                "value": input.number(item.employerChargesPercent, decimals: 0) + "\u{A0}%",
                "source": source(item.employerChargesSource),
            ],
            [
                "label": pick("Heures travaillées par an", "Hours worked per year"), "value": input.number(item.annualHours, decimals: 0),
                "source": pick("durée légale (1 607 h)", "French legal hours (1,607 h)"),
            ],
            [
                "label": pick("Semaines travaillées par an", "Working weeks per year"),
                "value": input.number(item.workingWeeks, decimals: 0),
                "source": source(item.workingWeeksSource),
            ],
            [
                "label": pick("Adoption mois par mois (année 1, %)", "Adoption month by month (year 1, %)"), "value": ramp,
                "source": pick("hypothèse de montée en charge", "ramp-up assumption"),
            ],
            [
                "label": pick("Adoption moyenne", "Average adoption"), "value": input.number(item.averageAdoption * 100) + "\u{A0}%",
                "source": pick("moyenne de la montée en charge", "mean of the ramp"),
            ],
            [
                "label": pick("Part du temps gagné", "Share of time saved"), "value": "25 / 35 / 50\u{A0}%",
                "source": pick(
                    "Brynjolfsson et al. (NBER w31161), Fed de St. Louis (2025), essai Copilot du gouvernement britannique (2024)",
                    "Brynjolfsson et al. (NBER w31161), St. Louis Fed (2025), UK government Copilot trial (2024)"),
            ],
            [
                "label": pick("Répartition des coûts", "Cost allocation"),
                "value": item.costAllocation == "equal share per proposed pilot"
                    ? pick("à parts égales entre les pilotes proposés", "equal share per proposed pilot") : item.costAllocation,
                "source": pick("calculé", "derived"),
            ],
        ]
    }

    var notes: [[String: String]] {
        input.questionnaire.allQuestions.compactMap { question in
            input.answers.notes[question.id].map { ["question": input.text(question.text), "id": question.id.rawValue, "note": $0] }
        }
    }

    var progress: [String: Any]? {
        guard let previous = input.previous else { return nil }
        let rows: [[String: String]] = previous.comparison.changes.map { change in
            let name =
                input.questionnaire.dimensions.first { $0.id == change.dimension }.map { input.text($0.name) } ?? change.dimension.rawValue
            return [
                "name": name, "before": change.before.map { input.number($0) } ?? "–",
                "after": change.after.map { input.number($0) } ?? "–",
                "delta": change.delta.map { ($0 > 0 ? "+" : "") + input.number($0) } ?? "–",
            ]
        }
        let note =
            previous.comparison.sameVersion
            ? ""
            : pick(
                "Les deux vagues utilisent des versions différentes du questionnaire : les écarts portent sur les \(previous.comparison.commonQuestions) questions communes.",
                "The two waves use different questionnaire versions: changes are computed on the \(previous.comparison.commonQuestions) questions they share."
            )
        return [
            "wave": String(previous.wave), "date": ReportInput.format(previous.date, input.language),
            "overall": previous.overall.map { input.number($0) } ?? "–", "rows": rows, "note": note, "hasNote": !note.isEmpty,
        ]
    }

    var appendix: [[String: Any]] {
        let describe = DriverText(questionnaire: input.questionnaire, language: input.language)
        let visible = Set(Visibility(questionnaire: input.questionnaire, answers: input.answers.answers).visible)
        let sections: [(String, [Question])] =
            [(pick("Profil de l'entreprise", "Company profile"), input.questionnaire.profile)]
            + input.questionnaire.dimensions.map { (input.text($0.name), $0.questions) }
        return sections.map { name, questions in
            [
                "name": name,
                "questions": questions.filter { visible.contains($0.id) }.map { question in
                    [
                        "id": question.id.rawValue, "text": input.text(question.text),
                        "answer": input.answers.answers[question.id].map { answer in
                            if case let .text(value) = answer { return value }
                            return describe.describe(answer, question)
                        } ?? (labels["unanswered"] ?? ""),
                        "note": input.answers.notes[question.id] ?? "",
                    ]
                },
            ]
        }
    }
}
