import Foundation
import GRDB

/// The SQLite database of assessments: the only type that touches GRDB. Transaction-sized
/// methods; WAL journal, foreign keys on, and a busy timeout so two `maturity` processes can
/// write the same file.
public final class MaturityDatabase: Sendable {
    let writer: any DatabaseWriter
    public let path: String

    init(writer: any DatabaseWriter, path: String) {
        self.writer = writer
        self.path = path
    }

    /// Page size of a new database file. An imported respondent's row (answer document,
    /// scores, actions: about 4.4 KB) does not fit a 4 KiB page and spilled to an overflow
    /// page; with 16 KiB pages SQLite itself writes 100,000 of them in 2.3 s instead of 3.1 s
    /// (`INSERT ... SELECT` of the same rows, 2,000 per transaction; mostly less kernel time).
    static let pageSize = 16384

    /// Seconds a command waits for another one writing the same file.
    static let busyTimeout = 10

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(TimeInterval(busyTimeout))
        config.prepareDatabase { db in
            // A new file gets 16 KiB pages (the pragma does nothing to a file that has pages,
            // and runs before the switch to WAL, which fixes the size). See `pageSize`.
            try db.execute(sql: "PRAGMA page_size = \(pageSize)")
        }
        return config
    }

    /// How a command uses the file.
    public enum Access: Sendable {
        /// A WAL journal and a pool of readers: reads go on while another command or process
        /// writes. Every command but `batch`.
        case shared
        /// One connection and a rollback journal while `maturity batch` writes (`endBulkImport()`
        /// brings WAL back). Every page of a WAL database is written twice, to the WAL and
        /// then into the file; a rollback journal only keeps the pages a transaction changes,
        /// and new rows go to new pages: SQLite writes the rows of a 100,000-respondent import
        /// in 0.5 s instead of 1.0–1.9 s, in chunks of 2,000 (`scripts/bench-journal.sh`).
        /// A crash still leaves every chunk whole: the journal rolls an unfinished chunk back.
        /// Meanwhile other processes read between chunks, as in the sqlite3 shell. When the
        /// switch cannot be made (another process is reading at that moment), the import runs
        /// in WAL.
        case bulkImport
    }

    /// Opens (creating with mode 0600 and its folder if needed) and migrates the database file.
    public static func open(path: String, access: Access = .shared) throws(StoreError) -> MaturityDatabase {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw .cannotOpen(path: path, reason: "cannot create the folder \(folder)")
            }
        }
        if !FileManager.default.fileExists(atPath: path) {
            // Another process may create it at the same moment: EEXIST is fine.
            let descriptor = createPrivateFile(path)
            guard descriptor >= 0 || errno == EEXIST else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
            if descriptor >= 0 { close(descriptor) }
        }
        let previous = umask(0o077)
        defer { umask(previous) }
        do {
            // Opening (WAL set-up) and migrating, one process at a time: GRDB reads which
            // migrations are applied before it runs each in its own transaction, so two processes
            // opening a new (or older) file at once could both apply the same one, and switching
            // a new file to WAL can fail as "locked" without waiting.
            return try withFolderLock(folder.isEmpty ? "." : folder) {
                let database = MaturityDatabase(writer: try connect(path, access), path: path)
                try database.migrate()
                if access == .bulkImport { try database.checksForeignKeys(false) }
                return database
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw map(error, path: path)
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    private static func connect(_ path: String, _ access: Access) throws -> any DatabaseWriter {
        switch access {
        case .shared:
            // A `batch` importing in rollback mode holds the file while it writes a chunk, and
            // switching the file back to WAL does not wait for it (SQLite answers "busy" at
            // once): try again until the chunk is written, as long as the busy timeout.
            let deadline = ContinuousClock.now + .seconds(busyTimeout)
            while true {
                do {
                    return try DatabasePool(path: path, configuration: configuration())
                } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && ContinuousClock.now < deadline {
                    Thread.sleep(forTimeInterval: 0.02)
                }
            }
        case .bulkImport:
            let queue = try DatabaseQueue(path: path, configuration: configuration())
            try? queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            return queue
        }
    }

    /// Brings the WAL journal back after a `.bulkImport` (a file left in rollback mode by a
    /// crash gets it back from the next command that opens it).
    public func endBulkImport() {
        try? checksForeignKeys(true)
        try? writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
    }

    /// Turns SQLite's foreign-key checks off for a `.bulkImport` connection, and back on. A
    /// batch only writes ids it has just read or created in the same transaction (company,
    /// questionnaire version, import), and deletes nothing: checking them again cost three
    /// index searches per respondent. The setting belongs to the connection: other commands
    /// and processes keep their checks.
    func checksForeignKeys(_ on: Bool) throws {
        try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA foreign_keys = \(on ? "ON" : "OFF")") }
    }

    /// An empty database in memory, for tests.
    public static func inMemory() throws(StoreError) -> MaturityDatabase {
        do {
            let queue = try DatabaseQueue(configuration: configuration())
            let database = MaturityDatabase(writer: queue, path: ":memory:")
            try database.migrate()
            return database
        } catch let error as StoreError {
            throw error
        } catch {
            throw .failed("\(error)")
        }
    }

    func migrate() throws(StoreError) {
        try perform {
            let migrator = Migrations.migrator
            if try writer.read({ try migrator.hasBeenSuperseded($0) }) { throw StoreError.newerSchema(path: path) }
            try migrator.migrate(writer)
        }
    }

    /// Names of the applied migrations, in order.
    public func appliedMigrations() throws(StoreError) -> [String] {
        try read { db in try Migrations.migrator.appliedMigrations(db) }
    }

    static func map(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: .notADatabase(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM: .readOnly(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: .busy(path: path, seconds: busyTimeout)
        case .SQLITE_CANTOPEN: .cannotOpen(path: path, reason: "SQLite cannot open the file")
        default: .failed(error.message ?? "\(error.resultCode)")
        }
    }

    func read<T>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
        try perform { try writer.read(body) }
    }

    func write<T>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
        try perform { try writer.write(body) }
    }

    /// Runs a database call; SQLite errors become `StoreError`s that name the file.
    private func perform<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw Self.map(error, path: path)
        } catch {
            throw .failed("\(error)")
        }
    }
}

/// Creates an empty file readable by its owner only.
private func createPrivateFile(_ path: String) -> Int32 {
    open(path, O_CREAT | O_WRONLY | O_EXCL, 0o600)
}

/// Runs `body` holding an exclusive `flock` on `folder`, so that processes opening databases in
/// the same folder migrate one after the other. The lock is on the folder, not the database
/// file: closing a descriptor of the database file would drop SQLite's own POSIX locks.
private func withFolderLock<T>(_ folder: String, _ body: () throws -> T) throws -> T {
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return try body() }
    defer { close(descriptor) }
    while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
    defer { flock(descriptor, LOCK_UN) }
    return try body()
}
