import Foundation
import MaturityTestSupport
import Testing
import ZIPFoundation

@testable import MaturityImport

/// Excel workbooks (.xlsx): Microsoft Forms exports, read through the same mappings as CSV.
/// The fixture is written by scripts/make-xlsx-fixture.py, independently of the reader.
@Suite struct WorkbookTests {
    static let fixture = TestSupport.path("\(Importing.fixtures)/microsoft-forms.xlsx")

    @Test func microsoftFormsWorkbookImportsThroughAMapping() throws {
        let questionnaire = try Importing.surveyQuestionnaire()
        let outcome = try Importing.run(
            Self.fixture, questionnaire: questionnaire, mapping: try Importing.mapping("microsoft-forms.mapping.yaml", questionnaire))
        // practice = mean(field, funding share); people = mean(awareness, partner, age band).
        let first = try #require(outcome.scores["microsoft-forms.xlsx#1"])
        #expect(first["practice"] == 75)
        #expect(first["people"] == 83.3, "(1 + 1 + 0.5) / 3, rounded")
        let second = try #require(outcome.scores["microsoft-forms.xlsx#2"])
        #expect(second["practice"] == 25)
        #expect(second["people"] == 58.3, "(0.75 + 0 + 1) / 3, rounded")
        let jane = try #require(outcome.responses.first { $0.key == "microsoft-forms.xlsx#2" })
        #expect(jane.answers.company.name == "Jane Doe", "the phonetic hint is not part of the name")
        #expect(jane.answers.answers["practice.funding"] == .codes(["none"]))
        #expect(jane.row == 3)
        let rejected = try #require(outcome.rejected.first)
        #expect(outcome.rejected.count == 1)
        #expect(rejected.description.hasPrefix("\(Self.fixture):5:10: error: question 'people.age': 'forty' is not a number"))
        #expect(rejected.cells[4] == "Ltd & Co")
    }

