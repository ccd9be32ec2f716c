/// RFC 4180 rows, with cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`,
/// tab, carriage return at the start) prefixed with a quote mark.
public enum CSVWriter {
    public static func row(_ cells: [String], neutraliseFormulas: Bool = true) -> String {
        cells.map { cell($0, neutraliseFormulas: neutraliseFormulas) }.joined(separator: ",") + "\r\n"
    }

    public static func cell(_ value: String, neutraliseFormulas: Bool = true) -> String {
        var text = value
        if neutraliseFormulas, let first = text.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
