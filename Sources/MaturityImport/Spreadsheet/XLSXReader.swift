import Foundation
import ZIPFoundation

/// The first worksheet of an Excel workbook (.xlsx), as records: what Microsoft Forms exports,
/// and what Excel, LibreOffice or Google Sheets save. Cells come out as the text a CSV export
/// of the sheet would hold: shared and inline strings as they are, numbers as written in the
/// file (`12.5`), booleans as `TRUE`/`FALSE`, and date-formatted numbers as `yyyy-MM-dd` or
/// `yyyy-MM-dd HH:mm:ss`. Record numbers are the sheet's row numbers.
///
/// Opening reads the small parts (the workbook, its relationships, styles) and the shared
/// strings, which cells point into; the worksheet itself is decompressed and parsed as its
/// rows are asked for, so memory does not grow with the number of rows.
public final class XLSXReader: RecordReader {
    public let path: String
    public let encodingWarning: String? = nil
    public let csvDialect: CSVDialect? = nil
    private var sheet: WorksheetParser
    private let stream: PartStream
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
            (sheet, stream) = try Workbook(url: URL(fileURLWithPath: path)).firstSheet()
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
    }

    /// How far the worksheet is read, as a share of the file's size.
    public var bytesRead: Int64 { stream.size == 0 ? size : size * stream.delivered / stream.size }

    public func next() throws(ImportError) -> CSVRecord? {
        do throws(WorkbookError) {
            return try sheet.next()
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
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

    /// The first sheet's rows, to be read, and the stream they are read from.
    func firstSheet() throws(WorkbookError) -> (WorksheetParser, PartStream) {
        guard let info = try parse("xl/workbook.xml", WorkbookInfo.init) else {
            throw WorkbookError(
                reason:
                    "a ZIP archive without xl/workbook.xml, so not an Excel workbook (.xlsx); an .xls or .ods file must be saved as .xlsx or CSV first"
            )
        }
        let targets = try parse("xl/_rels/workbook.xml.rels", Relationships.init) ?? Relationships()
        let sheetPath = info.firstSheet.flatMap { targets.byId[$0] } ?? "xl/worksheets/sheet1.xml"
        let strings = try parse(targets.sharedStrings ?? "xl/sharedStrings.xml", SharedStrings.parse) ?? []
        let dates = try parse(targets.styles ?? "xl/styles.xml", DateStyles.parse) ?? []
        guard let sheet = part(sheetPath, named: "the worksheet") else {
            throw WorkbookError(reason: "the workbook has no worksheet (\(sheetPath)); open it in Excel and save it again, or export CSV")
        }
        let rows = WorksheetParser(sheet.scanner, strings: strings, dateStyles: dates, date1904: info.date1904)
        return (rows, sheet.stream)
    }

    /// What `read` makes of the part at `path`, read to its end; nil when the archive has none.
    private func parse<T>(_ path: String, _ read: (XMLScanner) throws(WorkbookError) -> T) throws(WorkbookError) -> T? {
        guard let part = part(path) else { return nil }
        return try read(part.scanner)
    }

    /// The entry at `path`, streamed, or nil when the archive has none. One part is read at a
    /// time: each is read to its end before the next is opened.
    private func part(_ path: String, named name: String? = nil) -> (stream: PartStream, scanner: XMLScanner)? {
        guard let entry = archive[path] else { return nil }
        let stream = PartStream(archive: archive, entry: entry, part: path)
        return (stream, XMLScanner(part: name ?? path, stream: stream))
    }
}
