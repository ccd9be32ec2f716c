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
        let rescorer = Rescorer(db: db)
        if all {
            try storeCall { try db.forEachAssessment { try rescorer.add($0) } }
        } else {
            try rescorer.add(try storeCall { try db.assessment(AssessmentID(rawValue: id ?? 0)) })
        }
        try rescorer.finish()
        let count = rescorer.count
        Output.write("rescored \(count) assessment\(count == 1 ? "" : "s") with \(ToolInfo.engine); \(rescorer.changed) changed\n")
    }

    /// The diagnosis of a stored assessment, with the questionnaire body it was answered with.
    static func diagnose(_ stored: StoredAssessment, _ questionnaires: StoredQuestionnaires) throws -> Diagnosis {
        let questionnaire = try questionnaires.questionnaire(of: stored)
        let answers = try StoredQuestionnaires.answers(of: stored, questionnaire)
        return Diagnosis(questionnaire: questionnaire, answers: answers, language: answers.language, engine: ToolInfo.engine)
    }
}

/// Re-scores stored assessments one at a time, each in the shape it was stored in: an
/// interview or answer file gets a new result document; an imported respondent gets new
/// scores and actions only, the bytes a new import would store, written a page at a time.
/// Re-scoring imported respondents into whole result documents made a database of 10,000
/// of them 3.4 times larger, took 28 s and counted every one as changed.
final class Rescorer {
    let db: MaturityDatabase
    private let questionnaires = StoredQuestionnaires()
    private var scorings: [String: ImportScoring] = [:]
    private var pending: [(id: AssessmentID, results: ImportedResults)] = []
    private(set) var count = 0
    private(set) var changed = 0

    init(db: MaturityDatabase) { self.db = db }

    func add(_ stored: StoredAssessment) throws {
        let id = AssessmentID(rawValue: stored.summary.id)
        count += 1
        guard stored.result == nil && stored.summary.source == AssessmentSource.import.rawValue else {
            let diagnosis = try RescoreCommand.diagnose(stored, questionnaires)
            if diagnosis.document != stored.result { changed += 1 }
            return try storeCall { try db.replaceResult(id, diagnosis, at: Date()) }
        }
        let questionnaire = try questionnaires.questionnaire(of: stored)
        let scoring = try scorings[questionnaire.sha256] ?? newScoring(questionnaire)
        scorings[questionnaire.sha256] = scoring
        let answers = try StoredQuestionnaires.answers(of: stored, questionnaire)
        pending.append((id, scoring.results(scoring.score(answers), language: answers.language)))
        if pending.count >= 256 { try finish() }
    }

    /// The scoring of imported respondents answered with `questionnaire`, whose action
    /// titles are stored first: the new actions are written without them.
    private func newScoring(_ questionnaire: Questionnaire) throws -> ImportScoring {
        try storeCall { try db.storeActionTitles(of: questionnaire) }
        return ImportScoring(questionnaire: questionnaire)
    }

    /// Writes the imported respondents re-scored since the last page.
    func finish() throws {
        guard !pending.isEmpty else { return }
        let page = pending
        pending.removeAll(keepingCapacity: true)
        changed += try storeCall { try db.replaceImportedResults(page, engine: ToolInfo.engine, at: Date()) }
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
