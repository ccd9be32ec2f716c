import MaturityQuestionnaire
import MaturityScoring

/// Where one company stands in a cohort, dimension by dimension: the cohort's quartiles and the
/// company's percentile rank. Pure; the cohort includes the company itself.
public struct CohortPosition: Sendable, Equatable {
    public enum Band: String, Sendable, Equatable {
        case bottomQuarter, belowMedian, aboveMedian, topQuarter
    }

    public struct Row: Sendable, Equatable {
        /// A dimension id, or `CohortReport.overallKey`.
        public var id: String
        public var score: Double
        public var q1: Double
        public var median: Double
        public var q3: Double
        /// Share of the cohort scoring below the company, ties counted half (0–100).
        public var percentile: Int
        public var band: Band
    }

    /// Below this many scored companies, quartiles say little and could point at a few
    /// identifiable firms: no position is given.
    public static let minimumCompanies = 5

    /// What the cohort is ("Import #3", "Sector 62.01Z"), shown above the table.
    public var title: String
    public var companies: Int
    /// Overall first, then the dimensions in questionnaire order, where both sides have a score.
    public var rows: [Row]

    /// nil when the cohort has fewer than `minimumCompanies` scored members.
    public init?(title: String, scores: [String: Double], cohort: CohortScores, questionnaire: Questionnaire) {
        let ids = [CohortReport.overallKey] + questionnaire.dimensions.map(\.id.rawValue)
        guard cohort.companies >= Self.minimumCompanies else { return nil }
        self.title = title
        companies = cohort.companies
        rows = ids.compactMap { id in
            guard let score = scores[id], let values = cohort.scores[id], let q1 = values.quantile(0.25),
                let median = values.quantile(0.5), let q3 = values.quantile(0.75)
            else { return nil }
            let (below, ties) = values.rank(of: score)
            let percentile = Int((100 * (Double(below) + Double(ties) / 2) / Double(values.count)).rounded())
            let band: Band =
                score < q1 ? .bottomQuarter : score < median ? .belowMedian : score <= q3 ? .aboveMedian : .topQuarter
            return Row(id: id, score: score, q1: q1, median: median, q3: q3, percentile: percentile, band: band)
        }
    }
}
