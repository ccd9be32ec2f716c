import Foundation
import GRDB
import MaturityQuestionnaire
import MaturityRoadmap
import MaturityScoring

extension MaturityDatabase {
    static let summarySQL = """
        SELECT a.id, a.companyId, c.name AS company, a.wave, a.status, a.questionnaireId AS questionnaire,
               a.questionnaireVersion AS version, a.questionnaireSha256 AS sha256, a.language, a.advisor, a.source,
               \(StoredResults.overall("a", StoredResults.Column.score)) AS overallScore,
               \(StoredResults.overall("a", StoredResults.Column.level)) AS overallLevel, a.createdAt, a.updatedAt
        FROM assessment a
        JOIN company c ON c.id = a.companyId
        """

    /// Assessments, oldest first, optionally of one company and/or with one status; with
    /// `limit`, only the `limit` most recent of them (highest ids), still oldest first.
    public func list(companyId: Int64? = nil, status: AssessmentStatus? = nil, limit: Int? = nil) throws(StoreError)
        -> [AssessmentSummary]
    {
        try read { db in
            var (filter, arguments) = Self.filter(companyId: companyId, status: status)
            guard let limit else {
                return try Row.fetchAll(db, sql: Self.summarySQL + filter + " ORDER BY a.id", arguments: arguments).map(Self.summary)
            }
            arguments += [limit]
            let latest = try Row.fetchAll(db, sql: Self.summarySQL + filter + " ORDER BY a.id DESC LIMIT ?", arguments: arguments)
            return latest.reversed().map(Self.summary)
        }
    }

    /// How many assessments `list` would give without a limit.
    public func count(companyId: Int64? = nil, status: AssessmentStatus? = nil) throws(StoreError) -> Int {
        try read { db in
            let (filter, arguments) = Self.filter(companyId: companyId, status: status)
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM assessment a" + filter, arguments: arguments) ?? 0
        }
    }

