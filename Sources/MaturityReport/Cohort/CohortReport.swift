import MaturityQuestionnaire
import MaturityScoring

/// Statistics of a cohort of scored companies: levels per dimension, median and quartiles,
/// breakdown by sector and size, and the most frequent roadmap actions. Pure.
public struct CohortReport: Sendable, Encodable {
    /// One company, as the store gives it.
    public struct Member: Sendable {
        public var sector: String?
        public var size: String?
        /// Score per dimension id; the overall score under `_overall`.
        public var scores: [String: Double]
        public var levels: [String: String]

        public init(sector: String?, size: String?, scores: [String: Double], levels: [String: String]) {
            self.sector = sector
            self.size = size
            self.scores = scores
            self.levels = levels
        }
    }

    public struct LevelCount: Sendable, Encodable {
        public var id: String
        public var name: String
        public var companies: Int
    }

    public struct Distribution: Sendable, Encodable {
        public var id: String
        public var name: String
        public var companies: Int
        public var q1: Double?
        public var median: Double?
        public var q3: Double?
        public var levels: [LevelCount]
    }

    public struct Group: Sendable, Encodable {
        public var name: String
        public var companies: Int
        public var medianOverall: Double?
    }

    public struct Action: Sendable, Encodable {
        public var id: String
        public var phase: String
        public var title: String
        public var companies: Int
        public var share: Double
    }

    public var title: String
    public var language: String
    public var companies: Int
    public var overall: Distribution
    public var dimensions: [Distribution]
    public var bySector: [Group]
    public var bySize: [Group]
    public var actions: [Action]

    public static let overallKey = "_overall"

    public init(
        title: String, tally: CohortTally, actions: [(id: String, phase: String, title: String, companies: Int)],
        questionnaire: Questionnaire, language: LanguageCode
    ) {
        self.title = title
        self.language = language.rawValue
        companies = tally.companies
        let fallback = questionnaire.defaultLanguage
        func distribution(_ id: String, _ name: String) -> Distribution {
            let scores = (tally.scores[id] ?? ScoreCounts()).sorted()
            let levels = questionnaire.levels.map { level in
                LevelCount(
                    id: level.id.rawValue, name: level.name.resolve(language, fallback: fallback),
                    companies: tally.levels[id]?[level.id.rawValue] ?? 0)
            }
            return Distribution(
                id: id, name: name, companies: scores.count, q1: scores.quantile(0.25), median: scores.quantile(0.5),
                q3: scores.quantile(0.75), levels: levels)
        }
        overall = distribution(Self.overallKey, language == .french ? "Global" : "Overall")
        dimensions = questionnaire.dimensions.map { distribution($0.id.rawValue, $0.name.resolve(language, fallback: fallback)) }
        let unknown = language == .french ? "(non renseigné)" : "(not given)"
        /// Groups under the names they are shown with (several stored values can share one).
        func groups(_ stored: [String?: CohortTally.Group], _ name: (String) -> String = { $0 }) -> [Group] {
            var named: [String: CohortTally.Group] = [:]
            for (key, group) in stored {
                named[key.map(name)?.trimmingCharacters(in: .whitespaces).nilIfEmpty ?? unknown, default: CohortTally.Group()].add(group)
            }
            return named.map { name, group in
                Group(name: name, companies: group.companies, medianOverall: group.overall.sorted().quantile(0.5))
            }
            .sorted { ($0.companies, $1.name) > ($1.companies, $0.name) }
        }
        let sizeNames = Dictionary(
            (questionnaire.profileQuestion(for: .headcount)?.kind.options ?? []).map {
                ($0.code.rawValue, $0.label.resolve(language, fallback: fallback))
            },
            uniquingKeysWith: { first, _ in first })
        bySector = groups(tally.sectors)
        bySize = groups(tally.sizes) { sizeNames[$0] ?? $0 }
        let total = max(tally.companies, 1)
        self.actions = actions.map {
            Action(id: $0.id, phase: $0.phase, title: $0.title, companies: $0.companies, share: Double($0.companies) / Double(total))
        }
    }

    /// Linear interpolation between order statistics (the spreadsheet QUARTILE.INC rule).
    public static func quantile(_ sorted: [Double], _ p: Double) -> Double? {
        quantile(count: sorted.count, p) { sorted[$0] }
    }

    /// The same over `count` sorted scores, `element(i)` being the score at `i`.
    static func quantile(count: Int, _ p: Double, element: (Int) -> Double) -> Double? {
        guard count > 0 else { return nil }
        let position = p * Double(count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, count - 1)
        let value = element(lower) + (element(upper) - element(lower)) * (position - Double(lower))
        return value.rounded(toPlaces: 1)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
