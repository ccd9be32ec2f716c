import Foundation
import MaturityInterview
import MaturityQuestionnaire
import MaturityRoadmap
import MaturityScoring
import MaturityStore

/// Writes the interview to the database as it goes: the assessment is created (in progress) as
/// soon as the company is named, then every answer and note is written the moment it is given.
/// A lock keeps a signal from exiting in the middle of a write.
final class InterviewRecorder: @unchecked Sendable {
    struct Context {
        var questionnaire: Questionnaire
        var body: String
        var language: LanguageCode
        var advisor: String?
        var answersFile: String?
        /// The `company` object of the answers file, under what the profile answers give.
        var company: Company
        /// Options the resume command must repeat (`--db PATH`).
        var resumeOptions: [String]
    }

    let db: MaturityDatabase
    let context: Context
    private let lock = NSLock()
    private var assessment: AssessmentID?

    init(db: MaturityDatabase, context: Context, resuming: AssessmentID?) {
        self.db = db
        self.context = context
        assessment = resuming
    }

    var id: AssessmentID? { lock.withLock { assessment } }

    var resumeCommand: String? { lock.withLock { resumeCommandUnlocked } }

    /// The answers so far, with the company fields of the profile questions.
    func answerSet(_ session: InterviewSession) -> AnswerSet {
        let q = context.questionnaire
        return AnswerSet(
            questionnaireID: q.id, version: q.version.description, language: context.language,
            company: CompanyProfile.merge(Company(), answers: session.answers, questionnaire: q).filled(from: context.company),
            answers: session.answers, notes: session.notes)
    }

    /// Creates the assessment once the company has a name; later calls do nothing.
    func ensureCreated(_ session: InterviewSession) throws {
        try lock.withLock { try createIfNamed(session) }
    }

    private func createIfNamed(_ session: InterviewSession) throws {
        guard assessment == nil else { return }
        let set = answerSet(session)
        guard let name = set.company.name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else { return }
        assessment = try storeCall {
            try db.saveAssessment(
                questionnaire: context.questionnaire, body: context.body, answers: set, companyName: name,
                origin: AssessmentOrigin(status: .inProgress, source: .interview, advisor: context.advisor, file: context.answersFile),
                result: nil, at: Date())
        }
        if let assessment { Output.error(InterviewText(language: context.language).created(assessment.rawValue, db.path)) }
    }

    func save(_ question: QuestionID, _ value: AnswerValue?, _ session: InterviewSession) throws {
        try lock.withLock {
            guard let assessment else { return try createIfNamed(session) }
            try storeCall {
                try db.recordAnswer(
                    assessment, question, value, note: session.notes[question], questionnaire: context.questionnaire, at: Date())
            }
        }
    }

    func note(_ question: QuestionID, _ text: String, _ session: InterviewSession) throws {
        try lock.withLock {
            guard let assessment else { return try createIfNamed(session) }
            try storeCall { try db.recordNote(assessment, question, note: text, at: Date()) }
        }
    }

    /// Scores the answers and stores the assessment as completed.
    func finish(_ session: InterviewSession) throws -> (AssessmentID, Diagnosis)? {
        try lock.withLock {
            try createIfNamed(session)
            guard let assessment else { return nil }
            let set = answerSet(session)
            let diagnosis = Diagnosis(
                questionnaire: context.questionnaire, answers: set, language: context.language, engine: ToolInfo.engine)
            try storeCall { try db.complete(assessment, diagnosis, company: set.company, at: Date()) }
            return (assessment, diagnosis)
        }
    }

    /// Called from a signal handler: waits for a write in progress, then never returns.
    func interrupted(_ signal: Int32, text: InterviewText) -> Never {
        lock.lock()
        Output.error("\n" + text.suspended(resume: resumeCommandUnlocked))
        exit(128 + signal)
    }

    private var resumeCommandUnlocked: String? {
        assessment.map { (["maturity", "interview", "--resume", String($0.rawValue)] + context.resumeOptions).joined(separator: " ") }
    }
}

extension Company {
    /// This company, with its missing fields taken from `other`.
    func filled(from other: Company) -> Company {
        Company(
            name: name ?? other.name, siren: siren ?? other.siren, sector: sector ?? other.sector,
            headcount: headcount ?? other.headcount, region: region ?? other.region)
    }
}
