import ArgumentParser
import Foundation
import MaturityInterview
import MaturityQuestionnaire
import MaturityScoring
import MaturityStore

struct InterviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interview",
        abstract: "Guided interview: the company profile, then each dimension; every answer is saved at once.",
        discussion: """
            At any prompt: ? help, < back, > skip, !text a note for the advisor, :goto DIMENSION, \
            :review, :save (save and quit), :quit. Ctrl-C saves and prints the command that resumes \
            (exit 130). When stdin is not a terminal, lines are read as answers; end of input saves \
            and exits 1 if the interview is unfinished.
            """
    )

    @OptionGroup var questionnaireOptions: QuestionnaireOptions
    @OptionGroup var languageOption: LanguageOption

    @Option(help: "The company's name (not asked again).")
    var company: String?

    @Option(help: "Resume the in-progress interview with this assessment id.")
    var resume: Int64?

    @Option(help: "Pre-fill from an answers file (JSON): only what is missing is asked.", completion: .file(extensions: ["json"]))
    var answers: String?

    @Option(help: "The advisor's name.")
    var advisor: String?

    @Flag(help: "Plain numbered prompts, no colours and no screen redraws (screen readers).")
    var accessible = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if resume != nil && (company != nil || answers != nil || advisor != nil || questionnaireOptions.questionnaire != nil) {
            throw ValidationError("--resume continues a stored interview: --company, --answers, --advisor and --questionnaire do not apply")
        }
    }

    func run() throws {
        let db = try database.open()
        let start = try resume.map { try resumed(AssessmentID(rawValue: $0), db) } ?? fresh()
        let language = try languageOption.resolve(for: start.questionnaire, default: start.answers.language)
        let text = InterviewText(language: language)
        var session = InterviewSession(
            questionnaire: start.questionnaire, language: language, answers: start.answers.answers, notes: start.answers.notes,
            startedAt: Date())
        session.route = resume != nil ? .unanswered : answers != nil ? .missingRequired : .everything
        // The company's name: --company, else the answers file, else the company-name question.
        var knownCompany = start.answers.company
        let nameQuestion = start.questionnaire.profileQuestion(for: .companyName)
        if let name = company?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty {
            knownCompany.name = name
            if let nameQuestion { session.preset(nameQuestion.id, .text(name)) }
        }
        if nameQuestion == nil && knownCompany.name == nil {
            Output.error(text.needsCompany)
            throw ExitCode.validationFailure
        }
        let recorder = InterviewRecorder(
            db: db,
            context: .init(
                questionnaire: start.questionnaire, body: start.body, language: language, advisor: advisor, answersFile: answers,
                company: knownCompany,
                resumeOptions: database.db.map { ["--db", Self.quoted($0)] } ?? []),
            resuming: start.id)
        Interrupts.install { signal in recorder.interrupted(signal, text: text) }
        try recorder.ensureCreated(session)
        let loop = InterviewLoop(terminal: Terminal(accessible: accessible, environment: ProcessInfo.processInfo.environment))
        try loop.run(&session, recorder: recorder, finishWhenComplete: answers != nil && resume == nil)
    }

    struct Start {
        var questionnaire: Questionnaire
        var body: String
        var answers: AnswerSet
        var id: AssessmentID?
    }

    func fresh() throws -> Start {
        let (questionnaire, body) = try questionnaireOptions.loadSource()
        let prefill = try answers.map { try AnswersInput.read(path: $0, questionnaire: questionnaire) } ?? AnswerSet(for: questionnaire)
        return Start(questionnaire: questionnaire, body: body, answers: prefill, id: nil)
    }

    func resumed(_ id: AssessmentID, _ db: MaturityDatabase) throws -> Start {
        let stored = try storeCall { try db.assessment(id) }
        guard stored.summary.status == AssessmentStatus.inProgress.rawValue else {
            Output.error("error: assessment #\(id) is \(stored.summary.status), not in progress; see it with 'maturity show \(id)'")
            throw ExitCode.failure
        }
        let questionnaire = try StoredQuestionnaires().questionnaire(of: stored)
        let answers = try StoredQuestionnaires.answers(of: stored, questionnaire)
        return Start(questionnaire: questionnaire, body: stored.questionnaireBody, answers: answers, id: id)
    }

    /// A path as the shell reads it back.
    static func quoted(_ path: String) -> String {
        path.allSatisfy { $0.isLetter || $0.isNumber || "/._-+".contains($0) } ? path : "'" + path.replacing("'", with: "'\\''") + "'"
    }
}
