import Foundation
import GRDB
import MaturityQuestionnaire
import MaturityRoadmap
import MaturityScoring
import MaturityTestSupport
import Testing

@testable import MaturityStore

@Suite struct StoreTests {
    let questionnaire: Questionnaire
    let date = Date(timeIntervalSince1970: 1_790_000_000)

    init() throws { questionnaire = try TestQuestionnaires.bundled() }

    func save(_ db: MaturityDatabase, _ name: String, company: String? = nil, questionnaire: Questionnaire? = nil, body: String? = nil)
        throws -> AssessmentID
    {
        let set = try TestQuestionnaires.example(name)
        let used = questionnaire ?? self.questionnaire
        let diagnosis = Diagnosis(questionnaire: used, answers: set, language: set.language, engine: "maturity test")
        return try db.saveAssessment(
            questionnaire: used, body: body ?? BundledQuestionnaire.text, answers: set, companyName: company ?? set.company.name ?? "",
            origin: AssessmentOrigin(status: .completed, source: .file, advisor: "A. Conseil", file: "\(name).json"), result: diagnosis,
            at: date)
    }

    static func scratch() throws -> String {
        let folder = NSTemporaryDirectory() + "maturity-store-" + UUID().uuidString
        return folder + "/nested/maturity.sqlite"
    }

    static let migrations = [
        "v1-initial-schema", "v2-batch-import", "v3-clustered-children", "v4-results-in-assessment",
        "v5-assessment-checks-as-comparisons", "v6-action-titles-by-rule",
    ]

