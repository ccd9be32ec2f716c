import Foundation
import GRDB

/// Which assessments a cohort view covers.
public struct CohortFilter: Sendable, Hashable {
    public var questionnaireId: String
    /// One `maturity batch` run; else the latest completed assessment of every company.
    public var importId: Int64?
    /// Sector text contains this (case-insensitive).
    public var sector: String?
    /// Headcount band (option code or text) equals this.
    public var size: String?

    public init(questionnaireId: String, importId: Int64? = nil, sector: String? = nil, size: String? = nil) {
        self.questionnaireId = questionnaireId
        self.importId = importId
        self.sector = sector
        self.size = size
    }
}

/// One company of a cohort: its sector, size and scores per dimension (`_overall` included).
public struct CohortMember: Sendable, Equatable {
    public var assessmentId: Int64
    public var sector: String?
    public var headcount: String?
    public var scores: [String: Double]
    public var levels: [String: String]
}

/// A roadmap action and how many companies of the cohort have it.
public struct CohortAction: Sendable, Equatable {
    public var ruleId: String
    public var phase: String
    public var title: String
    public var companies: Int
}

/// What places one assessment in cohorts: its questionnaire, import, sector and size.
public struct CohortAnchor: Sendable, Equatable {
    public var questionnaireId: String
    public var importId: Int64?
    public var sector: String?
    public var headcount: String?
}

private typealias Stored = StoredResults.Column

extension MaturityDatabase {
    public func cohortAnchor(of id: AssessmentID) throws(StoreError) -> CohortAnchor {
        let row = try read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT a.questionnaireId, a.importId, c.sector, c.headcount
                    FROM assessment a JOIN company c ON c.id = a.companyId WHERE a.id = ?
                    """, arguments: [id.rawValue])
        }
        guard let row else { throw .assessmentNotFound(id.rawValue) }
        return CohortAnchor(
            questionnaireId: row["questionnaireId"], importId: row["importId"], sector: row["sector"], headcount: row["headcount"])
    }

    /// Folds the members of a cohort into `initial` with `add`, in assessment order, as the
    /// store reads them: no member is kept, so a cohort of any size is read in flat memory.
    public func reduceCohort<T: Sendable>(_ filter: CohortFilter, into initial: T, _ add: @Sendable (inout T, CohortMember) -> Void)
        throws(StoreError) -> T
    {
        let (selection, arguments) = Self.selection(filter)
        return try read { db in
            var result = initial
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT a.id, c.sector, c.headcount, \(Stored.dimension("s")) AS dimensionId, \(Stored.score("s")) AS score,
                    \(Stored.level("s")) AS level
                    FROM assessment a JOIN company c ON c.id = a.companyId, json_each(a.scores) s
                    WHERE a.id IN (\(selection)) ORDER BY a.id
                    """, arguments: arguments)
            var member: CohortMember?
            while let row = try rows.next() {
                let id: Int64 = row["id"]
                if member?.assessmentId != id {
                    if let member { add(&result, member) }
                    member = CohortMember(assessmentId: id, sector: row["sector"], headcount: row["headcount"], scores: [:], levels: [:])
                }
                let dimension: String = row["dimensionId"]
                if let score: Double = row["score"] { member?.scores[dimension] = score }
                if let level: String = row["level"] { member?.levels[dimension] = level }
            }
            if let member { add(&result, member) }
            return result
        }
    }

    /// The most frequent roadmap actions of a cohort, with how many of its companies have each,
    /// titled in `language` where the questionnaire has it (`actionTitle`; an action stored
    /// with its own title before migration v6 and left so keeps it).
    public func cohortActions(_ filter: CohortFilter, language: String, top: Int = 10) throws(StoreError) -> [CohortAction] {
        let (selection, arguments) = Self.selection(filter)
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT g.ruleId, g.phase, COALESCE(
                        (SELECT t.title FROM actionTitle t WHERE t.questionnaireSha256 = g.sha256 AND t.ruleId = g.ruleId
                         ORDER BY t.language = ? DESC LIMIT 1), g.ownTitle, g.ruleId) AS title, g.companies
                    FROM (
                        SELECT \(Stored.actionRule("r")) AS ruleId, MIN(\(Stored.actionPhase("r"))) AS phase,
                        MAX(a.questionnaireSha256) AS sha256, MIN(\(Stored.actionOwnTitle("r"))) AS ownTitle,
                        COUNT(DISTINCT a.id) AS companies
                        FROM assessment a, json_each(a.actions) r WHERE a.id IN (\(selection))
                        GROUP BY ruleId ORDER BY companies DESC, ruleId LIMIT ?
                    ) g ORDER BY g.companies DESC, g.ruleId
                    """, arguments: [language] + arguments + [top]
            ).map { CohortAction(ruleId: $0["ruleId"], phase: $0["phase"], title: $0["title"], companies: $0["companies"]) }
        }
    }

    /// SQL selecting the ids of a cohort's assessments, with its arguments.
    private static func selection(_ filter: CohortFilter) -> (String, StatementArguments) {
        var clauses = ["a.status = 'completed'", "a.questionnaireId = ?"]
        var arguments: StatementArguments = [filter.questionnaireId]
        if let importId = filter.importId {
            clauses.append("a.importId = ?")
            arguments += [importId]
        } else {
            clauses.append("a.id IN (SELECT MAX(id) FROM assessment WHERE status = 'completed' GROUP BY companyId)")
        }
        if let sector = filter.sector {
            clauses.append("c.sector LIKE ?")
            arguments += ["%" + sector + "%"]
        }
        if let size = filter.size {
            clauses.append("c.headcount = ? COLLATE NOCASE")
            arguments += [size]
        }
        return ("SELECT a.id FROM assessment a JOIN company c ON c.id = a.companyId WHERE " + clauses.joined(separator: " AND "), arguments)
    }
}
