import Foundation
import Ink
import MaturityQuestionnaire
import MaturityReport
import MaturityScoring
import MaturityTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Hostile text in every field people type cannot break either format.
@Suite struct ReportSafetyTests {
    static let hostile = "<script>alert('x')</script> | *bold* `code` # [link](javascript:alert(1)) &amp; _u_ $x$\n# Title"

    static func hostileInput() throws -> ReportInput {
        let questionnaire = try TestQuestionnaires.bundled()
        var answers = try TestQuestionnaires.example("advanced-pme")
        answers.company.name = hostile
        answers.answers["company.name"] = .text(hostile)
        answers.answers["company.sector"] = .text("# " + hostile)
        answers.answers["company.region"] = .text("| a | b |")
        if case var .useCases(items)? = answers.answers["usecases.inventory"] {
            items[0].name = "1. " + hostile
            items[0].department = "- " + hostile
            answers.answers["usecases.inventory"] = .useCases(items)
        }
        answers.notes["strategy.priority"] = hostile
        answers.notes["governance.charter"] = "line one\nline two | pipe"
        return ReportInput(
            questionnaire: questionnaire, answers: answers, language: .french, date: Date(timeIntervalSince1970: 1_795_435_200),
            engine: "maturity test", advisor: "<b>" + hostile + "</b>", assessmentID: 7)
    }

    @Test func markdownTablesKeepTheirColumnsAndNoMarkupPasses() throws {
        let markdown = try ReportRenderer.render(try Self.hostileInput(), format: .markdown, engine: "maturity test")
        #expect(!markdown.contains("<script"))
        #expect(!markdown.contains("<b>"))
        // Every table row has as many cells as its header, counted on the HTML a real parser makes.
        let html = MarkdownParser().html(from: markdown)
        #expect(!html.contains("<script"))
        let tables = html.components(separatedBy: "<table>").dropFirst()
        #expect(tables.count >= 8)
        for table in tables {
            let body = table.components(separatedBy: "</table>")[0]
            let rows = body.components(separatedBy: "<tr>").dropFirst()
            let header = rows.first?.components(separatedBy: "<th").count ?? 0
            for row in rows.dropFirst() {
                #expect(row.components(separatedBy: "<td").count == header, "row \(row.prefix(120))")
            }
        }
        // Headings are only the template's: a typed "# Title" never becomes one.
        #expect(!markdown.split(separator: "\n").contains { $0.hasPrefix("# Title") || $0.hasPrefix("#  Title") })
        #expect(html.components(separatedBy: "<h1>").count == 2)
        // Mermaid blocks carry no quote, bracket or markup from the typed text.
        for block in markdown.components(separatedBy: "```mermaid").dropFirst() {
            let chart = block.components(separatedBy: "```")[0]
            #expect(!chart.contains("<") && !chart.contains("script'") && !chart.contains("`"))
        }
    }

    @Test func htmlIsWellFormedXMLWithEscapedText() throws {
        let html = try ReportRenderer.render(try Self.hostileInput(), format: .html, engine: "maturity test")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        let parser = XMLParser(data: Data(html.utf8))
        let ok = parser.parse()
        #expect(ok, "\(parser.parserError.map { "\($0)" } ?? "") line \(parser.lineNumber)")
        #expect(html.components(separatedBy: "<svg ").count == 4)
        // Self-contained: nothing is fetched (the only URL is the SVG namespace).
        #expect(!html.contains("src=") && !html.contains("<link") && !html.contains("url(") && !html.contains("href="))
    }

    @Test(arguments: [
        ("../../etc/passwd", "etc-passwd"), ("Société Générale — Œuvres", "societe-generale-oeuvres"), ("", "entreprise"),
        ("..", "entreprise"), ("a/b\\c", "a-b-c"), ("Durand Ingénierie", "durand-ingenierie"),
    ])
    func fileNamesAreSanitised(_ name: String, _ slug: String) {
        #expect(ReportFileName.slug(name) == slug)
        let path = ReportFileName.defaultPath(
            company: name, date: Date(timeIntervalSince1970: 1_795_435_200), assessmentID: 12, format: .html)
        #expect(path == "reports/\(slug)-2026-11-23-0012.html")
    }

    @Test func frenchNumbersAndDates() throws {
        let markdown = try ReportRenderer.render(try Self.hostileInput(), format: .markdown, engine: "maturity test")
        #expect(markdown.contains("| Date | 23 novembre 2026 |"))
        #expect(markdown.range(of: "\\| \\d{1,3}\u{202F}\\d{3}\u{A0}€ \\|", options: .regularExpression) != nil, "amounts like 12 345 €")
        #expect(markdown.contains("| Médian | 35\u{A0}% |"))
    }
}
