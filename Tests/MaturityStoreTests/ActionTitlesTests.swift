import Foundation
import GRDB
import MaturityQuestionnaire
import MaturityRoadmap
import MaturityScoring
import MaturityTestSupport
import Testing

@testable import MaturityStore

/// Action titles are stored once per questionnaire version, language and rule (`actionTitle`,
/// migration v6), not in every assessment's actions; `roadmapAction` and the cohort read them
/// back.
@Suite struct ActionTitlesTests {
    let questionnaire: Questionnaire
    let date = Date(timeIntervalSince1970: 1_790_000_000)

    init() throws { questionnaire = try TestQuestionnaires.bundled() }

    /// Actions as a fifth-schema database holds them: titles inside. The fourth row gives rule
    /// `r1` another title than the first (which no questionnaire would): it keeps its own.
    static let fifthSchemaActions: [(language: String, actions: String?)] = [
        ("fr", #"[["audit","r1","governance","Titre un",true],["pilot","r2","usage","Titre « deux »",false]]"#),
        ("en", #"[["audit","r1","governance","Title one",true]]"#),
        ("fr", #"[["rollout","r2","usage","Titre « deux »",false],["audit","r1","governance","Titre un",true]]"#),
        ("fr", #"[["audit","r1","governance","Titre un (ancien)",true]]"#),
        ("fr", nil),
        ("fr", "[]"),
    ]

    func fifthSchemaDatabase() throws -> String {
        let path = try StoreTests.scratch()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(queue, upTo: "v5-assessment-checks-as-comparisons")
        try queue.write { db in
            try MaturityDatabase.storeQuestionnaire(db, questionnaire, body: BundledQuestionnaire.text, at: date)
            let company = try MaturityDatabase.findOrCreateCompany(db, Company(name: "Atelier Lenoir"), at: date)
            for (wave, row) in Self.fifthSchemaActions.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO assessment (companyId, questionnaireSha256, questionnaireId, questionnaireVersion, wave, language,
                        status, source, createdAt, updatedAt, actions) VALUES (?, ?, ?, ?, ?, ?, 'completed', 'import', ?, ?, ?)
                        """,
                    arguments: [
                        company, questionnaire.sha256, questionnaire.id, questionnaire.version.description, wave + 1, row.language,
                        date, date, row.actions,
                    ])
            }
        }
        return path
    }

    static func actionRows(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: "SELECT * FROM roadmapAction ORDER BY assessmentId, position").map(\.description)
    }

    @Test func theMigrationMovesTitlesOutAndEveryActionReadsTheSame() throws {
        let path = try fifthSchemaDatabase()
        let before = try DatabaseQueue(path: path).read(Self.actionRows)
        #expect(before.count == 6)
        let db = try MaturityDatabase.open(path: path)
        #expect(try db.read(Self.actionRows) == before)
        try db.read { db in
            let titles = try Row.fetchAll(db, sql: "SELECT language, ruleId, title FROM actionTitle ORDER BY 1, 2").map {
                [$0["language"], $0["ruleId"], $0["title"]] as [String]
            }
            #expect(titles == [["en", "r1", "Title one"], ["fr", "r1", "Titre un"], ["fr", "r2", "Titre « deux »"]])
            let actions = try String?.fetchAll(db, sql: "SELECT actions FROM assessment ORDER BY id")
            #expect(
                actions == [
                    #"[["audit","r1","governance",true],["pilot","r2","usage",false]]"#, #"[["audit","r1","governance",true]]"#,
                    #"[["rollout","r2","usage",false],["audit","r1","governance",true]]"#,
                    #"[["audit","r1","governance","Titre un (ancien)",true]]"#, nil, "[]",
                ])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
    }

    @Test func everyRuleIsTitledOnceInEveryLanguage() throws {
        let db = try MaturityDatabase.inMemory()
        _ = try db.beginImport(files: ["a.csv"], mapping: nil, questionnaire: questionnaire, body: BundledQuestionnaire.text, at: date)
        try db.storeActionTitles(of: questionnaire)
        let count = try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM actionTitle") }
        #expect(count == questionnaire.rules.count * questionnaire.languages.count && count ?? 0 > 0)
        let english = try db.read {
            try String.fetchOne(
                $0, sql: "SELECT title FROM actionTitle WHERE language = 'en' AND ruleId = ?",
                arguments: [questionnaire.rules[0].id.rawValue])
        }
        #expect(english == questionnaire.rules[0].title[.english])
    }

    /// Imported and saved assessments, in French and in English: four-item actions, and the
    /// view gives each action the title its diagnosis shows.
    @Test(arguments: [LanguageCode.french, .english])
    func storedActionsReadTheTitlesOfTheirDiagnosis(_ language: LanguageCode) throws {
        let db = try MaturityDatabase.inMemory()
        let importId = try db.beginImport(
            files: ["a.csv"], mapping: nil, questionnaire: questionnaire, body: BundledQuestionnaire.text, at: date)
        var answers = try TestQuestionnaires.example("beginner-tpe")
        answers.language = language
        let card = Scorer(questionnaire: questionnaire, explains: false).score(answers)
        let imported = ImportedAssessment(
            key: "survey#1", file: "a.csv", row: 2, answers: answers, card: card, scoring: ImportScoring(questionnaire: questionnaire),
            engine: "maturity test")
        guard case let .stored(importedId) = try db.storeImported([imported], importId: importId, questionnaire: questionnaire, at: date)[0]
        else {
            Issue.record("not stored")
            return
        }
        var saved = try TestQuestionnaires.example("advanced-pme")
        saved.language = language
        let diagnosis = Diagnosis(questionnaire: questionnaire, answers: saved, language: language, engine: "maturity test")
        let savedId = try db.saveAssessment(
            questionnaire: questionnaire, body: BundledQuestionnaire.text, answers: saved, companyName: "Atelier Lenoir",
            origin: AssessmentOrigin(status: .completed, source: .file), result: diagnosis, at: date)
        let expected = [
            (importedId, Diagnosis(questionnaire: questionnaire, answers: answers, language: language, engine: "t").document),
            (savedId, diagnosis.document),
        ]
        for (id, document) in expected {
            let read = try db.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT ruleId, title FROM roadmapAction WHERE assessmentId = ? ORDER BY position", arguments: [id.rawValue]
                ).map { "\($0["ruleId"] as String) \($0["title"] as String)" }
            }
            let actions = document.roadmap.phases.flatMap(\.actions)
            #expect(!actions.isEmpty && read == actions.map { "\($0.id) \($0.title)" })
            let lengths = try db.read {
                try Int.fetchAll(
                    $0, sql: "SELECT json_array_length(value) FROM assessment a, json_each(a.actions) WHERE a.id = ?",
                    arguments: [id.rawValue])
            }
            #expect(Set(lengths) == [4])
        }
    }

    @Test func aCohortsActionsAreTitledInTheAskedLanguage() throws {
        let db = try MaturityDatabase.inMemory()
        let importId = try db.beginImport(
            files: ["a.csv"], mapping: nil, questionnaire: questionnaire, body: BundledQuestionnaire.text, at: date)
        let answers = try TestQuestionnaires.example("beginner-tpe")
        #expect(answers.language == .french)
        let card = Scorer(questionnaire: questionnaire, explains: false).score(answers)
        let items = (1...3).map { index in
            var item = ImportedAssessment(
                key: "survey#\(index)", file: "a.csv", row: index + 1, answers: answers, card: card,
                scoring: ImportScoring(questionnaire: questionnaire), engine: "maturity test")
            item.company = Company(name: "Entreprise \(index)")
            return item
        }
        _ = try db.storeImported(items, importId: importId, questionnaire: questionnaire, at: date)
        let filter = CohortFilter(questionnaireId: questionnaire.id, importId: importId)
        for language in [LanguageCode.french, .english] {
            let actions = try db.cohortActions(filter, language: language.rawValue)
            #expect(!actions.isEmpty && actions.allSatisfy { $0.companies == 3 })
            let titles = actions.map { action in questionnaire.rules.first { $0.id.rawValue == action.ruleId }?.title[language] }
            #expect(actions.map(\.title) == titles)
        }
    }
}
