import ArgumentParser
import Foundation
import MaturityImport
import MaturityQuestionnaire
import MaturityReport
import MaturityStore

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Import, score and store the responses of survey-tool exports (CSV, Excel .xlsx, JSON, JSON Lines).",
        discussion: """
            Formats: wide CSV (one row per respondent; question ids as headers, or any export through \
            --mapping), long CSV (respondent, question, value), JSON (array of answers objects) and JSON \
            Lines. An Excel workbook (.xlsx, e.g. Microsoft Forms) is read from its first sheet, like a CSV. \
            Encoding (UTF-8, Windows-1252) and delimiter (comma, semicolon, tab) are detected. \
            A bad row is reported as file:row:column and written with its original cells to \
            <export>.rejected.csv; the others are stored. Importing the same export again updates its \
            respondents instead of adding them. Ctrl-C stops after the chunk being written; run the \
            same command again to finish. Exit 1 when a row was rejected. Mapping format: \
            docs/batch-import.md.
            """
    )

    @Argument(help: "Export files.", completion: .file(extensions: ["csv", "tsv", "txt", "xlsx", "json", "jsonl"]))
    var files: [String] = []

    @OptionGroup var questionnaireOptions: QuestionnaireOptions

    @Option(help: "Mapping file (YAML) from the export's columns to the questionnaire.", completion: .file(extensions: ["yaml", "yml"]))
    var mapping: String?

    @Option(help: "auto, wide, long, json or jsonl.")
    var format: ImportFormat = .auto

    @Option(help: "CSV delimiter: comma, semicolon, tab or pipe (default: detected from the header).")
    var delimiter: String?

    @Option(help: "Also write the Markdown report of every stored respondent into this folder.")
    var reports: String?

    @Option(help: "Folder for the rejected-rows files (default: next to each export).")
    var rejected: String?

    @Flag(help: "Store nothing when any row is rejected.")
    var strict = false

    @Flag(help: "Read, check and score, but store nothing.")
    var dryRun = false

    @Flag(help: "Print the summary as JSON.")
    var json = false

    @Option(help: "Write a starting mapping for this export to standard output, then stop.", completion: .file())
    var initMapping: String?

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if initMapping == nil && files.isEmpty { throw ValidationError("give at least one export file (or --init-mapping EXPORT)") }
        if let delimiter, CSVDialect.delimiter(named: delimiter) == nil {
            throw ValidationError("unknown delimiter '\(delimiter)'; use comma, semicolon, tab or pipe")
        }
        if initMapping != nil && !files.isEmpty {
            throw ValidationError("--init-mapping takes one export and imports nothing; drop the other files")
        }
    }

    func run() throws {
        let (questionnaire, body) = try questionnaireOptions.loadSource()
        if let initMapping {
            Output.write(try MappingTemplateCommand.template(for: initMapping, questionnaire: questionnaire))
            return
        }
        let importMapping = try loadMapping(questionnaire)
        var settings = BatchRunner.Settings(
            files: files, format: format, mapping: importMapping, questionnaire: questionnaire, dryRun: dryRun,
            validateOnly: strict && !dryRun,
            rejectedDirectory: rejected, writeRejected: true, keepsStoredIds: reports != nil,
            delimiter: delimiter.flatMap(CSVDialect.delimiter(named:)))
        settings.replicas = QuestionnaireReplicas(
            of: questionnaire, text: body, path: questionnaireOptions.sourcePath, count: ParallelMap.workers - 1)
        let stop = StopFlag()
        Interrupts.install { signal in
            if stop.stopped != nil { Foundation.exit(128 + signal) }
            stop.stop(signal)
        }
        var summary = BatchSummary(importId: nil, dryRun: dryRun, strict: strict)
        if settings.validateOnly {
            let check = BatchRunner(settings: settings, db: nil, importId: nil, stop: stop, summary: summary)
            try check.run()
            if check.summary.failed || check.summary.interrupted {
                return try finish(check.summary.nothingStored(), questionnaire)
            }
            settings.validateOnly = false
            settings.writeRejected = false
        }
        guard !dryRun else {
            let runner = BatchRunner(settings: settings, db: nil, importId: nil, stop: stop, summary: summary)
            try runner.run()
            return try finish(runner.summary, questionnaire)
        }
        let db = try database.open(access: .bulkImport)
        defer { db.endBulkImport() }
        let importId = try storeCall {
            try db.beginImport(files: files, mapping: mapping, questionnaire: questionnaire, body: body, at: Date())
        }
        summary.importId = importId
        let runner = BatchRunner(settings: settings, db: db, importId: importId, stop: stop, summary: summary)
        defer {
            let counts = runner.summary.counts
            try? db.finishImport(importId, counts: counts, interrupted: runner.summary.interrupted, at: Date())
        }
        try runner.run()
        var result = runner.summary
        if let reports, !result.interrupted { result.reports = try writeReports(runner.storedIds, db: db, folder: reports) }
        try finish(result, questionnaire)
    }

    func loadMapping(_ questionnaire: Questionnaire) throws -> ImportMapping? {
        guard let mapping else { return nil }
        let loaded = MappingLoader.load(path: mapping, questionnaire: questionnaire)
        for diagnostic in loaded.diagnostics { Output.error(diagnostic.description) }
        guard let result = loaded.mapping else { throw ExitCode.failure }
        return result
    }

    func writeReports(_ ids: [AssessmentID], db: MaturityDatabase, folder: String) throws -> [String] {
        var writer = ReportWriter(db: db, templates: try ReportWriter.templates(directory: nil))
        // Each report places its company among the respondents of this import.
        writer.cohort = CohortPositions(db: db, scope: .import)
        let date = Date()
        return try ids.map { id in
            let stored = try storeCall { try db.assessment(id) }
            let name =
                (ReportFileName.defaultPath(company: stored.summary.company, date: date, assessmentID: id.rawValue, format: .markdown)
                as NSString).lastPathComponent
            return try writer.write(id, language: nil, format: .markdown, to: (folder as NSString).appendingPathComponent(name), at: date)
        }
    }

    func finish(_ summary: BatchSummary, _ questionnaire: Questionnaire) throws {
        if json {
            try Output.writeJSON(summary)
        } else {
            Output.write(summary.text(questionnaire: questionnaire))
        }
        if let signal = summary.interrupted ? summary.signal : nil { throw ExitCode(128 + signal) }
        if summary.failed { throw ExitCode.failure }
    }
}

extension ImportFormat: ExpressibleByArgument {}
