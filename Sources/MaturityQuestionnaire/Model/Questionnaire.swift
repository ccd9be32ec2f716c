/// A loaded, validated questionnaire: immutable and identified by the SHA-256 of its source.
public struct Questionnaire: Sendable, Equatable {
    public var id: String
    public var version: SemanticVersion
    public var languages: [LanguageCode]
    public var defaultLanguage: LanguageCode
    public var title: LocalizedText
    public var description: LocalizedText?
    public var levels: [Level]
    public var dimensions: [Dimension] { didSet { index() } }
    /// Company profile and ROI inputs: asked first, never scored.
    public var profile: [Question] { didSet { index() } }
    public var caps: [Cap]
    public var rules: [Rule]
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String

    public init(
        id: String, version: SemanticVersion, languages: [LanguageCode],
        defaultLanguage: LanguageCode, title: LocalizedText, description: LocalizedText? = nil,
        levels: [Level], dimensions: [Dimension], profile: [Question] = [], caps: [Cap] = [],
        rules: [Rule] = [], sha256: String = ""
    ) {
        self.id = id
        self.version = version
        self.languages = languages
        self.defaultLanguage = defaultLanguage
        self.title = title
        self.description = description
        self.levels = levels
        self.dimensions = dimensions
        self.profile = profile
        self.caps = caps
        self.rules = rules
        self.sha256 = sha256
        index()
    }

    /// Every question in asking order: the profile first, then the dimensions in order.
    /// Kept with the lookup tables below whenever `profile` or `dimensions` change, since
    /// scoring reads them for every respondent.
    public private(set) var allQuestions: [Question] = []
    /// The id of each question of `allQuestions`, by position: one array shared by everything
    /// that keeps answers by position (an answer set read from an export, a score card).
    public private(set) var questionIDs: [QuestionID] = []
    /// Position in `allQuestions` of each question (the first, should an id repeat).
    private var positions: [QuestionID: Int] = [:]
    /// The question id answering each profile role.
    private var roles: [ProfileRole: QuestionID] = [:]

    private mutating func index() {
        allQuestions = profile + dimensions.flatMap(\.questions)
        questionIDs = allQuestions.map(\.id)
        positions = Dictionary(allQuestions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        roles = Dictionary(
            profile.compactMap { question in question.profileRole.map { ($0, question.id) } }, uniquingKeysWith: { a, _ in a })
    }

    /// The scored questions, in order.
    public var scoredQuestions: ArraySlice<Question> { allQuestions[profile.count...] }

    public func question(_ id: QuestionID) -> Question? { positions[id].map { allQuestions[$0] } }

    /// Where a question sits in `allQuestions`: reading `allQuestions[position]` in place
    /// avoids copying the question.
    public func position(of id: QuestionID) -> Int? { positions[id] }

    /// The kind of a question, without copying the rest of it.
    public func kind(of id: QuestionID) -> QuestionKind? { positions[id].map { allQuestions[$0].kind } }

    public func dimension(_ id: DimensionID) -> Dimension? { dimensions.first { $0.id == id } }

    public func level(_ id: LevelID) -> Level? { levels.first { $0.id == id } }

    /// The level whose range holds `score` (0–100): `min <= score < max`, the last level
    /// including 100.
    public func level(forScore score: Double) -> Level? { levelIndex(forScore: score).map { levels[$0] } }

    /// The id of `level(forScore:)`, without copying the level (names, descriptions): scoring
    /// asks it of every dimension of every respondent.
    public func levelID(forScore score: Double) -> LevelID? { levelIndex(forScore: score).map { levels[$0].id } }

    private func levelIndex(forScore score: Double) -> Int? {
        guard !levels.isEmpty else { return nil }
        for index in levels.indices {
            let isLast = index == levels.count - 1
            if score >= levels[index].min && (score < levels[index].max || (isLast && score <= levels[index].max)) {
                return index
            }
        }
        return score < levels[0].min ? 0 : levels.count - 1
    }

    /// The 0-based rank of a level (1 for the second level, ...).
    public func rank(of level: LevelID) -> Int? { levels.firstIndex { $0.id == level } }

    /// The question that answers a profile role (company name, salary, ...), if any.
    public func profileQuestion(for role: ProfileRole) -> Question? { roles[role].flatMap(question) }

    /// The id of the question that answers a profile role, if any.
    public func profileQuestionID(for role: ProfileRole) -> QuestionID? { roles[role] }
}

/// A semantic version `MAJOR.MINOR.PATCH` with an optional pre-release suffix.
public struct SemanticVersion: Sendable, Equatable, Hashable, Comparable, Codable,
    CustomStringConvertible
{
    public var major: Int
    public var minor: Int
    public var patch: Int
    public var preRelease: String?

    public init(major: Int, minor: Int, patch: Int, preRelease: String? = nil) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.preRelease = preRelease
    }

    /// Parses `1.2.3` or `1.2.3-beta.1`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard let core = parts.first else { return nil }
        let numbers = core.split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 3 else { return nil }
        let values = numbers.compactMap { part -> Int? in
            guard !part.isEmpty, part.allSatisfy(\.isASCII), part.allSatisfy(\.isNumber) else {
                return nil
            }
            return Int(part)
        }
        guard values.count == 3 else { return nil }
        self.init(
            major: values[0], minor: values[1], patch: values[2],
            preRelease: parts.count == 2 ? String(parts[1]) : nil)
        if preRelease?.isEmpty == true { return nil }
    }

    public var description: String {
        "\(major).\(minor).\(patch)" + (preRelease.map { "-\($0)" } ?? "")
    }

    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        if (lhs.major, lhs.minor, lhs.patch) != (rhs.major, rhs.minor, rhs.patch) {
            return (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
        }
        switch (lhs.preRelease, rhs.preRelease) {
        case (nil, _): return false
        case (_, nil): return true
        case let (left?, right?): return left < right
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try String(from: decoder)
        guard let version = SemanticVersion(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a semantic version"))
        }
        self = version
    }

    public func encode(to encoder: any Encoder) throws { try description.encode(to: encoder) }
}
