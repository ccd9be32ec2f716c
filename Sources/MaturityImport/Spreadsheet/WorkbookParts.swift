/// `xl/workbook.xml`: the relationship id of the first sheet, and the date system.
struct WorkbookInfo {
    var firstSheet: String?
    var date1904 = false

    init(_ scanner: consuming XMLScanner) throws(WorkbookError) {
        try scanner.forEach { event, attributes in
            guard case let .start(name) = event else { return }
            switch name {
            case "sheet" where firstSheet == nil:
                firstSheet = attributes.first { $0.name == "r:id" || $0.name.hasSuffix(":id") || $0.name == "id" }?.value
            case "workbookPr": date1904 = ["1", "true"].contains(attributes["date1904"]?.lowercased() ?? "")
            default: break
            }
        }
    }
}

/// `xl/_rels/workbook.xml.rels`: where each part of the workbook is, as archive paths.
struct Relationships {
    var byId: [String: String] = [:]
    var sharedStrings: String?
    var styles: String?

    init() {}

    init(_ scanner: consuming XMLScanner) throws(WorkbookError) {
        try scanner.forEach { event, attributes in
            guard event == .start(name: "Relationship"), let id = attributes["Id"], let target = attributes["Target"] else {
                return
            }
            let path = Self.archivePath(target)
            byId[id] = path
            let type = attributes["Type"] ?? ""
            if type.hasSuffix("/sharedStrings") { sharedStrings = path }
            if type.hasSuffix("/styles") { styles = path }
        }
    }

    /// Targets are relative to `xl/`, or absolute from the archive's root.
    static func archivePath(_ target: String) -> String {
        target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }
}

/// `xl/sharedStrings.xml`: the texts that cells of type `s` point at. A rich text is the
/// concatenation of its runs; phonetic hints (`rPh`) are not part of it.
enum SharedStrings {
    static func parse(_ scanner: consuming XMLScanner) throws(WorkbookError) -> [String] {
        var strings: [String] = []
        var current = ""
        var inText = false
        var phonetic = 0
        try scanner.forEach { event, attributes in
            switch event {
            case .start("si"): current = ""
            case .start("t"): inText = phonetic == 0
            case .start("rPh"): phonetic += 1
            case .end("si"): strings.append(OOXMLText.unescape(current))
            case .end("t"): inText = false
            case .end("rPh"): phonetic -= 1
            case let .text(text) where inText: current += text
            default: break
            }
        }
        return strings
    }
}

/// `xl/styles.xml`: for each cell style (`cellXfs`, by index), whether its number format is a
/// date or time.
enum DateStyles {
    static func parse(_ scanner: consuming XMLScanner) throws(WorkbookError) -> [Bool] {
        var customFormats: [Int: String] = [:]
        var formats: [Int] = []
        var inCellStyles = false
        try scanner.forEach { event, attributes in
            switch event {
            case .start("numFmt"):
                if let id = attributes["numFmtId"].flatMap(Int.init) { customFormats[id] = attributes["formatCode"] }
            case .start("cellXfs"): inCellStyles = true
            case .start("xf") where inCellStyles: formats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
            case .end("cellXfs"): inCellStyles = false
            default: break
            }
        }
        return formats.map { ExcelDate.isDateFormat(id: $0, code: customFormats[$0]) }
    }
}

/// Escapes of OOXML texts: a character XML cannot hold (a carriage return, say) is written
/// `_x000D_`, and a literal `_x` as `_x005F_x`.
enum OOXMLText {
    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")), text.contains("_x") else { return text }
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: "_x") {
            result += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            let hex = after.prefix(5)
            if hex.count == 5, hex.last == "_", let code = UInt32(hex.dropLast(), radix: 16), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                result += "_x"
                rest = after
            }
        }
        return result + rest
    }
}

extension XMLScanner {
    /// Hands every event of the part to `body`, with the attributes of a start.
    consuming func forEach(_ body: (Event, [Attribute]) -> Void) throws(WorkbookError) {
        while let event = try next() { body(event, attributes) }
    }
}

extension [XMLScanner.Attribute] {
    /// The value of the attribute named `name` (qualified as written).
    subscript(_ name: String) -> String? {
        first { $0.name == name }?.value
    }
}
