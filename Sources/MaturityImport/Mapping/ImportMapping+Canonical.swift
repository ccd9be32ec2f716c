import MaturityQuestionnaire

extension ImportMapping {
    /// Header names of the canonical wide format besides question ids.
    public static let respondentHeaders = ["respondent", "respondent_id", "id", "key", "assessment"]
    static let companyHeaders: [String: CompanyField] = [
        "company": .name, "company_name": .name, "siren": .siren, "sector": .sector, "headcount": .headcount, "region": .region,
    ]
    /// Columns of `maturity export --format wide` that are results, not answers.
    static let ignoredHeaders: Set<String> = ["wave", "status", "questionnaire", "version", "language", "overall_score", "overall_level"]

    /// The mapping of the canonical wide format: one column per question id (`q[row]` for a
    /// matrix row), multiple choices as `code|code`. Also returns the headers it did not use.
    public static func canonical(header: [String], questionnaire: Questionnaire) -> (mapping: ImportMapping, unknown: [String]) {
        var mapping = ImportMapping()
        var unknown: [String] = []
        var matrixRows: [QuestionID: [(row: OptionCode, column: ColumnRef)]] = [:]
        var order: [QuestionID] = []
        for (index, name) in header.enumerated() {
            let ref = ColumnRef.position(index + 1)
            if let question = questionnaire.question(QuestionID(name)) {
                mapping.questions.append(QuestionMapping(question: question.id, source: .column(ref)))
            } else if let (question, row) = matrixCell(name, questionnaire) {
                if matrixRows[question] == nil { order.append(question) }
                matrixRows[question, default: []].append((row, ref))
            } else if let field = companyHeaders[name.lowercased()] {
                if mapping.company[field] == nil { mapping.company[field] = ref }
            } else if respondentHeaders.contains(name.lowercased()) {
                let rank = respondentHeaders.firstIndex(of: name.lowercased()) ?? 0
                if mapping.respondent.map({ current in
                    guard case let .position(position) = current else { return true }
                    return rank < (respondentHeaders.firstIndex(of: header[position - 1].lowercased()) ?? 0)
                }) ?? true {
                    mapping.respondent = ref
                }
            } else if !(ignoredHeaders.contains(name.lowercased()) || name.hasPrefix("score.") || name.hasPrefix("level.")) {
                unknown.append(name)
            }
        }
        for question in order { mapping.questions.append(QuestionMapping(question: question, source: .rows(matrixRows[question] ?? []))) }
        return (mapping, unknown)
    }

    /// `grid[row]` of a matrix question.
    static func matrixCell(_ name: String, _ questionnaire: Questionnaire) -> (QuestionID, OptionCode)? {
        guard name.hasSuffix("]"), let open = name.firstIndex(of: "[") else { return nil }
        let id = QuestionID(String(name[..<open]))
        let row = OptionCode(String(name[name.index(after: open)..<name.index(before: name.endIndex)]))
        guard case let .matrix(rows, _, _)? = questionnaire.question(id)?.kind, rows.contains(where: { $0.code == row }) else { return nil }
        return (id, row)
    }
}