    @Test func migrationsAreNamedAndApplied() throws {
        let db = try MaturityDatabase.inMemory()
        #expect(try db.appliedMigrations() == Self.migrations)
        func names(_ type: String) throws -> [String] {
            try db.read { db in
                try String.fetchAll(
                    db,
                    sql:
                        "SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name",
                    arguments: [type])
            }
        }
        #expect(
            try names("table") == [
                "actionTitle", "answer", "assessment", "company", "importBatch", "pilotUseCase", "questionnaireVersion", "report",
            ])
        #expect(try names("view") == ["roadmapAction", "score"])
    }

    @Test func aFirstSchemaDatabaseIsMigratedToTheSecond() throws {
        let path = try Self.scratch()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        do {
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator.migrate(queue, upTo: "v1-initial-schema")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO company (name, createdAt) VALUES ('Ancienne', '2026-01-01 00:00:00')")
            }
        }
        let db = try MaturityDatabase.open(path: path)
        #expect(try db.appliedMigrations() == Self.migrations)
        let columns = try db.read { db in try db.columns(in: "assessment").map(\.name) }
        #expect(columns.contains("importId") && columns.contains("answerDocument"))
        #expect(try db.read { db in try String.fetchOne(db, sql: "SELECT name FROM company") } == "Ancienne")
    }

    /// The per-assessment tables and views, and the second column of their keys.
    static let children = ["answer": "questionId", "score": "dimensionId", "roadmapAction": "ruleId", "pilotUseCase": "position"]
    /// The per-assessment tables (clustered since v3); scores and actions are views since v4.
    static let childTables = ["answer", "pilotUseCase"]

    static func childRows(_ db: Database) throws -> [String: [String]] {
        var rows: [String: [String]] = [:]
        for (table, key) in children {
            rows[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY assessmentId, \(key)").map(\.description)
        }
        return rows
    }

    /// A result as the store wrote it before v4: a row per score, action and pilot use case.
    static func storeResultAsBeforeV4(_ db: Database, _ id: Int64, _ diagnosis: Diagnosis) throws {
        let document = diagnosis.document
        let rows = try StoredResults.rows(of: document)
        for score in rows.scores {
            try db.execute(
                sql:
                    "INSERT INTO score (assessmentId, dimensionId, score, rawScore, level, coverage, caps, engine) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [id, score.dimension, score.score, score.rawScore, score.level, score.coverage, score.caps, document.engine])
        }
        let titles = document.roadmap.phases.flatMap(\.actions).map(\.title)
        for (index, (action, title)) in zip(rows.actions, titles).enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO roadmapAction (assessmentId, position, phase, ruleId, dimensionId, title, blocking)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id, index + 1, action.phase, action.rule, action.dimension, title, action.blocking])
        }
        for (index, item) in (document.roadmap.phases.first { $0.id == "pilot" }?.useCases ?? []).enumerated() {
            try PilotUseCaseRecord(
                assessmentId: id, position: index + 1, name: item.name, department: item.department, exposureHours: item.exposureHours,
                impact: item.impact, effort: item.effort, quadrant: item.quadrant, exclusion: item.exclusion, proposed: item.proposed
            ).insert(db)
        }
        try db.execute(sql: "UPDATE assessment SET engine = ? WHERE id = ?", arguments: [document.engine, id])
    }

    @Test func aSecondSchemaDatabaseKeepsEveryChildRowThroughTheLastMigration() throws {
        let path = try Self.scratch()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let before: [String: [String]]
        do {
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator.migrate(queue, upTo: "v2-batch-import")
            before = try queue.write { db in
                try MaturityDatabase.storeQuestionnaire(db, questionnaire, body: BundledQuestionnaire.text, at: date)
                for example in ["advanced-pme", "beginner-tpe"] {
                    let set = try TestQuestionnaires.example(example)
                    let diagnosis = Diagnosis(questionnaire: questionnaire, answers: set, language: set.language, engine: "maturity test")
                    let company = try MaturityDatabase.findOrCreateCompany(db, set.company, at: date)
                    try db.execute(
                        sql: """
                            INSERT INTO assessment (companyId, questionnaireSha256, questionnaireId, questionnaireVersion, wave, language,
                            status, source, createdAt, updatedAt) VALUES (?, ?, ?, ?, 1, 'fr', 'completed', 'file', ?, ?)
                            """,
                        arguments: [company, questionnaire.sha256, questionnaire.id, questionnaire.version.description, date, date])
                    let id = db.lastInsertedRowID
                    try MaturityDatabase.replaceAnswers(db, id, set, questionnaire: questionnaire, at: date)
                    try Self.storeResultAsBeforeV4(db, id, diagnosis)
                }
                return try Self.childRows(db)
            }
        }
        #expect(before.values.allSatisfy { !$0.isEmpty })
        let db = try MaturityDatabase.open(path: path)
        #expect(try db.read { try Self.childRows($0) } == before)
        try db.read { db in
            for table in Self.childTables {
                let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [table]) ?? ""
                #expect(sql.hasSuffix("WITHOUT ROWID"), "\(table)")
                let indexes = try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", arguments: [table])
                #expect(indexes == 0, "\(table): the table, clustered on its primary key, is its only b-tree")
            }
        }
        #expect(before["score"]?.contains { $0.contains("binding") } == true, "a cap is carried over")
        for name in ["Durand Ingénierie", "Martin Chauffage Sanitaire"] {
            _ = try db.deleteCompany(id: try db.company(matching: name).id)
        }
        #expect(try db.read { try Self.childRows($0) }.values.allSatisfy(\.isEmpty), "deleting the companies still cascades")
    }

    @Test func fileIsCreatedPrivateInItsFolderWithWALAndForeignKeys() throws {
        let path = try Self.scratch()
        let db = try MaturityDatabase.open(path: path)
        _ = try save(db, "beginner-tpe")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try db.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try db.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") } == 1)
    }

    @Test func aDatabaseOfTheFirstSchemaReopensWithoutLosingRows() throws {
        let path = try Self.scratch()
        do {
            let first = try MaturityDatabase.open(path: path)
            _ = try save(first, "beginner-tpe")
        }
        let again = try MaturityDatabase.open(path: path)
        #expect(try again.list().count == 1)
        #expect(try again.appliedMigrations() == Self.migrations)
    }

    @Test func assessmentRoundTripsWithItsQuestionnaireBodyAndResult() throws {
        let db = try MaturityDatabase.inMemory()
        let id = try save(db, "advanced-pme")
        let stored = try db.assessment(id)
        let set = try TestQuestionnaires.example("advanced-pme")
        #expect(stored.questionnaireBody == BundledQuestionnaire.text)
        #expect(stored.summary.company == "Durand Ingénierie" && stored.summary.wave == 1 && stored.summary.status == "completed")
        let reread = try AnswerFileReader.read(stored.answers, path: "db", questionnaire: questionnaire)
        #expect(reread.answers == set.answers)
        #expect(reread.notes == set.notes)
        let expected = Diagnosis(questionnaire: questionnaire, answers: set, language: set.language, engine: "maturity test").document
        #expect(stored.result == expected)
        #expect(stored.summary.overallScore == expected.overall.score)
    }

    @Test func wavesCountPerCompanyAndCompaniesMatchBySIRENOrName() throws {
        let db = try MaturityDatabase.inMemory()
        _ = try save(db, "beginner-tpe")
        let second = try save(db, "beginner-tpe", company: "martin chauffage sanitaire")
        #expect(try db.assessment(second).summary.wave == 2)
        #expect(try db.company(matching: "812 345 674").name == "Martin Chauffage Sanitaire")
        #expect(try db.company(matching: "chauffage").name == "Martin Chauffage Sanitaire")
        #expect(throws: StoreError.companyNotFound("Martin Chaufage Sanitaire", suggestion: "Martin Chauffage Sanitaire")) {
            try db.company(matching: "Martin Chaufage Sanitaire")
        }
    }

    @Test func twoBodiesUnderOneVersionIsAnError() throws {
        let db = try MaturityDatabase.inMemory()
        _ = try save(db, "beginner-tpe")
        let changed = BundledQuestionnaire.text.replacingOccurrences(
            of: "Diagnostic de maturité IA générative des PME\"", with: "Diagnostic IA des PME\"")
        let other = try TestQuestionnaires.parse(changed)
        #expect(other.sha256 != questionnaire.sha256)
        #expect(throws: StoreError.conflictingQuestionnaire(id: "ia-generative-pme", version: "1.0.0")) {
            try save(db, "beginner-tpe", questionnaire: other, body: changed)
        }
        #expect(try db.list().count == 1)
    }

    @Test func deleteLeavesNoRowOfTheCompanyInAnyTable() throws {
        let db = try MaturityDatabase.inMemory()
        let kept = try save(db, "advanced-pme")
        let gone = try save(db, "beginner-tpe")
        try db.saveReport(gone, language: "fr", format: "md", body: "# Rapport", templateHash: "abc", at: date)
        let company = try db.company(matching: "Martin Chauffage Sanitaire")
        let deletion = try db.deleteCompany(id: company.id)
        #expect(deletion.counts.first { $0.table == "report" }?.rows == 1)
        #expect(deletion.counts.first { $0.table == "answer" }?.rows ?? 0 > 50)
        // Every table of the schema, read generically: nothing refers to the company or its assessment.
        try db.read { db in
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'")
            for table in tables {
                let columns = try db.columns(in: table).map(\.name)
                if columns.contains("assessmentId") {
                    #expect(
                        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE assessmentId = ?", arguments: [gone.rawValue]) == 0,
                        "\(table)")
                }
                if columns.contains("companyId") {
                    #expect(
                        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE companyId = ?", arguments: [company.id]) == 0,
                        "\(table)")
                }
                for column in columns where ["name", "body", "value"].contains(column) {
                    #expect(
                        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE \(column) LIKE '%Martin Chauffage%'") == 0,
                        "\(table).\(column)")
                }
            }
        }
        #expect(try db.list().map(\.id) == [kept.rawValue])
    }

    @Test func listLimitKeepsTheMostRecentOfTheFilteredAssessments() throws {
        let db = try MaturityDatabase.inMemory()
        // Two companies (the examples have different SIRENs): the first has waves 1, 2 and 3.
        let ids = try ["beginner-tpe", "advanced-pme", "beginner-tpe", "advanced-pme", "beginner-tpe"].map { try save(db, $0) }
        let first = try db.company(matching: "Martin Chauffage Sanitaire").id
        #expect(try db.list(limit: 2).map(\.id) == ids[3...].map(\.rawValue))
        #expect(try db.list(companyId: first, limit: 2).map(\.id) == [ids[2], ids[4]].map(\.rawValue))
        #expect(try db.list(companyId: first, limit: 2).map(\.wave) == [2, 3])
        #expect(try db.list(limit: 10).map(\.id) == ids.map(\.rawValue))
        #expect(try db.count() == 5 && db.count(companyId: first) == 3 && db.count(companyId: first, status: .completed) == 3)
        #expect(try db.count(status: .inProgress) == 0 && db.list(status: .inProgress, limit: 3).isEmpty)
    }

    @Test func everyAssessmentIsReadBatchByBatchWithItsScores() throws {
        let db = try MaturityDatabase.inMemory()
        let ids = try ["beginner-tpe", "advanced-pme", "beginner-tpe", "advanced-pme", "beginner-tpe"].map { try save(db, $0) }
        var seen: [Int64] = []
        try db.forEachAssessment(batch: 2) { item in
            seen.append(item.summary.id)
            #expect(item.scores.map(\.dimension) == questionnaire.dimensions.map(\.id.rawValue))
            #expect(item.scores.map(\.score) == item.result?.dimensions.map(\.score))
            #expect(item.scores.map(\.level) == item.result?.dimensions.map(\.level))
            #expect(item.questionnaireBody == BundledQuestionnaire.text)
            // An assessment deleted while the export runs is skipped, not an error.
            if item.summary.id == ids[1].rawValue {
                _ = try db.deleteCompany(id: db.company(matching: "Durand").id)
            }
        }
        #expect(seen == [ids[0], ids[1], ids[2], ids[4]].map(\.rawValue))
        let first = try db.company(matching: "Martin Chauffage Sanitaire").id
        var ofFirst: [Int64] = []
        try db.forEachAssessment(companyId: first) { ofFirst.append($0.summary.id) }
        #expect(ofFirst == [ids[0], ids[2], ids[4]].map(\.rawValue))
        #expect(try db.questionnaireBodies().map(\.sha256) == [questionnaire.sha256])
    }

    @Test func corruptFileIsAClearError() throws {
        let path = try Self.scratch()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notADatabase(path: path)) { try MaturityDatabase.open(path: path) }
        #expect(
            StoreError.notADatabase(path: "x.sqlite").errorDescription
                == "x.sqlite: error: not a maturity database (the file is corrupt or of another kind); restore a backup or pass another --db"
        )
    }

    @Test func readOnlyAndUnopenableFilesAreClearErrors() throws {
        #expect(MaturityDatabase.map(DatabaseError(resultCode: .SQLITE_READONLY), path: "x.sqlite") == .readOnly(path: "x.sqlite"))
        #expect(
            StoreError.readOnly(path: "x.sqlite").errorDescription
                == "x.sqlite: error: the database is read-only; check the file's permissions, or pass another --db")
        #expect(throws: StoreError.self) { try MaturityDatabase.open(path: "/proc/maturity/db.sqlite") }
    }

    @Test func aFileLockedTooLongIsAClearError() {
        #expect(MaturityDatabase.map(DatabaseError(resultCode: .SQLITE_BUSY), path: "x.sqlite") == .busy(path: "x.sqlite", seconds: 10))
        #expect(
            StoreError.busy(path: "x.sqlite", seconds: 10).errorDescription
                == "x.sqlite: error: the database stayed locked by another process (a `maturity batch` import, or another writer) for 10 s; try again when it has finished"
        )
    }

    @Test(arguments: [
        (nil as String?, ["MATURITY_DB": "/a/b.sqlite", "XDG_DATA_HOME": "/x", "HOME": "/h"], "/a/b.sqlite"),
        ("/flag.sqlite", ["MATURITY_DB": "/a/b.sqlite"], "/flag.sqlite"),
        (nil, ["XDG_DATA_HOME": "/x", "HOME": "/h"], "/x/maturity/maturity.sqlite"),
        (nil, ["HOME": "/h"], "/h/.local/share/maturity/maturity.sqlite"),
    ])
    func databaseLocation(_ flag: String?, _ environment: [String: String], _ expected: String) {
        #expect(DatabaseLocation.resolve(flag: flag, environment: environment) == expected)
    }
}
