import MaturityScoring
import MaturityTestSupport
import Testing

@testable import MaturityImport

/// The word-at-a-time scans of the CSV reader against their byte-by-byte definitions, on
/// random bytes drawn so that matches, near-misses and multi-byte sequences are frequent.
@Suite struct CSVScanningTests {
    @Test func findsTheFirstDelimiterOrLineEndAsAByteByByteScanDoes() {
        var random = SplitMix(state: 7)
        let alphabet: [UInt8] = [0x2C, 0x0A, 0x0D, 0x22, 0x3B, 0x41, 0x00, 0xFF, 0x80, 0x2B, 0x2D, 0x0B, 0x0C]
        for _ in 0..<3_000 {
            let length = Int.random(in: 0..<40, using: &random)
            // Mostly one byte repeated, so that runs longer than a word go by without a match.
            let filler = alphabet.randomElement(using: &random)!
            let bytes = (0..<length).map { _ in
                Int.random(in: 0..<6, using: &random) == 0 ? alphabet.randomElement(using: &random)! : filler
            }
            let start = Int.random(in: 0...length, using: &random)
            let expected = bytes[start...].firstIndex { $0 == 0x2C || $0 == 0x0A || $0 == 0x0D } ?? length
            let found = bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                return CSVReader.first(0x2C, 0x0A, 0x0D, in: base, from: start, to: length)
            }
            #expect(found == expected, "\(bytes) from \(start)")
        }
    }

    @Test func acceptsExactlyTheBytesSwiftAcceptsAsUTF8() {
        var random = SplitMix(state: 11)
        // Lead and continuation bytes at the edges of what is well-formed: overlong forms,
        // surrogates, code points past U+10FFFF, sequences cut short.
        let pieces: [[UInt8]] = [
            [0x61], [0x7F], [0xC2, 0x80], [0xC1, 0xBF], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xE0, 0x9F, 0xBF],
            [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
            [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80], [0xBF], [0xC3], [0xE2, 0x82],
            [0xFF], Array("caf\u{E9} \u{20AC}".utf8),
        ]
        for _ in 0..<5_000 {
            let count = Int.random(in: 0..<8, using: &random)
            let bytes = (0..<count).flatMap { _ in
                Int.random(in: 0..<3, using: &random) == 0 ? pieces.randomElement(using: &random)! : Array("abcdefghi".utf8)
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(bytes.withUnsafeBufferPointer(TextEncoding.isValidUTF8) == expected, "\(bytes)")
        }
    }

    @Test func builtCellsAreTheRowsRangesAndTheWrittenCells() {
        let row = Array("ab,\"c\"\"d\",ef".utf8)
        var builder = RowCells.Builder(cells: 1)
        builder.addCell(0..<2)
        row.withUnsafeBufferPointer { bytes in builder.write(UnsafeBufferPointer(rebasing: bytes[4..<8])) }
        builder.undoubleQuotes()
        builder.endWrittenCell()
        builder.endWrittenCell()
        builder.addCell(10..<12)
        let cells = row.withUnsafeBufferPointer { builder.finish($0) }
        #expect(cells == RowCells(["ab", "c\"d", "", "ef"]))
        #expect(cells.strings == ["ab", "c\"d", "", "ef"])
        #expect(cells != RowCells(["ab", "c\"d", "ef"]))
    }
}
