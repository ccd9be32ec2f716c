/// What the cohort view and a company's position need of a cohort, gathered one member at a
/// time as the store reads them: counts of scores and levels per dimension and per sector and
/// size, never the members themselves. Memory stays flat however large the cohort.
public struct CohortTally: Sendable {
    /// One sector or size.
    struct Group: Sendable {
        var companies = 0
        var overall = ScoreCounts()

        mutating func add(_ other: Group) {
            companies += other.companies
            overall.add(other.overall)
        }
    }

    public private(set) var companies = 0
    /// Scores of every member by dimension id (the overall score under `CohortReport.overallKey`).
    private(set) var scores: [String: ScoreCounts] = [:]
    /// Members per level id, by dimension id.
    private(set) var levels: [String: [String: Int]] = [:]
    /// The scores of the members that have an overall score: what a company is placed among.
    private var scored: [String: ScoreCounts] = [:]
    private var scoredCompanies = 0
    /// By sector and by headcount band as stored (nil when not given).
    private(set) var sectors: [String?: Group] = [:]
    private(set) var sizes: [String?: Group] = [:]

    public init() {}

    public init(_ members: some Sequence<CohortReport.Member>) {
        for member in members { add(member) }
    }

    public mutating func add(_ member: CohortReport.Member) {
        companies += 1
        for (id, score) in member.scores { scores[id, default: ScoreCounts()].add(score) }
        for (id, level) in member.levels { levels[id, default: [:]][level, default: 0] += 1 }
        let overall = member.scores[CohortReport.overallKey]
        if overall != nil {
            scoredCompanies += 1
            for (id, score) in member.scores { scored[id, default: ScoreCounts()].add(score) }
        }
        var group = Group(companies: 1)
        if let overall { group.overall.add(overall) }
        sectors[member.sector, default: Group()].add(group)
        sizes[member.size, default: Group()].add(group)
    }

    /// The scores a company is placed among: those of the members with an overall score.
    public func positionScores() -> CohortScores {
        CohortScores(companies: scoredCompanies, scores: scored.mapValues { $0.sorted() })
    }
}

/// The sorted scores of a cohort's scored members by dimension id, ready to place any number
/// of companies among them (`CohortPosition`).
public struct CohortScores: Sendable, Equatable {
    public var companies: Int
    public var scores: [String: SortedScores]
}
