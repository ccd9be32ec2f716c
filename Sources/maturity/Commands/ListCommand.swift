import ArgumentParser
import Foundation
import MaturityStore

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List stored assessments.")

    @Option(help: "Only this company (id, SIREN or name).")
    var company: String?

    @Option(help: "Only this status: in-progress, completed or abandoned.")
    var status: AssessmentStatus?

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.open()
        let companyId = try company.map { name in try storeCall { try db.company(matching: name).id } }
        let rows = try storeCall { try db.list(companyId: companyId, status: status) }
        if json {
            try Output.writeJSON(rows)
            return
        }
        guard !rows.isEmpty else {
            Output.write("No assessment stored in \(db.path). Score one with 'maturity score --answers FILE --save'.\n")
            return
        }
        let table = TextTable(headers: ["ID", "Company", "Wave", "Status", "Questionnaire", "Score", "Level", "Updated"])
        let lines = rows.map { row in
            [
                String(row.id), row.company, String(row.wave), row.status, "\(row.questionnaire) \(row.version)",
                row.overallScore.map { String(format: "%.1f", $0) } ?? "–", row.overallLevel ?? "–", Self.date(row.updatedAt),
            ]
        }
        Output.write(table.render(lines))
    }

    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}

extension AssessmentStatus: ExpressibleByArgument {}

/// Left-aligned columns separated by two spaces.
struct TextTable {
    let headers: [String]

    func render(_ rows: [[String]]) -> String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { index, cell in
                cell + String(repeating: " ", count: max(0, widths[index] - cell.count))
            }.joined(separator: "  ").replacing(/\ +$/, with: "")
        }.joined(separator: "\n") + "\n"
    }
}
