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
