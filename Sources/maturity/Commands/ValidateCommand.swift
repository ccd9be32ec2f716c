import ArgumentParser
import Foundation
import MaturityQuestionnaire

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Load and lint questionnaire files.",
        discussion: """
            Prints every problem as 'path:line:col: error: message', then one summary line per \
            file. Exits 1 when any file has an error. Without FILE, checks the bundled questionnaire.
            """
    )

    @Argument(help: "Questionnaire files (YAML or JSON).", completion: .file(extensions: ["yaml", "yml", "json"]))
    var files: [String] = []

    @Flag(help: "Print machine-readable diagnostics.")
    var json = false

    func run() throws {
        let reports: [ValidationReport] =
            files.isEmpty
            ? [ValidationReport(path: BundledQuestionnaire.path, result: BundledQuestionnaire.load())]
            : files.map(Self.report)
        if json {
            try Output.writeJSON(ValidationOutput(reports: reports))
        } else {
            for report in reports { Output.write(report.text) }
        }
        if reports.contains(where: { !$0.valid }) { throw ExitCode.failure }
    }

    static func report(for path: String) -> ValidationReport {
        do {
            return ValidationReport(path: path, result: try QuestionnaireLoader.load(path: path))
        } catch {
            return ValidationReport(path: path, failure: error)
        }
    }
}

struct ValidationOutput: Encodable {
    var files: [ValidationReport]
    var errors: Int
    var warnings: Int
    var valid: Bool

    init(reports: [ValidationReport]) {
        files = reports
        errors = reports.reduce(0) { $0 + $1.diagnostics.errorCount + ($1.failure == nil ? 0 : 1) }
        warnings = reports.reduce(0) { $0 + $1.diagnostics.warningCount }
        valid = reports.allSatisfy(\.valid)
    }
}
