import ArgumentParser
import Foundation
import MaturityImport

/// The rejected rows of one export, written next to it as `<name>.rejected.csv`: the original
/// header row(s) and cells, unchanged so the file can be fixed and imported again with the
/// same mapping, plus the columns `_row`, `_column` and `_error`.
final class RejectedRowsFile {
    let path: String
    private var handle: FileHandle?
    private let header: [[String]]

    init(for source: String, directory: String?, header: [[String]]) {
        let name = ((source as NSString).lastPathComponent as NSString).deletingPathExtension
        let folder = directory ?? (source as NSString).deletingLastPathComponent
        path = (folder.isEmpty ? "" : folder + "/") + name + ".rejected.csv"
        self.header = header
    }

    func append(_ rejection: RowRejection) throws {
        if handle == nil {
            guard FileManager.default.createFile(atPath: path, contents: nil), let opened = FileHandle(forWritingAtPath: path) else {
                Output.error("\(path): error: cannot write the rejected rows; check the folder is writable (or pass --rejected DIR)")
                throw ExitCode.failure
            }
            handle = opened
            let rows = header.isEmpty ? [["original"]] : header
            for (index, row) in rows.enumerated() {
                write(CSVWriter.row(row, neutraliseFormulas: false), index == 0 ? ["_row", "_column", "_error"] : ["", "", ""])
            }
        }
        write(
            CSVWriter.row(rejection.cells, neutraliseFormulas: false),
            [String(rejection.row), rejection.column.map(String.init) ?? "", rejection.message])
        for row in rejection.moreRows {
            write(CSVWriter.row(row, neutraliseFormulas: false), [String(rejection.row), "", "(same respondent)"])
        }
    }

    /// One CSV line: the original cells, then ours (neutralised: they quote values).
    private func write(_ original: String, _ extra: [String]) {
        let line = String(original.dropLast()) + "," + CSVWriter.row(extra)  // "\r\n" is one Character
        handle?.write(Data(line.utf8))
    }

    func close() { try? handle?.close() }
}
