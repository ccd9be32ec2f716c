import ArgumentParser
import Foundation
import MaturityQuestionnaire
import MaturityRoadmap
import MaturityScoring
import MaturityStore

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score one answers file: levels, explanations and the three-phase roadmap.",
        discussion: """
            Nothing is stored. Prints a table per dimension (score, level, coverage, caps) and the \
            roadmap in brief; --json prints the full result. Exits 1 when the answers file has \
            problems, or when required questions are unanswered (the scores are still printed; \
            --allow-missing accepts that).
            """
    )

    @Option(name: .long, help: "The answers file (JSON).", completion: .file(extensions: ["json"]))
    var answers: String

    @OptionGroup var questionnaireOptions: QuestionnaireOptions
    @OptionGroup var languageOption: LanguageOption

    @Flag(help: "Print the full result as JSON.")
    var json = false

    @Flag(help: "Exit 0 even when required questions are unanswered.")
    var allowMissing = false

    @Flag(help: "Store the scored assessment in the database.")
    var save = false

    @Option(help: "With --save: the company (default: the name in the answers file).")
    var company: String?

    @Option(help: "With --save: the advisor's name.")
    var advisor: String?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if !save && (company != nil || advisor != nil) { throw ValidationError("--company and --advisor only apply with --save") }
    }

    func run() throws {
        let (questionnaire, body) = try questionnaireOptions.loadSource()
        let answerSet = try AnswersInput.read(path: answers, questionnaire: questionnaire)
        let language = try languageOption.resolve(for: questionnaire, default: answerSet.language)
        let diagnosis = Diagnosis(questionnaire: questionnaire, answers: answerSet, language: language, engine: ToolInfo.engine)
        let card = diagnosis.card
        if json {
            try Output.writeJSON(diagnosis.document)
        } else {
            Output.write(ScoreSummary(document: diagnosis.document, language: language).text)
        }
        if save { try store(questionnaire, body, answerSet, diagnosis) }
        if !card.missingRequired.isEmpty {
            for id in card.missingRequired {
                Output.error("\(answers): \(allowMissing ? "warning" : "error"): question '\(id)': required question is not answered")
            }
            if !allowMissing { throw ExitCode.failure }
        }
    }
}

extension ScoreCommand {
    func store(_ questionnaire: Questionnaire, _ body: String, _ answerSet: AnswerSet, _ diagnosis: Diagnosis) throws {
        guard let name = (company ?? answerSet.company.name)?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else {
            Output.error("\(answers): error: --save needs the company: pass --company NAME or put company.name in the answers file")
            throw ExitCode.failure
        }
        let db = try database.open()
        let status: AssessmentStatus = diagnosis.card.missingRequired.isEmpty ? .completed : .inProgress
        let id = try storeCall {
            try db.saveAssessment(
                questionnaire: questionnaire, body: body, answers: answerSet, companyName: name,
                origin: AssessmentOrigin(status: status, source: .file, advisor: advisor, file: answers), result: diagnosis, at: Date())
        }
        Output.error("saved as assessment #\(id) (\(status.rawValue)) in \(db.path); see it with 'maturity show \(id)'")
    }
}

/// Reads an answers file for a command; prints the problems and exits 1 when it cannot be used.
enum AnswersInput {
    static func read(path: String, questionnaire: Questionnaire) throws -> AnswerSet {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            Output.error("\(path): error: cannot read the answers file; check the path")
            throw ExitCode.failure
        }
        do {
            return try AnswerFileReader.read(data, path: path, questionnaire: questionnaire)
        } catch {
            Output.error(error.errorDescription ?? "\(path): error: invalid answers file")
            throw ExitCode.failure
        }
    }
}
