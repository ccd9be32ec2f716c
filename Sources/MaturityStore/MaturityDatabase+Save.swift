import Foundation
import GRDB
import MaturityQuestionnaire
import MaturityRoadmap
import MaturityScoring

extension MaturityDatabase {
    /// Stores a new assessment in one transaction: the company (found by SIREN or name, else
    /// created), the questionnaire body (once per hash), every answer, and the result if any.
    @discardableResult
    public func saveAssessment(
        questionnaire: Questionnaire, body: String, answers: AnswerSet, companyName: String, origin: AssessmentOrigin,
        result: Diagnosis?, at date: Date
    ) throws(StoreError) -> AssessmentID {
        let id = try write { db in
            try Self.storeQuestionnaire(db, questionnaire, body: body, at: date)
            var company = answers.company
            company.name = companyName
            let companyId = try Self.findOrCreateCompany(db, company, at: date)
            let completedWaves = try AssessmentRecord.filter(AssessmentRecord.Columns.companyId == companyId).fetchCount(db)
            var record = AssessmentRecord(
                id: nil, companyId: companyId, questionnaireSha256: questionnaire.sha256, questionnaireId: questionnaire.id,
                questionnaireVersion: questionnaire.version.description, wave: completedWaves + 1,
                language: answers.language.rawValue, status: origin.status.rawValue, advisor: origin.advisor,
                source: origin.source.rawValue, sourceFile: origin.file, sourceRow: origin.row, sourceKey: origin.key,
                result: nil, engine: nil, createdAt: date, updatedAt: date,
                completedAt: origin.status == .completed ? date : nil)
            try record.insert(db)
            let assessmentId = record.id ?? 0
            try Self.replaceAnswers(db, assessmentId, answers, questionnaire: questionnaire, at: date)
            if let result { try Self.storeResult(db, assessmentId, result, at: date) }
            return assessmentId
        }
        return AssessmentID(rawValue: id)
    }

    /// Replaces the stored result (after `rescore`), keeping answers and history.
    public func replaceResult(_ id: AssessmentID, _ result: Diagnosis, at date: Date) throws(StoreError) {
        try write { db in
            guard try AssessmentRecord.exists(db, key: id.rawValue) else { throw StoreError.assessmentNotFound(id.rawValue) }
            try Self.storeResult(db, id.rawValue, result, at: date)
        }
    }

    static func storeQuestionnaire(_ db: Database, _ questionnaire: Questionnaire, body: String, at date: Date) throws {
        if try QuestionnaireVersionRecord.exists(db, key: questionnaire.sha256) { return }
        let sameVersion =
            try QuestionnaireVersionRecord
            .filter(QuestionnaireVersionRecord.Columns.questionnaireId == questionnaire.id)
            .filter(QuestionnaireVersionRecord.Columns.version == questionnaire.version.description)
            .fetchCount(db)
        if sameVersion > 0 {
            throw StoreError.conflictingQuestionnaire(id: questionnaire.id, version: questionnaire.version.description)
        }
        try QuestionnaireVersionRecord(
            sha256: questionnaire.sha256, questionnaireId: questionnaire.id, version: questionnaire.version.description,
            body: body, storedAt: date
        ).insert(db)
    }

    /// The company with this SIREN, else this name (case-insensitive), else a new one.
    static func findOrCreateCompany(_ db: Database, _ company: Company, at date: Date) throws -> Int64 {
        try CompanyStatements(db, now: databaseText(date)).findOrCreate(company).id
    }

    /// A date as GRDB stores it (`yyyy-MM-dd HH:mm:ss.SSS`, UTC), for statements bound by hand.
    static func databaseText(_ date: Date) -> String {
        String.fromDatabaseValue(date.databaseValue) ?? date.ISO8601Format()
    }

    static func replaceAnswers(_ db: Database, _ assessmentId: Int64, _ answers: AnswerSet, questionnaire: Questionnaire, at date: Date)
        throws
    {
        for (question, value) in answers.answers.sorted(by: { $0.key < $1.key }) {
            try upsert(db, assessmentId, question, value, note: answers.notes[question], questionnaire: questionnaire, at: date)
        }
        for (question, note) in answers.notes where answers.answers[question] == nil {
            try db.execute(
                sql: "UPDATE answer SET note = ? WHERE assessmentId = ? AND questionId = ?",
                arguments: [note, assessmentId, question.rawValue])
        }
    }

    static func upsert(
        _ db: Database, _ assessmentId: Int64, _ question: QuestionID, _ value: AnswerValue, note: String?,
        questionnaire: Questionnaire, at date: Date
    ) throws {
        let notApplicable = value.optionCodes.contains { questionnaire.question(question)?.kind.option($0)?.role == .notApplicable }
        try AnswerRecord(
            assessmentId: assessmentId, questionId: question.rawValue, value: try JSONCoding.string(value.json),
            notApplicable: notApplicable, note: note, answeredAt: date
        ).insert(db, onConflict: .replace)
    }

    static func storeResult(_ db: Database, _ assessmentId: Int64, _ result: Diagnosis, at date: Date) throws {
        let document = result.document
        try db.execute(sql: "DELETE FROM pilotUseCase WHERE assessmentId = ?", arguments: [assessmentId])
        for (index, item) in (document.roadmap.phases.first { $0.id == "pilot" }?.useCases ?? []).enumerated() {
            try PilotUseCaseRecord(
                assessmentId: assessmentId, position: index + 1, name: item.name, department: item.department,
                exposureHours: item.exposureHours, impact: item.impact, effort: item.effort, quadrant: item.quadrant,
                exclusion: item.exclusion, proposed: item.proposed
            ).insert(db)
        }
        let rows = try StoredResults.rows(of: document)
        var scores = JSONBytes()
        StoredResults.writeScores(rows.scores, to: &scores)
        var actions = JSONBytes()
        StoredResults.writeActions(rows.actions, to: &actions)
        try db.execute(
            sql: "UPDATE assessment SET result = ?, scores = ?, actions = ?, engine = ?, updatedAt = ? WHERE id = ?",
            arguments: [try JSONCoding.string(document), scores.string, actions.string, document.engine, date, assessmentId])
        try ActionTitles.store(db, of: document, assessment: assessmentId)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

/// Compact, key-sorted JSON for stored values.
enum JSONCoding {
    static func string(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
