import Foundation
import MaturityScoring
import Testing

@testable import MaturityImport

@Suite struct CSVReaderTests {
    func records(_ bytes: [UInt8]) throws -> (reader: CSVReader, rows: [[String]]) {
        let reader = try CSVReader(path: try Importing.file("x.csv", bytes))
        var rows: [[String]] = []
        while let record = try reader.next() { rows.append(record.fields) }
        return (reader, rows)
    }

    @Test(arguments: [
        ("a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]),
        ("a;b\n1;2,5\n", [["a", "b"], ["1", "2,5"]]),
        ("a\tb\n1\t2", [["a", "b"], ["1", "2"]]),
        ("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n", [["a", "b"], ["x, y", "say \"hi\""]]),
        ("a,b\n\"line 1\r\nline 2\",z\n", [["a", "b"], ["line 1\r\nline 2", "z"]]),
        ("a,b,c\n1\n1,2,3,4\n", [["a", "b", "c"], ["1"], ["1", "2", "3", "4"]]),
        ("a,b\n\n1,2\n\n", [["a", "b"], ["1", "2"]]),
        ("a,b\r1,2\r", [["a", "b"], ["1", "2"]]),
        ("a,b\n\"x\ry \"\"z\"\"\",\"\"\n", [["a", "b"], ["x\ry \"z\"", ""]]),
        ("a,b\n\"ab\"cd,\"e \"\"f\"\"\" g\n", [["a", "b"], ["abcd", "e \"f\" g"]]),
        (
            "a,b\n\"quoted, long enough for a word\",unquoted and long enough\r\n",
            [["a", "b"], ["quoted, long enough for a word", "unquoted and long enough"]]
        ),
        ("a,b\n\"\"\"\"\"\"\"\",\"\"\"\"\n", [["a", "b"], ["\"\"\"", "\""]]),
        ("a,b\n\"unclosed, at \"\"the\"\" end", [["a", "b"], ["unclosed, at \"the\" end"]]),
    ])
    func parses(_ text: String, _ expected: [[String]]) throws {
        #expect(try records(Array(text.utf8)).rows == expected)
    }

    /// A row is checked for UTF-8 as a whole, delimiters included: two cells that each hold
    /// half of a character are not UTF-8, though their bytes side by side would be.
    @Test func eachCellIsCheckedForUTF8() throws {
        let reader = try CSVReader(
            path: try Importing.file(
                "halves.csv", Array("a,b\n".utf8) + [0xC3] + Array(",".utf8) + [0xA9] + Array("\ncaf\u{E9},\"\u{E9}\"\n".utf8)),
            encoding: .utf8)
        _ = try reader.next()
        #expect(try reader.next()?.invalidEncoding == true)
        let valid = try #require(try reader.next())
        #expect(!valid.invalidEncoding && valid.fields == ["caf\u{E9}", "\u{E9}"])
    }

    /// A row without a respondent id is keyed by a hash of its cells, stored in the database:
    /// it must not change from one version to the next, or a re-import would duplicate rows.
    @Test func aRowIsHashedAsStoredKeysExpect() {
        #expect(RowConverter.hash(RowCells(["a", "\u{E9}", "", "Ltd, \"Co\""])) == "c493f80e9fde5481")
    }

    @Test func stripsTheUTF8ByteOrderMark() throws {
        let (reader, rows) = try records([0xEF, 0xBB, 0xBF] + Array("id,q\n1,2\n".utf8))
        #expect(rows.first == ["id", "q"])
        #expect(reader.encodingWarning == nil)
    }

    @Test func fallsBackToWindows1252WithAWarning() throws {
        // "Société;Coût €" as saved by a French Excel.
        let bytes: [UInt8] =
            Array("Soci".utf8) + [0xE9] + Array("t".utf8) + [0xE9, 0x3B] + Array("Co".utf8) + [0xFB, 0x74, 0x20, 0x80, 0x0A]
        let (reader, rows) = try records(bytes)
        #expect(rows == [["Société", "Coût €"]])
        #expect(reader.dialect.encoding == .windows1252)
        #expect(reader.encodingWarning?.contains("warning: the file is not UTF-8; read as Windows-1252") == true)
    }

    @Test func transcodesAQuotedWindows1252Cell() throws {
        // "Coût ""net""",€ as saved by a French Excel.
        let bytes: [UInt8] = [0x22, 0x43, 0x6F, 0xFB, 0x74, 0x20, 0x22, 0x22, 0x6E, 0x65, 0x74, 0x22, 0x22, 0x22, 0x2C, 0x80, 0x0A]
        #expect(try records(bytes).rows == [["Coût \"net\"", "€"]])
    }

    @Test func recordsAcrossChunkBoundaries() throws {
        // Quoted cells with line breaks spanning the 1 MiB chunks.
        var text = "id,text\n"
        for index in 0..<40_000 { text += "\(index),\"a \"\"quoted\"\", multi\nline cell \(index)\"\r\n" }
        let (_, rows) = try records(Array(text.utf8))
        #expect(rows.count == 40_001)
        #expect(rows[40_000] == ["39999", "a \"quoted\", multi\nline cell 39999"])
    }

    @Test func numbersRowsAsRecordsAndLinesAsLines() throws {
        let reader = try CSVReader(path: try Importing.file("x.csv", "a,b\n\"1\n2\",x\n3,y\n"))
        _ = try reader.next()
        let second = try #require(try reader.next())
        let third = try #require(try reader.next())
        #expect((second.number, second.line) == (2, 2))
        #expect((third.number, third.line) == (3, 4))
    }

    @Test func refusesUTF16() throws {
        do {
            _ = try records([0xFF, 0xFE, 0x61, 0x00])
            Issue.record("a UTF-16 file was read")
        } catch {
            #expect(
                (error as? ImportError)?.errorDescription?.hasSuffix(
                    "error: cannot read the file (the file is UTF-16; save it as CSV UTF-8)") == true)
        }
    }

    @Test(arguments: [("12,5", 12.5), ("1 234,5", 1234.5), ("1\u{202F}234", 1234), ("1,234.5", 1234.5), ("1.234,5", 1234.5), ("-3", -3)])
    func readsNumbersAsPeopleTypeThem(_ text: String, _ value: Double) {
        #expect(CellText.number(text) == value)
    }

    @Test(arguments: ["abc", "", "nan", "1,2,3"])
    func refusesWhatIsNotANumber(_ text: String) {
        #expect(CellText.number(text) == nil)
    }
}
