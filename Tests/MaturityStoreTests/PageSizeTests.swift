import Foundation
import GRDB
import MaturityQuestionnaire
import MaturityTestSupport
import Testing

@testable import MaturityStore

/// A new database file gets 16 KiB pages, so that an imported respondent's row fits in one
/// page; a file made before keeps its own page size and works as it did.
@Suite struct PageSizeTests {
    static func pageSize(_ db: MaturityDatabase) throws -> Int? {
        try db.read { try Int.fetchOne($0, sql: "PRAGMA page_size") }
    }

    /// Imports the two examples as two respondents.
    static func storeTwoExamples(in db: MaturityDatabase) throws {
        let suite = try ImportStoreTests()
        let importId = try db.beginImport(
            files: ["export.csv"], mapping: nil, questionnaire: suite.questionnaire, body: BundledQuestionnaire.text, at: suite.date)
        let items = try ["beginner-tpe", "advanced-pme"].map { try suite.respondent($0, key: "survey#\($0)", company: $0) }
        _ = try db.storeImported(items, importId: importId, questionnaire: suite.questionnaire, at: suite.date)
    }

    @Test func aNewFileHasSixteenKibibytePagesInWALMode() throws {
        let db = try MaturityDatabase.open(path: try StoreTests.scratch())
        #expect(try Self.pageSize(db) == MaturityDatabase.pageSize)
        #expect(MaturityDatabase.pageSize == 16384)
        #expect(try db.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
    }

    /// Pages of the assessment table that hold the end of a row too long for its leaf page
    /// (SQLite's `dbstat` table).
    static func overflowPages(_ db: MaturityDatabase) throws -> Int? {
        try db.read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM dbstat WHERE name = 'assessment' AND pagetype = 'overflow'")
        }
    }

    @Test func anImportedRowNeedsNoOverflowPage() throws {
        let db = try MaturityDatabase.open(path: try StoreTests.scratch())
        try Self.storeTwoExamples(in: db)
        // SQLite's largest payload kept in a table's leaf page is the usable size less 35 bytes.
        let longest = try db.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT MAX(length(CAST(answerDocument AS BLOB)) + length(CAST(scores AS BLOB)) + length(CAST(actions AS BLOB)))
                    FROM assessment
                    """)
        }
        let row = try #require(longest)
        #expect(row > 4096 - 35, "a row that fits a 4 KiB page proves nothing")
        #expect(try Self.overflowPages(db) == 0)
    }

    @Test func anExistingFileKeepsItsPagesAndStillTakesImports() throws {
        let path = try StoreTests.scratch()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE older (x)") }
        let db = try MaturityDatabase.open(path: path)
        #expect(try Self.pageSize(db) == 4096)
        try Self.storeTwoExamples(in: db)
        #expect(try Self.overflowPages(db) ?? 0 > 0, "with 4 KiB pages the same rows overflow")
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM assessment") } == 2)
        #expect(try db.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    }
}
