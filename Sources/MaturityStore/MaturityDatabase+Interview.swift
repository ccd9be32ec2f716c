import Foundation
import GRDB
import MaturityQuestionnaire
import MaturityRoadmap
import MaturityScoring

extension MaturityDatabase {
    /// Writes (or with nil, deletes) one answer the moment it is given; the note is kept with it.
    public func recordAnswer(
        _ id: AssessmentID, _ question: QuestionID, _ value: AnswerValue?, note: String?, questionnaire: Questionnaire, at date: Date
    ) throws(StoreError) {
        try write { db in
            if let value {
                try Self.upsert(db, id.rawValue, question, value, note: note, questionnaire: questionnaire, at: date)
            } else {
                try db.execute(
                    sql: "DELETE FROM answer WHERE assessmentId = ? AND questionId = ?", arguments: [id.rawValue, question.rawValue])
            }
            try db.execute(sql: "UPDATE assessment SET updatedAt = ? WHERE id = ?", arguments: [date, id.rawValue])
        }
    }

    /// A note on a question not answered yet is kept in an answer row with an empty value.
    public func recordNote(_ id: AssessmentID, _ question: QuestionID, note: String, at date: Date) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: "UPDATE answer SET note = ? WHERE assessmentId = ? AND questionId = ?",
                arguments: [note, id.rawValue, question.rawValue])
            if db.changesCount == 0 {
                try AnswerRecord(
                    assessmentId: id.rawValue, questionId: question.rawValue, value: "null", notApplicable: false, note: note,
                    answeredAt: date
                )
                .insert(db)
            }
        }
    }

    /// Marks an interview completed with its result, and fills the company fields the profile
    /// questions gave (a SIREN already held by another company is left out).
    public func complete(_ id: AssessmentID, _ diagnosis: Diagnosis, company: Company, at date: Date) throws(StoreError) {
        try write { db in
            let owner = "(SELECT companyId FROM assessment WHERE id = ?)"
            try db.execute(
                sql: """
                    UPDATE company SET sector = coalesce(?, sector), headcount = coalesce(?, headcount),
                    region = coalesce(?, region) WHERE id = \(owner)
                    """,
                arguments: [company.sector, company.headcount, company.region, id.rawValue])
            if let siren = company.siren?.filter(\.isNumber).nilIfEmpty {
                try db.execute(
                    sql: "UPDATE OR IGNORE company SET siren = ? WHERE siren IS NULL AND id = \(owner)", arguments: [siren, id.rawValue])
            }
            try Self.storeResult(db, id.rawValue, diagnosis, at: date)
            try db.execute(
                sql: "UPDATE assessment SET status = 'completed', completedAt = ?, updatedAt = ? WHERE id = ?",
                arguments: [date, date, id.rawValue])
        }
    }
}
