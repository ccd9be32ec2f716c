import Foundation
import MaturityScoring

/// Streams the records of a CSV file: RFC 4180 quoting (delimiters, quotes and line breaks
/// inside quoted cells), LF, CRLF or CR line ends, a UTF-8 BOM, and rows shorter or longer
/// than the header. Reads the file in 1 MiB chunks, so memory does not grow with its size.
///
/// Written for this project after measuring yaslab/CSV.swift 2.5.2, the mirror's streaming CSV
/// package, at 3.9 s for a 34 MB, 100,000-row file where `sqlite3 .import` reads and stores the
/// same file in 1.5 s (see docs/batch-import.md).
public final class CSVReader {
    public let path: String
    public private(set) var dialect: CSVDialect
    /// Set when the file is not UTF-8 and was read as Windows-1252.
    public private(set) var encodingWarning: String?

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var consumedBefore: Int64 = 0
    private var recordNumber = 0
    private var line = 1
    private static let chunk = 1 << 20
    /// Cells of the last record, to reserve as many for the next one.
    private var lastCellCount = 8

    /// Opens `path`; the delimiter and encoding are sniffed unless given.
    public init(path: String, delimiter: UInt8? = nil, encoding: TextEncoding? = nil) throws(ImportError) {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let handle = FileHandle(forReadingAtPath: path)
        else { throw .unreadable(path: path, reason: "no such file") }
        self.handle = handle
        dialect = CSVDialect()
        try fill()
        if buffer.starts(with: [0xFE, 0xFF]) || buffer.starts(with: [0xFF, 0xFE]) {
            throw .unreadable(path: path, reason: "the file is UTF-16; save it as CSV UTF-8")
        }
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        let sample = Array(buffer[position...])
        dialect.encoding = encoding ?? TextEncoding.sniff(sample, complete: atEnd)
        dialect.delimiter = delimiter ?? CSVDialect.sniffDelimiter(sample)
        if dialect.encoding == .windows1252 && encoding == nil {
            encodingWarning = "\(path): warning: the file is not UTF-8; read as Windows-1252 (Excel's encoding for French)"
        }
    }

    deinit { try? handle.close() }

    /// Bytes of the file consumed so far (for progress).
    public var bytesRead: Int64 { consumedBefore + Int64(position) }

    /// The next record, or nil at the end of the file. Blank lines are skipped.
    public func next() throws(ImportError) -> CSVRecord? {
        while true {
            let start = position
            let startLine = line
            if let record = parse() {
                recordNumber += 1
                if record.cells.isBlank { continue }
                return CSVRecord(cells: record.cells, number: recordNumber, line: startLine, invalidEncoding: record.invalid)
            }
            if atEnd { return nil }
            position = start
            line = startLine
            try fill()
        }
    }

    /// Appends the next chunk, dropping what was already consumed.
    private func fill() throws(ImportError) {
        if position > 0 {
            consumedBefore += Int64(position)
            buffer.removeSubrange(0..<position)
            position = 0
        }
        do {
            let data = try handle.read(upToCount: Self.chunk) ?? Data()
            if data.isEmpty { atEnd = true } else { buffer.append(contentsOf: data) }
        } catch {
            throw .unreadable(path: path, reason: "read error")
        }
    }