    @Test func cellsReadAsACSVExportWouldHoldThem() throws {
        let reader = try XLSXReader(path: Self.fixture)
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        #expect(records.map(\.number) == [1, 2, 3, 5], "the empty row 4 is left out; numbers are the sheet's rows")
        #expect(records[0].fields.first == "ID")
        #expect(records[0].fields.last == "Age")
        #expect(
            records[1].fields == [
                "1", "2023-11-04 10:30:00", "2023-11-04 10:35:00", "anonymous", "", "biology-related", "Source 1;Source 3;",
                "Fully aware", "Yes", "34",
            ], "dates from their style, the missing Name cell empty, the rich text joined")
        #expect(records[2].fields[1] == "2023-11-05", "a date without a time of day")
        #expect(records[2].fields[8] == "FALSE")
        #expect(records[3].fields[5] == "Other", "an inline string")
        #expect(reader.bytesRead > 0)
        #expect(reader.csvDialect == nil)
    }

    @Test(arguments: [
        (1.0, false, "1900-01-01"), (59, false, "1900-02-28"), (61, false, "1900-03-01"), (45000, false, "2023-03-15"),
        (45234.4375, false, "2023-11-04 10:30:00"), (0, true, "1904-01-01"), (45234.999988426, false, "2023-11-04 23:59:59"),
        (45234.999999, false, "2023-11-05"),
    ])
    func serialNumbersBecomeDates(serial: Double, date1904: Bool, expected: String) {
        #expect(ExcelDate.text(serial: serial, date1904: date1904) == expected)
    }

    @Test func dateFormatsAreToldFromNumberFormats() {
        #expect(ExcelDate.isDateFormat(id: 14, code: nil))
        #expect(ExcelDate.isDateFormat(id: 164, code: "dd/mm/yyyy\\ hh:mm"))
        #expect(!ExcelDate.isDateFormat(id: 0, code: nil))
        #expect(!ExcelDate.isDateFormat(id: 165, code: "#,##0.00\\ \"days\""))
        #expect(!ExcelDate.isDateFormat(id: 166, code: "[Red]0.00"))
        #expect(ExcelDate.text(serial: -1, date1904: false) == nil)
    }

    @Test func escapesAndColumnReferences() {
        #expect(OOXMLText.unescape("line_x000D_break") == "line\rbreak")
        #expect(OOXMLText.unescape("_x005F_x000D_") == "_x000D_")
        #expect(OOXMLText.unescape("tax_x rate_x00") == "tax_x rate_x00")
        #expect(WorksheetParser.columnIndex("A1") == 0)
        #expect(WorksheetParser.columnIndex("Z9") == 25)
        #expect(WorksheetParser.columnIndex("AB12") == 27)
        #expect(WorksheetParser.columnIndex("12") == nil)
    }

    @Test func aWorkbookIsRecognisedByItsBytesNotItsName() throws {
        let renamed = try Importing.file("export.csv", Array(try Data(contentsOf: URL(fileURLWithPath: Self.fixture))))
        #expect(XLSXReader.isWorkbook(path: renamed))
        #expect(try RecordReaders.open(path: renamed) is XLSXReader)
        let csv = try Importing.file("export.csv", "a,b\n1,2\n")
        #expect(!XLSXReader.isWorkbook(path: csv))
    }

    /// The first sheet in the workbook's order, found through its relationship, whatever its
    /// part is called; a prefixed namespace and an absolute target as some writers use.
    @Test func theFirstSheetIsFoundThroughTheWorkbookRelationships() throws {
        let path = try Self.workbook([
            (
                "xl/workbook.xml",
                "<x:workbook xmlns:x=\"urn:main\" xmlns:r=\"urn:rel\"><x:sheets><x:sheet name=\"Responses\" r:id=\"rId7\"/>"
                    + "<x:sheet name=\"Other\" r:id=\"rId1\"/></x:sheets></x:workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId7\" Target=\"/xl/worksheets/responses.xml\"/></Relationships>"
            ),
            ("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData></worksheet>"),
            (
                "xl/worksheets/responses.xml",
                "<worksheet><sheetData><row r=\"1\"><c r=\"B1\" t=\"str\"><f>A1</f><v>first</v></c></row></sheetData></worksheet>"
            ),
        ])
        let reader = try XLSXReader(path: path)
        #expect(try reader.next()?.fields == ["", "first"], "a formula's cached result")
        #expect(try reader.next() == nil)
    }

    /// libxml2 refuses a chunk over 10 MB; a worksheet that big (some 5,000 Forms responses)
    /// must still be read.
    @Test func aWorksheetOverTenMegabytesIsRead() throws {
        let long = String(repeating: "x", count: 1_000)
        var sheet = "<worksheet><sheetData>"
        for row in 1...11_000 {
            sheet +=
                "<row r=\"\(row)\"><c r=\"A\(row)\" t=\"inlineStr\"><is><t>\(long)</t></is></c><c r=\"B\(row)\"><v>\(row)</v></c></row>"
        }
        sheet += "</sheetData></worksheet>"
        #expect(sheet.utf8.count > 11_000_000)
        let path = try Self.workbook([
            ("xl/workbook.xml", "<workbook><sheets><sheet name=\"Sheet1\"/></sheets></workbook>"), ("xl/worksheets/sheet1.xml", sheet),
        ])
        let reader = try XLSXReader(path: path)
        var count = 0
        var last: CSVRecord?
        while let record = try reader.next() {
            count += 1
            last = record
        }
        #expect(count == 11_000)
        #expect(last?.fields == [long, "11000"])
    }

    /// A reader released before the end of its sheet (`--init-mapping` reads only the first
    /// rows) stops the thread that inflates the sheet, which is then waiting for room: the
    /// release would hang otherwise. The same file then reads again from the start.
    @Test func aReaderReleasedEarlyStopsInflatingAndTheFileReadsAgain() throws {
        let rows = (1...2_000).map {
            "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"inlineStr\"><is><t>\($0)-\(String(repeating: "y", count: 1_000))</t></is></c></row>"
        }
        let path = try Self.workbook([
            ("xl/workbook.xml", "<workbook><sheets><sheet name=\"Sheet1\"/></sheets></workbook>"),
            ("xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + rows.joined() + "</sheetData></worksheet>"),
        ])
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64)
        for _ in 1...3 {
            let reader = try XLSXReader(path: path)
            #expect(try reader.next()?.fields.first?.hasPrefix("1-yyy") == true)
            #expect(reader.bytesRead < size / 2, "a few chunks of a 2 MB sheet inflated, not all of it")
        }
    }

    /// A damaged or foreign file is one clear error, never a crash: when the reader opens, or
    /// when the damage is reached in a worksheet read as its rows are asked for.
    @Test(arguments: [
        ("truncated", "cannot read the file"),
        ("no workbook", "without xl/workbook.xml"),
        ("bad sheet XML", "the worksheet, line 1, is not valid XML (</c> closes <v>)"),
        ("bad shared strings", "xl/sharedStrings.xml, line 2, is not valid XML (the XML ends inside an element)"),
        ("corrupted sheet", "cannot read the file"),
    ])
    func damagedWorkbooksAreClearErrors(kind: String, expected: String) throws {
        let path = try Self.damaged(kind)
        #expect {
            let reader = try XLSXReader(path: path)
            while try reader.next() != nil {}
        } throws: { error in
            let text = (error as? ImportError)?.errorDescription ?? ""
            return text.hasPrefix("\(path): error: cannot read the file") && text.contains(expected)
        }
    }

    /// A copy of the fixture cut short, an archive of something else, one whose sheet or
    /// shared strings are not XML, or one whose sheet's compressed bytes are damaged.
    static func damaged(_ kind: String) throws -> String {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: fixture)))
        let book = ("xl/workbook.xml", "<workbook><sheets><sheet r:id=\"rId1\"/></sheets></workbook>")
        switch kind {
        case "truncated": return try Importing.file("cut.xlsx", Array(bytes.prefix(bytes.count / 2)))
        case "no workbook": return try workbook([("word/document.xml", "<w:document/>")])
        case "bad shared strings":
            return try workbook([book, ("xl/sharedStrings.xml", "<sst>\n<si><t>a</t></si>"), ("xl/worksheets/sheet1.xml", "<worksheet/>")])
        case "corrupted sheet":
            let rows = (1...2_000).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0 * 7919 % 10007)</v></c></row>" }
            let path = try workbook([
                book, ("xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + rows.joined() + "</sheetData></worksheet>"),
            ])
            var damaged = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            for offset in stride(from: damaged.count / 2, to: damaged.count / 2 + 64, by: 8) { damaged[offset] ^= 0x5A }
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            return path
        default:
            return try workbook([book, ("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</c></row>")])
        }
    }

    /// A new archive holding `parts` (path, XML text), deflated as spreadsheets write them.
    static func workbook(_ parts: [(String, String)]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maturity-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("book.xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        for (name, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
                position, size in data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url.path
    }
}
