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

    func scored(_ example: String) throws -> (answers: AnswerSet, card: ScoreCard, roadmap: Roadmap) {
        let answers = try TestQuestionnaires.example(example)
        let card = Scorer(questionnaire: questionnaire, explains: false).score(answers)
        return (answers, card, RoadmapPlanner(questionnaire: questionnaire).plan(card))
    }

    func respondent(_ example: String, key: String, company: String) throws -> ImportedAssessment {
        var (answers, card, _) = try scored(example)
        answers.company = Company(name: company)
        return ImportedAssessment(
            key: key, file: "export.csv", row: 2, answers: answers, card: card, scoring: ImportScoring(questionnaire: questionnaire),
            engine: "maturity test")
    }

    /// The rule ids of a respondent's stored actions, from its encoded results.
    func actionRules(_ item: ImportedAssessment) throws -> [String] {
        try JSONCoding.decode([[JSONValue]].self, item.results.actions).map { action in
            guard case let .string(rule) = action[1] else { throw StoreError.failed("no rule id") }
            return rule
        }
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
        let perItem = try ["beginner-tpe", "advanced-pme"].map(scored)
        #expect(try count(db, "score") == (0..<123).map { perItem[$0 % 2].card.dimensions.count + 1 }.reduce(0, +))
        #expect(
            try count(db, "roadmapAction") == (0..<123).map { perItem[$0 % 2].roadmap.phases.flatMap(\.actions).count }.reduce(0, +))
        guard case let .stored(last) = outcomes.last else {
            Issue.record("the last respondent was not stored")
            return
        }
        let rules = try db.writer.read {
            try String.fetchAll(
                $0, sql: "SELECT ruleId FROM roadmapAction WHERE assessmentId = ? ORDER BY position", arguments: [last.rawValue])
        }
        #expect(rules == perItem[0].roadmap.phases.flatMap(\.actions).map(\.id.rawValue))
        #expect(rules == (try actionRules(items[122])))
    }

    /// Texts are bound without SQLite copying them: every one must still arrive byte for byte,
    /// the empty one included (as '', not NULL), across several statements and an update.
    @Test func textsBoundWithoutCopyArriveByteForByte() throws {
        let db = try MaturityDatabase.inMemory()
        let importId = try db.beginImport(
            files: ["export.csv"], mapping: nil, questionnaire: questionnaire, body: BundledQuestionnaire.text, at: date)
        let texts = ["", "é", "Charte d’usage 🙂 « IA »", String(repeating: "long ", count: 400)]
        let template = try respondent("advanced-pme", key: "", company: "")
        let items = (0..<60).map { index in
            var item = template
            item.key = "survey#\(index)" + texts[index % texts.count]
            item.answerDocument = Array(texts[(index + 1) % texts.count].utf8)
            item.results = ImportedResults(
                bytes: Array((texts[(index + 2) % texts.count] + texts[(index + 3) % texts.count]).utf8),
                split: texts[(index + 2) % texts.count].utf8.count)
            return item
        }
        for round in 0..<2 {
            _ = try db.storeImported(items, importId: importId, questionnaire: questionnaire, at: date)
            let stored = try db.writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT sourceKey, answerDocument, scores, actions FROM assessment WHERE source = 'import' ORDER BY id")
            }
            #expect(stored.count == items.count, "round \(round)")
            for (item, row) in zip(items, stored) {
                let texts: [String?] = [row["sourceKey"], row["answerDocument"], row["scores"], row["actions"]]
                #expect(
                    texts == [item.key, String(decoding: item.answerDocument, as: UTF8.self), item.results.scores, item.results.actions],
                    "\(item.key), round \(round)")
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
        let expected = try scored("advanced-pme")
        #expect(try count(db, "score") == expected.card.dimensions.count + 1)
        #expect(try count(db, "roadmapAction") == expected.roadmap.phases.flatMap(\.actions).count)
        let again = try db.storeImported([second], importId: importId, questionnaire: questionnaire, at: date)
        #expect(again == [.updated(id)])
        #expect(try count(db, "assessment") == 1)
    }

    /// Scores and actions encoded on the workers, from tables built once, are byte for byte
    /// what `score --save` stores for the same diagnosis (`StoredResults`), caps included
    /// (the beginner has three), in either language.
    @Test(arguments: ["beginner-tpe", "advanced-pme"], [LanguageCode.french, .english])
    func importedResultsAreTheSavedOnes(_ example: String, _ language: LanguageCode) throws {
        var (answers, card, roadmap) = try scored(example)
        answers.language = language
        let results = ImportScoring(questionnaire: questionnaire).results(card, language: language)
        let rows = try StoredResults.rows(
            of: Diagnosis(questionnaire: questionnaire, answers: answers, language: language, engine: "maturity test").document)
        var scores = JSONBytes()
        StoredResults.writeScores(rows.scores, to: &scores)
        var actions = JSONBytes()
        StoredResults.writeActions(rows.actions, to: &actions)
        #expect(results.scores == scores.string)
        #expect(results.actions == actions.string)
        #expect(rows.actions.count == roadmap.phases.flatMap(\.actions).count && !rows.actions.isEmpty)
        #expect(card.dimensions.filter { !$0.caps.isEmpty }.count == (example == "beginner-tpe" ? 3 : 0))
    }

    /// A file whose keys no stored assessment has is written without looking each key up;
    /// keys that start like them, but with another scope, do not count.
    @Test func keysOfAScopeAreNewUntilOneIsStored() throws {
        let db = try MaturityDatabase.inMemory()
        #expect(try db.newKeys(scope: "survey") != nil)
        let importId = try db.beginImport(
            files: ["export.csv"], mapping: nil, questionnaire: questionnaire, body: BundledQuestionnaire.text, at: date)
        let first = try respondent("beginner-tpe", key: "survey#7", company: "Boulangerie Martin")
        _ = try db.storeImported([first], importId: importId, questionnaire: questionnaire, at: date, keys: db.newKeys(scope: "survey"))
        #expect(try db.newKeys(scope: "survey") == nil)
        #expect(try db.newKeys(scope: "surve") != nil)
        #expect(try db.newKeys(scope: "survey2") != nil)
        #expect(try db.newKeys(scope: "surve#") != nil)
    }

    /// Another connection storing one of the keys meanwhile makes the writer look keys up
    /// again: the respondent is updated, not stored twice.
    @Test func keysStoredByAnotherConnectionAreLookedUpAgain() throws {
        let path = try StoreTests.scratch()
        let importing = try MaturityDatabase.open(path: path, access: .bulkImport)
        let importId = try importing.beginImport(
            files: ["export.csv"], mapping: nil, questionnaire: questionnaire, body: BundledQuestionnaire.text, at: date)
        let keys = try #require(try importing.newKeys(scope: "survey"))
        let item = try respondent("beginner-tpe", key: "survey#7", company: "Boulangerie Martin")
        let other = try MaturityDatabase.open(path: path)
        guard case let .stored(id) = try other.storeImported([item], importId: importId, questionnaire: questionnaire, at: date)[0]
        else {
            Issue.record("the other connection did not store the respondent")
            return
        }
        let outcomes = try importing.storeImported([item], importId: importId, questionnaire: questionnaire, at: date, keys: keys)
        #expect(outcomes == [.updated(id)])
        #expect(try count(importing, "assessment") == 1)
    }
}
