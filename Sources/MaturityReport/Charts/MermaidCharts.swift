import Foundation

/// The charts as Mermaid blocks, which GitHub, GitLab and many Markdown editors draw.
struct MermaidCharts {
    let data: ChartData
    let startDate: String

    func block(_ lines: [String]) -> String { (["```mermaid"] + lines + ["```"]).joined(separator: "\n") }

    func number(_ value: Double) -> String { String(format: "%.1f", value) }

    var scores: String {
        block([
            "xychart-beta",
            "    title \"\(Escaping.mermaid(data.title.scores, limit: 60))\"",
            "    x-axis [" + data.bars.map { "\"\(Escaping.mermaid($0.label, limit: 24))\"" }.joined(separator: ", ") + "]",
            "    y-axis \"Score\" 0 --> 100",
            "    bar [" + data.bars.map { number($0.score) }.joined(separator: ", ") + "]",
        ])
    }

    var timeline: String {
        var lines = [
            "gantt", "    title \(Escaping.mermaid(data.title.timeline, limit: 60))", "    dateFormat YYYY-MM-DD", "    axisFormat %m/%Y",
        ]
        for (index, span) in data.spans.enumerated() {
            let label = Escaping.mermaid(span.label)
            let start = index == 0 ? startDate : "after p\(index)"
            lines += ["    section \(label)", "    \(label) :p\(index + 1), \(start), \(span.weeks * 7)d"]
        }
        return block(lines)
    }

    var quadrant: String {
        var lines = [
            "quadrantChart",
            "    title \(Escaping.mermaid(data.title.quadrant, limit: 60))",
            "    x-axis \(data.axis.effortLow) --> \(data.axis.effortHigh)",
            "    y-axis \(data.axis.impactLow) --> \(data.axis.impactHigh)",
            "    quadrant-1 \(data.quadrants["strategicBet"] ?? "")",
            "    quadrant-2 \(data.quadrants["quickWin"] ?? "")",
            "    quadrant-3 \(data.quadrants["fillIn"] ?? "")",
            "    quadrant-4 \(data.quadrants["avoid"] ?? "")",
        ]
        for point in data.points {
            let x = ChartData.position(point.effort, nudge: point.number)
            let y = ChartData.position(point.impact, nudge: point.number + 1)
            lines.append("    \(Escaping.mermaid(point.label, limit: 30)): [\(String(format: "%.2f", x)), \(String(format: "%.2f", y))]")
        }
        return block(lines)
    }
}
