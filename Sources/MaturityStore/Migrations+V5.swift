import GRDB

extension Migrations {
    /// The assessment table's `status` and `source` checks become comparisons. SQLite evaluates
    /// `x IN (a, b, c)`, a constant list of more than two items, through a temporary b-tree that
    /// it builds on every run of the statement: each imported respondent's INSERT built two,
    /// about a third of SQLite's work per row (callgrind).
    ///
    /// The new checks accept and reject exactly the same values and the rows on disk do not
    /// change, so the table's definition is rewritten in place, SQLite's documented procedure
    /// for changing a CHECK: instant, whatever the number of rows. A definition that does not
    /// read as this project's GRDB wrote it is rebuilt instead (`rebuildAssessment`).
    static func v5(_ db: Database) throws {
        let table = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'assessment'"
        let sql = try String.fetchOne(db, sql: table) ?? ""
        guard checksAsComparisons.allSatisfy({ sql.components(separatedBy: $0.list).count == 2 }) else {
            return try rebuildAssessment(db)
        }
        let rewritten = checksAsComparisons.reduce(sql) { sql, check in sql.replacingOccurrences(of: check.list, with: check.comparisons) }
        let columns = try db.columns(in: "assessment").map(\.name)
        let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        try db.execute(sql: "PRAGMA writable_schema = ON")
        try db.execute(
            sql: "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'assessment'", arguments: [rewritten])
        try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
        try db.execute(sql: "PRAGMA writable_schema = OFF")
        db.clearSchemaCache()
        // The schema is read again here, inside the migration's transaction: a definition SQLite
        // could not parse, or one that lost a column, fails the migration and changes nothing.
        guard try db.columns(in: "assessment").map(\.name) == columns else {
            throw StoreError.failed(
                "migration v5 could not rewrite the assessment table's checks (its columns changed); nothing was changed. "
                    + "Keep this file and report the output of: sqlite3 FILE .schema")
        }
    }

    /// The checks as v1 wrote them, and as comparisons (the text GRDB writes for them).
    static let checksAsComparisons = [
        (
            list: #"CHECK ("status" IN ('in-progress', 'completed', 'abandoned'))"#,
            comparisons: #"CHECK (("status" = 'in-progress') OR ("status" = 'completed') OR ("status" = 'abandoned'))"#
        ),
        (
            list: #"CHECK ("source" IN ('interview', 'import', 'file'))"#,
            comparisons: #"CHECK (("source" = 'interview') OR ("source" = 'import') OR ("source" = 'file'))"#
        ),
    ]

    /// SQLite's documented table rebuild, for an assessment table whose checks are not written
    /// as expected: the views that read it are dropped, a new table with the same columns in
    /// the same order receives every row by column name, the old table (and its indexes) is
    /// dropped, the new one renamed, its indexes and the views made again. Ids and the
    /// AUTOINCREMENT counter are kept, so no id is ever handed out twice.
    static func rebuildAssessment(_ db: Database) throws {
        let counter = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'assessment'")
        try db.execute(sql: "DROP VIEW score; DROP VIEW roadmapAction")
        try db.create(table: "assessment_new") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("company", onDelete: .cascade, indexed: false).notNull()
            t.column("questionnaireSha256", .text).notNull().references("questionnaireVersion")
            t.column("questionnaireId", .text).notNull()
            t.column("questionnaireVersion", .text).notNull()
            t.column("wave", .integer).notNull()
            t.column("language", .text).notNull()
            t.column("status", .text).notNull().check { $0 == "in-progress" || $0 == "completed" || $0 == "abandoned" }
            t.column("advisor", .text)
            t.column("source", .text).notNull().check { $0 == "interview" || $0 == "import" || $0 == "file" }
            t.column("sourceFile", .text)
            t.column("sourceRow", .integer)
            t.column("sourceKey", .text)
            t.column("result", .text)
            t.column("engine", .text)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
            t.column("completedAt", .datetime)
            t.column("importId", .integer).references("importBatch", onDelete: .setNull)
            t.column("answerDocument", .text)
            t.column("scores", .text)
            t.column("actions", .text)
        }
        let columns = try db.columns(in: "assessment").map { "\"\($0.name)\"" }.joined(separator: ", ")
        try db.execute(sql: "INSERT INTO assessment_new (\(columns)) SELECT \(columns) FROM assessment")
        try db.drop(table: "assessment")
        try db.rename(table: "assessment_new", to: "assessment")
        if let counter {
            try db.execute(
                sql: "UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'assessment'", arguments: [counter])
            if db.changesCount == 0 {
                try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES ('assessment', ?)", arguments: [counter])
            }
        }
        try db.create(index: "assessment_on_companyId", on: "assessment", columns: ["companyId"])
        try db.create(index: "assessment_on_source", on: "assessment", columns: ["sourceKey"])
        try db.create(index: "assessment_on_import", on: "assessment", columns: ["importId"])
        try db.execute(sql: resultViews)
    }
}
