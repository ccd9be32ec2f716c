import ArgumentParser
import Foundation
import MaturityStore

struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Erase a company and everything stored about it (GDPR).",
        discussion: "Removes the company, its assessments, answers, scores, roadmaps and reports. Asks for confirmation unless --yes.")

    @Option(help: "The company: id, SIREN or name.")
    var company: String

    @Flag(help: "Do not ask for confirmation.")
    var yes = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.open()
        let match = try storeCall { try db.company(matching: company) }
        if !yes {
            Output.error(
                "Erase '\(match.name)' (#\(match.id)) and all its assessments, answers, scores and reports? Type 'yes' to confirm: ")
            guard readLine()?.trimmingCharacters(in: .whitespaces).lowercased() == "yes" else {
                Output.error("nothing erased")
                throw ExitCode.failure
            }
        }
        let deletion = try storeCall { try db.deleteCompany(id: match.id) }
        let counts = deletion.counts.map { "\($0.rows) \($0.table) row\($0.rows == 1 ? "" : "s")" }.joined(separator: ", ")
        Output.write("erased '\(deletion.company)': \(counts)\n")
    }
}
