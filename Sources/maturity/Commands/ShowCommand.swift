import ArgumentParser
import MaturityQuestionnaire
import MaturityRoadmap
import MaturityStore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a stored assessment: scores, levels and roadmap.",
        discussion: "--json prints the same shape as 'maturity score --json'.")

    @Argument(help: "The assessment id (see 'maturity list').")
    var id: Int64

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.open()
        let stored = try storeCall { try db.assessment(AssessmentID(rawValue: id)) }
        guard let document = try stored.result ?? Self.recomputed(stored) else {
            Output.error(
                "error: assessment #\(id) is \(stored.summary.status) and has no score yet; finish it with 'maturity interview --resume \(id)'"
            )
            throw ExitCode.failure
        }
        if json {
            try Output.writeJSON(document)
        } else {
            let summary = stored.summary
            Output.write("#\(summary.id) \(summary.company), wave \(summary.wave), \(summary.status)\n")
            Output.write(ScoreSummary(document: document, language: LanguageCode(document.language)).text)
        }
    }

    /// Imported assessments store scores and actions, not the whole document: it is computed
    /// again from the answers and the exact questionnaire they were scored with.
    static func recomputed(_ stored: StoredAssessment) throws -> DiagnosisDocument? {
        guard stored.summary.status == AssessmentStatus.completed.rawValue else { return nil }
        let questionnaire = try StoredQuestionnaires().questionnaire(of: stored)
        let answers = try StoredQuestionnaires.answers(of: stored, questionnaire)
        return Diagnosis(questionnaire: questionnaire, answers: answers, language: answers.language, engine: ToolInfo.engine).document
    }
}
