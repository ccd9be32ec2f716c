/// Reads the records of a table export one at a time: a CSV file (`CSVReader`) or the first
/// worksheet of an Excel workbook (`XLSXReader`). The wide and long sources read through it.
public protocol RecordReader: AnyObject {
    var path: String { get }
    /// How far the reader is into the file, for the progress bar.
    var bytesRead: Int64 { get }
    /// A warning about the whole file's encoding, if any.
    var encodingWarning: String? { get }
    /// The CSV dialect; nil for a workbook, whose cells are already separated.
    var csvDialect: CSVDialect? { get }
    func next() throws(ImportError) -> CSVRecord?
}

extension CSVReader: RecordReader {
    public var csvDialect: CSVDialect? { dialect }
}

/// Opens a table export: an Excel workbook when the file is a ZIP archive (whatever its
/// extension), a CSV file otherwise.
public enum RecordReaders {
    public static func open(path: String, delimiter: UInt8? = nil) throws(ImportError) -> any RecordReader {
        if XLSXReader.isWorkbook(path: path) { return try XLSXReader(path: path) }
        return try CSVReader(path: path, delimiter: delimiter)
    }
}
