import GRDB

extension Migrations {
    /// Roadmap action titles leave the assessment rows: table `actionTitle` holds each rule's
    /// title once per questionnaire version and language (see `ActionTitles`), and an action in
    /// `assessment.actions` becomes `[phase, rule, dimension, blocking]`. A title was about 60
    /// bytes, written again for every action of every respondent: 700 of the 4,350 bytes an
    /// imported respondent stored.
    ///
    /// The titles are taken from the stored actions (for each version, language and rule, the
    /// first one stored), then stripped from every row whose titles all read the same in the
    /// table, which is every row a questionnaire wrote (a title is a questionnaire's text in
    /// the assessment's language, and every text has every language). A row that does not is
    /// left as it is: `roadmapAction` reads a five-item action's own title.
    static func v6(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE actionTitle (
                    questionnaireSha256 TEXT NOT NULL REFERENCES questionnaireVersion(sha256),
                    language TEXT NOT NULL,
                    ruleId TEXT NOT NULL,
                    title TEXT NOT NULL,
                    PRIMARY KEY (questionnaireSha256, language, ruleId)
                ) WITHOUT ROWID;
                INSERT OR IGNORE INTO actionTitle (questionnaireSha256, language, ruleId, title)
                    SELECT a.questionnaireSha256, a.language, r.value->>1, r.value->>3
                    FROM assessment a, json_each(a.actions) r WHERE json_array_length(r.value) = 5 ORDER BY a.id;
                UPDATE assessment SET actions = (
                    SELECT json_group_array(json_array(r.value->>0, r.value->>1, r.value->>2, json(r.value->4)))
                    FROM json_each(assessment.actions) r
                ) WHERE actions IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM json_each(assessment.actions) r
                    LEFT JOIN actionTitle t ON t.questionnaireSha256 = assessment.questionnaireSha256
                        AND t.language = assessment.language AND t.ruleId = r.value->>1
                    WHERE json_array_length(r.value) != 5 OR t.title IS NOT r.value->>3
                );
                DROP VIEW roadmapAction;
                """)
        try db.execute(sql: actionView)
    }

    /// `roadmapAction`, the titles read from `actionTitle` (or from a five-item action itself).
    static let actionView = """
        CREATE VIEW roadmapAction (assessmentId, position, phase, ruleId, dimensionId, title, blocking) AS
            SELECT a.id, r.key + 1, r.value->>0, r.value->>1, r.value->>2,
                   CASE json_array_length(r.value) WHEN 5 THEN r.value->>3 ELSE t.title END, r.value->>'$[#-1]'
            FROM assessment a, json_each(a.actions) r
            LEFT JOIN actionTitle t ON t.questionnaireSha256 = a.questionnaireSha256 AND t.language = a.language
                AND t.ruleId = r.value->>1;
        """
}
