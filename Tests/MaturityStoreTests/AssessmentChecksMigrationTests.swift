import Foundation
import GRDB
import MaturityQuestionnaire
import MaturityScoring
import MaturityTestSupport
import Testing

@testable import MaturityStore

/// v5 rewrites the assessment table's `status` and `source` checks as comparisons rather than
/// constant lists, which SQLite evaluated through a temporary b-tree per INSERT.
@Suite struct AssessmentChecksMigrationTests {
    static let insert = """
        INSERT INTO assessment (companyId, questionnaireSha256, questionnaireId, questionnaireVersion, wave, language, status,
        source, sourceKey, createdAt, updatedAt, scores, actions) VALUES (?, ?, ?, ?, ?, 'fr', ?, ?, ?, ?, ?, ?, ?)
        """

    /// A database at v4 holding one assessment per status and source, the last one deleted so
    /// that the AUTOINCREMENT counter is ahead of the greatest id. `respaced` writes its status
    /// check without spaces, as v5 does not expect it, so that v5 rebuilds the table.
    static func fourthSchemaDatabase(respaced: Bool = false) throws -> String {
        let path = try StoreTests.scratch()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let questionnaire = try TestQuestionnaires.bundled()
        let date = Date(timeIntervalSince1970: 1_790_000_000)
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v4-results-in-assessment")
        try queue.write { db in
            try MaturityDatabase.storeQuestionnaire(db, questionnaire, body: BundledQuestionnaire.text, at: date)
            let company = try MaturityDatabase.findOrCreateCompany(db, Company(name: "Atelier Lenoir"), at: date)
            let rows = [("in-progress", "interview"), ("completed", "import"), ("abandoned", "file"), ("completed", "file")]
            for (wave, (status, source)) in rows.enumerated() {
                try db.execute(
                    sql: insert,
                    arguments: [
                        company, questionnaire.sha256, questionnaire.id, questionnaire.version.description, wave + 1, status, source,
                        "R\(wave)", date, date, #"[["_overall",41.5,41.5,"experimentation",1,[]]]"#,
                        #"[["audit","gov.charter","governance","Rédiger une charte",true]]"#,
                    ])
            }
            try db.execute(sql: "DELETE FROM assessment WHERE id = 4")
            if respaced {
                let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
                try db.execute(sql: "PRAGMA writable_schema = ON")
                try db.execute(
                    sql: "UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE name = 'assessment'",
                    arguments: ["'in-progress', 'completed'", "'in-progress','completed'"])
                try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
                try db.execute(sql: "PRAGMA writable_schema = OFF")
            }
        }
        return path
    }

    /// Inserts an assessment of the database's company and questionnaire; its id.
    static func insertRow(_ db: Database, status: String, source: String, key: String) throws -> Int64 {
        let sha = try String.fetchOne(db, sql: "SELECT sha256 FROM questionnaireVersion") ?? ""
        try db.execute(
            sql: insert,
            arguments: [1, sha, "q", "1", 9, status, source, key, "2026", "2026", nil, nil] as StatementArguments)
        return db.lastInsertedRowID
    }

    /// Every assessment (but its `actions`, whose titles v6 moves out) and every score and
    /// action as the views read them.
    static func contents(_ db: Database) throws -> [String] {
        let columns = try db.columns(in: "assessment").map(\.name).filter { $0 != "actions" }.joined(separator: ", ")
        return try ["assessment", "score", "roadmapAction"].flatMap { table in
            let selected = table == "assessment" ? columns : "*"
            return try Row.fetchAll(db, sql: "SELECT \(selected) FROM \(table) ORDER BY 1, 2").map { "\(table) \($0)" }
        }
    }

    static func rootPage(_ db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'assessment'")
    }

    /// Rewritten in place (the table keeps its pages) or, when its checks are not written as
    /// expected, rebuilt (the rows move to a new table).
    @Test(arguments: [false, true]) func everyRowIdAndTheCounterSurviveTheMigration(respaced: Bool) throws {
        let path = try Self.fourthSchemaDatabase(respaced: respaced)
        let (before, page) = try DatabaseQueue(path: path).read { db in (try Self.contents(db), try Self.rootPage(db)) }
        #expect(before.count == 9)
        let db = try MaturityDatabase.open(path: path)
        #expect(try db.appliedMigrations().contains("v5-assessment-checks-as-comparisons"))
        #expect(try db.read(Self.contents) == before)
        #expect(try db.read(Self.rootPage) == page ? !respaced : respaced)
        let sql = try db.read { try String.fetchOne($0, sql: "SELECT sql FROM sqlite_master WHERE name = 'assessment'") } ?? ""
        #expect(!sql.contains(" IN ("), "\(sql)")
        let next = try db.write { try Self.insertRow($0, status: "completed", source: "import", key: "R5") }
        #expect(next == 5, "id 4 was handed out before the migration and is never handed out again")
        try db.read { db in
            let indexes = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'assessment' ORDER BY name")
            #expect(indexes == ["assessment_on_companyId", "assessment_on_import", "assessment_on_source"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
    }

    @Test(arguments: [false, true]) func theChecksStillRejectAnUnknownStatusOrSource(respaced: Bool) throws {
        let db = try MaturityDatabase.open(path: try Self.fourthSchemaDatabase(respaced: respaced))
        for (status, source) in [("paused", "import"), ("completed", "email"), ("Completed", "import")] {
            let error = #expect(throws: StoreError.self, "\(status) \(source)") {
                try db.write { try Self.insertRow($0, status: status, source: source, key: "R9") }
            }
            #expect("\(error.map { $0 } as Any)".contains("CHECK constraint failed"), "\(status) \(source)")
        }
        for (status, source) in [("in-progress", "interview"), ("abandoned", "file"), ("completed", "import")] {
            _ = try db.write { try Self.insertRow($0, status: status, source: source, key: "R9") }
        }
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM assessment") } == 6)
    }

    @Test func anImportInsertBuildsNoTemporaryTable() throws {
        let db = try MaturityDatabase.inMemory()
        let opcodes = try db.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN " + Self.insert, arguments: [1, "", "q", "1", 1, "completed", "import", "R", "", "", nil, nil]
            ).map { $0["opcode"] as String }
        }
        #expect(opcodes.contains("Insert") && !opcodes.contains("OpenEphemeral"))
    }
}
