import GRDB
import GRDBSQLite
import MaturityScoring

/// A prepared statement bound and stepped through SQLite's C API, for the batch writer's
/// hot loop: GRDB's `StatementArguments` box every value, and boxing the rows written per
/// respondent cost about as many instructions as SQLite itself (callgrind). Errors are
/// GRDB's `DatabaseError`s, so they are reported like any other.
struct RawStatement {
    private let statement: Statement

    init(_ db: Database, _ sql: String) throws { statement = try db.makeStatement(sql: sql) }

    private var handle: SQLiteStatement { statement.sqliteStatement }

    func bind(_ position: Int32, _ value: Int64?) throws {
        try check(value.map { sqlite3_bind_int64(handle, position, $0) } ?? sqlite3_bind_null(handle, position))
    }

    func bind(_ position: Int32, _ value: Int?) throws { try bind(position, value.map(Int64.init)) }

    func bind(_ position: Int32, _ value: Double?) throws {
        try check(value.map { sqlite3_bind_double(handle, position, $0) } ?? sqlite3_bind_null(handle, position))
    }

    func bind(_ position: Int32, _ value: String?) throws {
        guard let text = value else { return try check(sqlite3_bind_null(handle, position)) }
        let code = text.withUTF8Bytes { bytes in
            // SQLITE_TRANSIENT: SQLite copies the bytes before this returns.
            sqlite3_bind_text(handle, position, bytes.baseAddress, Int32(bytes.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
        try check(code)
    }

    /// UTF-8 bytes bound as text for the time of `body` (which runs the statement), without
    /// SQLite copying them: an answer document is a few kilobytes.
    func with<R>(utf8 bytes: [UInt8], at position: Int32, _ body: () throws -> R) throws -> R {
        try bytes.withUnsafeBufferPointer { buffer in
            try bind(position, staticText: UnsafeRawBufferPointer(buffer))
            defer { sqlite3_bind_null(handle, position) }
            return try body()
        }
    }

    /// Binds text that SQLite does not copy (SQLITE_STATIC): `bytes` must stay valid and
    /// unchanged until the statement has run and been rebound or cleared.
    func bind(_ position: Int32, staticText bytes: UnsafeRawBufferPointer) throws {
        // Empty text still needs a pointer, or SQLite binds NULL: a constant's, valid forever.
        let empty: StaticString = ""
        let start = bytes.baseAddress ?? UnsafeRawPointer(empty.utf8Start)
        try check(sqlite3_bind_text(handle, position, start.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil))
    }

    /// Sets these parameters back to NULL (no pointer to text bound without copy remains).
    func unbind(_ positions: ClosedRange<Int32>) {
        for position in positions { sqlite3_bind_null(handle, position) }
    }

    /// Runs the statement, ignoring any rows, and resets it for the next values.
    func run() throws { _ = try step() }

    /// Runs an INSERT; the new row's id.
    func insertedRowID() throws -> Int64 {
        try run()
        return sqlite3_last_insert_rowid(sqlite3_db_handle(handle))
    }

    /// The first column of the first row as an integer, if there is a row.
    func firstInteger() throws -> Int64? { try step() }

    private func step() throws -> Int64? {
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return sqlite3_column_int64(handle, 0)
        case SQLITE_DONE: return nil
        default: throw error(code)
        }
    }

    private func check(_ code: Int32) throws {
        if code != SQLITE_OK { throw error(code) }
    }

    private func error(_ code: Int32) -> DatabaseError {
        let message = sqlite3_db_handle(handle).flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
}
