/// Scores of a cohort as how many companies have each distinct score: the quantiles and ranks
/// of the sorted list of scores, in memory bounded by the number of distinct scores (at most
/// 1,001 on a 0–100 scale with one decimal) instead of growing with the cohort. A cohort of a
/// million imported companies kept every company's scores, about 2 KB each, in memory.
public struct ScoreCounts: Sendable, Equatable {
    private var counts: [Double: Int] = [:]
    /// How many scores were added.
    public private(set) var count = 0

    public init() {}

    public init(_ scores: some Sequence<Double>) {
        for score in scores { add(score) }
    }

    public mutating func add(_ score: Double, times: Int = 1) {
        counts[score, default: 0] += times
        count += times
    }

    public mutating func add(_ other: ScoreCounts) {
        for (score, times) in other.counts { add(score, times: times) }
    }

    /// The distinct scores in order, for quantiles and ranks.
    public func sorted() -> SortedScores { SortedScores(counts) }
}

/// Distinct scores in ascending order with how many companies reach each: the sorted list of
/// every score, without repeating equal scores.
public struct SortedScores: Sendable, Equatable {
    let values: [Double]
    /// `ends[i]`: how many scores are at most `values[i]`.
    let ends: [Int]

    init(_ counts: [Double: Int]) {
        values = counts.keys.sorted()
        var total = 0
        ends = values.map { value in
            total += counts[value] ?? 0
            return total
        }
    }

    public var count: Int { ends.last ?? 0 }

    /// The score at `index` of the sorted list of every score.
    func element(_ index: Int) -> Double {
        var low = 0
        var high = ends.count - 1
        while low < high {
            let middle = (low + high) / 2
            if ends[middle] > index { high = middle } else { low = middle + 1 }
        }
        return values[low]
    }

    /// As `CohortReport.quantile` over the sorted list.
    public func quantile(_ p: Double) -> Double? { CohortReport.quantile(count: count, p, element: element) }

    /// How many scores are below `score`, and how many equal it.
    public func rank(of score: Double) -> (below: Int, ties: Int) {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < score { low = middle + 1 } else { high = middle }
        }
        let below = low > 0 ? ends[low - 1] : 0
        let ties = low < values.count && values[low] == score ? ends[low] - below : 0
        return (below, ties)
    }
}
