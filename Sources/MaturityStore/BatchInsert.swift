import GRDB

/// A value bound by hand to a statement.
enum SQLiteValue {
    case integer(Int64)
    case real(Double)
    case text(String)
    case null

    init(_ value: Int64) { self = .integer(value) }
    init(_ value: Int) { self = .integer(Int64(value)) }
    init(_ value: Bool) { self = .integer(value ? 1 : 0) }
    init(_ value: Double?) { self = value.map(SQLiteValue.real) ?? .null }
    init(_ value: String?) { self = value.map(SQLiteValue.text) ?? .null }
}

/// Rows inserted many per statement (`INSERT ... VALUES (...), (...), ...`). Each statement
/// run costs SQLite a fixed amount (starting and halting its program), and running one per
/// score and per roadmap action (22 per respondent) was most of a batch import's writing
/// (callgrind). Call `flush()` before the transaction ends.
final class BatchInsert {
    private let db: Database
    private let sql: String
    private let columns: Int
    private let rowsPerStatement: Int
    private var full: RawStatement?
    private var pending: [Pending] = []
    /// The UTF-8 of the pending texts, end to end: bound without SQLite copying each one
    /// (copies were a third of the cost of these inserts).
    private var texts: [UInt8] = []

    private enum Pending {
        case value(SQLiteValue)
        case text(offset: Int, count: Int)
    }

    /// `sql` is the statement up to `VALUES`, e.g. `INSERT INTO t (a, b)`.
    init(_ db: Database, _ sql: String, columns: Int, rowsPerStatement: Int = 50) {
        self.db = db
        self.sql = sql
        self.columns = columns
        self.rowsPerStatement = rowsPerStatement
        pending.reserveCapacity(columns * rowsPerStatement)
    }

    /// Adds one row: exactly `columns` values.
    func append(_ row: SQLiteValue...) throws {
        precondition(row.count == columns, "a row of \(row.count) values for \(columns) columns")
        for value in row {
            if case var .text(text) = value {
                let offset = texts.count
                text.withUTF8 { texts.append(contentsOf: $0) }
                pending.append(.text(offset: offset, count: texts.count - offset))
            } else {
                pending.append(.value(value))
            }
        }
        if pending.count == columns * rowsPerStatement {
            if full == nil { full = try statement(rows: rowsPerStatement) }
            if let full { try run(full) }
        }
    }

    /// Inserts the rows still pending.
    func flush() throws {
        guard !pending.isEmpty else { return }
        try run(statement(rows: pending.count / columns))
    }

    private func statement(rows: Int) throws -> RawStatement {
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        return try RawStatement(db, sql + " VALUES " + Array(repeating: row, count: rows).joined(separator: ", "))
    }

    private func run(_ statement: RawStatement) throws {
        try texts.withUnsafeBytes { texts in
            defer { statement.clearBindings() }
            for index in pending.indices {
                switch pending[index] {
                case let .value(value): try statement.bind(Int32(index + 1), value)
                case let .text(offset, count):
                    try statement.bind(Int32(index + 1), staticText: UnsafeRawBufferPointer(rebasing: texts[offset..<offset + count]))
                }
            }
            try statement.run()
        }
        pending.removeAll(keepingCapacity: true)
        texts.removeAll(keepingCapacity: true)
    }
}
