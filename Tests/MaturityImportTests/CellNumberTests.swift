import Foundation
import MaturityImport
import MaturityTestSupport
import Testing

/// Plain decimals are read without `Double(text)`: the value must be exactly the one it gives.
@Suite struct CellNumberTests {
    @Test(arguments: [
        "0", "-0", "7", "-7", "12.5", "187250.9", "0.1", "0.3", "-0.05", "123456789012345", "12345678901234.5",
        "0.00000000000001", "900719925474.993", "00012", "2.675", "1.005", "99999999999999.9",
    ])
    func plainDecimalsReadAsDoubleDoes(_ text: String) throws {
        let value = try #require(CellText.plainDecimal(text))
        #expect(value.bitPattern == Double(text)?.bitPattern, "\(text)")
    }

    /// Anything else is left to `Double(text)` (or to the localized reading after it).
    @Test(arguments: [
        "", "-", ".5", "5.", "-.5", "1.2.3", "+5", "1e3", "1 000", "12,5", "0x10", "inf", "nan", "١٢", "1234567890123456",
        "0.000000000000001", "5 ",
        "--5", "1-",
    ])
    func otherTextIsLeftToTheFullReader(_ text: String) {
        #expect(CellText.plainDecimal(text) == nil, "\(text)")
    }

    @Test func randomDecimalsReadAsDoubleDoes() {
        var random = SplitMix(state: 11)
        for _ in 0..<50_000 {
            let digits = Int.random(in: 1...15, using: &random)
            var text = String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
            let point = Int.random(in: 0...digits, using: &random)
            if point > 0 && point < digits { text.insert(".", at: text.index(text.startIndex, offsetBy: point)) }
            if Bool.random(using: &random) { text = "-" + text }
            #expect(CellText.plainDecimal(text)?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }
}
