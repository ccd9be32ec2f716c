import ArgumentParser
import Foundation
import MaturityImport
import MaturityQuestionnaire
import MaturityRoadmap
import MaturityScoring
import MaturityStore

struct ExportCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case long, wide, json
    }

    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export stored assessments as CSV (long or wide) or JSON.",
        discussion: """
            long: one row per answer (assessment, company, wave, questionnaire id and version, question, \
            option codes, value, score 0–1, not applicable). wide: one row per assessment with dimension \
            scores and one column per question. json: the answers-file shape per assessment. CSV cells \
            that a spreadsheet would run as formulas are neutralised.
            """)

    @Option(help: "long, wide or json.")
    var format: Format = .long

    @Option(name: .shortAndLong, help: "Write to this file (default: standard output).")
    var output: String?

    @Option(help: "Only this company (id, SIREN or name).")
    var company: String?

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.open()
        let companyId = try company.map { name in try storeCall { try db.company(matching: name).id } }
        let summaries = try storeCall { try db.list(companyId: companyId) }
        let stored = try summaries.map { summary in try storeCall { try db.assessment(AssessmentID(rawValue: summary.id)) } }
        let text: String
        let questionnaires = StoredQuestionnaires()
        switch format {
        case .json: text = try json(stored)
        case .long: text = try long(stored, questionnaires)
        case .wide: text = try wide(stored, questionnaires)
        }
        if let output {
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                Output.error("\(output): error: cannot write the export; check the folder exists and is writable")
                throw ExitCode.failure
            }
            Output.error("exported \(stored.count) assessment\(stored.count == 1 ? "" : "s") to \(output)")
        } else {
            Output.write(text)
        }
    }

    struct ExportedAssessment: Encodable {
        var id: Int64
        var wave: Int
        var status: String
        var questionnaire: String?
        var version: String?
        var language: String?
        var company: Company?
        var answers: [String: JSONValue]?
        var notes: [String: String]?
    }

    func json(_ stored: [StoredAssessment]) throws -> String {
        let items = stored.map { item in
            ExportedAssessment(
                id: item.summary.id, wave: item.summary.wave, status: item.summary.status, questionnaire: item.answers.questionnaire,
                version: item.answers.version, language: item.answers.language, company: item.answers.company,
                answers: item.answers.answers, notes: item.answers.notes)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(items), as: UTF8.self) + "\n"
    }

    func long(_ stored: [StoredAssessment], _ questionnaires: StoredQuestionnaires) throws -> String {
        var text = CSVWriter.row([
            "assessment", "company", "wave", "questionnaire", "version", "question", "option_codes", "value", "score", "not_applicable",
        ])
        // One scorer per questionnaire version: a scorer compiles its conditions, caps and rules.
        var scorers: [String: Scorer] = [:]
        for item in stored {
            let questionnaire = try questionnaires.questionnaire(of: item)
            let scorer = scorers[questionnaire.sha256] ?? Scorer(questionnaire: questionnaire)
            scorers[questionnaire.sha256] = scorer
            let card = scorer.score(try StoredQuestionnaires.answers(of: item, questionnaire))
            let outcomes = Dictionary(
                card.dimensions.flatMap(\.questions).map { ($0.question, $0.outcome) }, uniquingKeysWith: { a, _ in a })
            for question in questionnaire.allQuestions {
                guard let json = item.answers.answers?[question.id.rawValue] else { continue }
                let codes = card.answers[question.id]?.optionCodes.map(\.rawValue).joined(separator: "|") ?? ""
                let outcome = outcomes[question.id]
                text += CSVWriter.row([
                    String(item.summary.id), item.summary.company, String(item.summary.wave), item.summary.questionnaire,
                    item.summary.version, question.id.rawValue, codes, CellText.text(json),
                    outcome?.value.map { String(format: "%.4f", $0) } ?? "", outcome == .notApplicable ? "1" : "0",
                ])
            }
        }
        return text
    }

    func wide(_ stored: [StoredAssessment], _ questionnaires: StoredQuestionnaires) throws -> String {
        var dimensions: [String] = []
        var questions: [String] = []
        var rows: [[String: String]] = []
        for item in stored {
            let questionnaire = try questionnaires.questionnaire(of: item)
            for dimension in questionnaire.dimensions.map(\.id.rawValue) where !dimensions.contains(dimension) {
                dimensions.append(dimension)
            }
            for question in questionnaire.allQuestions.map(\.id.rawValue) where !questions.contains(question) { questions.append(question) }
            var row: [String: String] = [
                "assessment": String(item.summary.id), "company": item.summary.company, "siren": item.answers.company?.siren ?? "",
                "wave": String(item.summary.wave), "status": item.summary.status, "questionnaire": item.summary.questionnaire,
                "version": item.summary.version, "language": item.summary.language,
                "overall_score": item.summary.overallScore.map { String(format: "%.1f", $0) } ?? "",
                "overall_level": item.summary.overallLevel ?? "",
            ]
            for dimension in item.result?.dimensions ?? [] {
                row["score." + dimension.id] = dimension.score.map { String(format: "%.1f", $0) } ?? ""
                row["level." + dimension.id] = dimension.level ?? ""
            }
            for (question, value) in item.answers.answers ?? [:] { row[question] = CellText.text(value) }
            rows.append(row)
        }
        let headers =
            ["assessment", "company", "siren", "wave", "status", "questionnaire", "version", "language", "overall_score", "overall_level"]
            + dimensions.flatMap { ["score." + $0, "level." + $0] } + questions
        return CSVWriter.row(headers) + rows.map { row in CSVWriter.row(headers.map { row[$0] ?? "" }) }.joined()
    }
}
