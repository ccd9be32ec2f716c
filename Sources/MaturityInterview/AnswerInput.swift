import Foundation
import MaturityQuestionnaire

/// Parses what the advisor types into an answer of the question's type. Pure.
public struct AnswerInput: Sendable {
    public let text: InterviewText

    public init(text: InterviewText) { self.text = text }

    /// A choice by its number (1-based, in the listed order).
    func choice(_ input: String, _ options: [ChoiceOption]) -> Result<AnswerValue, InputProblem> {
        guard let number = Int(input), (1...options.count).contains(number) else {
            return .failure(InputProblem(text.choose(options.count)))
        }
        return .success(.code(options[number - 1].code))
    }

    /// `1,3,5`, `1-3` or a mix; an exclusive option must stand alone.
    func choices(_ input: String, _ options: [ChoiceOption]) -> Result<AnswerValue, InputProblem> {
        var numbers: [Int] = []
        for part in input.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count <= 2, let low = Int(bounds[0]), let high = Int(bounds.last ?? ""), low <= high,
                low >= 1, high <= options.count
            else { return .failure(InputProblem(text.chooseMany(options.count))) }
            numbers += Array(low...high)
        }
        guard !numbers.isEmpty else { return .failure(InputProblem(text.chooseMany(options.count))) }
        var codes: [OptionCode] = []
        for number in numbers where !codes.contains(options[number - 1].code) { codes.append(options[number - 1].code) }
        if codes.count > 1, codes.contains(where: { code in options.first { $0.code == code }?.exclusive == true }) {
            return .failure(InputProblem(text.exclusive))
        }
        return .success(.codes(codes))
    }

    /// A scale point, or a special option numbered after the scale's maximum.
    func point(_ input: String, _ scale: Scale, _ special: [ChoiceOption]) -> Result<AnswerValue, InputProblem> {
        guard let number = Int(input) else { return .failure(InputProblem(text.point(scale, specials: special.count))) }
        if (scale.min...scale.max).contains(number) { return .success(.number(Double(number))) }
        let index = number - scale.max - 1
        guard special.indices.contains(index) else { return .failure(InputProblem(text.point(scale, specials: special.count))) }
        return .success(.code(special[index].code))
    }

    static let yes = ["o", "oui", "y", "yes"]
    static let no = ["n", "non", "no"]
    static let partly = ["p", "partly", "en partie", "partiellement", "e"]

    /// o/oui/y/yes, p/partly/en partie, n/non/no, or the number of an option.
    func yesNo(_ input: String, _ options: [ChoiceOption]) -> Result<AnswerValue, InputProblem> {
        let word = input.lowercased()
        if Self.yes.contains(word) { return .success(.code("yes")) }
        if Self.no.contains(word) { return .success(.code("no")) }
        if Self.partly.contains(word) { return .success(.code("partly")) }
        if let number = Int(word), (1...options.count).contains(number) { return .success(.code(options[number - 1].code)) }
        return .failure(InputProblem(text.yesNo))
    }

    /// A number with a French decimal comma or a dot; spaces as thousands separators are fine.
    func number(_ input: String, _ spec: NumberSpec, _ special: [ChoiceOption], unit: String?) -> Result<AnswerValue, InputProblem> {
        if let option = special.first(where: { $0.code.rawValue == input.lowercased() }) { return .success(.code(option.code)) }
        let cleaned = input.replacingOccurrences(of: "\u{202F}", with: "").replacingOccurrences(of: "\u{A0}", with: "")
            .replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: ".")
        guard let value = Double(cleaned), value.isFinite, !spec.integer || value.rounded() == value,
            spec.min.map({ value >= $0 }) ?? true, spec.max.map({ value <= $0 }) ?? true
        else { return .failure(InputProblem(text.number(spec, unit: unit))) }
        return .success(.number(value))
    }
}

/// Why typed input was not accepted, in the interview language.
public struct InputProblem: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
