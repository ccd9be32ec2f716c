import Foundation
import MaturityQuestionnaire

/// Reads the answers-file JSON of design.md and checks every answer against the questionnaire.
///
/// ```json
/// {"questionnaire": "ia-generative-pme", "version": "1.0.0", "language": "fr",
///  "company": {"name": "..."}, "answers": {"governance.charter": "none"}, "notes": {...}}
/// ```
public enum AnswerFileReader {
    /// Parses and converts; every problem is collected and thrown together.
    public static func read(_ data: Data, path: String, questionnaire: Questionnaire) throws(AnswerFileError) -> AnswerSet {
        let file: AnswerFile
        do {
            file = try JSONDecoder().decode(AnswerFile.self, from: data)
        } catch let error as DecodingError {
            throw .notJSON(path: path, reason: describe(error))
        } catch {
            throw .notJSON(path: path, reason: "the file is not JSON")
        }
        return try read(file, path: path, questionnaire: questionnaire)
    }

    /// Converts an answers file already decoded (from disk, the store or an import).
    public static func read(_ file: AnswerFile, path: String, questionnaire: Questionnaire) throws(AnswerFileError) -> AnswerSet {
        try PreparedAnswerReader(questionnaire: questionnaire).read(file, path: path)
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .keyNotFound(_, context):
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            return field.isEmpty ? "the top level must be an object" : "field '\(field)' has the wrong type"
        case let .dataCorrupted(context):
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            return field.isEmpty ? "the file is not JSON" : "field '\(field)' is not valid"
        @unknown default:
            return "the file is not JSON"
        }
    }
}

/// `AnswerFileReader` with its question tables built once, for reading many answer sets of one
/// questionnaire (batch import).
public struct PreparedAnswerReader: Sendable {
    let questionnaire: Questionnaire
    let converter: AnswerConverter

    public init(questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        converter = AnswerConverter(questionnaire: questionnaire)
    }

    public func read(_ file: AnswerFile, path: String) throws(AnswerFileError) -> AnswerSet {
        try read(file, path: path) { set, issues in
            var answerIssues: [(key: String, issue: AnswerIssue)] = []
            for (key, json) in file.answers ?? [:] {
                switch converter.convert(json, for: QuestionID(key)) {
                case let .success(value?): set.answers[QuestionID(key)] = value
                case .success(nil): break
                case let .failure(issue): answerIssues.append((key, issue))
                }
            }
            // Sorted only when there is something to report: the order of messages is stable.
            issues += answerIssues.sorted { $0.key < $1.key }.map(\.issue)
        }
    }

    /// The answer `json` to the question at `position` in `Questionnaire.allQuestions`,
    /// converted and checked; nil for `null`.
    public func convert(_ json: JSONValue, at position: Int) -> PositionedAnswer {
        PositionedAnswer(position: position, outcome: converter.convert(json, at: position))
    }

    /// The use-case inventory written as JSON `text` to the question at `position`, read
    /// straight from the text, when that gives an answer (`UseCaseReader.items(json:)`). nil
    /// otherwise: the text is then parsed and converted as any other JSON answer.
    public func useCases(json text: String, at position: Int) -> PositionedAnswer? {
        // The kind is read in place: the array's subscript copied the whole question.
        let isInventory = questionnaire.allQuestions.withUnsafeBufferPointer { questions in
            if case .useCases = questions[position].kind { true } else { false }
        }
        guard isInventory,
            let items = UseCaseReader(question: questionnaire.questionIDs[position]).items(json: text)
        else { return nil }
        return PositionedAnswer(position: position, outcome: .success(.useCases(items)))
    }

    /// The answers of `file` (whose own `answers` are ignored) given by questionnaire position
    /// and already converted, as a batch import reads them: no lookups by question id. `json`
    /// is their `answers` object when the caller wrote it (`AnswerDocumentWriter.answersObject`).
    public func read(_ file: AnswerFile, positioned answers: [PositionedAnswer], json: [UInt8]? = nil, path: String)
        throws(AnswerFileError) -> AnswerSet
    {
        // The closure reads the ids alone: reading them through `self` copied the reader.
        let ids = questionnaire.questionIDs
        return try read(file, path: path) { set, issues in
            var values = [AnswerValue?](repeating: nil, count: ids.count)
            for index in answers.indices {
                switch answers[index].outcome {
                case let .success(value?): values[answers[index].position] = value
                case .success(nil): break
                case let .failure(issue): issues.append(issue)
                }
            }
            set.setAnswers(byPosition: values, json: json, ids: ids)
        }
    }

