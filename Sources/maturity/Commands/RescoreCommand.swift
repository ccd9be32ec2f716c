import ArgumentParser
import Foundation
import MaturityQuestionnaire
import MaturityRoadmap
import MaturityScoring
import MaturityStore

struct RescoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rescore", abstract: "Re-score stored assessments with the questionnaire body each was answered with.",
        discussion: "Run after upgrading maturity: scores, roadmaps and results are recomputed by this engine version.")

    @Argument(help: "The assessment id.")
    var id: Int64?

    @Flag(help: "Re-score every assessment.")
    var all = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if (id == nil) == !all { throw ValidationError("give an assessment id or --all") }
    }

    func run() throws {
        let db = try database.open()
        let ids = try all ? storeCall { try db.assessmentIDs() } : [AssessmentID(rawValue: id ?? 0)]
        var changed = 0
        let questionnaires = StoredQuestionnaires()
        for id in ids {
            let stored = try storeCall { try db.assessment(id) }
            let diagnosis = try Self.diagnose(stored, questionnaires)
            if diagnosis.document != stored.result { changed += 1 }
            try storeCall { try db.replaceResult(id, diagnosis, at: Date()) }
        }
        Output.write("rescored \(ids.count) assessment\(ids.count == 1 ? "" : "s") with \(ToolInfo.engine); \(changed) changed\n")
    }

    /// The diagnosis of a stored assessment, with the questionnaire body it was answered with.
    static func diagnose(_ stored: StoredAssessment, _ questionnaires: StoredQuestionnaires) throws -> Diagnosis {
        let questionnaire = try questionnaires.questionnaire(of: stored)
        let answers = try StoredQuestionnaires.answers(of: stored, questionnaire)
        return Diagnosis(questionnaire: questionnaire, answers: answers, language: answers.language, engine: ToolInfo.engine)
    }
}

/// The questionnaires stored assessments were answered with, parsed once per hash.
final class StoredQuestionnaires {
    private var parsed: [String: Questionnaire] = [:]

    func questionnaire(of stored: StoredAssessment) throws -> Questionnaire {
        try questionnaire(sha256: stored.summary.sha256, body: stored.questionnaireBody)
    }

    func questionnaire(sha256: String, body: String) throws -> Questionnaire {
        if let known = parsed[sha256] { return known }
        let result = QuestionnaireParser.parse(body, path: "stored:\(sha256.prefix(12))")
        guard let questionnaire = result.questionnaire else {
            Output.error(StoreError.storedQuestionnaireInvalid(sha256: sha256).errorDescription ?? "")
            throw ExitCode.failure
        }
        parsed[sha256] = questionnaire
        return questionnaire
    }

    /// The stored answers, read against the questionnaire they were given for.
    static func answers(of stored: StoredAssessment, _ questionnaire: Questionnaire) throws -> AnswerSet {
        do {
            return try AnswerFileReader.read(stored.answers, path: "assessment #\(stored.summary.id)", questionnaire: questionnaire)
        } catch {
            Output.error(error.errorDescription ?? "")
            throw ExitCode.failure
        }
    }
}
