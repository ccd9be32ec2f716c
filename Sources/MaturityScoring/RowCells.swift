/// The cells of one exported row as UTF-8, one after another, with where each one ends: a
/// single buffer per row where a `String` per cell cost a decoding, and for most cells an
/// allocation and its release, though most cells are only looked up among those already read
/// (`CellMemo`). A cell becomes a `String` when something reads it as text.
///
/// Inlinable: the importer reads every cell of every row through it.
public struct RowCells: Sendable, Equatable {
    @usableFromInline var bytes: [UInt8] = []
    @usableFromInline var cellEnds: [Int] = []

    public init() {}

    /// Room for a row like the previous one.
    @inlinable public init(reservingBytes byteCount: Int, cells cellCount: Int) {
        bytes.reserveCapacity(byteCount)
        cellEnds.reserveCapacity(cellCount)
    }

    public init(_ cells: [String]) {
        cellEnds.reserveCapacity(cells.count)
        for cell in cells {
            bytes.append(contentsOf: cell.utf8)
            cellEnds.append(bytes.count)
        }
    }

    /// Every cell's bytes, in order.
    @inlinable public var utf8: [UInt8] { bytes }

    @inlinable public var count: Int { cellEnds.count }

    /// Cell `index` as text ("" past the last cell, as in a ragged row); bytes that are not
    /// UTF-8 are replaced, as when the row was read.
    @inlinable public func cell(_ index: Int) -> String {
        withCell(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Every cell as text.
    public var strings: [String] { (0..<cellEnds.count).map(cell) }

    /// Cell `index`'s bytes (empty past the last cell), valid during `body`.
    @inlinable public func withCell<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard index >= 0 && index < cellEnds.count else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        let start = index == 0 ? 0 : cellEnds[index - 1]
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<cellEnds[index]])) }
    }

    /// Adds bytes to the cell being read.
    @inlinable public mutating func append(_ more: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: more) }

    @inlinable public mutating func append(_ byte: UInt8) { bytes.append(byte) }

    /// Ends the cell being read.
    @inlinable public mutating func endCell() { cellEnds.append(bytes.count) }

    /// Whether every cell is UTF-8. Checked cell by cell: two cells that each hold half of a
    /// character are not, though their bytes side by side would be. A cell of ASCII (most
    /// cells) is one pass over its bytes.
    public var isUTF8: Bool {
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            for end in cellEnds {
                let cell = UnsafeBufferPointer(rebasing: all[start..<end])
                start = end
                var high: UInt8 = 0
                for byte in cell { high |= byte }
                if high >= 0x80 && transcode(cell.makeIterator(), from: UTF8.self, to: UTF32.self, stoppingOnError: true, into: { _ in }) {
                    return false
                }
            }
            return true
        }
    }
}
