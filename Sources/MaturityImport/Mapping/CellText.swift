import Foundation
import MaturityQuestionnaire
import MaturityScoring

/// The canonical text of an answer in one CSV cell, shared by `maturity export --format wide`
/// and the importer: option codes joined by `|`, numbers plain, text as is, matrices and use
/// cases as JSON.
public enum CellText {
    public static func text(_ value: JSONValue) -> String {
        switch value {
        case let .string(text): return text
        case let .number(number): return number.compactDescription
        case let .array(items) where items.allSatisfy({ if case .string = $0 { true } else { false } }):
            return items.map { if case let .string(text) = $0 { text } else { "" } }.joined(separator: "|")
        default:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? ""
        }
    }

    /// `text` as `Double(text)` reads it, when it is a plain decimal (`-12`, `187250.9`) of at
    /// most 15 digits: the digits as a whole number divided by a power of ten, both exact, so
    /// the division rounds as reading the text does (Clinger's fast path). Nil for any other
    /// text, left to `Double(text)`, which cost 900 instructions a cell (callgrind).
    public static func plainDecimal(_ text: String) -> Double? { text.withUTF8Bytes(plainDecimal) }

    /// `plainDecimal` of a text's UTF-8 bytes.
    static func plainDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let negative = bytes.first == UInt8(ascii: "-")
        var index = negative ? 1 : 0
        var digits: Int64 = 0
        var count = 0
        var decimals: Int?
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "."), decimals == nil, count > 0, index < bytes.count {
                decimals = 0
                continue
            }
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"), count < 15 else { return nil }
            digits = digits * 10 + Int64(byte - UInt8(ascii: "0"))
            count += 1
            decimals = decimals.map { $0 + 1 }
        }
        guard count > 0 else { return nil }
        let value = Double(digits) / Self.powersOfTen[decimals ?? 0]
        return negative ? -value : value
    }

    /// 10^0 through 10^15, each exact.
    private static let powersOfTen: [Double] = (0..<15).reduce(into: [1]) { powers, _ in powers.append(powers[powers.count - 1] * 10) }

    /// A number as people type it: `12.5`, `12,5`, `1 234,5` (spaces, no-break spaces), `1,234.5`.
    public static func number(_ text: String) -> Double? {
        var cleaned = text.trimmingCharacters(in: .whitespaces).filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" && $0 != "'" }
        if cleaned.isEmpty { return nil }
        let commas = cleaned.filter { $0 == "," }.count
        let dots = cleaned.filter { $0 == "." }.count
        if commas == 1 && dots == 0 {
            cleaned = cleaned.replacingOccurrences(of: ",", with: ".")
        } else if commas > 0 && dots == 1, let dot = cleaned.firstIndex(of: "."), let comma = cleaned.lastIndex(of: ","), comma < dot {
            cleaned = cleaned.replacingOccurrences(of: ",", with: "")
        } else if dots > 0 && commas == 1, let dot = cleaned.lastIndex(of: "."), let comma = cleaned.firstIndex(of: ","), dot < comma {
            cleaned = cleaned.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        }
        guard let value = Double(cleaned), value.isFinite, cleaned.lowercased() != "nan", !cleaned.lowercased().contains("inf") else {
            return nil
        }
        return value
    }
}
