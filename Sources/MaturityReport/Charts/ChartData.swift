import MaturityQuestionnaire
import MaturityRoadmap

/// What the three charts show, independent of how they are drawn (Mermaid or SVG).
struct ChartData {
    struct Bar {
        var label: String
        var score: Double
    }

    struct Span {
        var label: String
        var startWeek: Int
        var weeks: Int
    }

    struct Point {
        var number: Int
        var label: String
        var impact: Int
        var effort: Int
        var quadrant: String
    }

    var title: (scores: String, timeline: String, quadrant: String)
    var bars: [Bar]
    var spans: [Span]
    var points: [Point]
    /// Axis and quadrant names in the report language.
    var axis: (effortLow: String, effortHigh: String, impactLow: String, impactHigh: String)
    var quadrants: [String: String]

    init(_ input: ReportInput, labels: [String: String], phaseNames: [String: String]) {
        let document = input.document
        let french = input.language == .french
        title = (labels["scoreChart"] ?? "", labels["timeline"] ?? "", labels["quadrantChart"] ?? "")
        bars = document.dimensions.map { Bar(label: $0.name, score: $0.score ?? 0) }
        var start = 0
        spans = document.roadmap.phases.map { phase in
            let weeks = phase.weeks.last ?? 0
            defer { start += weeks }
            return Span(label: phaseNames[phase.id] ?? phase.id, startWeek: start, weeks: weeks)
        }
        let items = document.roadmap.phases.compactMap(\.useCases).flatMap { $0 }
        points = items.enumerated().map { index, item in
            Point(number: index + 1, label: item.name, impact: item.impact, effort: item.effort, quadrant: item.quadrant)
        }
        axis =
            french
            ? ("Effort faible", "Effort élevé", "Impact faible", "Impact élevé")
            : ("Low effort", "High effort", "Low impact", "High impact")
        quadrants = Self.quadrantNames(input.language)
    }

    /// The impact/effort quadrants by their code, in the report language.
    static func quadrantNames(_ language: LanguageCode) -> [String: String] {
        language == .french
            ? ["quickWin": "Gains rapides", "strategicBet": "Paris stratégiques", "fillIn": "Compléments", "avoid": "À éviter"]
            : ["quickWin": "Quick wins", "strategicBet": "Strategic bets", "fillIn": "Fill-ins", "avoid": "Avoid"]
    }

    /// Position on a 0–1 scale from a 1–5 rating, on the side of the middle line its quadrant
    /// is (3 and more is high impact, 3 and more is high effort), nudged so equal ratings do not
    /// overlap.
    static func position(_ rating: Int, nudge: Int) -> Double {
        let places = [0.1, 0.3, 0.62, 0.76, 0.9]
        return places[min(max(rating, 1), 5) - 1] + Double(nudge % 3 - 1) * 0.03
    }
}
