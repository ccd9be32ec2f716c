import MaturityScoring

/// One record of a CSV file, as the cells were written.
public struct CSVRecord: Sendable, Equatable {
    /// The cells, decoded, as UTF-8.
    public var cells: RowCells
    /// 1-based position among the file's records (the header is record 1): the row number a
    /// spreadsheet shows when no cell holds a line break.
    public var number: Int
    /// 1-based line where the record starts.
    public var line: Int
    /// Some bytes were not valid in the file's encoding.
    public var invalidEncoding: Bool

    public init(cells: RowCells, number: Int, line: Int, invalidEncoding: Bool = false) {
        self.cells = cells
        self.number = number
        self.line = line
        self.invalidEncoding = invalidEncoding
    }

    public init(fields: [String], number: Int, line: Int, invalidEncoding: Bool = false) {
        self.init(cells: RowCells(fields), number: number, line: line, invalidEncoding: invalidEncoding)
    }

    /// The cells as text.
    public var fields: [String] { cells.strings }
}

/// Delimiter and encoding of a CSV file, sniffed from its first bytes unless given.
public struct CSVDialect: Sendable, Equatable {
    public var delimiter: UInt8
    public var encoding: TextEncoding

    public init(delimiter: UInt8 = UInt8(ascii: ","), encoding: TextEncoding = .utf8) {
        self.delimiter = delimiter
        self.encoding = encoding
    }

    public var delimiterName: String {
        switch delimiter {
        case UInt8(ascii: ","): "comma"
        case UInt8(ascii: ";"): "semicolon"
        case UInt8(ascii: "\t"): "tab"
        default: "'\(Character(Unicode.Scalar(delimiter)))'"
        }
    }

    /// `comma`, `semicolon`, `tab` or the character itself.
    public static func delimiter(named name: String) -> UInt8? {
        switch name.lowercased() {
        case "comma", ",": UInt8(ascii: ",")
        case "semicolon", ";": UInt8(ascii: ";")
        case "tab", "\t": UInt8(ascii: "\t")
        case "pipe", "|": UInt8(ascii: "|")
        default: nil
        }
    }

    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]

    /// The candidate delimiter seen most often outside quotes on the first line (comma on a tie).
    static func sniffDelimiter(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [:]
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if !quoted {
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
                if candidates.contains(byte) { counts[byte, default: 0] += 1 }
            }
        }
        return candidates.max { (counts[$0] ?? 0) < (counts[$1] ?? 0) }.flatMap { (counts[$0] ?? 0) > 0 ? $0 : nil }
            ?? UInt8(ascii: ",")
    }
}
