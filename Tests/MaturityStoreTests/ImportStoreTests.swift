import Foundation
import GRDB
import MaturityQuestionnaire
import MaturityRoadmap
import MaturityScoring
import MaturityTestSupport
import Testing

@testable import MaturityStore

/// The batch writer: many rows per INSERT, flushed before each chunk's transaction ends.
@Suite struct ImportStoreTests {
    let questionnaire: Questionnaire
    let date = Date(timeIntervalSince1970: 1_790_000_000)

    init() throws { questionnaire = try TestQuestionnaires.bundled() }

    func respondent(_ example: String, key: String, company: String) throws -> ImportedAssessment {
        var answers = try TestQuestionnaires.example(example)
        answers.company = Company(name: company)
        let card = Scorer(questionnaire: questionnaire, explains: false).score(answers)
        let roadmap = RoadmapPlanner(questionnaire: questionnaire).plan(card)
        return ImportedAssessment(
            key: key, file: "export.csv", row: 2, answers: answers, card: card, roadmap: roadmap,
            documents: AnswerDocumentWriter(questionnaire: questionnaire),
            engine: "maturity test")
    }

    func count(_ db: MaturityDatabase, _ table: String) throws -> Int {
        try db.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }

    @Test func aChunkLargerThanOneStatementStoresEveryScoreAndAction() throws {
        let db = try MaturityDatabase.inMemory()
        let importId = try db.beginImport(
            files: ["export.csv"], mapping: nil, questionnaire: questionnaire, body: BundledQuestionnaire.text, at: date)
        let templates = try ["beginner-tpe", "advanced-pme"].map { try respondent($0, key: "", company: "") }
        let items = (0..<123).map { index in
            var item = templates[index % 2]
            item.key = "survey#\(index)"
            item.company = Company(name: "Entreprise \(index)")
            return item
        }
        let outcomes = try db.storeImported(items, importId: importId, questionnaire: questionnaire, at: date)
        #expect(outcomes.count == 123 && outcomes.allSatisfy { if case .stored = $0 { true } else { false } })
        #expect(try count(db, "score") == items.map(\.scores.count).reduce(0, +))
        #expect(try count(db, "roadmapAction") == items.map(\.actions.count).reduce(0, +))
        guard case let .stored(last) = outcomes.last else {
            Issue.record("the last respondent was not stored")
            return
        }
        let rules = try db.writer.read {
            try String.fetchAll(
                $0, sql: "SELECT ruleId FROM roadmapAction WHERE assessmentId = ? ORDER BY position", arguments: [last.rawValue])
        }
        #expect(rules == items[122].actions.map(\.rule))
    }

    /// Texts are bound without SQLite copying them: every one must still arrive byte for byte,
    /// the empty one included (as '', not NULL), across several statements and an update.
    @Test func textsBoundWithoutCopyArriveByteForByte() throws {
        let db = try MaturityDatabase.inMemory()
        let importId = try db.beginImport(
            files: ["export.csv"], mapping: nil, questionnaire: questionnaire, body: BundledQuestionnaire.text, at: date)
        let titles = ["", "é", "Charte d’usage 🙂 « IA »", String(repeating: "long ", count: 400)]
        let template = try respondent("advanced-pme", key: "", company: "")
        let items = (0..<60).map { index in
            var item = template
            item.key = "survey#\(index)"
            item.company = Company(name: "Entreprise \(index)")
            for action in item.actions.indices { item.actions[action].title = titles[(index + action) % titles.count] }
            return item
        }
        for round in 0..<2 {
            _ = try db.storeImported(items, importId: importId, questionnaire: questionnaire, at: date)
            let stored = try db.writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT sourceKey, answerDocument FROM assessment WHERE source = 'import' ORDER BY id"
                ).map { row -> (String, String, [String]) in
                    let key: String = row["sourceKey"]
                    let titles = try String.fetchAll(
                        db,
                        sql:
                            "SELECT title FROM roadmapAction a JOIN assessment s ON s.id = a.assessmentId WHERE s.sourceKey = ? ORDER BY position",
                        arguments: [key])
                    return (key, row["answerDocument"], titles)
                }
            }
            #expect(stored.count == items.count, "round \(round)")
            for (item, row) in zip(items, stored) {
                #expect(row.0 == item.key && row.1 == String(decoding: item.answerDocument, as: UTF8.self))
                #expect(row.2 == item.actions.map(\.title), "\(item.key), round \(round)")
            }
        }
    }

    /// The shortcuts for SIRENs and names give what filtering and Foundation's trimming give.
    @Test(arguments: [
        "", " ", "123456789", "123 456 789", " 123-456-789 ", "١٢٣", "Durand SARL", " Durand ", "Durand\n", "\u{A0}Durand",
        "Durand\u{A0}", "É", "Ñandú SA", "\t", "\u{2028}Durand\u{3000}", "\u{0B}Durand\u{85}", "\u{202F}é\u{2009}", "e\u{301}",
        "a \n\u{A0}b", "!~", "\u{7F}x\u{7F}", "x ", " x", "-99",
    ])
    func companyKeysAreNormalisedAsBefore(_ text: String) {
        #expect(CompanyStatements.digits(text) == text.filter(\.isNumber))
        #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text.isBlank == text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    @Test func aRespondentTwiceInOneChunkKeepsTheSecondRowOnly() throws {
        let db = try MaturityDatabase.inMemory()
        let importId = try db.beginImport(
            files: ["export.csv"], mapping: nil, questionnaire: questionnaire, body: BundledQuestionnaire.text, at: date)
        let first = try respondent("beginner-tpe", key: "survey#7", company: "Boulangerie Martin")
        let second = try respondent("advanced-pme", key: "survey#7", company: "Boulangerie Martin")
        let outcomes = try db.storeImported([first, second], importId: importId, questionnaire: questionnaire, at: date)
        guard case let .stored(id) = outcomes.first else {
            Issue.record("the first row was not stored")
            return
        }
        #expect(outcomes == [.stored(id), .updated(id)])
        #expect(try count(db, "score") == second.scores.count)
        #expect(try count(db, "roadmapAction") == second.actions.count)
        let again = try db.storeImported([second], importId: importId, questionnaire: questionnaire, at: date)
        #expect(again == [.updated(id)])
        #expect(try count(db, "assessment") == 1)
    }
}
