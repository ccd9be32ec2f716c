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
    /// One stored property, changed by one access per row: each access to a class's stored
    /// property is checked for exclusivity at run time, and appending value by value to two
    /// arrays of the class cost more than binding them.
    private var rows = PendingRows()

    /// `sql` is the statement up to `VALUES`, e.g. `INSERT INTO t (a, b)`.
    init(_ db: Database, _ sql: String, columns: Int, rowsPerStatement: Int = 50) {
        self.db = db
        self.sql = sql
        self.columns = columns
        self.rowsPerStatement = rowsPerStatement
        rows.values.reserveCapacity(columns * rowsPerStatement)
    }

    /// Adds one row: exactly `columns` values.
    func append(_ row: SQLiteValue...) throws {
        precondition(row.count == columns, "a row of \(row.count) values for \(columns) columns")
        if rows.append(row) == columns * rowsPerStatement {
            if full == nil { full = try statement(rows: rowsPerStatement) }
            if let full { try run(full) }
        }
    }

    /// Inserts the rows still pending.
    func flush() throws {
        guard !rows.values.isEmpty else { return }
        try run(statement(rows: rows.values.count / columns))
    }

    private func statement(rows: Int) throws -> RawStatement {
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        return try RawStatement(db, sql + " VALUES " + Array(repeating: row, count: rows).joined(separator: ", "))
    }

    private func run(_ statement: RawStatement) throws {
        try rows.run(statement)
        rows.removeAll()
    }
}

/// The values waiting for a statement, with the UTF-8 of their texts end to end: texts are
/// bound without SQLite copying each one (copies were a third of the cost of these inserts).
private struct PendingRows {
    enum Value {
        case value(SQLiteValue)
        case text(offset: Int, count: Int)
    }

    var values: [Value] = []
    var texts: [UInt8] = []

    /// Adds the values of one row; returns how many values are now pending.
    mutating func append(_ row: [SQLiteValue]) -> Int {
        for value in row {
            if case var .text(text) = value {
                let offset = texts.count
                text.withUTF8 { texts.append(contentsOf: $0) }
                values.append(.text(offset: offset, count: texts.count - offset))
            } else {
                values.append(.value(value))
            }
        }
        return values.count
    }

    /// Binds every pending value, runs `statement`, and clears its bindings.
    func run(_ statement: RawStatement) throws {
        try texts.withUnsafeBytes { texts in
            defer { statement.clearBindings() }
            for index in values.indices {
                switch values[index] {
                case let .value(value): try statement.bind(Int32(index + 1), value)
                case let .text(offset, count):
                    try statement.bind(Int32(index + 1), staticText: UnsafeRawBufferPointer(rebasing: texts[offset..<offset + count]))
                }
            }
            try statement.run()
        }
    }

    mutating func removeAll() {
        values.removeAll(keepingCapacity: true)
        texts.removeAll(keepingCapacity: true)
    }
}
