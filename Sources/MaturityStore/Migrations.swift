import GRDB

/// The schema, as named, append-only migrations. Never edit a shipped migration: add one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-initial-schema", migrate: v1)
        migrator.registerMigration("v2-batch-import", migrate: v2)
        migrator.registerMigration("v3-clustered-children", migrate: v3)
        migrator.registerMigration("v4-results-in-assessment", migrate: v4)
        migrator.registerMigration("v5-assessment-checks-as-comparisons", migrate: v5)
        migrator.registerMigration("v6-action-titles-by-rule", migrate: v6)
        return migrator
    }

    static func v1(_ db: Database) throws {
        try db.create(table: "company") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull()
            t.column("siren", .text).unique()
            t.column("sector", .text)
            t.column("headcount", .text)
            t.column("region", .text)
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "questionnaireVersion") { t in
            t.primaryKey("sha256", .text)
            t.column("questionnaireId", .text).notNull()
            t.column("version", .text).notNull()
            t.column("body", .text).notNull()
            t.column("storedAt", .datetime).notNull()
            t.uniqueKey(["questionnaireId", "version"])
        }
        try db.create(table: "assessment") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("company", onDelete: .cascade).notNull()
            t.column("questionnaireSha256", .text).notNull().references("questionnaireVersion")
            t.column("questionnaireId", .text).notNull()
            t.column("questionnaireVersion", .text).notNull()
            t.column("wave", .integer).notNull()
            t.column("language", .text).notNull()
            t.column("status", .text).notNull().check { ["in-progress", "completed", "abandoned"].contains($0) }
            t.column("advisor", .text)
            t.column("source", .text).notNull().check { ["interview", "import", "file"].contains($0) }
            t.column("sourceFile", .text)
            t.column("sourceRow", .integer)
            t.column("sourceKey", .text)
            t.column("result", .text)
            t.column("engine", .text)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
            t.column("completedAt", .datetime)
        }
        try db.create(table: "answer") { t in
            t.belongsTo("assessment", onDelete: .cascade).notNull()
            t.column("questionId", .text).notNull()
            t.column("value", .text).notNull()
            t.column("notApplicable", .boolean).notNull().defaults(to: false)
            t.column("note", .text)
            t.column("answeredAt", .datetime).notNull()
            t.primaryKey(["assessmentId", "questionId"])
        }
        try db.create(table: "score") { t in
            t.belongsTo("assessment", onDelete: .cascade).notNull()
            t.column("dimensionId", .text).notNull()
            t.column("score", .double)
            t.column("rawScore", .double)
            t.column("level", .text)
            t.column("coverage", .double).notNull()
            t.column("caps", .text).notNull()
            t.column("engine", .text).notNull()
            t.primaryKey(["assessmentId", "dimensionId"])
        }
        try db.create(table: "roadmapAction") { t in
            t.belongsTo("assessment", onDelete: .cascade).notNull()
            t.column("position", .integer).notNull()
            t.column("phase", .text).notNull()
            t.column("ruleId", .text).notNull()
            t.column("dimensionId", .text).notNull()
            t.column("title", .text).notNull()
            t.column("blocking", .boolean).notNull()
            t.primaryKey(["assessmentId", "ruleId"])
        }
        try db.create(table: "pilotUseCase") { t in
            t.belongsTo("assessment", onDelete: .cascade).notNull()
            t.column("position", .integer).notNull()
            t.column("name", .text).notNull()
            t.column("department", .text)
            t.column("exposureHours", .double).notNull()
            t.column("impact", .integer).notNull()
            t.column("effort", .integer).notNull()
            t.column("quadrant", .text).notNull()
            t.column("exclusion", .text)
            t.column("proposed", .boolean).notNull()
            t.primaryKey(["assessmentId", "position"])
        }
        try db.create(table: "report") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("assessment", onDelete: .cascade).notNull()
            t.column("language", .text).notNull()
            t.column("format", .text).notNull()
            t.column("body", .text).notNull()
            t.column("templateHash", .text).notNull()
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(index: "assessment_on_source", on: "assessment", columns: ["sourceKey"])
    }

    /// Batch import: one row per `maturity batch` run, the batch that wrote each imported
    /// assessment, imported answers as one document per assessment (a row per answer costs
    /// 60 inserts per respondent), and company names indexed for find-or-create.
    static func v2(_ db: Database) throws {
        try db.create(table: "importBatch") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("startedAt", .datetime).notNull()
            t.column("finishedAt", .datetime)
            t.column("status", .text).notNull().check { ["running", "finished", "interrupted"].contains($0) }
            t.column("files", .text).notNull()
            t.column("mapping", .text)
            t.column("questionnaireSha256", .text).notNull().references("questionnaireVersion")
            t.column("readRows", .integer).notNull().defaults(to: 0)
            t.column("stored", .integer).notNull().defaults(to: 0)
            t.column("updated", .integer).notNull().defaults(to: 0)
            t.column("rejected", .integer).notNull().defaults(to: 0)
            t.column("skipped", .integer).notNull().defaults(to: 0)
        }
        try db.alter(table: "assessment") { t in
            t.add(column: "importId", .integer).references("importBatch", onDelete: .setNull)
            t.add(column: "answerDocument", .text)
        }
        try db.create(index: "assessment_on_import", on: "assessment", columns: ["importId"])
        try db.execute(sql: "CREATE INDEX company_on_name ON company(name COLLATE NOCASE)")
    }

    /// The per-assessment tables (answers, scores, actions, use cases) become `WITHOUT ROWID`
    /// tables clustered on their primary key, which starts with `assessmentId`. Each row was
    /// written to three b-trees (the rowid table, the primary-key index and the `assessmentId`
    /// index); it is now written to one, and an assessment's rows sit together on disk. The
    /// columns (in their order), keys and cascades are unchanged; rows are copied over.
    static func v3(_ db: Database) throws {
        try rebuildWithoutRowID(db, "answer") { t in
            t.belongsTo("assessment", onDelete: .cascade, indexed: false).notNull()
            t.column("questionId", .text).notNull()
            t.column("value", .text).notNull()
            t.column("notApplicable", .boolean).notNull().defaults(to: false)
            t.column("note", .text)
            t.column("answeredAt", .datetime).notNull()
            t.primaryKey(["assessmentId", "questionId"])
        }
        try rebuildWithoutRowID(db, "score") { t in
            t.belongsTo("assessment", onDelete: .cascade, indexed: false).notNull()
            t.column("dimensionId", .text).notNull()
            t.column("score", .double)
            t.column("rawScore", .double)
            t.column("level", .text)
            t.column("coverage", .double).notNull()
            t.column("caps", .text).notNull()
            t.column("engine", .text).notNull()
            t.primaryKey(["assessmentId", "dimensionId"])
        }
        try rebuildWithoutRowID(db, "roadmapAction") { t in
            t.belongsTo("assessment", onDelete: .cascade, indexed: false).notNull()
            t.column("position", .integer).notNull()
            t.column("phase", .text).notNull()
            t.column("ruleId", .text).notNull()
            t.column("dimensionId", .text).notNull()
            t.column("title", .text).notNull()
            t.column("blocking", .boolean).notNull()
            t.primaryKey(["assessmentId", "ruleId"])
        }
        try rebuildWithoutRowID(db, "pilotUseCase") { t in
            t.belongsTo("assessment", onDelete: .cascade, indexed: false).notNull()
            t.column("position", .integer).notNull()
            t.column("name", .text).notNull()
            t.column("department", .text)
            t.column("exposureHours", .double).notNull()
            t.column("impact", .integer).notNull()
            t.column("effort", .integer).notNull()
            t.column("quadrant", .text).notNull()
            t.column("exclusion", .text)
            t.column("proposed", .boolean).notNull()
            t.primaryKey(["assessmentId", "position"])
        }
    }

    /// SQLite's documented table rebuild: create the new table, copy the rows by column name,
    /// drop the old table (and its indexes), rename. Foreign keys are checked by the migrator
    /// once the migration is done.
    private static func rebuildWithoutRowID(_ db: Database, _ table: String, _ define: (TableDefinition) -> Void) throws {
        let columns = try db.columns(in: table).map { "\"\($0.name)\"" }.joined(separator: ", ")
        try db.create(table: "\(table)_new", options: .withoutRowID, body: define)
        try db.execute(sql: "INSERT INTO \"\(table)_new\" (\(columns)) SELECT \(columns) FROM \"\(table)\"")
        try db.drop(table: table)
        try db.rename(table: "\(table)_new", to: table)
    }
}
