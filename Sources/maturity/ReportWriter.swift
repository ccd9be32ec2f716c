import ArgumentParser
import Foundation
import MaturityQuestionnaire
import MaturityReport
import MaturityScoring
import MaturityStore

/// Writes the report of a stored assessment to a file and stores it in the database: what
/// `maturity report` and the end of `maturity interview` share.
struct ReportWriter {
    let db: MaturityDatabase
    var templates: ReportTemplates = .defaults
    /// When set, each report places the company in this cohort.
    var cohort: CohortPositions?

    /// `--template DIR`, else `./reports/templates/` when it exists, else the embedded defaults.
    static func templates(directory: String?) throws -> ReportTemplates {
        let local = "reports/templates"
        var isDirectory: ObjCBool = false
        let chosen =
            directory ?? (FileManager.default.fileExists(atPath: local, isDirectory: &isDirectory) && isDirectory.boolValue ? local : nil)
        guard let chosen else { return .defaults }
        do {
            return try ReportTemplates.load(directory: chosen)
        } catch {
            Output.error(error.description)
            throw ExitCode.failure
        }
    }

    /// Renders, writes and stores; returns the path written.
    func write(_ id: AssessmentID, language requested: LanguageCode?, format: ReportFormat, to output: String?, at date: Date = Date())
        throws -> String
    {
        let stored = try storeCall { try db.assessment(id) }
        guard stored.summary.status == AssessmentStatus.completed.rawValue else {
            Output.error(
                "error: assessment #\(id) is \(stored.summary.status); finish it first ('maturity interview --resume \(id)') or see it with 'maturity show \(id)'"
            )
            throw ExitCode.failure
        }
        let questionnaires = StoredQuestionnaires()
        let questionnaire = try questionnaires.questionnaire(of: stored)
        let answers = try StoredQuestionnaires.answers(of: stored, questionnaire)
        let language = requested ?? answers.language
        guard questionnaire.languages.contains(language) else {
            Output.error(
                "error: this questionnaire has no '\(language.rawValue)' text; it has: \(questionnaire.languages.map(\.rawValue).joined(separator: ", "))"
            )
            throw ExitCode.failure
        }
        var input = ReportInput(
            questionnaire: questionnaire, answers: answers, language: language, date: date, engine: ToolInfo.engine,
            advisor: stored.summary.advisor, assessmentID: id.rawValue, wave: stored.summary.wave,
            previous: try previousWave(of: stored, questionnaire, answers, questionnaires))
        input.cohort = try cohort?.position(of: id, input.diagnosis.document, questionnaire: questionnaire, language: language)
        let body: String
        do {
            body = try ReportRenderer.render(input, format: format, templates: templates, engine: ToolInfo.engine)
        } catch {
            Output.error(error.description)
            throw ExitCode.failure
        }
        let path =
            output ?? ReportFileName.defaultPath(company: stored.summary.company, date: date, assessmentID: id.rawValue, format: format)
        do {
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(body.utf8).write(to: url, options: .atomic)
        } catch {
            Output.error("\(path): error: cannot write the report (\(error.localizedDescription))")
            throw ExitCode.failure
        }
        _ = try storeCall {
            try db.saveReport(
                id, language: language.rawValue, format: format.rawValue, body: body, templateHash: templates.sha256(format), at: date)
        }
        return path
    }

    /// The latest completed wave of the same company before this one, compared on shared questions.
    func previousWave(
        of stored: StoredAssessment, _ questionnaire: Questionnaire, _ answers: AnswerSet, _ questionnaires: StoredQuestionnaires
    ) throws -> ReportInput.PreviousWave? {
        let earlier = try storeCall { try db.list(companyId: stored.summary.companyId, status: .completed) }
            .filter { $0.wave < stored.summary.wave }.max { $0.wave < $1.wave }
        guard let earlier else { return nil }
        let before = try storeCall { try db.assessment(AssessmentID(rawValue: earlier.id)) }
        let beforeQuestionnaire = try questionnaires.questionnaire(of: before)
        let beforeAnswers = try StoredQuestionnaires.answers(of: before, beforeQuestionnaire)
        return ReportInput.PreviousWave(
            wave: earlier.wave, date: earlier.updatedAt, overall: earlier.overallScore,
            comparison: WaveComparison(before: (beforeQuestionnaire, beforeAnswers), after: (questionnaire, answers)))
    }
}
