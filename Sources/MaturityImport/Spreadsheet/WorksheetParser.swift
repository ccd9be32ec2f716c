import Foundation

/// The cells of a worksheet part (`xl/worksheets/sheetN.xml`) as records, read row by row as
/// they are asked for. A missing cell is an empty field, so columns stay where the header
/// says; rows without any value are left out, as a CSV export of the sheet would have no line
/// for them.
struct WorksheetParser {
    let strings: [String]
    /// Per cell style index: whether its number format is a date.
    let dateStyles: [Bool]
    let date1904: Bool
    private var scanner: XMLScanner
    private var fields: [String] = []
    private var rowNumber = 0
    private var column = -1
    private var cell = Cell()
    private var collecting = false

    init(_ scanner: XMLScanner, strings: [String], dateStyles: [Bool], date1904: Bool) {
        self.scanner = scanner
        self.strings = strings
        self.dateStyles = dateStyles
        self.date1904 = date1904
    }

    /// The next row that holds a value; nil at the end of the sheet.
    mutating func next() throws(WorkbookError) -> CSVRecord? {
        while let event = try scanner.next() {
            switch event {
            case let .start(name): start(name)
            case let .text(text):
                if collecting && cell.phonetic == 0 { cell.text += text }
            case let .end(name):
                if let record = end(name) { return record }
            }
        }
        return nil
    }

    private mutating func start(_ name: String) {
        let attributes = scanner.attributes
        switch name {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            fields.removeAll(keepingCapacity: true)
            column = -1
        case "c":
            column = attributes["r"].flatMap(Self.columnIndex) ?? column + 1
            cell = Cell(type: attributes["t"] ?? "n", style: attributes["s"].flatMap(Int.init) ?? 0)
        case "v", "t": collecting = true
        case "rPh": cell.phonetic += 1
        default: break
        }
    }

    /// The row, when `name` ends one that holds a value.
    private mutating func end(_ name: String) -> CSVRecord? {
        switch name {
        case "v", "t": collecting = false
        case "rPh": cell.phonetic -= 1
        case "c":
            guard column >= 0 else { return nil }
            let value = value(of: cell)
            guard !value.isEmpty else { return nil }
            if fields.count <= column { fields.append(contentsOf: repeatElement("", count: column + 1 - fields.count)) }
            fields[column] = value
        case "row":
            guard !fields.isEmpty else { return nil }
            return CSVRecord(fields: fields, number: rowNumber, line: rowNumber)
        default: break
        }
        return nil
    }

    private struct Cell {
        var type = "n"
        var style = 0
        var text = ""
        var phonetic = 0
    }

    /// The text a CSV export would hold for the cell.
    private func value(of cell: Cell) -> String {
        switch cell.type {
        case "s":
            guard let index = Int(cell.text) ?? Int(cell.text.trimmingCharacters(in: .whitespaces)), strings.indices.contains(index) else {
                return ""
            }
            return strings[index]
        case "inlineStr", "str": return OOXMLText.unescape(cell.text)
        case "b": return cell.text == "1" ? "TRUE" : cell.text == "0" ? "FALSE" : cell.text
        case "n":
            if dateStyles.indices.contains(cell.style), dateStyles[cell.style], let serial = Double(cell.text),
                let date = ExcelDate.text(serial: serial, date1904: date1904)
            {
                return date
            }
            return cell.text
        default: return cell.text
        }
    }

    /// 0-based column of a cell reference: `A1` → 0, `AB12` → 27.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): index = index * 26 + Int(byte - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"): index = index * 26 + Int(byte - UInt8(ascii: "a")) + 1
            default:
                guard letters > 0 else { return nil }
                return index - 1
            }
            letters += 1
        }
        return letters > 0 ? index - 1 : nil
    }
}
