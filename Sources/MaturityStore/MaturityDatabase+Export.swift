import GRDB

extension MaturityDatabase {
    /// Calls `body` with every assessment (of one company, or all), oldest first. They are
    /// read `batch` at a time, each batch in its own read transaction, and each questionnaire
    /// body once: an export of 100,000 assessments holds one batch in memory, not all of them
    /// (with their bodies, that was 9.6 GB). An assessment deleted meanwhile is skipped.
    public func forEachAssessment(companyId: Int64? = nil, batch: Int = 256, _ body: (StoredAssessment) throws -> Void) throws {
        let ids = try read { db in
            try Int64.fetchAll(
                db, sql: "SELECT id FROM assessment" + (companyId == nil ? "" : " WHERE companyId = ?") + " ORDER BY id",
                arguments: companyId.map { [$0] } ?? [])
        }
        let size = max(batch, 1)
        var bodies: [String: String] = [:]
        for start in stride(from: 0, to: ids.count, by: size) {
            let page = Array(ids[start..<min(start + size, ids.count)])
            let known = bodies
            let (items, seen) = try read { db in
                var bodies = known
                let items = try page.compactMap { id in try Self.assessment(db, id, bodies: &bodies) }
                return (items, bodies)
            }
            bodies = seen
            for item in items { try body(item) }
        }
    }

    /// The questionnaire bodies the assessments (of one company, or all) were answered with,
    /// by hash, in the order of their first assessment.
    public func questionnaireBodies(companyId: Int64? = nil) throws(StoreError) -> [(sha256: String, body: String)] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT q.sha256, q.body FROM questionnaireVersion q
                    JOIN (SELECT questionnaireSha256 AS sha256, MIN(id) AS first FROM assessment\
                    \(companyId == nil ? "" : " WHERE companyId = ?") GROUP BY questionnaireSha256) a ON a.sha256 = q.sha256
                    ORDER BY a.first
                    """, arguments: companyId.map { [$0] } ?? [])
            return rows.map { (sha256: $0[0], body: $0[1]) }
        }
    }
}
