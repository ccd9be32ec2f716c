import ArgumentParser
import Foundation
import MaturityStore

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List stored assessments.")

    @Option(help: "Only this company (id, SIREN or name).")
    var company: String?

    @Option(help: "Only this status: in-progress, completed or abandoned.")
    var status: AssessmentStatus?

    @Option(help: "Only the N most recent assessments (still listed oldest first).")
    var limit: Int?

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let db = try database.open()
        let companyId = try company.map { name in try storeCall { try db.company(matching: name).id } }
        let rows = try storeCall { try db.list(companyId: companyId, status: status, limit: limit) }
        if json {
            try Output.writeJSON(rows)
            return
        }
        guard !rows.isEmpty else {
            if company != nil || status != nil {
                Output.write("No assessment matches in \(db.path).\n")
            } else {
                Output.write("No assessment stored in \(db.path). Score one with 'maturity score --answers FILE --save'.\n")
            }
            return
        }
        let table = TextTable(headers: ["ID", "Company", "Wave", "Status", "Questionnaire", "Score", "Level", "Updated"])
        let formatter = Self.dateFormatter()
        let lines = rows.map { row in
            [
                String(row.id), row.company, String(row.wave), row.status, "\(row.questionnaire) \(row.version)",
                row.overallScore.map { String(format: "%.1f", $0) } ?? "–", row.overallLevel ?? "–", formatter.string(from: row.updatedAt),
            ]
        }
        Output.write(table.render(lines))
        if let limit, rows.count == limit {
            let total = try storeCall { try db.count(companyId: companyId, status: status) }
            if total > limit { Output.error("the \(limit) most recent of \(total) assessments; drop --limit to list them all") }
        }
    }

    /// Local time to the minute. Made once per listing: a formatter per row took most of the
    /// time of listing 100,000 assessments.
    static func dateFormatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter
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
            var line = row.enumerated().map { index, cell in
                cell + String(repeating: " ", count: max(0, widths[index] - cell.count))
            }.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }
}
