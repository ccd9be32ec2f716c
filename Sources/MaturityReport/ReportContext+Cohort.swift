import MaturityQuestionnaire

/// The company's position against its cohort (`maturity report --cohort`).
extension ReportContext {
    /// Present with empty values when there is no cohort, so a template's names can be checked.
    var cohort: [String: Any] {
        guard let position = input.cohort else {
            return ["title": "", "companies": "", "rows": [[String: String]]()]
        }
        let rows: [[String: String]] = position.rows.map { row in
            let name =
                row.id == CohortReport.overallKey
                ? pick("Global", "Overall")
                : input.questionnaire.dimensions.first { $0.id.rawValue == row.id }.map { input.text($0.name) } ?? row.id
            return [
                "name": name, "score": input.number(row.score), "q1": input.number(row.q1), "median": input.number(row.median),
                "q3": input.number(row.q3), "percentile": String(row.percentile), "band": bandName(row.band),
            ]
        }
        return ["title": position.title, "companies": String(position.companies), "rows": rows]
    }

    func bandName(_ band: CohortPosition.Band) -> String {
        switch band {
        case .bottomQuarter: pick("Quart inférieur", "Bottom quarter")
        case .belowMedian: pick("Sous la médiane", "Below the median")
        case .aboveMedian: pick("Médiane ou au-dessus", "At or above the median")
        case .topQuarter: pick("Quart supérieur", "Top quarter")
        }
    }
}
