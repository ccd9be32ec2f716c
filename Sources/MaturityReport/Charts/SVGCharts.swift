import Foundation

/// The charts as inline SVG drawn here: no JavaScript, no network, printable. Every text goes
/// through XML escaping; the output is well-formed XML.
struct SVGCharts {
    let data: ChartData

    func f(_ value: Double) -> String { String(format: "%.1f", value) }

    func text(_ x: Double, _ y: Double, _ content: String, anchor: String = "middle", size: Int = 12, weight: String = "normal") -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\" font-weight=\"\(weight)\">\(Escaping.html(content))</text>"
    }

    func svg(_ width: Int, _ height: Int, _ title: String, _ body: [String]) -> String {
        ([
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(Escaping.html(title))\" font-family=\"Helvetica, Arial, sans-serif\">",
            "<title>\(Escaping.html(title))</title>",
        ] + body + ["</svg>"]).joined(separator: "\n")
    }

    /// A radar of the dimension scores, rings every 20 points.
    var radar: String {
        let center = (x: 320.0, y: 230.0)
        let radius = 160.0
        let count = max(data.bars.count, 3)
        func point(_ index: Int, _ value: Double) -> (Double, Double) {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(count)
            return (center.x + radius * value / 100 * cos(angle), center.y + radius * value / 100 * sin(angle))
        }
        var body: [String] = []
        for ring in stride(from: 20, through: 100, by: 20) {
            let points = (0..<count).map { point($0, Double(ring)) }.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ")
            body.append("<polygon points=\"\(points)\" fill=\"none\" stroke=\"#ccc\" stroke-width=\"1\"/>")
        }
        for index in 0..<count {
            let end = point(index, 100)
            body.append("<line x1=\"\(f(center.x))\" y1=\"\(f(center.y))\" x2=\"\(f(end.0))\" y2=\"\(f(end.1))\" stroke=\"#ccc\"/>")
        }
        let shape = data.bars.enumerated().map { point($0.offset, $0.element.score) }.map { "\(f($0.0)),\(f($0.1))" }
        body.append(
            "<polygon points=\"\(shape.joined(separator: " "))\" fill=\"#1f6feb\" fill-opacity=\"0.25\" stroke=\"#1f6feb\" stroke-width=\"2\"/>"
        )
        for (index, bar) in data.bars.enumerated() {
            let label = point(index, 122)
            let anchor = abs(label.0 - center.x) < 10 ? "middle" : (label.0 > center.x ? "start" : "end")
            body.append(text(label.0, label.1 + 4, "\(bar.label) (\(f(bar.score)))", anchor: anchor, size: 11))
        }
        return svg(640, 460, data.title.scores, body)
    }

    /// The three phases on a week scale.
    var timeline: String {
        let total = max(1, data.spans.map { $0.startWeek + $0.weeks }.max() ?? 1)
        let left = 150.0
        let width = 460.0
        let colours = ["#d29922", "#1f6feb", "#2da44e"]
        var body: [String] = []
        for (index, span) in data.spans.enumerated() {
            let y = 20.0 + Double(index) * 36
            let x = left + width * Double(span.startWeek) / Double(total)
            let w = max(2, width * Double(span.weeks) / Double(total))
            body.append(text(left - 10, y + 17, span.label, anchor: "end"))
            body.append(
                "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(w))\" height=\"24\" rx=\"3\" fill=\"\(colours[index % colours.count])\"/>")
            body.append(
                text(
                    x + w + 6 > left + width - 40 ? x + 4 : x + w + 6, y + 17, "S\(span.startWeek)–S\(span.startWeek + span.weeks)",
                    anchor: "start", size: 11))
        }
        let axisY = 20.0 + Double(data.spans.count) * 36 + 4
        body.append("<line x1=\"\(f(left))\" y1=\"\(f(axisY))\" x2=\"\(f(left + width))\" y2=\"\(f(axisY))\" stroke=\"#888\"/>")
        for week in stride(from: 0, through: total, by: total > 26 ? 8 : 2) {
            let x = left + width * Double(week) / Double(total)
            body.append(text(x, axisY + 16, String(week), size: 10))
        }
        return svg(640, Int(axisY) + 30, data.title.timeline, body)
    }

    /// Impact (up) against effort (right), numbered points with a legend.
    var quadrant: String {
        let size = 300.0
        let origin = (x: 60.0, y: 20.0)
        var body = [
            "<rect x=\"\(f(origin.x))\" y=\"\(f(origin.y))\" width=\"\(f(size / 2))\" height=\"\(f(size / 2))\" fill=\"#dafbe1\"/>",
            "<rect x=\"\(f(origin.x + size / 2))\" y=\"\(f(origin.y))\" width=\"\(f(size / 2))\" height=\"\(f(size / 2))\" fill=\"#ddf4ff\"/>",
            "<rect x=\"\(f(origin.x))\" y=\"\(f(origin.y + size / 2))\" width=\"\(f(size / 2))\" height=\"\(f(size / 2))\" fill=\"#f6f8fa\"/>",
            "<rect x=\"\(f(origin.x + size / 2))\" y=\"\(f(origin.y + size / 2))\" width=\"\(f(size / 2))\" height=\"\(f(size / 2))\" fill=\"#ffebe9\"/>",
            text(origin.x + size / 4, origin.y + 16, data.quadrants["quickWin"] ?? "", size: 11, weight: "bold"),
            text(origin.x + size * 3 / 4, origin.y + 16, data.quadrants["strategicBet"] ?? "", size: 11, weight: "bold"),
            text(origin.x + size / 4, origin.y + size - 8, data.quadrants["fillIn"] ?? "", size: 11, weight: "bold"),
            text(origin.x + size * 3 / 4, origin.y + size - 8, data.quadrants["avoid"] ?? "", size: 11, weight: "bold"),
            text(origin.x + size / 2, origin.y + size + 20, data.axis.effortLow + " → " + data.axis.effortHigh, size: 11),
            "<text x=\"18\" y=\"\(f(origin.y + size / 2))\" text-anchor=\"middle\" font-size=\"11\" transform=\"rotate(-90 18 \(f(origin.y + size / 2)))\">\(Escaping.html(data.axis.impactLow + " → " + data.axis.impactHigh))</text>",
        ]
        for point in data.points {
            let x = origin.x + size * ChartData.position(point.effort, nudge: point.number)
            let y = origin.y + size * (1 - ChartData.position(point.impact, nudge: point.number + 1))
            body.append("<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"10\" fill=\"#1f6feb\"/>")
            body.append(
                "<text x=\"\(f(x))\" y=\"\(f(y + 4))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#fff\">\(point.number)</text>")
        }
        for (index, point) in data.points.enumerated() {
            body.append(
                text(origin.x + size + 20, origin.y + 14 + Double(index) * 18, "\(point.number). \(point.label)", anchor: "start", size: 11)
            )
        }
        return svg(640, Int(origin.y + size + 34), data.title.quadrant, body)
    }
}
