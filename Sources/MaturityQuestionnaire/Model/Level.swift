/// A maturity level: a named band of the 0–100 score.
public struct Level: Sendable, Equatable, Identifiable {
    public var id: LevelID
    public var name: LocalizedText
    /// Lower bound, inclusive.
    public var min: Double
    /// Upper bound, exclusive except for the last level, which includes 100.
    public var max: Double
    public var description: LocalizedText

    public init(id: LevelID, name: LocalizedText, min: Double, max: Double, description: LocalizedText) {
        self.id = id
        self.name = name
        self.min = min
        self.max = max
        self.description = description
    }
}

/// A scored area of the questionnaire (strategy, data, governance, ...).
public struct Dimension: Sendable, Equatable, Identifiable {
    public var id: DimensionID
    public var name: LocalizedText
    public var description: LocalizedText?
    public var weight: Double
    /// What each level means for this dimension in particular (optional, per level).
    public var levelDescriptions: [LevelID: LocalizedText]
    public var questions: [Question]

    public init(
        id: DimensionID, name: LocalizedText, description: LocalizedText? = nil, weight: Double = 1,
        levelDescriptions: [LevelID: LocalizedText] = [:], questions: [Question]
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.weight = weight
        self.levelDescriptions = levelDescriptions
        self.questions = questions
    }
}
