import GRDB

extension Migrations {
    /// Scores and roadmap actions move into the assessment row (see `StoredResults`): columns
    /// `scores` and `actions` hold them as JSON arrays, filled from the old tables, which are
    /// dropped; views of the same names and columns read them back, so `score` and
    /// `roadmapAction` can still be queried as before (but not written). The engine of a
    /// score is its assessment's, as it always was. Numbers are cast back to REAL.
    static func v4(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE assessment ADD COLUMN scores TEXT;
                ALTER TABLE assessment ADD COLUMN actions TEXT;
                UPDATE assessment SET scores = (
                    SELECT json_group_array(json_array(dimensionId, score, rawScore, level, coverage, json(caps)))
                    FROM (SELECT * FROM score s WHERE s.assessmentId = assessment.id ORDER BY dimensionId = '_overall', dimensionId)
                ) WHERE id IN (SELECT assessmentId FROM score);
                UPDATE assessment SET actions = (
                    SELECT json_group_array(json_array(phase, ruleId, dimensionId, title, json(CASE WHEN blocking THEN 'true' ELSE 'false' END)))
                    FROM (SELECT * FROM roadmapAction r WHERE r.assessmentId = assessment.id ORDER BY position)
                ) WHERE id IN (SELECT assessmentId FROM roadmapAction);
                DROP TABLE score;
                DROP TABLE roadmapAction;
                """)
        try db.execute(sql: resultViews)
    }

    /// `score` and `roadmapAction`, read from the assessment row's `scores` and `actions`.
    static let resultViews = """
        CREATE VIEW score (assessmentId, dimensionId, score, rawScore, level, coverage, caps, engine) AS
            SELECT a.id, s.value->>0, CAST(s.value->>1 AS REAL), CAST(s.value->>2 AS REAL), s.value->>3,
                   CAST(s.value->>4 AS REAL), s.value->5, a.engine
            FROM assessment a, json_each(a.scores) s;
        CREATE VIEW roadmapAction (assessmentId, position, phase, ruleId, dimensionId, title, blocking) AS
            SELECT a.id, r.key + 1, r.value->>0, r.value->>1, r.value->>2, r.value->>3, r.value->>4
            FROM assessment a, json_each(a.actions) r;
        """
}
