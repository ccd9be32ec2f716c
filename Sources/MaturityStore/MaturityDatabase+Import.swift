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
            let writer = try ImportWriter(db, importId: importId, questionnaire: questionnaire, at: date)
            let outcomes = try items.map(writer.store)
            try writer.flush()
            return outcomes
        }
    }
}

/// The statements of one chunk, prepared once and run for every respondent of the chunk.
/// Scores and actions are inserted many rows at a time, at the latest by `flush()`.
private final class ImportWriter {
    let importId: Int64
    let now: String
    let questionnaire: (sha256: String, id: String, version: String)
    let companies: CompanyStatements
    let existing: RawStatement
    let update: RawStatement
    let deleteScores: RawStatement
    let deleteActions: RawStatement
    let waves: RawStatement
    let insert: RawStatement
    let scores: BatchInsert
    let actions: BatchInsert
    /// Assessments whose scores and actions may still be pending.
    private var pending = Set<Int64>()

    init(_ db: Database, importId: Int64, questionnaire: Questionnaire, at date: Date) throws {
        self.importId = importId
        now = MaturityDatabase.databaseText(date)
        self.questionnaire = (questionnaire.sha256, questionnaire.id, questionnaire.version.description)
        companies = try CompanyStatements(db)
        existing = try RawStatement(db, "SELECT id FROM assessment WHERE sourceKey = ? AND source = 'import' LIMIT 1")
        update = try RawStatement(
            db,
            """
            UPDATE assessment SET answerDocument = ?, language = ?, sourceFile = ?, sourceRow = ?, importId = ?,
            result = NULL, engine = ?, updatedAt = ?, status = 'completed', completedAt = COALESCE(completedAt, ?) WHERE id = ?
            """)
        deleteScores = try RawStatement(db, "DELETE FROM score WHERE assessmentId = ?")
        deleteActions = try RawStatement(db, "DELETE FROM roadmapAction WHERE assessmentId = ?")
        waves = try RawStatement(db, "SELECT COUNT(*) FROM assessment WHERE companyId = ?")
        insert = try RawStatement(
            db,
            """
            INSERT INTO assessment (companyId, questionnaireSha256, questionnaireId, questionnaireVersion, wave, language,
            status, source, sourceFile, sourceRow, sourceKey, engine, createdAt, updatedAt, completedAt, importId,
            answerDocument) VALUES (?, ?, ?, ?, ?, ?, 'completed', 'import', ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        scores = BatchInsert(
            db, "INSERT INTO score (assessmentId, dimensionId, score, rawScore, level, coverage, caps, engine)", columns: 8)
        actions = BatchInsert(
            db, "INSERT OR IGNORE INTO roadmapAction (assessmentId, position, phase, ruleId, dimensionId, title, blocking)", columns: 7)
    }

    func store(_ item: ImportedAssessment) throws -> ImportOutcome {
        try existing.bind(1, item.key)
        let id: Int64
        let outcome: ImportOutcome
        if let found = try existing.firstInteger() {
            id = found
            try update.bind(2, item.language)
            try update.bind(3, item.file)
            try update.bind(4, item.row)
            try update.bind(5, importId)
            try update.bind(6, item.engine)
            try update.bind(7, now)
            try update.bind(8, now)
            try update.bind(9, id)
            try update.with(utf8: item.answerDocument, at: 1) { try update.run() }
            // A second row of the same respondent in one chunk: its first rows go in first.
            if pending.contains(id) { try flush() }
            for statement in [deleteScores, deleteActions] {
                try statement.bind(1, id)
                try statement.run()
            }
            outcome = .updated(AssessmentID(rawValue: id))
        } else {
            let (companyId, created) = try companies.findOrCreate(item.company, now: now)
            // A company created a moment ago has no assessment yet.
            var wave: Int64 = 0
            if !created {
                try waves.bind(1, companyId)
                wave = try waves.firstInteger() ?? 0
            }
            try insert.bind(1, companyId)
            try insert.bind(2, questionnaire.sha256)
            try insert.bind(3, questionnaire.id)
            try insert.bind(4, questionnaire.version)
            try insert.bind(5, wave + 1)
            try insert.bind(6, item.language)
            try insert.bind(7, item.file)
            try insert.bind(8, item.row)
            try insert.bind(9, item.key)
            try insert.bind(10, item.engine)
            for position: Int32 in 11...13 { try insert.bind(position, now) }
            try insert.bind(14, importId)
            id = try insert.with(utf8: item.answerDocument, at: 15) { try insert.insertedRowID() }
            outcome = .stored(AssessmentID(rawValue: id))
        }
        pending.insert(id)
        for score in item.scores {
            try scores.append(
                SQLiteValue(id), SQLiteValue(score.dimension), SQLiteValue(score.score), SQLiteValue(score.rawScore),
                SQLiteValue(score.level), SQLiteValue(score.coverage), SQLiteValue(score.caps), SQLiteValue(item.engine))
        }
        for (index, action) in item.actions.enumerated() {
            try actions.append(
                SQLiteValue(id), SQLiteValue(index + 1), SQLiteValue(action.phase), SQLiteValue(action.rule), SQLiteValue(action.dimension),
                SQLiteValue(action.title), SQLiteValue(action.blocking))
        }
        return outcome
    }

    func flush() throws {
        try scores.flush()
        try actions.flush()
        pending.removeAll(keepingCapacity: true)
    }
}
