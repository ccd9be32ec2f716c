import ArgumentParser

@main
struct Maturity: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maturity",
        abstract: "Diagnose an SME's generative-AI maturity and build its roadmap.",
        discussion: """
            Without --questionnaire, commands use the bundled questionnaire \
            (questionnaires/ia-generative-pme.yaml).
            Exit codes: 0 success, 1 problems found, 64 usage error, 130 interrupted.
            """,
        version: ToolInfo.version,
        subcommands: [
            ValidateCommand.self, InterviewCommand.self, ScoreCommand.self, ReportCommand.self, ListCommand.self, ShowCommand.self,
            HistoryCommand.self,
            RescoreCommand.self, ExportCommand.self, DeleteCommand.self, BatchCommand.self, SampleCommand.self, CohortCommand.self,
        ]
    )
}

enum ToolInfo {
    static let version = "0.1.0"
    /// Recorded with every result, so scores can be traced to the engine that computed them.
    static let engine = "maturity \(version)"
}