    /// Parses one record from `position`; nil when the buffer ends first and more may come.
    /// A cell read as it is written is a range of the row's bytes, copied once with the row;
    /// a cell with doubled quotes or text after its closing quote, and every cell of a
    /// Windows-1252 file (transcoded to UTF-8), is written apart (`RowCells.Builder`).
    private func parse() -> (cells: RowCells, invalid: Bool)? {
        let quote = UInt8(ascii: "\"")
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        let delimiter = dialect.delimiter
        let encoding = dialect.encoding
        let rowStart = position
        return buffer.withUnsafeBufferPointer { bytes -> (cells: RowCells, invalid: Bool)? in
            var cells = RowCells.Builder(cells: lastCellCount)
            var index = rowStart
            var lines = 0
            let count = bytes.count
            // An empty buffer holds no record, whether or not more may come.
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
            /// A cell that is `range` of the buffer, as it is or transcoded.
            func add(_ range: Range<Int>) {
                if encoding == .utf8 {
                    cells.addCell((range.lowerBound - rowStart)..<(range.upperBound - rowStart))
                } else {
                    encoding.write(UnsafeBufferPointer(rebasing: bytes[range]), to: &cells)
                    cells.endWrittenCell()
                }
            }
            while true {
                if index < count, bytes[index] == quote {
                    // Quoted cell: "" is a quote; anything up to the closing quote is literal.
                    let content = index + 1
                    var escaped = false
                    index = content
                    while true {
                        index = Self.first(quote, lf, cr, in: base, from: index, to: count)
                        guard index < count else {
                            if atEnd { break }
                            return nil
                        }
                        let byte = bytes[index]
                        if byte == quote {
                            if index + 1 < count, bytes[index + 1] == quote {
                                escaped = true
                                index += 2
                                continue
                            }
                            if index + 1 >= count && !atEnd { return nil }
                            break
                        }
                        if byte == lf || (byte == cr && (index + 1 >= count || bytes[index + 1] != lf)) { lines += 1 }
                        index += 1
                    }
                    let close = index
                    if index < count { index += 1 }
                    // Text after the closing quote belongs to the cell (lenient, like spreadsheets).
                    let rest = index
                    index = Self.first(delimiter, lf, cr, in: base, from: index, to: count)
                    if !escaped && rest == index {
                        add(content..<close)
                    } else {
                        writeQuoted(content..<close, then: rest..<index, of: bytes, to: &cells)
                    }
                } else {
                    let start = index
                    index = Self.first(delimiter, lf, cr, in: base, from: index, to: count)
                    add(start..<index)
                }
                guard index < count else {
                    if !atEnd { return nil }
                    break
                }
                let byte = bytes[index]
                if byte == delimiter {
                    index += 1
                    continue
                }
                break
            }
            let rowEnd = index
            if index < count {
                if bytes[index] == cr {
                    if index + 1 >= count && !atEnd { return nil }
                    index += index + 1 < count && bytes[index + 1] == lf ? 2 : 1
                } else {
                    index += 1
                }
                lines += 1
            }
            let row = UnsafeBufferPointer(rebasing: bytes[rowStart..<rowEnd])
            let record = cells.finish(row)
            if index == rowStart && atEnd && record.isBlank && rowStart >= count { return nil }
            position = index
            line += lines
            lastCellCount = record.count
            return (record, encoding == .utf8 && !TextEncoding.isValidUTF8(row))
        }
    }

    /// Writes the quoted cell whose text (between the quotes) is `content`, each "" as one
    /// quote, followed by `rest`, the text after its closing quote.
    private func writeQuoted(
        _ content: Range<Int>, then rest: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>, to cells: inout RowCells.Builder
    ) {
        dialect.encoding.write(UnsafeBufferPointer(rebasing: bytes[content]), to: &cells)
        cells.undoubleQuotes()
        dialect.encoding.write(UnsafeBufferPointer(rebasing: bytes[rest]), to: &cells)
        cells.endWrittenCell()
    }

    /// The position of the first of `a`, `b` or `c` in `base[start..<end]` (`end` when none
    /// is there), eight bytes at a time: a cell's bytes were compared one by one with the
    /// delimiter and both line ends, 13 instructions per byte of the file (callgrind).
    static func first(_ a: UInt8, _ b: UInt8, _ c: UInt8, in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let (wordA, wordB, wordC) = (ones &* UInt64(a), ones &* UInt64(b), ones &* UInt64(c))
        var index = start
        while index + 8 <= end {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            let (x, y, z) = (word ^ wordA, word ^ wordB, word ^ wordC)
            // A zero byte of x, y or z is a match. The lowest flagged byte is always one; a
            // byte above it may be flagged by the borrow and is never looked at.
            let flagged = ((x &- ones) & ~x | (y &- ones) & ~y | (z &- ones) & ~z) & (ones << 7)
            if flagged != 0 { return index + flagged.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < end, base[index] != a, base[index] != b, base[index] != c { index += 1 }
        return index
    }
}
