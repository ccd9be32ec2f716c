import Foundation
import MaturityQuestionnaire
import MaturityScoring
import MaturityTestSupport
import Testing

@testable import MaturityImport

/// Remembering cells already read changes nothing in what an import gives.
@Suite struct CellMemoTests {
    /// Sampled respondents of the bundled questionnaire, with bad cells in some rows: the
    /// same answers, scores and rejections (row, column, message) with and without the memo.
    @Test func theMemoGivesWhatReadingEveryCellGives() throws {
        let questionnaire = try TestQuestionnaires.bundled()
        let path = try Importing.sampleWithBadRows(questionnaire, rows: 400)
        let plain = try Importing.run(path, questionnaire: questionnaire, mapping: nil, memo: nil)
        let memo = CellMemo()
        let remembered = try Importing.run(path, questionnaire: questionnaire, mapping: nil, memo: memo)
        #expect(plain.rejected.count > 20 && plain.responses.count > 300)
        #expect(Importing.difference(remembered, plain) == nil)
        // Read again through the same, now full, memo.
        let again = try Importing.run(path, questionnaire: questionnaire, mapping: nil, memo: memo)
        #expect(Importing.difference(again, plain) == nil)
    }

    /// Keys are the cell's bytes: equal bytes find the outcome, any other text does not, and
    /// equal keys hash alike.
    @Test func keysAreTheCellBytes() {
        let texts = [
            "a", "a ", "A", "", "quotes|minutes", "minutes|quotes", "caf\u{E9}", "cafe\u{301}", String(repeating: "x", count: 300),
        ]
        func owned(_ text: String) -> CellMemo.Key { CellMemo.Key(owning: Array(text.utf8)) }
        func outcome(_ slot: Int, _ text: String) -> CellOutcome? {
            Array(text.utf8).withUnsafeBufferPointer { memo.outcome(slot, $0) }
        }
        let memo = CellMemo()
        for (index, text) in texts.enumerated() { Array(text.utf8).withUnsafeBufferPointer { memo.remember(.empty, index % 2, $0) } }
        for (index, text) in texts.enumerated() {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { borrowed in
                let key = CellMemo.Key(borrowing: borrowed)
                #expect(key == owned(text) && key.hashValue == owned(text).hashValue)
            }
            #expect(outcome(index % 2, text) != nil, "\(text)")
            #expect(
                outcome(1 - index % 2, text) == nil
                    || texts.enumerated().contains { $0.offset % 2 != index % 2 && $0.element.utf8.elementsEqual(text.utf8) })
        }
        // Canonically equal texts with other bytes are other cells: read again, never mixed up.
        #expect(owned("caf\u{E9}") != owned("cafe\u{301}"))
        #expect(outcome(0, "zzz") == nil)
        #expect(outcome(1, "") != nil && outcome(0, "") == nil, "the empty cell is a cell too")
    }

    /// A question read from several columns (a matrix, one column per choice) is remembered
    /// by all its cells at once: cells that would run together the same way make other keys.
    @Test func keysOfSeveralColumnsTellTheirCellsApart() {
        func key(_ texts: [String]) -> [UInt8] { RowConverter.ResolvedQuestion.key(RowCells(texts), Array(texts.indices)) }
        let rows = [["ab", "c"], ["a", "bc"], ["abc", ""], ["", "abc"], ["a\u{1F}b", "c"], ["a", "b\u{1F}c"], ["", ""], ["4", "5"]]
        #expect(Set(rows.map(key)).count == rows.count)
        #expect(key(["4", "5"]) == key(["4", "5"]))
        #expect(RowConverter.ResolvedQuestion.key(RowCells(["4", "x", "5"]), [0, 2]) == key(["4", "5"]))
    }

    /// Good and bad cells of a matrix row, each met twice: the second time from the memo,
    /// with the same answers and rejections as reading them.
    @Test func matrixCellsAreRememberedAsReadingThemGives() throws {
        let questionnaire = try TestQuestionnaires.bundled()
        let header = SampleGenerator(questionnaire: questionnaire, seed: 3).header
        let column = try #require(header.firstIndex { $0.hasPrefix("usage.technologies") })
        let cells = ["1", "5", "", "zzz", "9", "n/a", "12,5 abc", "-1", "3"]
        let (memo, rows) = try importCells(column: column, count: 2 * cells.count) { cells[$0 % cells.count] }
        #expect(rows >= 8 && rows < 2 * cells.count)
        #expect(memo.largest >= cells.count)
    }

    /// A number answered differently by every respondent: the memo keeps at most `limit`
    /// texts per question, and every row is still read right.
    @Test func freeNumbersDoNotGrowTheMemoWithoutBound() throws {
        let questionnaire = try TestQuestionnaires.bundled()
        let column = try #require(SampleGenerator(questionnaire: questionnaire, seed: 3).header.firstIndex(of: "roi.gross_salary"))
        let (memo, rows) = try importCells(column: column, count: CellMemo.limit + 500) { "\(20_000 + $0)" }
        #expect(memo.largest == CellMemo.limit)
        #expect(rows == CellMemo.limit + 500)
    }

    /// Number cells that are plain decimals are read from their bytes (`CellReader.plainNumber`)
    /// once the memo is in use: the same rows and rejections as reading their text, N/A
    /// markers that look like numbers included.
    @Test func plainNumbersReadFromTheirBytesAsFromTheirText() throws {
        let questionnaire = try TestQuestionnaires.bundled()
        let column = try #require(SampleGenerator(questionnaire: questionnaire, seed: 3).header.firstIndex(of: "roi.gross_salary"))
        // Gross salaries go from 15,000 to 300,000.
        let cells = [
            "187250.9", "-99", "0020000", "20000.50", "-0", "20000.", ".5", "2e4", " 42000", "42000 ", "42000,5", "123456789012345",
            "20000.00000000001", "-20000", "n/a", "N/A", "", "abc", "1.2.3", "--1", "-", "300000", "300000.1",
        ]
        let (_, rows) = try importCells(column: column, count: cells.count) { cells[$0] }
        #expect(rows >= 12 && rows < cells.count)
    }

    /// A multiple choice with more different cells than `limit` keeps more of them; a number
    /// question does not.
    @Test func choicesAreKeptBeyondTheLimit() throws {
        let questionnaire = try TestQuestionnaires.bundled()
        let generator = SampleGenerator(questionnaire: questionnaire, seed: 3)
        let column = try #require(generator.header.firstIndex(of: "usecases.activities"))
        let options = try #require(questionnaire.question("usecases.activities")?.kind.options)
        let codes = options.filter { !$0.exclusive }.prefix(10).map(\.code.rawValue)
        // Each subset of ten codes in two orders: more texts than `limit`, each a valid answer.
        let subsets = (1..<(1 << codes.count)).map { mask in codes.indices.filter { mask & (1 << $0) != 0 }.map { codes[$0] } }
        let cells = subsets.flatMap { [$0.joined(separator: "|"), $0.reversed().joined(separator: "|")] }
        let distinct = Set(cells).count
        #expect(distinct > CellMemo.limit)
        let (memo, rows) = try importCells(column: column, count: cells.count) { cells[$0] }
        #expect(memo.largest == distinct)
        #expect(rows == cells.count)
    }

    /// Imports `count` copies of one sampled respondent (each with its own id) whose cell in
    /// `column` is `cell(i)` in row `i`, with and without a memo: the same rows either way.
    private func importCells(column: Int, count: Int, _ cell: (Int) -> String) throws -> (memo: CellMemo, rows: Int) {
        let questionnaire = try TestQuestionnaires.bundled()
        let generator = SampleGenerator(questionnaire: questionnaire, seed: 3)
        let respondent = try #require(generator.header.firstIndex(of: "respondent"))
        var lines = [generator.header]
        for index in 0..<count {
            var row = generator.row(0)
            row[respondent] = generator.row(index)[respondent]
            row[column] = cell(index)
            lines.append(row)
        }
        let path = try Importing.file(
            "numbers.csv", lines.map { $0.map(Importing.csvQuoted).joined(separator: ",") }.joined(separator: "\n"))
        let plain = try Importing.run(path, questionnaire: questionnaire, mapping: nil, memo: nil)
        let memo = CellMemo()
        let remembered = try Importing.run(path, questionnaire: questionnaire, mapping: nil, memo: memo)
        #expect(Importing.difference(remembered, plain) == nil)
        return (memo, plain.responses.count)
    }
}
