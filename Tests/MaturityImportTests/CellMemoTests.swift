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

    /// A number answered differently by every respondent: the memo keeps at most `limit`
    /// texts per question, and every row is still read right.
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

    @Test func freeNumbersDoNotGrowTheMemoWithoutBound() throws {
        let questionnaire = try TestQuestionnaires.bundled()
        let generator = SampleGenerator(questionnaire: questionnaire, seed: 3)
        let column = try #require(generator.header.firstIndex(of: "roi.gross_salary"))
        var lines = [generator.header]
        for index in 0..<(CellMemo.limit + 500) {
            var row = generator.row(index)
            row[column] = "\(20_000 + index)"
            lines.append(row)
        }
        let path = try Importing.file(
            "numbers.csv", lines.map { $0.map(Importing.csvQuoted).joined(separator: ",") }.joined(separator: "\n"))
        let plain = try Importing.run(path, questionnaire: questionnaire, mapping: nil, memo: nil)
        let memo = CellMemo()
        let remembered = try Importing.run(path, questionnaire: questionnaire, mapping: nil, memo: memo)
        #expect(memo.largest == CellMemo.limit)
        #expect(plain.responses.count == CellMemo.limit + 500)
        #expect(Importing.difference(remembered, plain) == nil)
    }
}
