import Foundation

/// Finds columns in the header rows of an export: by position, by exact text in any header
/// row (export code, question text), by Qualtrics import id (`{"ImportId":"QID1"}`), then
/// ignoring case and surrounding spaces.
public struct HeaderIndex: Sendable {
    public let rows: [[String]]
    public let width: Int
    private var exact: [String: Int] = [:]
    private var loose: [String: Int] = [:]

    public init(rows: [[String]]) {
        self.rows = rows
        width = rows.map(\.count).max() ?? 0
        for row in rows {
            for (index, cell) in row.enumerated() {
                if exact[cell] == nil { exact[cell] = index }
                if let id = Self.importId(cell), exact[id] == nil { exact[id] = index }
                let key = cell.trimmed.lowercased()
                if loose[key] == nil { loose[key] = index }
            }
        }
    }

    /// The first header row's name of a column, for messages.
    public func name(_ index: Int) -> String {
        guard let row = rows.first, index < row.count, !row[index].isEmpty else { return "column \(index + 1)" }
        return row[index]
    }

    /// 0-based index of the column, or nil.
    public func index(_ ref: ColumnRef) -> Int? {
        switch ref {
        case let .position(position): return position <= width ? position - 1 : nil
        case let .name(name): return exact[name] ?? loose[name.trimmed.lowercased()]
        }
    }

    /// `{"ImportId":"QID1"}` or `{'ImportId': 'QID2-1'}` → `QID1`.
    static func importId(_ cell: String) -> String? {
        guard cell.hasPrefix("{"), let range = cell.range(of: "ImportId") else { return nil }
        let rest = cell[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == ":" || $0 == " " }
        let id = rest.prefix { $0 != "\"" && $0 != "'" && $0 != "}" }
        return id.isEmpty ? nil : String(id)
    }
}
