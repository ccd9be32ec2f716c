import ArgumentParser
import MaturityQuestionnaire
import MaturityReport
import MaturityRoadmap
import MaturityStore

/// Places reports' companies in a cohort (`report --cohort`, `batch --reports`). The members
/// of each cohort are read once, however many reports compare against it.
final class CohortPositions {
    let db: MaturityDatabase
    let scope: CohortScope
    /// The scores of each cohort compared with, read once however many reports use it.
    private var cohorts: [CohortFilter: CohortScores] = [:]

    init(db: MaturityDatabase, scope: CohortScope) {
        self.db = db
        self.scope = scope
    }

    /// The position of one assessment's scores; nil (with a note on stderr) when the cohort
    /// is too small to say anything.
    func position(of id: AssessmentID, _ document: DiagnosisDocument, questionnaire: Questionnaire, language: LanguageCode) throws
        -> CohortPosition?
    {
        let anchor = try storeCall { try db.cohortAnchor(of: id) }
        let (filter, title) = try cohort(of: id, anchor, questionnaire, language)
        let cohort: CohortScores
        if let known = cohorts[filter] {
            cohort = known
        } else {
            let tally = try db.cohortTally(filter)
            cohort = tally.positionScores()
            cohorts[filter] = cohort
        }
        var scores = [CohortReport.overallKey: document.overall.score].compactMapValues { $0 }
        for dimension in document.dimensions { scores[dimension.id] = dimension.score }
        guard let position = CohortPosition(title: title, scores: scores, cohort: cohort, questionnaire: questionnaire) else {
            let scored = cohort.companies
            Output.error(
                "note: assessment #\(id): the cohort (\(title)) has \(scored) scored compan\(scored == 1 ? "y" : "ies"); at least \(CohortPosition.minimumCompanies) are needed to show a position"
            )
            return nil
        }
        return position
    }

    private func cohort(of id: AssessmentID, _ anchor: CohortAnchor, _ questionnaire: Questionnaire, _ language: LanguageCode) throws -> (
        CohortFilter, String
    ) {
        let french = language == .french
        var filter = CohortFilter(questionnaireId: anchor.questionnaireId)
        func missing(_ what: String) -> Error {
            Output.error("error: assessment #\(id) \(what); use --cohort all")
            return ExitCode.failure
        }
        switch scope {
        case .import:
            guard let importId = anchor.importId else { throw missing("was not imported by 'maturity batch'") }
            filter.importId = importId
            return (filter, french ? "Import n° \(importId)" : "Import #\(importId)")
        case .all:
            return (filter, french ? "Toutes les entreprises" : "All companies")
        case .sector:
            guard let sector = anchor.sector, !sector.isEmpty else { throw missing("has no sector") }
            filter.sector = sector
            return (filter, (french ? "Secteur : " : "Sector: ") + sector)
        case .size:
            guard let size = anchor.headcount, !size.isEmpty else { throw missing("has no headcount band") }
            filter.size = size
            let label = questionnaire.profileQuestion(for: .headcount)?.kind.option(OptionCode(size))
                .map { $0.label.resolve(language, fallback: questionnaire.defaultLanguage) }
            return (filter, (french ? "Effectif : " : "Headcount: ") + (label ?? size))
        }
    }
}

extension MaturityDatabase {
    /// The counts of a cohort, read member by member.
    func cohortTally(_ filter: CohortFilter) throws -> CohortTally {
        try storeCall { try reduceCohort(filter, into: CohortTally()) { $0.add(CohortReport.Member($1)) } }
    }
}

extension CohortReport.Member {
    /// A cohort member as the store reads it.
    init(_ member: CohortMember) {
        self.init(sector: member.sector, size: member.headcount, scores: member.scores, levels: member.levels)
    }
}

/// Which companies an individual report is compared with (`maturity report --cohort`).
enum CohortScope: String, CaseIterable, Sendable {
    /// The respondents of the same `maturity batch` run.
    case `import`
    /// The latest completed assessment of every company on the same questionnaire.
    case all
    /// Those of them whose sector contains the company's.
    case sector
    /// Those of them in the company's headcount band.
    case size
}
