import GRDB
import MaturityQuestionnaire
import MaturityRoadmap

/// The title of a roadmap action is its rule's title in the assessment's language: text of the
/// questionnaire, the same for every assessment answered with that version in that language.
/// So it is stored once per questionnaire version, language and rule, in `actionTitle`
/// (migration v6), and `assessment.actions` keeps the rule id; `roadmapAction` and the cohort
/// view join the two. Titles are only ever added (`INSERT OR IGNORE`): a version's text never
/// changes.
enum ActionTitles {
    /// Every rule's title in every language of `questionnaire`, before respondents answered
    /// with it are stored without titles (an import, the rescore of imported respondents).
    static func store(_ db: Database, _ questionnaire: Questionnaire) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO actionTitle (questionnaireSha256, language, ruleId, title) VALUES (?, ?, ?, ?)")
        for language in questionnaire.languages {
            for rule in questionnaire.rules {
                let title = rule.title.resolve(language, fallback: questionnaire.defaultLanguage)
                try statement.execute(arguments: [questionnaire.sha256, language.rawValue, rule.id.rawValue, title])
            }
        }
    }

    /// The titles of a diagnosis's actions, for the questionnaire version and language of
    /// assessment `id` (the result of an interview or of `rescore`, which may fire a rule no
    /// earlier assessment of that version fired).
    static func store(_ db: Database, of document: DiagnosisDocument, assessment id: Int64) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO actionTitle (questionnaireSha256, language, ruleId, title) "
                + "SELECT questionnaireSha256, language, ?, ? FROM assessment WHERE id = ?")
        for action in document.roadmap.phases.flatMap(\.actions) {
            try statement.execute(arguments: [action.id, action.title, id])
        }
    }
}

extension MaturityDatabase {
    /// Stores the action titles of `questionnaire`, whose body is already stored (`rescore`
    /// of imported respondents, which writes their actions without titles).
    public func storeActionTitles(of questionnaire: Questionnaire) throws(StoreError) {
        try write { db in try ActionTitles.store(db, questionnaire) }
    }
}
