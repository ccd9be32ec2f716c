import Foundation
import ZIPFoundation

/// The first worksheet of an Excel workbook (.xlsx), as records: what Microsoft Forms exports,
/// and what Excel, LibreOffice or Google Sheets save. Cells come out as the text a CSV export
/// of the sheet would hold: shared and inline strings as they are, numbers as written in the
/// file (`12.5`), booleans as `TRUE`/`FALSE`, and date-formatted numbers as `yyyy-MM-dd` or
/// `yyyy-MM-dd HH:mm:ss`. Record numbers are the sheet's row numbers.
///
/// The worksheet is decompressed and parsed when the reader opens: a workbook is read whole,
/// unlike a CSV file (survey tools cap theirs far below the sizes that would matter; Microsoft
/// Forms at 50,000 responses).
public final class XLSXReader: RecordReader {
    public let path: String
    public let encodingWarning: String? = nil
    public let csvDialect: CSVDialect? = nil
    private let records: [CSVRecord]
    private var position = 0
    private let size: Int64

    /// Whether the file starts like a ZIP archive (`PK\u{3}\u{4}`), as every workbook does.
    public static func isWorkbook(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 4)) == Data([0x50, 0x4B, 0x03, 0x04])
    }

    public init(path: String) throws(ImportError) {
        self.path = path
        size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0
        do throws(WorkbookError) {
            records = try Workbook(url: URL(fileURLWithPath: path)).firstSheetRecords()
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
    }

    /// Records handed out so far, as a share of the file's size.
    public var bytesRead: Int64 { records.isEmpty ? size : size * Int64(position) / Int64(records.count) }

    public func next() throws(ImportError) -> CSVRecord? {
        guard position < records.count else { return nil }
        defer { position += 1 }
        return records[position]
    }
}

/// Why a ZIP archive is not a workbook we can read, with what to do about it.
struct WorkbookError: Error {
    var reason: String

    static func malformed(part: String, line: Int, _ problem: String) -> WorkbookError {
        WorkbookError(
            reason: "\(part), line \(line), is not valid XML (\(problem)); open the file in Excel and save it again, or export CSV")
    }
}

/// The parts of a workbook that give the first sheet's cells: the workbook (sheet order, date
/// system), its relationships (where the sheet is), shared strings and styles (which cells
/// are dates).
struct Workbook {
    private let archive: Archive

    init(url: URL) throws(WorkbookError) {
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw WorkbookError(reason: "a ZIP archive that cannot be opened; save it again as .xlsx or export CSV")
        }
    }

    func firstSheetRecords() throws(WorkbookError) -> [CSVRecord] {
        guard let workbook = try part("xl/workbook.xml") else {
            throw WorkbookError(
                reason:
                    "a ZIP archive without xl/workbook.xml, so not an Excel workbook (.xlsx); an .xls or .ods file must be saved as .xlsx or CSV first"
            )
        }
        let info = try WorkbookInfo(workbook)
        let targets = try part("xl/_rels/workbook.xml.rels").map(Relationships.init) ?? Relationships()
        let sheetPath = info.firstSheet.flatMap { targets.byId[$0] } ?? "xl/worksheets/sheet1.xml"
        guard let sheet = try part(sheetPath) else {
            throw WorkbookError(reason: "the workbook has no worksheet (\(sheetPath)); open it in Excel and save it again, or export CSV")
        }
        let strings = try part(targets.sharedStrings ?? "xl/sharedStrings.xml").map(SharedStrings.parse) ?? []
        let dates = try part(targets.styles ?? "xl/styles.xml").map(DateStyles.parse) ?? []
        return try WorksheetParser(strings: strings, dateStyles: dates, date1904: info.date1904).records(sheet)
    }

    /// The bytes of an entry, or nil when the archive has none at `path`.
    private func part(_ path: String) throws(WorkbookError) -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry) { data.append($0) }
        } catch {
            throw WorkbookError(reason: "\(path) cannot be decompressed; the file may be cut short: download or export it again")
        }
        return data
    }
}

