import MaturityQuestionnaire

/// An answer that pulls its dimension down, and the next answer up with the points it would add.
public struct Driver: Sendable, Equatable {
    public var question: QuestionID
    /// The answer given (nil never occurs for a driver: only answered questions explain).
    public var answer: AnswerValue
    /// Its normalised score 0–1 (0 for "don't know").
    public var score: Double
    public var dontKnow: Bool
    /// Points (0–100 scale) the dimension loses on this question compared with the best answer.
    public var lostPoints: Double
    public var improvement: Improvement?
}

/// The next answer up for a question, and what it adds to the dimension's score.
public struct Improvement: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        /// Choose this option (single choice, yes/partly/no, after "don't know").
        case option(OptionCode)
        /// Answer this point of the scale.
        case point(Int)
        /// Raise this matrix row to this point.
        case row(OptionCode, Int)
        /// Also select this option (multiple choice).
        case add(OptionCode)
        /// Reach at least this number (number with bands).
        case atLeast(Double)
    }

    public var target: Target
    /// Points added to the dimension's raw score, rounded to 0.1.
    public var gain: Double
}
