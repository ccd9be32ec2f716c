import ArgumentParser
import Foundation
import MaturityQuestionnaire
import MaturityReport
import MaturityStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the roadmap document of a stored assessment (Markdown or printable HTML); it is also stored.",
        discussion: """
            Default output: reports/<company>-<date>-<id>.<md|html> under the current folder. \
            Templates: --template DIR, else ./reports/templates/ when it exists, else the built-in \
            French/English ones (variables: docs/report-templates.md).
            """
    )

    @Argument(help: "The assessment id (see 'maturity list').")
    var id: Int64

    @Option(name: .customLong("lang"), help: "Report language (fr or en; default: the assessment's).")
    var language: String?

    @Option(help: "md (Markdown with Mermaid charts) or html (self-contained, printable, SVG charts).")
    var format: ReportFormat = .markdown

    @Option(name: .customLong("template"), help: "A folder with report.md.mustache and/or report.html.mustache.")
    var templateDirectory: String?

    @Option(name: .shortAndLong, help: "Where to write the report.")
    var output: String?

    @Option(
        help: ArgumentHelp(
            "Place the company in a cohort: import (same 'maturity batch' run), all, sector or size (latest assessment of every company, or of those in the same sector or headcount band).",
            valueName: "scope"))
    var cohort: CohortScope?

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.open()
        var writer = ReportWriter(db: db, templates: try ReportWriter.templates(directory: templateDirectory))
        writer.cohort = cohort.map { CohortPositions(db: db, scope: $0) }
        let path = try writer.write(AssessmentID(rawValue: id), language: language.map { LanguageCode($0) }, format: format, to: output)
        Output.write(path + "\n")
    }
}

extension ReportFormat: ExpressibleByArgument {}

extension CohortScope: ExpressibleByArgument {}
