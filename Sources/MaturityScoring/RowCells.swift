import Foundation

/// The cells of one exported row as UTF-8 in a single buffer, with where each one starts and
/// ends: a `String` per cell cost a decoding, and for most cells an allocation and its
/// release, though most cells are only looked up among those already read (`CellMemo`). A
/// cell becomes a `String` when something reads it as text.
///
/// A row read from a CSV file keeps the row's own bytes, delimiters included, with each cell a
/// range of them; only a cell that had to be rewritten (doubled quotes, Windows-1252) is
/// written after them (`Builder`). Copying every cell on its own cost 9,600 instructions per
/// respondent of the sample (callgrind); the row is now one copy.
///
/// Inlinable: the importer reads every cell of every row through it.
public struct RowCells: Sendable {
    @usableFromInline var bytes: [UInt8] = []
    /// Cell `i` is `bytes[bounds[2 * i] ..< bounds[2 * i + 1]]`.
    @usableFromInline var bounds: [Int] = []

    public init() {}

    public init(_ cells: [String]) {
        bounds.reserveCapacity(2 * cells.count)
        for cell in cells {
            bounds.append(bytes.count)
            bytes.append(contentsOf: cell.utf8)
            bounds.append(bytes.count)
        }
    }

    @inlinable public var count: Int { bounds.count / 2 }

    /// One empty cell: what a blank line reads as.
    public var isBlank: Bool { bounds.count == 2 && bounds[0] == bounds[1] }

    /// Cell `index` as text ("" past the last cell, as in a ragged row); bytes that are not
    /// UTF-8 are replaced, as when the row was read.
    @inlinable public func cell(_ index: Int) -> String {
        withCell(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Every cell as text.
    public var strings: [String] { (0..<count).map(cell) }

    /// Cell `index`'s bytes (empty past the last cell), valid during `body`.
    @inlinable public func withCell<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard index >= 0 && index < count else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        let (start, end) = (bounds[2 * index], bounds[2 * index + 1])
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }
}

extension RowCells: Equatable {
    /// Same cells, however their bytes are laid out.
    public static func == (lhs: RowCells, rhs: RowCells) -> Bool {
        lhs.count == rhs.count
            && (0..<lhs.count).allSatisfy { index in
                lhs.withCell(index) { left in rhs.withCell(index) { right in left.elementsEqual(right) } }
            }
    }
}

extension RowCells {
    /// Collects a row's cells while it is parsed: a cell read as it is written is a range of
    /// the row's bytes (offsets from the row's start), copied with the whole row by `finish`; a
    /// rewritten cell's bytes are written here and placed after the row's.
    public struct Builder {
        private var bounds: [Int]
        private var written: [UInt8] = []
        /// Positions in `bounds` of the cells in `written`.
        private var writtenCells: [Int] = []
        /// Where the cell being written starts in `written`; nil between cells.
        private var writing: Int?

        /// Room for `cells` cells.
        public init(cells: Int) {
            bounds = []
            bounds.reserveCapacity(2 * cells)
        }

        /// A cell that is `range` of the row's bytes.
        public mutating func addCell(_ range: Range<Int>) {
            bounds.append(range.lowerBound)
            bounds.append(range.upperBound)
        }

        /// Adds bytes to the cell being written (starting one if none is).
        public mutating func write(_ more: UnsafeBufferPointer<UInt8>) {
            startWriting()
            written.append(contentsOf: more)
        }

        public mutating func write(_ byte: UInt8) {
            startWriting()
            written.append(byte)
        }

        /// Turns each pair of quotes written to the cell being written into one quote.
        public mutating func undoubleQuotes() {
            guard let start = writing else { return }
            let quote = UInt8(ascii: "\"")
            let kept = written.withUnsafeMutableBufferPointer { bytes in
                var (read, write) = (start, start)
                while read < bytes.count {
                    bytes[write] = bytes[read]
                    read += bytes[read] == quote && read + 1 < bytes.count && bytes[read + 1] == quote ? 2 : 1
                    write += 1
                }
                return write
            }
            written.removeSubrange(kept..<written.count)
        }

        /// Ends the cell being written (an empty one if nothing was written).
        public mutating func endWrittenCell() {
            writtenCells.append(bounds.count)
            bounds.append(writing ?? written.count)
            bounds.append(written.count)
            writing = nil
        }

        private mutating func startWriting() {
            if writing == nil { writing = written.count }
        }

        /// The cells, over a copy of `row` (the bytes the ranges are offsets in).
        public func finish(_ row: UnsafeBufferPointer<UInt8>) -> RowCells {
            var cells = RowCells()
            cells.bytes.reserveCapacity(row.count + written.count)
            cells.bytes.append(contentsOf: row)
            cells.bytes.append(contentsOf: written)
            cells.bounds = bounds
            for position in writtenCells {
                cells.bounds[position] += row.count
                cells.bounds[position + 1] += row.count
            }
            return cells
        }
    }
}
