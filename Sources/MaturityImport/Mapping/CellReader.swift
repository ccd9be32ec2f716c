import Foundation
import MaturityQuestionnaire
import MaturityScoring

/// Why a cell could not be read; the column is added by the caller.
public struct CellProblem: Error, Sendable, Equatable {
    public var message: String
    /// The 0-based column at fault when the question reads several columns.
    public var column: Int?
    public init(_ message: String, column: Int? = nil) {
        self.message = message
        self.column = column
    }
}

/// Turns exported cell text into the JSON answer of one question: option codes, labels in any
/// language of the questionnaire, the mapping's `values`, numbers with a decimal comma,
/// several choices in one cell, one column per choice or per matrix row.
struct CellReader: Sendable {
    let question: Question
    let mapping: QuestionMapping
    /// The mapping's N/A markers, lower-cased: a handful, compared one by one (cheaper than
    /// hashing the text).
    let notApplicable: [String]
    /// Longest N/A marker in UTF-8 bytes: longer cells (names, JSON) are not compared.
    let notApplicableLength: Int
    /// Lower-cased label, code or mapped value → what it stands for.
    let lookup: [String: String]
    /// The same, as written (tried first: no lower-casing for the usual exact codes).
    let exact: [String: String]
    let selected: Set<String>
    /// Whether a known label contains the choice separator ("Yes, but ..." with ", ").
    let labelsHoldSeparator: Bool
    let unselected: Set<String>
    /// Whether cells may be read from their bytes (`plainNumber`): a number question that no
    /// label or mapped value can stand for.
    let readsPlainNumbers: Bool

    init(question: Question, mapping: QuestionMapping, notApplicable: [String]) {
        self.question = question
        self.mapping = mapping
        var markers: [String] = []
        for marker in notApplicable.map({ $0.lowercased() }) where !markers.contains(marker) { markers.append(marker) }
        self.notApplicable = markers
        notApplicableLength = self.notApplicable.map(\.utf8.count).max() ?? 0
        var lookup: [String: String] = [:]
        for option in question.kind.options {
            for label in option.label.values.values { lookup[Self.key(label)] = option.code.rawValue }
        }
        for option in question.kind.options { lookup[Self.key(option.code.rawValue)] = option.code.rawValue }
        var exact: [String: String] = [:]
        for option in question.kind.options {
            for label in option.label.values.values { exact[label] = option.code.rawValue }
        }
        for option in question.kind.options { exact[option.code.rawValue] = option.code.rawValue }
        for (text, value) in mapping.values {
            lookup[Self.key(text)] = value
            exact[text] = value
        }
        self.lookup = lookup
        self.exact = exact
        let separator = mapping.split ?? "|"
        labelsHoldSeparator = exact.keys.contains { $0.contains(separator) }
        selected = Set(mapping.selected.map { $0.lowercased() })
        unselected = Set(QuestionMapping.unselected)
        readsPlainNumbers = if case .number = question.kind { exact.isEmpty } else { false }
    }

