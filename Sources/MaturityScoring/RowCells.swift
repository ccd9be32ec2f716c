/// The cells of one exported row as UTF-8, one after another, with where each one ends: a
/// single buffer per row where a `String` per cell cost a decoding, and for most cells an
/// allocation and its release, though most cells are only looked up among those already read
/// (`CellMemo`). A cell becomes a `String` when something reads it as text.
public struct RowCells: Sendable, Equatable {
    /// Every cell's bytes, in order.
    public private(set) var utf8: [UInt8] = []
    /// The end of each cell in `utf8`.
    public private(set) var ends: [Int] = []

    public init() {}

    public init(_ cells: [String]) {
        ends.reserveCapacity(cells.count)
        for cell in cells {
            utf8.append(contentsOf: cell.utf8)
            ends.append(utf8.count)
        }
    }

    public var count: Int { ends.count }

    /// Cell `index` as text ("" past the last cell, as in a ragged row); bytes that are not
    /// UTF-8 are replaced, as when the row was read.
    public func cell(_ index: Int) -> String {
        guard index >= 0 && index < ends.count else { return "" }
        return withCell(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Every cell as text.
    public var strings: [String] { (0..<ends.count).map(cell) }

    /// Cell `index`'s bytes (empty past the last cell), valid during `body`.
    public func withCell<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard index >= 0 && index < ends.count else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        let start = index == 0 ? 0 : ends[index - 1]
        return try utf8.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<ends[index]])) }
    }

    /// Adds bytes to the cell being read.
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { utf8.append(contentsOf: bytes) }

    public mutating func append(_ byte: UInt8) { utf8.append(byte) }

    /// Ends the cell being read.
    public mutating func endCell() { ends.append(utf8.count) }

    /// The bytes of the cell being read so far.
    public var openCellStart: Int { ends.last ?? 0 }

    /// Whether the bytes from `start` to the end are UTF-8 (a cell just read).
    public func isUTF8(from start: Int) -> Bool {
        utf8.withUnsafeBufferPointer { bytes in
            let tail = UnsafeBufferPointer(rebasing: bytes[start...])
            guard tail.contains(where: { $0 >= 0x80 }) else { return true }
            return !transcode(tail.makeIterator(), from: UTF8.self, to: UTF32.self, stoppingOnError: true) { _ in }
        }
    }
}
