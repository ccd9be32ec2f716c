import GRDB
import GRDBSQLite

/// A prepared statement bound and stepped through SQLite's C API, for the batch writer's
/// hot loop: GRDB's `StatementArguments` box every value, and boxing the ~25 rows written per
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
        guard var text = value else { return try check(sqlite3_bind_null(handle, position)) }
        let code = text.withUTF8 { bytes in
            // SQLITE_TRANSIENT: SQLite copies the bytes before this returns.
            sqlite3_bind_text(handle, position, bytes.baseAddress, Int32(bytes.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
        try check(code)
    }

    /// UTF-8 bytes bound as text.
    func bind(_ position: Int32, utf8 bytes: [UInt8]) throws {
        let code = bytes.withUnsafeBufferPointer { buffer in
            sqlite3_bind_text(
                handle, position, UnsafeRawPointer(buffer.baseAddress)?.assumingMemoryBound(to: CChar.self), Int32(buffer.count),
                unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
        try check(code)
    }

    func bind(_ position: Int32, _ value: SQLiteValue) throws {
        switch value {
        case let .integer(number): try bind(position, number)
        case let .real(number): try bind(position, number)
        case let .text(text): try bind(position, text)
        case .null: try check(sqlite3_bind_null(handle, position))
        }
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
