import Foundation
import GRDB
import MaturityQuestionnaire
import MaturityScoring

extension MaturityDatabase {
    /// Starts a batch run: stores the questionnaire body, its action titles and a `running`
    /// import row.
    public func beginImport(files: [String], mapping: String?, questionnaire: Questionnaire, body: String, at date: Date) throws(StoreError)
        -> Int64
    {
        try write { db in
            try Self.storeQuestionnaire(db, questionnaire, body: body, at: date)
            try ActionTitles.store(db, questionnaire)
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

    /// Writes a chunk of scored respondents in one transaction, one row each. A respondent
    /// whose key is already stored is updated in place (same id, same wave); others become new
    /// completed assessments of their company (found by SIREN or name, else created).
    /// `keys`: from `newKeys(scope:)` for the file the chunk comes from, to skip looking up
    /// keys that cannot be stored yet; nil looks every key up. With `keys`, the caller stores
    /// each key once, in all its calls (`maturity batch` rejects a respondent seen before): a
    /// key given twice would be stored twice.
    public func storeImported(
        _ items: [ImportedAssessment], importId: Int64, questionnaire: Questionnaire, at date: Date, keys: NewKeys? = nil
    ) throws(StoreError) -> [ImportOutcome] {
        try write { db in
            let looksKeysUp = try !(keys?.stillNew(db) ?? false)
            let writer = try ImportWriter(db, importId: importId, questionnaire: questionnaire, at: date, looksKeysUp: looksKeysUp)
            var outcomes: [ImportOutcome] = []
            outcomes.reserveCapacity(items.count)
            for item in items { outcomes.append(try writer.store(item)) }
            return outcomes
        }
    }

    /// Whether no stored assessment has a respondent key of `scope` (keys are
    /// `"<scope>#<respondent>"`): then the first import of an export need not look up each of
    /// its keys, an index search per respondent. Call it before the first chunk of the file.
    /// Read on the writing connection, as `data_version` is counted per connection.
    public func newKeys(scope: String) throws(StoreError) -> NewKeys? {
        try write { db in
            let prefix = scope + "#"
            // '$' follows '#': the range holds every text that starts with the prefix.
            let stored =
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM assessment WHERE sourceKey >= ? AND sourceKey < ?)",
                    arguments: [prefix, scope + "$"]) ?? true
            return stored ? nil : NewKeys(dataVersion: try NewKeys.dataVersion(db))
        }
    }
}

/// No stored key had the prefix of one file's respondents when `MaturityDatabase.newKeys`
/// looked. The batch itself stores each key once (it rejects a respondent seen before), so the
/// keys stay new as long as no other connection writes the file: SQLite's `data_version`
/// changes when one does, and the writer then looks every key up again.
public struct NewKeys: Sendable {
    let dataVersion: Int64

    static func dataVersion(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? -1
    }

    func stillNew(_ db: Database) throws -> Bool { try Self.dataVersion(db) == dataVersion }
}

/// The statements of one chunk, prepared once and run for every respondent of the chunk:
/// one row per respondent, its texts encoded already. What is the same for the whole chunk
/// (questionnaire, import, time) is bound once: SQLite keeps bindings from one row to the next.
private final class ImportWriter {
    /// Whether a respondent's key may be stored already (see `NewKeys`).
    let looksKeysUp: Bool
    let companies: CompanyStatements
    let existing: RawStatement
    let update: RawStatement
    let waves: RawStatement
    let insert: RawStatement

