import Foundation
import MaturityQuestionnaire

/// Numbers written for a report language: `12 345,5` in French, `12,345.5` in English.
public enum LocalizedNumber {
    /// `decimals` digits after the separator; trailing zeros are dropped unless `fixed`.
    public static func format(_ value: Double, _ language: LanguageCode, decimals: Int = 1, fixed: Bool = false) -> String {
        let rounded = value.rounded(toPlaces: decimals)
        let negative = rounded < 0
        let digits = String(format: "%.\(decimals)f", abs(rounded))
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        let french = language == .french
        var integer = String(parts[0])
        var grouped = ""
        while integer.count > 3 {
            grouped = (french ? "\u{202F}" : ",") + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        var text = integer + grouped
        if parts.count > 1, decimals > 0 {
            let fraction = String(parts[1])
            if fixed || fraction.contains(where: { $0 != "0" }) {
                text += (french ? "," : ".") + fraction
            }
        }
        return (negative ? "−" : "") + text
    }
}
