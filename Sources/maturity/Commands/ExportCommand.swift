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
        let sink = try ExportSink(output: output)
        let exporter = Exporter(db: db, companyId: companyId, sink: sink)
        do {
            switch format {
            case .json: try exporter.json()
            case .long: try exporter.long()
            case .wide: try exporter.wide()
            }
            try sink.finish()
        } catch {
            sink.discard()
            throw error
        }
        if let output {
            Output.error("exported \(exporter.count) assessment\(exporter.count == 1 ? "" : "s") to \(output)")
        }
    }
}

/// Writes stored assessments one at a time as they are read: memory stays flat however many
/// there are.
final class Exporter {
    let db: MaturityDatabase
    let companyId: Int64?
    let sink: ExportSink
    let questionnaires = StoredQuestionnaires()
    private(set) var count = 0

    init(db: MaturityDatabase, companyId: Int64?, sink: ExportSink) {
        self.db = db
        self.companyId = companyId
        self.sink = sink
    }

    private func forEach(_ body: (StoredAssessment) throws -> Void) throws {
        try storeCall {
            try db.forEachAssessment(companyId: companyId) { item in
                try body(item)
                count += 1
            }
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

    /// A pretty-printed JSON array, element by element: the bytes `JSONEncoder` gives for the
    /// whole array.
    func json() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try sink.write("[\n")
        try forEach { item in
            let exported = ExportedAssessment(
                id: item.summary.id, wave: item.summary.wave, status: item.summary.status, questionnaire: item.answers.questionnaire,
                version: item.answers.version, language: item.answers.language, company: item.answers.company,
                answers: item.answers.answers, notes: item.answers.notes)
            let object = String(decoding: try encoder.encode(exported), as: UTF8.self)
            let indented = object.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
            try sink.write((count == 0 ? "" : ",\n") + indented.joined(separator: "\n"))
        }
        try sink.write("\n]\n")
    }

    func long() throws {
        try sink.write(
            CSVWriter.row([
                "assessment", "company", "wave", "questionnaire", "version", "question", "option_codes", "value", "score",
                "not_applicable",
            ]))
        // One scorer per questionnaire version: a scorer compiles its conditions, caps and rules.
        var scorers: [String: Scorer] = [:]
        try forEach { item in
            let questionnaire = try questionnaires.questionnaire(of: item)
            let scorer = scorers[questionnaire.sha256] ?? Scorer(questionnaire: questionnaire)
            scorers[questionnaire.sha256] = scorer
            let card = scorer.score(try StoredQuestionnaires.answers(of: item, questionnaire))
            let outcomes = Dictionary(
                card.dimensions.flatMap(\.questions).map { ($0.question, $0.outcome) }, uniquingKeysWith: { a, _ in a })
            var text = ""
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
            try sink.write(text)
        }
    }

    /// One row per assessment. The columns are known before any row: the dimensions and
    /// questions of every questionnaire version used, in the order of first use.
    func wide() throws {
        var dimensions: [String] = []
        var questions: [String] = []
        for (sha256, body) in try storeCall({ try db.questionnaireBodies(companyId: companyId) }) {
            let questionnaire = try questionnaires.questionnaire(sha256: sha256, body: body)
            for dimension in questionnaire.dimensions.map(\.id.rawValue) where !dimensions.contains(dimension) {
                dimensions.append(dimension)
            }
            for question in questionnaire.allQuestions.map(\.id.rawValue) where !questions.contains(question) { questions.append(question) }
        }
        let headers =
            ["assessment", "company", "siren", "wave", "status", "questionnaire", "version", "language", "overall_score", "overall_level"]
            + dimensions.flatMap { ["score." + $0, "level." + $0] } + questions
        try sink.write(CSVWriter.row(headers))
        try forEach { item in
            var row: [String: String] = [
                "assessment": String(item.summary.id), "company": item.summary.company, "siren": item.answers.company?.siren ?? "",
                "wave": String(item.summary.wave), "status": item.summary.status, "questionnaire": item.summary.questionnaire,
                "version": item.summary.version, "language": item.summary.language,
                "overall_score": item.summary.overallScore.map { String(format: "%.1f", $0) } ?? "",
                "overall_level": item.summary.overallLevel ?? "",
            ]
            // Stored scores: imported respondents have no result document, only these.
            for dimension in item.scores {
                row["score." + dimension.dimension] = dimension.score.map { String(format: "%.1f", $0) } ?? ""
                row["level." + dimension.dimension] = dimension.level ?? ""
            }
            for (question, value) in item.answers.answers ?? [:] { row[question] = CellText.text(value) }
            try sink.write(CSVWriter.row(headers.map { row[$0] ?? "" }))
        }
    }
}
