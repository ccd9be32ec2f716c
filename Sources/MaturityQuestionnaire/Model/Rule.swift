/// A roadmap phase, in execution order.
public enum Phase: String, Sendable, Equatable, CaseIterable, Codable, Comparable {
    case audit
    case pilot
    case rollout

    var order: Int {
        switch self {
        case .audit: 0
        case .pilot: 1
        case .rollout: 2
        }
    }

    public static func < (lhs: Phase, rhs: Phase) -> Bool { lhs.order < rhs.order }
}

public enum Effort: String, Sendable, Equatable, CaseIterable, Codable {
    case low
    case medium
    case high
}

/// A recommendation: when `condition` holds, an action enters the roadmap in `phase`.
public struct Rule: Sendable, Equatable, Identifiable {
    public var id: RuleID
    public var condition: Expression
    public var phase: Phase
    public var dimension: DimensionID
    public var title: LocalizedText
    public var body: LocalizedText
    public var effort: Effort
    public var kpi: LocalizedText?
    public var owner: LocalizedText?
    /// A prerequisite of pilots (for example no pilot on client data before a usage charter):
    /// always placed in the audit phase.
    public var blocksPilots: Bool
    /// Lower comes first among actions of the same dimension and phase.
    public var priority: Int

    public init(
        id: RuleID, condition: Expression, phase: Phase, dimension: DimensionID,
        title: LocalizedText, body: LocalizedText, effort: Effort, kpi: LocalizedText? = nil,
        owner: LocalizedText? = nil, blocksPilots: Bool = false, priority: Int = 100
    ) {
        self.id = id
        self.condition = condition
        self.phase = phase
        self.dimension = dimension
        self.title = title
        self.body = body
        self.effort = effort
        self.kpi = kpi
        self.owner = owner
        self.blocksPilots = blocksPilots
        self.priority = priority
    }
}

/// A gate: when `condition` holds, the dimension's level cannot exceed `maxLevel`.
public struct Cap: Sendable, Equatable, Identifiable {
    public var id: CapID
    public var dimension: DimensionID
    public var condition: Expression
    public var maxLevel: LevelID
    public var reason: LocalizedText

    public init(
        id: CapID, dimension: DimensionID, condition: Expression, maxLevel: LevelID,
        reason: LocalizedText
    ) {
        self.id = id
        self.dimension = dimension
        self.condition = condition
        self.maxLevel = maxLevel
        self.reason = reason
    }
}
