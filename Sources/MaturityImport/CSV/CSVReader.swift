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
    /// Bytes and cells of the last record, to reserve as much for the next one.
    private var lastRow = (bytes: 64, cells: 8)

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
                if record.cells.count == 1 && record.cells.utf8.isEmpty { continue }
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
    /// Cells are copied into one `RowCells` buffer (as UTF-8; Windows-1252 is transcoded).
    private func parse() -> (cells: RowCells, invalid: Bool)? {
        let quote = UInt8(ascii: "\"")
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        let delimiter = dialect.delimiter
        let encoding = dialect.encoding
        return buffer.withUnsafeBufferPointer { bytes -> (cells: RowCells, invalid: Bool)? in
            var cells = RowCells(reservingBytes: lastRow.bytes, cells: lastRow.cells)
            var index = position
            var lines = 0
            let count = bytes.count
            func add(_ range: Range<Int>) {
                guard !range.isEmpty else { return }
                encoding.append(UnsafeBufferPointer(rebasing: bytes[range]), to: &cells)
            }
            while true {
                if index < count, bytes[index] == quote {
                    // Quoted cell: "" is a quote; anything up to the closing quote is literal.
                    index += 1
                    while true {
                        guard index < count else {
                            if atEnd { break }
                            return nil
                        }
                        // The run up to the next quote or line end is copied at once.
                        let run = index
                        while index < count, bytes[index] != quote, bytes[index] != lf, bytes[index] != cr { index += 1 }
                        add(run..<index)
                        guard index < count else { continue }
                        let byte = bytes[index]
                        if byte == quote {
                            if index + 1 < count, bytes[index + 1] == quote {
                                cells.append(quote)
                                index += 2
                                continue
                            }
                            if index + 1 >= count && !atEnd { return nil }
                            index += 1
                            break
                        }
                        if byte == lf || (byte == cr && (index + 1 >= count || bytes[index + 1] != lf)) { lines += 1 }
                        cells.append(byte)
                        index += 1
                    }
                    // Text after the closing quote belongs to the cell (lenient, like spreadsheets).
                    let rest = index
                    while index < count, bytes[index] != delimiter, bytes[index] != lf, bytes[index] != cr { index += 1 }
                    add(rest..<index)
                    cells.endCell()
                } else {
                    let start = index
                    while index < count, bytes[index] != delimiter, bytes[index] != lf, bytes[index] != cr { index += 1 }
                    add(start..<index)
                    cells.endCell()
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
                if byte == cr {
                    if index + 1 >= count && !atEnd { return nil }
                    index += index + 1 < count && bytes[index + 1] == lf ? 2 : 1
                } else {
                    index += 1
                }
                lines += 1
                break
            }
            if index == position && atEnd && cells.count == 1 && cells.utf8.isEmpty && position >= count {
                return nil
            }
            position = index
            line += lines
            lastRow = (cells.utf8.count, cells.count)
            return (cells, encoding == .utf8 && !cells.isUTF8)
        }
    }
}