    /// The WHERE clause of `list` and `count`, over `assessment a`.
    private static func filter(companyId: Int64?, status: AssessmentStatus?) -> (String, StatementArguments) {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let companyId {
            clauses.append("a.companyId = ?")
            arguments += [companyId]
        }
        if let status {
            clauses.append("a.status = ?")
            arguments += [status.rawValue]
        }
        return (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND "), arguments)
    }

    static func summary(_ row: Row) -> AssessmentSummary {
        AssessmentSummary(
            id: row["id"], companyId: row["companyId"], company: row["company"], wave: row["wave"], status: row["status"],
            questionnaire: row["questionnaire"], version: row["version"], sha256: row["sha256"], language: row["language"],
            advisor: row["advisor"], source: row["source"], overallScore: row["overallScore"], overallLevel: row["overallLevel"],
            createdAt: row["createdAt"], updatedAt: row["updatedAt"])
    }

    /// One assessment with its questionnaire body, answers and stored result.
    public func assessment(_ id: AssessmentID) throws(StoreError) -> StoredAssessment {
        try read { db in
            var bodies: [String: String] = [:]
            guard let stored = try Self.assessment(db, id.rawValue, bodies: &bodies) else {
                throw StoreError.assessmentNotFound(id.rawValue)
            }
            return stored
        }
    }

    /// Reads one assessment, nil when there is none with this id; `bodies` keeps the
    /// questionnaire bodies already read, by hash, so that reading many assessments reads and
    /// holds each body once.
    static func assessment(_ db: Database, _ id: Int64, bodies: inout [String: String]) throws -> StoredAssessment? {
        guard let row = try Row.fetchOne(db, sql: Self.summarySQL + " WHERE a.id = ?", arguments: [id]),
            let record = try AssessmentRecord.fetchOne(db, key: id),
            let company = try CompanyRecord.fetchOne(db, key: record.companyId)
        else { return nil }
        let sha256 = record.questionnaireSha256
        if bodies[sha256] == nil { bodies[sha256] = try QuestionnaireVersionRecord.fetchOne(db, key: sha256)?.body }
        guard let body = bodies[sha256] else { throw StoreError.assessmentNotFound(id) }
        let answers = try AnswerRecord.filter(AnswerRecord.Columns.assessmentId == id).order(AnswerRecord.Columns.questionId).fetchAll(db)
        var values: [String: JSONValue] = [:]
        var notes: [String: String] = [:]
        for answer in answers {
            let value = try JSONCoding.decode(JSONValue.self, answer.value)
            if value != .null { values[answer.questionId] = value }
            if let note = answer.note { notes[answer.questionId] = note }
        }
        if let document = record.answerDocument {
            let imported = try Self.answersAndNotes(document)
            values.merge(imported.answers) { _, new in new }
            notes.merge(imported.notes) { _, new in new }
        }
        let file = AnswerFile(
            questionnaire: record.questionnaireId, version: record.questionnaireVersion, language: record.language,
            company: Company(
                name: company.name, siren: company.siren, sector: company.sector, headcount: company.headcount, region: company.region),
            answers: values, notes: notes.isEmpty ? nil : notes)
        let scores = try Row.fetchAll(
            db, sql: "SELECT dimensionId, score, level FROM score WHERE assessmentId = ? AND dimensionId <> ?",
            arguments: [id, StoredScore.overall]
        ).map { StoredDimensionScore(dimension: $0[0], score: $0[1], level: $0[2]) }
        return StoredAssessment(
            summary: Self.summary(row), questionnaireBody: body, answers: file,
            result: try record.result.map { try JSONCoding.decode(DiagnosisDocument.self, $0) }, scores: scores)
    }

    /// The answers and notes of an imported respondent's answer document, through the fast
    /// JSON reader (`JSONDecoder` was a quarter of exporting 100,000 of them); a document it
    /// cannot read goes through `JSONDecoder`, for the same values or its error.
    static func answersAndNotes(_ document: String) throws -> (answers: [String: JSONValue], notes: [String: String]) {
        if case let .object(fields)? = JSONValue(parsing: document), let answers = object(fields["answers"]),
            let noteValues = object(fields["notes"])
        {
            let notes = noteValues.compactMapValues { value -> String? in if case let .string(text) = value { text } else { nil } }
            if notes.count == noteValues.count { return (answers, notes) }
        }
        let file = try JSONCoding.decode(AnswerFile.self, document)
        return (file.answers ?? [:], file.notes ?? [:])
    }

    /// The fields of an optional object (none when absent or null); nil when it is another kind.
    private static func object(_ value: JSONValue?) -> [String: JSONValue]? {
        switch value {
        case let .object(fields)?: fields
        case .null?, nil: [:]
        default: nil
        }
    }

    /// Every assessment id, oldest first.
    public func assessmentIDs() throws(StoreError) -> [AssessmentID] {
        try read { db in try Int64.fetchAll(db, sql: "SELECT id FROM assessment ORDER BY id").map(AssessmentID.init) }
    }

    /// The company named by id, SIREN or name (case-insensitive); a near miss is suggested.
    public func company(matching text: String) throws(StoreError) -> (id: Int64, name: String) {
        try read { db in
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            var matches: [CompanyRecord] = []
            if let id = Int64(trimmed), let found = try CompanyRecord.fetchOne(db, key: id) { matches = [found] }
            if matches.isEmpty {
                matches = try CompanyRecord.filter(CompanyRecord.Columns.siren == trimmed.filter(\.isNumber)).fetchAll(db)
            }
            if matches.isEmpty { matches = try CompanyRecord.filter(sql: "name = ? COLLATE NOCASE", arguments: [trimmed]).fetchAll(db) }
            if matches.isEmpty, trimmed.count >= 3 {
                let pattern = "%" + trimmed.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
                matches = try CompanyRecord.filter(sql: "name LIKE ?", arguments: [pattern]).fetchAll(db)
            }
            if matches.count > 1 { throw StoreError.ambiguousCompany(trimmed, matches: matches.map { "#\($0.id ?? 0) \($0.name)" }) }
            guard let match = matches.first else {
                let names = try String.fetchAll(db, sql: "SELECT name FROM company")
                throw StoreError.companyNotFound(trimmed, suggestion: Suggestion.closest(to: trimmed, in: names))
            }
            return (match.id ?? 0, match.name)
        }
    }

    /// Rows per table that belong to a company (all tables of the schema, and the `score` and
    /// `roadmapAction` views, whose rows go with their assessments).
    public func rowCounts(companyId: Int64) throws(StoreError) -> [(table: String, rows: Int)] {
        try read { db in try Self.counts(db, companyId) }
    }

    static let companyTables = ["report", "pilotUseCase", "roadmapAction", "score", "answer"]
    /// The tables of `companyTables` (the others are views).
    static let companyChildTables = ["report", "pilotUseCase", "answer"]

    static func counts(_ db: Database, _ companyId: Int64) throws -> [(table: String, rows: Int)] {
        var result: [(String, Int)] = []
        for table in companyTables {
            let rows =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM \(table) WHERE assessmentId IN (SELECT id FROM assessment WHERE companyId = ?)",
                    arguments: [companyId]) ?? 0
            result.append((table, rows))
        }
        result.append(
            ("assessment", try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM assessment WHERE companyId = ?", arguments: [companyId]) ?? 0))
        result.append(("company", try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM company WHERE id = ?", arguments: [companyId]) ?? 0))
        return result
    }

    /// Erases a company and everything about it (GDPR), in one transaction.
    public func deleteCompany(id companyId: Int64) throws(StoreError) -> Deletion {
        try write { db in
            guard let company = try CompanyRecord.fetchOne(db, key: companyId) else {
                throw StoreError.companyNotFound(String(companyId), suggestion: nil)
            }
            let counts = try Self.counts(db, companyId)
            for table in Self.companyChildTables {
                try db.execute(
                    sql: "DELETE FROM \(table) WHERE assessmentId IN (SELECT id FROM assessment WHERE companyId = ?)",
                    arguments: [companyId])
            }
            try db.execute(sql: "DELETE FROM assessment WHERE companyId = ?", arguments: [companyId])
            try db.execute(sql: "DELETE FROM company WHERE id = ?", arguments: [companyId])
            return Deletion(company: company.name, counts: counts)
        }
    }

    /// Runs `PRAGMA integrity_check`; "ok" when the file is sound.
    public func integrityCheck() throws(StoreError) -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }

    /// Keeps a generated report (every generation is kept).
    @discardableResult
    public func saveReport(_ id: AssessmentID, language: String, format: String, body: String, templateHash: String, at date: Date)
        throws(StoreError) -> Int64
    {
        try write { db in
            var record = ReportRecord(
                id: nil, assessmentId: id.rawValue, language: language, format: format, body: body, templateHash: templateHash,
                createdAt: date)
            try record.insert(db)
            return record.id ?? 0
        }
    }

    /// The reports generated for an assessment, oldest first.
    public func reports(of id: AssessmentID) throws(StoreError) -> [StoredReport] {
        try read { db in
            try ReportRecord.filter(Column("assessmentId") == id.rawValue).order(Column("id")).fetchAll(db).map {
                StoredReport(
                    language: $0.language, format: $0.format, body: $0.body, templateHash: $0.templateHash, createdAt: $0.createdAt)
            }
        }
    }
}