    init(_ db: Database, importId: Int64, questionnaire: Questionnaire, at date: Date, looksKeysUp: Bool) throws {
        self.looksKeysUp = looksKeysUp
        let now = MaturityDatabase.databaseText(date)
        companies = try CompanyStatements(db, now: now)
        existing = try RawStatement(db, "SELECT id FROM assessment WHERE sourceKey = ? AND source = 'import' LIMIT 1")
        update = try RawStatement(
            db,
            """
            UPDATE assessment SET answerDocument = ?, scores = ?, actions = ?, language = ?, sourceFile = ?, sourceRow = ?,
            importId = ?, result = NULL, engine = ?, updatedAt = ?, status = 'completed', completedAt = COALESCE(completedAt, ?)
            WHERE id = ?
            """)
        waves = try RawStatement(db, "SELECT COUNT(*) FROM assessment WHERE companyId = ?")
        insert = try RawStatement(
            db,
            """
            INSERT INTO assessment (answerDocument, scores, actions, companyId, questionnaireSha256, questionnaireId,
            questionnaireVersion, wave, language, status, source, sourceFile, sourceRow, sourceKey, engine, createdAt, updatedAt,
            completedAt, importId) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'completed', 'import', ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try update.bind(7, importId)
        for position: Int32 in 9...10 { try update.bind(position, now) }
        try insert.bind(5, questionnaire.sha256)
        try insert.bind(6, questionnaire.id)
        try insert.bind(7, questionnaire.version.description)
        for position: Int32 in 14...16 { try insert.bind(position, now) }
        try insert.bind(17, importId)
    }

    func store(_ item: ImportedAssessment) throws -> ImportOutcome {
        if looksKeysUp, let id = try existingId(item.key) {
            try update.bind(4, item.language)
            try update.bind(5, item.file)
            try update.bind(6, item.row)
            try update.bind(8, item.engine)
            try update.bind(11, id)
            try withTexts(of: item, in: update) { try update.run() }
            return .updated(AssessmentID(rawValue: id))
        }
        let (companyId, created) = try companies.findOrCreate(item.company)
        // A company created a moment ago has no assessment yet.
        var wave: Int64 = 0
        if !created {
            try waves.bind(1, companyId)
            wave = try waves.firstInteger() ?? 0
        }
        try insert.bind(4, companyId)
        try insert.bind(8, wave + 1)
        try insert.bind(9, item.language)
        try insert.bind(10, item.file)
        try insert.bind(11, item.row)
        try insert.bind(12, item.key)
        try insert.bind(13, item.engine)
        let id = try withTexts(of: item, in: insert) { try insert.insertedRowID() }
        return .stored(AssessmentID(rawValue: id))
    }

    private func existingId(_ key: String) throws -> Int64? {
        try existing.bind(1, key)
        return try existing.firstInteger()
    }

    /// Binds the answer document, scores and actions (parameters 1–3) without copies while
    /// `body` runs the statement, then unbinds them (the other parameters stay bound).
    private func withTexts<R>(of item: ImportedAssessment, in statement: RawStatement, _ body: () throws -> R) throws -> R {
        try item.results.bytes.withUnsafeBytes { bytes in
            try statement.bind(2, staticText: UnsafeRawBufferPointer(rebasing: bytes[..<item.results.split]))
            try statement.bind(3, staticText: UnsafeRawBufferPointer(rebasing: bytes[item.results.split...]))
            defer { statement.unbind(2...3) }
            return try statement.with(utf8: item.answerDocument, at: 1, body)
        }
    }
}

extension MaturityDatabase {
    /// Replaces the scores and actions of imported respondents with `ImportScoring`'s new ones
    /// (from `rescore`), in one transaction, with the engine that computed them: imported rows
    /// keep their shape (no result document). Returns how many scores or actions changed; an
    /// assessment deleted meanwhile is left alone.
    public func replaceImportedResults(_ items: [(id: AssessmentID, results: ImportedResults)], engine: String, at date: Date)
        throws(StoreError) -> Int
    {
        try write { db in
            let same = try db.makeStatement(sql: "SELECT scores IS ? AND actions IS ? FROM assessment WHERE id = ?")
            let update = try db.makeStatement(sql: "UPDATE assessment SET scores = ?, actions = ?, engine = ?, updatedAt = ? WHERE id = ?")
            var changed = 0
            for item in items {
                let texts = (scores: item.results.scores, actions: item.results.actions)
                if try Bool.fetchOne(same, arguments: [texts.scores, texts.actions, item.id.rawValue]) == false { changed += 1 }
                try update.execute(arguments: [texts.scores, texts.actions, engine, date, item.id.rawValue])
            }
            return changed
        }
    }
}
