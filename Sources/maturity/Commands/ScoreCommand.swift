import ArgumentParser
import Foundation
import MaturityQuestionnaire
import MaturityRoadmap
import MaturityScoring

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

    func run() throws {
        let questionnaire = try questionnaireOptions.load()
        let answerSet = try AnswersInput.read(path: answers, questionnaire: questionnaire)
        let language = try languageOption.resolve(for: questionnaire, default: answerSet.language)
        let card = Scorer(questionnaire: questionnaire).score(answerSet)
        let roadmap = RoadmapPlanner(questionnaire: questionnaire).plan(card)
        let document = DiagnosisDocument(
            questionnaire: questionnaire, answers: answerSet, card: card, roadmap: roadmap, language: language,
            engine: ToolInfo.engine)
        if json {
            try Output.writeJSON(document)
        } else {
            Output.write(ScoreSummary(document: document, language: language).text)
        }
        if !card.missingRequired.isEmpty {
            for id in card.missingRequired {
                Output.error("\(answers): \(allowMissing ? "warning" : "error"): question '\(id)': required question is not answered")
            }
            if !allowMissing { throw ExitCode.failure }
        }
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
