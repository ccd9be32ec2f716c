import Foundation
import GRDB
import Synchronization
import Testing

@testable import MaturityStore

/// `maturity batch` writes through one connection with a rollback journal, then gives the file
/// its WAL journal back; other processes keep opening the file meanwhile.
@Suite struct BulkImportAccessTests {
    static func journalMode(_ db: MaturityDatabase) throws -> String? {
        try db.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
    }

    static func assessments(_ db: MaturityDatabase) throws -> Int? {
        try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM assessment") }
    }

    @Test func aNewFileTakesTheImportWithARollbackJournalThenGetsWAL() throws {
        let path = try StoreTests.scratch()
        let db = try MaturityDatabase.open(path: path, access: .bulkImport)
        #expect(try Self.journalMode(db) == "delete")
        #expect(try PageSizeTests.pageSize(db) == MaturityDatabase.pageSize)
        try PageSizeTests.storeTwoExamples(in: db)
        db.endBulkImport()
        #expect(try Self.journalMode(db) == "wal")
        let again = try MaturityDatabase.open(path: path)
        #expect(try Self.journalMode(again) == "wal")
        #expect(try Self.assessments(again) == 2)
        #expect(try again.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    }

    @Test func aFileInWALSwitchesForTheImportAndBack() throws {
        let path = try StoreTests.scratch()
        try PageSizeTests.storeTwoExamples(in: try MaturityDatabase.open(path: path))
        let db = try MaturityDatabase.open(path: path, access: .bulkImport)
        #expect(try Self.journalMode(db) == "delete")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "the switch folds the WAL into the file")
        #expect(try Self.assessments(db) == 2)
        db.endBulkImport()
        #expect(try Self.journalMode(db) == "wal")
    }

    /// A file left in rollback mode (the import was killed) is in WAL again once a command opens it.
    @Test func theNextCommandBringsWALBackAfterAKilledImport() throws {
        let path = try StoreTests.scratch()
        let killed = try MaturityDatabase.open(path: path, access: .bulkImport)
        try PageSizeTests.storeTwoExamples(in: killed)
        #expect(try Self.journalMode(MaturityDatabase.open(path: path)) == "wal")
    }

    /// Another process reading at that moment keeps the file in WAL, and the import runs in WAL.
    @Test func aFileBeingReadStaysInWALForTheImport() throws {
        let path = try StoreTests.scratch()
        let reader = try MaturityDatabase.open(path: path)
        try reader.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM assessment") == 0)
            let importing = try MaturityDatabase.open(path: path, access: .bulkImport)
            #expect(try Self.journalMode(importing) == "wal")
            try PageSizeTests.storeTwoExamples(in: importing)
        }
        #expect(try Self.assessments(reader) == 2)
    }

    /// A command opened while a chunk is being written waits for the chunk, then switches the
    /// file back to WAL and sees it; the import goes on in WAL.
    @Test func aCommandOpenedDuringAChunkWaitsForItAndSeesIt() throws {
        let path = try StoreTests.scratch()
        let importing = try MaturityDatabase.open(path: path, access: .bulkImport)
        let opened = Mutex<Result<Int?, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        try importing.write { db in
            try db.execute(sql: "INSERT INTO company (name, createdAt) VALUES ('Pendant le chunk', '2026-11-24')")
            DispatchQueue.global().async {
                let result = Result { () throws -> Int? in
                    let other = try MaturityDatabase.open(path: path)
                    return try other.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM company") }
                }
                opened.withLock { $0 = result }
                done.signal()
            }
            Thread.sleep(forTimeInterval: 0.3)
            #expect(opened.withLock { $0 == nil }, "the other command waits while the chunk is written")
        }
        done.wait()
        #expect(try opened.withLock { try $0?.get() } == 1)
        try PageSizeTests.storeTwoExamples(in: importing)
        #expect(try Self.assessments(importing) == 2)
        let file = try DatabaseQueue(path: path)
        #expect(try file.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try file.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    }

    static func foreignKeys(_ db: MaturityDatabase) throws -> Bool? {
        try db.read { try Bool.fetchOne($0, sql: "PRAGMA foreign_keys") }
    }

    /// The batch's connection writes ids it has just read or created, without SQLite checking
    /// them again; other connections keep their checks, and the file is consistent.
    @Test func theImportSkipsForeignKeyChecksOnItsOwnConnectionOnly() throws {
        let path = try StoreTests.scratch()
        let importing = try MaturityDatabase.open(path: path, access: .bulkImport)
        let other = try MaturityDatabase.open(path: path)
        #expect(try Self.foreignKeys(importing) == false)
        #expect(try Self.foreignKeys(other) == true)
        try PageSizeTests.storeTwoExamples(in: importing)
        importing.endBulkImport()
        #expect(try Self.foreignKeys(importing) == true)
        let violations = try other.read { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check") }
        #expect(violations.isEmpty)
        #expect(throws: StoreError.self) {
            try other.write { try $0.execute(sql: "UPDATE assessment SET companyId = 999") }
        }
    }
}