/// `xl/workbook.xml`: the relationship id of the first sheet, and the date system.
private struct WorkbookInfo {
    var firstSheet: String?
    var date1904 = false

    init(_ data: Data) throws(WorkbookError) {
        let events = XMLEvents()
        var first: String?
        var date1904 = false
        events.start = { name, attributes in
            switch name {
            case "sheet" where first == nil:
                first = attributes.first { $0.key == "r:id" || $0.key.hasSuffix(":id") || $0.key == "id" }?.value
            case "workbookPr": date1904 = ["1", "true"].contains(attributes["date1904"]?.lowercased() ?? "")
            default: break
            }
        }
        try events.parse(data, part: "xl/workbook.xml")
        firstSheet = first
        self.date1904 = date1904
    }
}

/// `xl/_rels/workbook.xml.rels`: where each part of the workbook is, as archive paths.
private struct Relationships {
    var byId: [String: String] = [:]
    var sharedStrings: String?
    var styles: String?

    init() {}

    init(_ data: Data) throws(WorkbookError) {
        let events = XMLEvents()
        var found = Relationships()
        events.start = { name, attributes in
            guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
            let path = Self.archivePath(target)
            found.byId[id] = path
            let type = attributes["Type"] ?? ""
            if type.hasSuffix("/sharedStrings") { found.sharedStrings = path }
            if type.hasSuffix("/styles") { found.styles = path }
        }
        try events.parse(data, part: "xl/_rels/workbook.xml.rels")
        self = found
    }

    /// Targets are relative to `xl/`, or absolute from the archive's root.
    static func archivePath(_ target: String) -> String {
        target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }
}

/// `xl/sharedStrings.xml`: the texts that cells of type `s` point at. A rich text is the
/// concatenation of its runs; phonetic hints (`rPh`) are not part of it.
enum SharedStrings {
    static func parse(_ data: Data) throws(WorkbookError) -> [String] {
        let events = XMLEvents()
        var strings: [String] = []
        var current = ""
        var inText = false
        var phonetic = 0
        events.start = { name, _ in
            switch name {
            case "si": current = ""
            case "t": inText = phonetic == 0
            case "rPh": phonetic += 1
            default: break
            }
        }
        events.end = { name in
            switch name {
            case "si": strings.append(OOXMLText.unescape(current))
            case "t": inText = false
            case "rPh": phonetic -= 1
            default: break
            }
        }
        events.text = { if inText { current += $0 } }
        try events.parse(data, part: "xl/sharedStrings.xml")
        return strings
    }
}

/// `xl/styles.xml`: for each cell style (`cellXfs`, by index), whether its number format is a
/// date or time.
enum DateStyles {
    static func parse(_ data: Data) throws(WorkbookError) -> [Bool] {
        let events = XMLEvents()
        var customFormats: [Int: String] = [:]
        var formats: [Int] = []
        var inCellStyles = false
        events.start = { name, attributes in
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap(Int.init) { customFormats[id] = attributes["formatCode"] }
            case "cellXfs": inCellStyles = true
            case "xf" where inCellStyles: formats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
            default: break
            }
        }
        events.end = { name in if name == "cellXfs" { inCellStyles = false } }
        try events.parse(data, part: "xl/styles.xml")
        return formats.map { ExcelDate.isDateFormat(id: $0, code: customFormats[$0]) }
    }
}

/// Escapes of OOXML texts: a character XML cannot hold (a carriage return, say) is written
/// `_x000D_`, and a literal `_x` as `_x005F_x`.
enum OOXMLText {
    static func unescape(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: "_x") {
            result += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            let hex = after.prefix(5)
            if hex.count == 5, hex.last == "_", let code = UInt32(hex.dropLast(), radix: 16), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                result += "_x"
                rest = after
            }
        }
        return result + rest
    }
}
