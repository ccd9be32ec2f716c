import MaturityQuestionnaire

/// Phase durations from domain.md (audit 2–6 weeks, pilot 6–12 weeks, rollout 3–12 months),
/// narrowed by the overall level: a company at the first two levels needs the long end, one at
/// the fourth level or above the short end.
public enum PhaseDurations {
    public static func weeks(_ phase: Phase, levelRank: Int?) -> ClosedRange<Int> {
        let band = min(max(levelRank ?? 0, 1), 3) - 1
        switch phase {
        case .audit: return [4...6, 3...5, 2...4][band]
        case .pilot: return [8...12, 6...10, 6...8][band]
        case .rollout: return [26...52, 16...40, 12...26][band]
        }
    }
}
