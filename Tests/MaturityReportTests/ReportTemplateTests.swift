import Foundation
import MaturityReport
import MaturityTestSupport
import Testing

/// A firm's own templates: overrides, partials, and errors that name file, line and variable.
@Suite struct ReportTemplateTests {
    func folder(_ files: [String: String]) throws -> String {
        let path = NSTemporaryDirectory() + "maturity-templates-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8) }
        return path
    }

    func input() throws -> ReportInput {
        ReportInput(
            questionnaire: try TestQuestionnaires.bundled(), answers: try TestQuestionnaires.example("beginner-tpe"), language: .english,
            date: Date(timeIntervalSince1970: 1_795_435_200), engine: "maturity test")
    }

    @Test func overrideWithPartialRenders() throws {
        let directory = try folder([
            "report.md.mustache": "# {{company.name}}\n{{> footer}}\n",
            "footer.mustache": "{{#dimensions}}- {{name}}: {{score}}\n{{/dimensions}}",
        ])
        let templates = try ReportTemplates.load(directory: directory)
        let text = try ReportRenderer.render(try input(), format: .markdown, templates: templates, engine: "maturity test")
        #expect(text.hasPrefix("# Martin Chauffage Sanitaire\n- Strategy & leadership: 22.9\n- Use cases & value: 0.0\n"))
        #expect(templates.sha256(.markdown) != ReportTemplates.defaults.sha256(.markdown))
        #expect(templates.html.path == ReportTemplates.defaults.html.path, "a format without a file keeps the default")
    }

    @Test func unknownVariableIsNamedWithFileLineAndColumn() throws {
        let directory = try folder([
            "report.md.mustache": "# {{company.name}}\n\n{{#dimensions}}\n- {{nmae}}\n{{/dimensions}}\n{{overal.score}}\n"
        ])
        let templates = try ReportTemplates.load(directory: directory)
        let report = try input()
        do {
            _ = try ReportRenderer.render(report, format: .markdown, templates: templates, engine: "t")
        } catch {
            #expect(
                error.description == """
                    \(directory)/report.md.mustache:4:3: error: unknown variable 'nmae'; see docs/report-templates.md
                    \(directory)/report.md.mustache:6:1: error: unknown variable 'overal.score'; see docs/report-templates.md
                    """)
        }
    }

    @Test func syntaxErrorIsLocated() throws {
        let directory = try folder(["report.html.mustache": "<p>\n{{#dimensions}}\n{{name}}\n{{/phases}}\n"])
        let templates = try ReportTemplates.load(directory: directory)
        let report = try input()
        do {
            let text = try ReportRenderer.render(report, format: .html, templates: templates, engine: "t")
            #expect(text.isEmpty, "no error")
        } catch {
            #expect(error.description.hasPrefix("\(directory)/report.html.mustache:4:"))
            #expect(error.description.contains("closed with another name"))
        }
    }
}

@Suite struct EmbeddedTemplateTests {
    @Test(arguments: ReportFormat.allCases)
    func embeddedTemplateIsIdenticalToTheFile(_ format: ReportFormat) throws {
        let source = ReportTemplates.defaults.main(format)
        #expect(source.text == (try TestSupport.read(source.path)), "run scripts/embed-resources.py")
    }
}
