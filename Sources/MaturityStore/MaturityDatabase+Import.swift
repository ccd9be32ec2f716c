import Foundation
import GRDB
import MaturityQuestionnaire

extension MaturityDatabase {
    /// Starts a batch run: stores the questionnaire body and a `running` import row.
    public func beginImport(files: [String], mapping: String?, questionnaire: Questionnaire, body: String, at date: Date) throws(StoreError)
        -> Int64
    {
        try write { db in
            try Self.storeQuestionnaire(db, questionnaire, body: body, at: date)
            try db.execute(
                sql: "INSERT INTO importBatch (startedAt, status, files, mapping, questionnaireSha256) VALUES (?, 'running', ?, ?, ?)",
                arguments: [date, try JSONCoding.string(files), mapping, questionnaire.sha256])
            return db.lastInsertedRowID
        }
    }

    /// Records how a batch run ended, with its counts.
    public func finishImport(_ id: Int64, counts: ImportCounts, interrupted: Bool, at date: Date) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE importBatch SET finishedAt = ?, status = ?, readRows = ?, stored = ?, updated = ?, rejected = ?, skipped = ?
                    WHERE id = ?
                    """,
                arguments: [
                    date, interrupted ? "interrupted" : "finished", counts.read, counts.stored, counts.updated, counts.rejected,
                    counts.skipped, id,
                ])
        }
    }

    /// Writes a chunk of scored respondents in one transaction. A respondent whose key is
    /// already stored is updated in place (same id, same wave); others become new completed
    /// assessments of their company (found by SIREN or name, else created).
    public func storeImported(_ items: [ImportedAssessment], importId: Int64, questionnaire: Questionnaire, at date: Date)
        throws(StoreError) -> [ImportOutcome]
    {
        try write { db in
            let now = date.databaseValue
            var outcomes: [ImportOutcome] = []
            outcomes.reserveCapacity(items.count)
            for item in items {
                let existing = try Int64.fetchOne(
                    db.cachedStatement(sql: "SELECT id FROM assessment WHERE sourceKey = ? AND source = 'import' LIMIT 1"),
                    arguments: [item.key])
                let id: Int64
                if let existing {
                    id = existing
                    try db.cachedStatement(
                        sql: """
                            UPDATE assessment SET answerDocument = ?, language = ?, sourceFile = ?, sourceRow = ?, importId = ?,
                            result = NULL, engine = ?, updatedAt = ?, status = 'completed', completedAt = COALESCE(completedAt, ?) WHERE id = ?
                            """
                    ).execute(arguments: [item.answerDocument, item.language, item.file, item.row, importId, item.engine, now, now, id])
                    try db.cachedStatement(sql: "DELETE FROM score WHERE assessmentId = ?").execute(arguments: [id])
                    try db.cachedStatement(sql: "DELETE FROM roadmapAction WHERE assessmentId = ?").execute(arguments: [id])
                    outcomes.append(.updated(AssessmentID(rawValue: id)))
                } else {
                    let companyId = try Self.findOrCreateCompany(db, item.company, at: date)
                    let wave =
                        try Int.fetchOne(
                            db.cachedStatement(sql: "SELECT COUNT(*) FROM assessment WHERE companyId = ?"), arguments: [companyId]) ?? 0
                    try db.cachedStatement(
                        sql: """
                            INSERT INTO assessment (companyId, questionnaireSha256, questionnaireId, questionnaireVersion, wave, language,
                            status, source, sourceFile, sourceRow, sourceKey, engine, createdAt, updatedAt, completedAt, importId,
                            answerDocument) VALUES (?, ?, ?, ?, ?, ?, 'completed', 'import', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """
                    ).execute(arguments: [
                        companyId, questionnaire.sha256, questionnaire.id, questionnaire.version.description, wave + 1, item.language,
                        item.file, item.row, item.key, item.engine, now, now, now, importId, item.answerDocument,
                    ])
                    id = db.lastInsertedRowID
                    outcomes.append(.stored(AssessmentID(rawValue: id)))
                }
                let insertScore = try db.cachedStatement(
                    sql:
                        "INSERT INTO score (assessmentId, dimensionId, score, rawScore, level, coverage, caps, engine) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                )
                for score in item.scores {
                    try insertScore.execute(arguments: [
                        id, score.dimension, score.score, score.rawScore, score.level, score.coverage, score.caps, item.engine,
                    ])
                }
                let insertAction = try db.cachedStatement(
                    sql:
                        "INSERT OR IGNORE INTO roadmapAction (assessmentId, position, phase, ruleId, dimensionId, title, blocking) VALUES (?, ?, ?, ?, ?, ?, ?)"
                )
                for (index, action) in item.actions.enumerated() {
                    try insertAction.execute(arguments: [
                        id, index + 1, action.phase, action.rule, action.dimension, action.title, action.blocking,
                    ])
                }
            }
            return outcomes
        }
    }
}
