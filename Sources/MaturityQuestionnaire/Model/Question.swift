/// One question of the questionnaire, scored (inside a dimension) or part of the profile.
public struct Question: Sendable, Equatable, Identifiable {
    public var id: QuestionID
    /// The dimension it scores into; nil for profile questions.
    public var dimension: DimensionID?
    public var text: LocalizedText
    /// What the advisor reads out when asked "why this question?".
    public var help: LocalizedText?
    public var weight: Double
    public var required: Bool
    /// Shown only when this holds over earlier answers.
    public var condition: Expression?
    public var kind: QuestionKind
    /// For profile questions: which company or ROI field the answer fills.
    public var profileRole: ProfileRole?

    public init(
        id: QuestionID, dimension: DimensionID?, text: LocalizedText, help: LocalizedText? = nil,
        weight: Double = 1, required: Bool = true, condition: Expression? = nil,
        kind: QuestionKind, profileRole: ProfileRole? = nil
    ) {
        self.id = id
        self.dimension = dimension
        self.text = text
        self.help = help
        self.weight = weight
        self.required = required
        self.condition = condition
        self.kind = kind
        self.profileRole = profileRole
    }

    /// Whether the answer to this question contributes to its dimension's score.
    public var isScored: Bool { dimension != nil && kind.isScorable && weight > 0 }
}

/// What kind of answer a question takes, with everything needed to score it.
public enum QuestionKind: Sendable, Equatable {
    /// One option. Answer: the option code.
    case single([ChoiceOption])
    /// Several options; an `exclusive` option ("none") excludes the others. Answer: codes.
    case multiple([ChoiceOption])
    /// A point on an anchored scale. Answer: the integer, or a special option's code.
    case scale(Scale, special: [ChoiceOption])
    /// Rows rated on one scale (the DMA technology grid). Answer: `{row: integer or code}`.
    case matrix(rows: [MatrixRow], scale: Scale, special: [ChoiceOption])
    /// Yes / partly / no (scores 1, 0.5, 0), plus any special options. Answer: the code.
    case yesPartlyNo([ChoiceOption])
    /// A number with unit and range; scored only through `bands`.
    case number(NumberSpec, special: [ChoiceOption])
    /// Free text, never scored.
    case text(maxLength: Int?)
    /// The use-case inventory: a list of items, never scored directly.
    case useCases

    /// The `type:` keyword of the format.
    public var typeName: String {
        switch self {
        case .single: "single"
        case .multiple: "multiple"
        case .scale: "scale"
        case .matrix: "matrix"
        case .yesPartlyNo: "yesno"
        case .number: "number"
        case .text: "text"
        case .useCases: "usecases"
        }
    }

    /// Every option a code answer may name (choices and special options).
    public var options: [ChoiceOption] {
        switch self {
        case let .single(options), let .multiple(options), let .yesPartlyNo(options): options
        case let .scale(_, special), let .matrix(_, _, special), let .number(_, special): special
        case .text, .useCases: []
        }
    }

    public func option(_ code: OptionCode) -> ChoiceOption? { options.first { $0.code == code } }

    public var isScorable: Bool {
        switch self {
        case .single, .multiple, .scale, .matrix, .yesPartlyNo: true
        case let .number(spec, _): !spec.bands.isEmpty
        case .text, .useCases: false
        }
    }
}

/// An answer option: the code stored in answers is separate from its score.
public struct ChoiceOption: Sendable, Equatable, Identifiable {
    public enum Role: String, Sendable, Equatable, Codable {
        case regular
        /// Excluded from numerator and denominator.
        case notApplicable
        /// Scored as the lowest level and flagged.
        case dontKnow
    }

    public var code: OptionCode
    public var label: LocalizedText
    /// 0–1. For multiple choice, a positive item scores > 0.
    public var score: Double
    public var role: Role
    /// Multiple choice only: selecting it excludes every other option ("none of these").
    public var exclusive: Bool
    public var help: LocalizedText?

    public var id: OptionCode { code }

    public init(
        code: OptionCode, label: LocalizedText, score: Double = 0, role: Role = .regular,
        exclusive: Bool = false, help: LocalizedText? = nil
    ) {
        self.code = code
        self.label = label
        self.score = score
        self.role = role
        self.exclusive = exclusive
        self.help = help
    }
}

/// An anchored integer scale (1–5 or 0–5); a point scores `(value - min) / (max - min)`.
public struct Scale: Sendable, Equatable {
    public var min: Int
    public var max: Int
    public var anchors: [Int: LocalizedText]

    public init(min: Int, max: Int, anchors: [Int: LocalizedText]) {
        self.min = min
        self.max = max
        self.anchors = anchors
    }

    public func normalized(_ value: Double) -> Double {
        guard max > min else { return 0 }
        return Swift.min(1, Swift.max(0, (value - Double(min)) / Double(max - min)))
    }
}

public struct MatrixRow: Sendable, Equatable {
    public var code: OptionCode
    public var label: LocalizedText

    public init(code: OptionCode, label: LocalizedText) {
        self.code = code
        self.label = label
    }
}

/// A numeric answer: unit, range and optional scoring bands.
public struct NumberSpec: Sendable, Equatable {
    public var unit: LocalizedText?
    public var min: Double?
    public var max: Double?
    public var integer: Bool
    /// `score` applies when `min <= value < max` (open ends allowed); first match wins.
    public var bands: [ScoreBand]

    public init(
        unit: LocalizedText? = nil, min: Double? = nil, max: Double? = nil, integer: Bool = false,
        bands: [ScoreBand] = []
    ) {
        self.unit = unit
        self.min = min
        self.max = max
        self.integer = integer
        self.bands = bands
    }
}

public struct ScoreBand: Sendable, Equatable {
    public var min: Double?
    public var max: Double?
    public var score: Double

    public init(min: Double?, max: Double?, score: Double) {
        self.min = min
        self.max = max
        self.score = score
    }

    public func contains(_ value: Double) -> Bool {
        (min.map { value >= $0 } ?? true) && (max.map { value < $0 } ?? true)
    }
}
