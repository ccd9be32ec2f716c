import ArgumentParser
import Foundation
import MaturityQuestionnaire
import MaturityReport
import MaturityStore

struct CohortCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html, json }

    static let configuration = CommandConfiguration(
        commandName: "cohort",
        abstract: "Summarise a cohort: levels per dimension, median and quartiles, sectors, sizes, frequent actions.",
        discussion: """
            Without --import, the cohort is the latest completed assessment of every company \
            answered with the questionnaire. --sector keeps sectors containing the text; --size \
            keeps one headcount band (tpe, pe, me, eti).
            """)

    @Option(name: .customLong("import"), help: "Only the respondents of this batch import (its number is printed by 'maturity batch').")
    var importId: Int64?

    @Option(help: "Only companies whose sector contains this text.")
    var sector: String?

    @Option(help: "Only companies of this headcount band (tpe, pe, me, eti).")
    var size: String?

    @Option(help: "md, html or json.")
    var format: Format = .md

    @Option(name: .customLong("lang"), help: "fr or en (default: the questionnaire's default language).")
    var language: String?

    @Option(name: .shortAndLong, help: "Write to this file (default: standard output).")
    var output: String?

    @OptionGroup var questionnaireOptions: QuestionnaireOptions
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let questionnaire = try questionnaireOptions.load()
        let language = try LanguageOption(language: language).resolve(for: questionnaire, default: questionnaire.defaultLanguage)
        let db = try database.open()
        let filter = CohortFilter(questionnaireId: questionnaire.id, importId: importId, sector: sector, size: size)
        let tally = try db.cohortTally(filter)
        guard tally.companies > 0 else {
            Output.error(
                "error: no completed assessment matches this cohort; check --import, --sector and --size ('maturity list' shows what is stored)"
            )
            throw ExitCode.failure
        }
        let french = language == .french
        var title = french ? "Cohorte" : "Cohort"
        if let importId { title += french ? " de l'import n° \(importId)" : " of import #\(importId)" }
        if let sector { title += " – \(sector)" }
        if let size { title += " – \(size)" }
        let actions = try storeCall { try db.cohortActions(filter, language: language.rawValue) }
        let report = CohortReport(
            title: title, tally: tally,
            actions: actions.map { ($0.ruleId, $0.phase, $0.title, $0.companies) }, questionnaire: questionnaire, language: language)
        let text: String
        switch format {
        case .md: text = report.markdown()
        case .html: text = report.html()
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            text = String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
        }
        guard let output else { return Output.write(text) }
        do {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            Output.error("\(output): error: cannot write the cohort view; check the folder exists and is writable")
            throw ExitCode.failure
        }
        Output.error("wrote \(output) (\(tally.companies) companies)")
    }
}

extension LanguageOption {
    init(language: String?) {
        self.init()
        self.language = language
    }
}
