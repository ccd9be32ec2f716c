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

    /// Marks an interview completed with its result.
    public func complete(_ id: AssessmentID, _ diagnosis: Diagnosis, at date: Date) throws(StoreError) {
        try write { db in
            try Self.storeResult(db, id.rawValue, diagnosis, at: date)
            try db.execute(
                sql: "UPDATE assessment SET status = 'completed', completedAt = ?, updatedAt = ? WHERE id = ?",
                arguments: [date, date, id.rawValue])
        }
    }
}
