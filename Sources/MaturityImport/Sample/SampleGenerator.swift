import MaturityQuestionnaire
import MaturityScoring

/// Synthetic, valid and varied respondents in the canonical wide format, for benchmarks and
/// demonstrations. Deterministic for a seed: each respondent draws a maturity propensity and
/// answers every question near it, with some "don't know" and "not applicable" answers.
public struct SampleGenerator: Sendable {
    public let questionnaire: Questionnaire
    public let seed: UInt64

    public init(questionnaire: Questionnaire, seed: UInt64) {
        self.questionnaire = questionnaire
        self.seed = seed
    }

    /// `respondent`, then one column per question id (`q[row]` per matrix row).
    public var header: [String] {
        ["respondent"]
            + questionnaire.allQuestions.flatMap { question -> [String] in
                if case let .matrix(rows, _, _) = question.kind { return rows.map { "\(question.id)[\($0.code)]" } }
                return [question.id.rawValue]
            }
    }

    static let sectors = [
        "10.71C Boulangerie", "25.62B Mécanique industrielle", "41.20A Construction de maisons", "47.11B Commerce d'alimentation",
        "56.10A Restauration traditionnelle", "62.01Z Programmation informatique", "69.20Z Expertise comptable",
        "70.22Z Conseil pour les affaires", "71.12B Ingénierie, études techniques", "86.23Z Pratique dentaire",
    ]
    static let regions = [
        "Auvergne-Rhône-Alpes", "Bretagne", "Grand Est", "Hauts-de-France", "Île-de-France", "Normandie", "Nouvelle-Aquitaine",
        "Occitanie", "Pays de la Loire", "Provence-Alpes-Côte d'Azur",
    ]

    /// The cells of respondent `index` (1-based), in `header` order.
    public func row(_ index: Int) -> [String] {
        var random = SplitMixRandom(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        let propensity = random.unit()
        var cells = [String(format: "R%06d", index)]
        for question in questionnaire.allQuestions {
            if case let .matrix(rows, scale, _) = question.kind {
                cells += rows.map { _ in String(point(scale, propensity, &random)) }
                continue
            }
            cells.append(CellText.text(answer(question, index, propensity, &random)))
        }
        return cells
    }

    func answer(_ question: Question, _ index: Int, _ p: Double, _ random: inout SplitMixRandom) -> JSONValue {
        switch question.kind {
        case let .single(options), let .yesPartlyNo(options):
            return .string(choose(options, p, &random).code.rawValue)
        case let .multiple(options):
            let regular = options.filter { $0.role == .regular && !$0.exclusive }
            var codes = regular.filter { _ in random.unit() < p * 0.9 + 0.05 }.map(\.code.rawValue)
            if codes.isEmpty { codes = [(options.first { $0.exclusive } ?? regular.first ?? options[0]).code.rawValue] }
            return .array(codes.map { .string($0) })
        case let .scale(scale, _):
            return .number(Double(point(scale, p, &random)))
        case let .number(spec, _):
            let low = spec.min ?? 0
            let high = spec.max ?? max(low + 100, 100)
            let value = low + (high - low) * min(1, max(0, p * 0.6 + random.unit() * 0.3))
            return .number(spec.integer ? value.rounded() : (value * 10).rounded() / 10)
        case let .text(maxLength):
            return .string(String(text(question, index, &random).prefix(maxLength ?? 200)))
        case .useCases:
            return .array((0..<random.below(4)).map { item in useCase(item, p, &random) })
        case .matrix:
            return .null
        }
    }

    func choose(_ options: [ChoiceOption], _ p: Double, _ random: inout SplitMixRandom) -> ChoiceOption {
        let special = options.filter { $0.role != .regular }
        if !special.isEmpty && random.unit() < 0.05 { return special[random.below(special.count)] }
        let regular = options.filter { $0.role == .regular }.sorted { $0.score < $1.score }
        guard !regular.isEmpty else { return options[0] }
        let target = min(1, max(0, p + (random.unit() - 0.5) * 0.4))
        return regular[min(regular.count - 1, Int(target * Double(regular.count)))]
    }

    func point(_ scale: Scale, _ p: Double, _ random: inout SplitMixRandom) -> Int {
        let target = min(1, max(0, p + (random.unit() - 0.5) * 0.4))
        return scale.min + Int((target * Double(scale.max - scale.min)).rounded())
    }

    func text(_ question: Question, _ index: Int, _ random: inout SplitMixRandom) -> String {
        switch question.profileRole {
        case .companyName?: return "Entreprise exemple \(index)"
        case .siren?: return Self.siren(index)
        case .sector?: return Self.sectors[random.below(Self.sectors.count)]
        case .region?: return Self.regions[random.below(Self.regions.count)]
        default: return "Réponse \(index)"
        }
    }

    func useCase(_ item: Int, _ p: Double, _ random: inout SplitMixRandom) -> JSONValue {
        let names = ["Réponses aux e-mails clients", "Comptes rendus de réunion", "Devis", "Fiches produits", "Veille", "Recrutement"]
        let departments = ["Commercial", "Direction", "Production", "Administration", "Marketing"]
        let risks = UseCase.AIActRisk.allCases
        return .object([
            "name": .string(names[(item + random.below(names.count)) % names.count]),
            "department": .string(departments[random.below(departments.count)]),
            "frequencyPerWeek": .number(Double(1 + random.below(20))), "minutes": .number(Double(5 + random.below(56))),
            "people": .number(Double(1 + random.below(8))), "impact": .number(Double(1 + random.below(5))),
            "effort": .number(Double(1 + random.below(5))), "personalData": .bool(random.unit() < 0.3),
            "aiActRisk": .string(random.unit() < 0.9 ? risks[random.below(2)].rawValue : risks[2].rawValue),
        ])
    }

    /// A 9-digit SIREN that passes the Luhn check, unique per index.
    static func siren(_ index: Int) -> String {
        let base = String(format: "%08d", (index * 7919) % 100_000_000)
        for last in 0...9 {
            let candidate = base + String(last)
            if luhn(candidate) { return candidate }
        }
        return base + "0"
    }

    static func luhn(_ digits: String) -> Bool {
        var sum = 0
        for (offset, character) in digits.reversed().enumerated() {
            var digit = character.wholeNumberValue ?? 0
            if offset % 2 == 1 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return sum % 10 == 0
    }
}

/// SplitMix64: small, fast and reproducible across platforms.
struct SplitMixRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }
}