    /// What `read` gives for a number question's cell that is a plain decimal
    /// (`CellText.plainDecimal`), read from its bytes without making a `String`, trimming it
    /// and looking it up. Nil for any other cell, left to `read`.
    func plainNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard readsPlainNumbers, let value = CellText.plainDecimal(bytes) else { return nil }
        // A plain decimal is its own trimmed, lower-cased text: it is an N/A marker as written.
        return notApplicable.contains { $0.utf8.elementsEqual(bytes) } ? nil : value
    }

    static func key(_ text: String) -> String { text.trimmed.folded }

    /// The code of the question's not-applicable option, if it has one.
    var notApplicableCode: String? { question.kind.options.first { $0.role == .notApplicable }?.code.rawValue }

    /// Whether a trimmed cell text is an N/A marker. Lower-casing changes a text's UTF-8
    /// length by far less than 3×: longer cells (names, JSON) cannot be a marker, and are not
    /// lower-cased to find out.
    func isNotApplicable(_ text: String) -> Bool {
        guard !notApplicable.isEmpty, text.utf8.count <= 3 * notApplicableLength else { return false }
        let folded = text.folded
        return notApplicable.contains(folded)
    }

    /// What a (trimmed) cell text stands for: a code or a number as text.
    func resolve(_ text: String) -> String? { exact[text] ?? lookup[text.folded] }

    /// The answer in one cell; nil when the cell is empty (or N/A without an N/A option).
    func read(_ cell: String) -> Result<JSONValue?, CellProblem> {
        let text = cell.trimmed
        if text.isEmpty { return .success(nil) }
        if isMarker(text) { return .success(notApplicableCode.map { .string($0) }) }
        switch question.kind {
        case .single, .yesPartlyNo:
            return .success(.string(resolve(text) ?? text))
        case .multiple:
            return .success(.array(choices(in: text).map { .string($0) }))
        case .scale, .number:
            if let value = Self.finiteNumber(text) { return .success(.number(value)) }
            if let mapped = resolve(text) { return .success(Double(mapped).map(JSONValue.number) ?? .string(mapped)) }
            guard let value = CellText.number(text) else {
                return .failure(CellProblem("'\(text)' is not a number (\(question.kind.typeName) question)"))
            }
            return .success(.number(value))
        case .matrix, .useCases:
            guard let json = JSONValue(parsing: text) else {
                return .failure(CellProblem("the cell is not JSON; a \(question.kind.typeName) answer in one cell is written as JSON"))
            }
            return .success(json)
        case .text:
            return .success(.string(cell))
        }
    }

    /// The trimmed text of a cell that `read` would parse as JSON (a use-case inventory):
    /// nil when it is empty or an N/A marker.
    func jsonText(_ cell: String) -> String? {
        let text = cell.trimmed
        return text.isEmpty || isMarker(text) ? nil : text
    }

    /// Whether a trimmed, non-empty cell text stands for "not applicable": an N/A marker
    /// that is not also a label, code or mapped value of the question.
    private func isMarker(_ text: String) -> Bool { exact[text] == nil && isNotApplicable(text) }

    /// Choices in one cell, split on `split` (default `|`). Labels that contain the separator
    /// ("Yes, but ...") are kept whole: the longest run of pieces that names an option wins.
    func choices(in text: String) -> [String] {
        let separator = mapping.split ?? "|"
        let pieces = text.pieces(separatedBy: separator)
        if !labelsHoldSeparator {
            var result: [String] = []
            result.reserveCapacity(pieces.count)
            for piece in pieces {
                let text = piece.trimmed
                if !text.isEmpty { result.append(resolve(text) ?? text) }
            }
            return result
        }
        var result: [String] = []
        var index = 0
        while index < pieces.count {
            var matched = false
            for end in stride(from: pieces.count, to: index + 1, by: -1) {
                let joined = end == index + 1 ? pieces[index] : pieces[index..<end].joined(separator: separator)
                if let code = resolve(joined.trimmed) {
                    result.append(code)
                    index = end
                    matched = true
                    break
                }
            }
            if matched { continue }
            let piece = pieces[index].trimmed
            if !piece.isEmpty { result.append(resolve(piece) ?? piece) }
            index += 1
        }
        return result
    }

    /// A multiple choice from one column per option: selected, not selected, or N/A.
    func readChoiceColumns(_ cells: [(option: OptionCode, cell: String, column: Int)]) -> Result<JSONValue?, CellProblem> {
        var codes: [String] = []
        var answered = false
        for item in cells {
            let value = Self.key(item.cell)
            if isNotApplicable(value) { continue }
            if selected.contains(value) || value == item.option.rawValue.folded {
                codes.append(item.option.rawValue)
                answered = true
            } else if unselected.contains(value) {
                answered = answered || !value.isEmpty
            } else {
                return .failure(
                    CellProblem(
                        "'\(item.cell)' is neither selected (\(mapping.selected.joined(separator: ", "))) nor not selected (No, 0 or empty)",
                        column: item.column))
            }
        }
        return .success(answered || !codes.isEmpty ? .array(codes.map { .string($0) }) : nil)
    }

    /// A matrix from one column per row.
    func readRows(_ cells: [(row: OptionCode, cell: String, column: Int)]) -> Result<JSONValue?, CellProblem> {
        var object: [String: JSONValue] = [:]
        for item in cells {
            let text = item.cell.trimmed
            if text.isEmpty { continue }
            if isNotApplicable(text) {
                if let code = notApplicableCode { object[item.row.rawValue] = .string(code) }
                continue
            }
            if let value = Self.finiteNumber(text) {
                object[item.row.rawValue] = .number(value)
            } else if let mapped = resolve(text) {
                object[item.row.rawValue] = Double(mapped).map(JSONValue.number) ?? .string(mapped)
            } else if let number = CellText.number(text) {
                object[item.row.rawValue] = .number(number)
            } else {
                return .failure(CellProblem("'\(text)' is not a point of the scale", column: item.column))
            }
        }
        return .success(object.isEmpty ? nil : .object(object))
    }

    /// `text` read as `Double(text)` reads it, when finite; plain decimals take the shortcut.
    private static func finiteNumber(_ text: String) -> Double? {
        guard let value = CellText.plainDecimal(text) ?? Double(text), value.isFinite else { return nil }
        return value
    }
}