    /// Everything but the answers: questionnaire, version, language, company and notes.
    private func read(
        _ file: AnswerFile, path: String, answers: (inout AnswerSet, inout [AnswerIssue]) -> Void
    ) throws(AnswerFileError) -> AnswerSet {
        if let id = file.questionnaire, id != questionnaire.id {
            throw .otherQuestionnaire(path: path, found: id, expected: questionnaire.id)
        }
        var issues: [AnswerIssue] = []
        var set = AnswerSet(for: questionnaire)
        set.version = file.version ?? set.version
        if let code = file.language {
            let language = LanguageCode(code)
            if questionnaire.languages.contains(language) {
                set.language = language
            } else {
                issues.append(
                    AnswerIssue(
                        .wrongType, question: nil,
                        "language '\(code)' is not one of the questionnaire's languages (\(questionnaire.languages.map(\.rawValue).joined(separator: ", ")))"
                    ))
            }
        }
        set.company = file.company ?? Company()
        answers(&set, &issues)
        for (key, note) in file.notes ?? [:] { set.notes[QuestionID(key)] = note }
        set.company = CompanyProfile.merge(set.company, questionnaire: questionnaire, answers: set)
        guard issues.isEmpty else { throw .invalid(path: path, issues: converter.ordered(issues)) }
        return set
    }
}

/// The answer to the question at `position` in `Questionnaire.allQuestions`, as
/// `PreparedAnswerReader.convert` made it: a value, nil for `null`, or why it is wrong.
public struct PositionedAnswer: Sendable {
    public let position: Int
    public let outcome: Result<AnswerValue?, AnswerIssue>
    /// `"<question id>":<value>` as `AnswerDocumentWriter` writes it, when encoded already
    /// (`encoded(by:)`).
    private(set) var member: [UInt8]?

    init(position: Int, outcome: Result<AnswerValue?, AnswerIssue>) {
        self.position = position
        self.outcome = outcome
    }

    /// The same answer with its value encoded, for an answer that many respondents give
    /// (a batch import's `CellMemo`): `AnswerDocumentWriter.answersObject` copies it instead
    /// of writing the value again.
    public func encoded(by documents: AnswerDocumentWriter) -> PositionedAnswer {
        var encoded = self
        if case let .success(value?) = outcome { encoded.member = documents.member(value, at: position) }
        return encoded
    }
}
/// Company fields from the answers of profile questions, where the `company` object is silent.
public enum CompanyProfile {
    public static func merge(_ company: Company, answers: [QuestionID: AnswerValue], questionnaire: Questionnaire) -> Company {
        merge(company, questionnaire: questionnaire) { answers[$0] }
    }

    /// The same, with the profile answers of `answers`.
    static func merge(_ company: Company, questionnaire: borrowing Questionnaire, answers: borrowing AnswerSet) -> Company {
        merge(company, questionnaire: questionnaire) { answers.answer($0, in: questionnaire) }
    }

    /// The same, with each profile answer given by `answer`.
    static func merge(_ company: Company, questionnaire: Questionnaire, answer: (QuestionID) -> AnswerValue?) -> Company {
        func text(_ role: ProfileRole) -> String? {
            guard let id = questionnaire.profileQuestionID(for: role) else { return nil }
            switch answer(id) {
            case let .text(value)?: return value
            case let .code(code)?: return code.rawValue
            default: return nil
            }
        }
        var merged = company
        merged.name = merged.name ?? text(.companyName)
        merged.siren = merged.siren ?? text(.siren)
        merged.sector = merged.sector ?? text(.sector)
        merged.headcount = merged.headcount ?? text(.headcount)
        merged.region = merged.region ?? text(.region)
        return merged
    }
}
