import ArgumentParser
import MaturityQuestionnaire
import MaturityScoring
import MaturityStore

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Compare a company's waves (T0, T1, ...) dimension by dimension.",
        discussion: "Changes are computed only on questions both waves share; a note says when questionnaire versions differ.")

    @Argument(help: "The company: id, SIREN or name.")
    var company: String

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let db = try database.open()
        let match = try storeCall { try db.company(matching: company) }
        let waves = try storeCall { try db.list(companyId: match.id) }.filter { $0.overallScore != nil }
        guard !waves.isEmpty else {
            Output.write("'\(match.name)' has no scored assessment yet.\n")
            return
        }
        let stored = try waves.map { summary in try storeCall { try db.assessment(AssessmentID(rawValue: summary.id)) } }
        let questionnaires = StoredQuestionnaires()
        let loaded = try stored.map { item -> (Questionnaire, AnswerSet) in
            let questionnaire = try questionnaires.questionnaire(of: item)
            return (questionnaire, try StoredQuestionnaires.answers(of: item, questionnaire))
        }
        var headers = ["Dimension", "W\(waves[0].wave)"]
        var columns: [[String]] = [
            loaded[0].0.dimensions.map { dimension in
                Self.number(stored[0].result?.dimensions.first { $0.id == dimension.id.rawValue }?.score)
            }
        ]
        var notes: [String] = []
        for index in loaded.indices.dropFirst() {
            let comparison = WaveComparison(before: loaded[index - 1], after: loaded[index])
            headers += ["W\(waves[index].wave)", "Δ"]
            columns.append(
                loaded[0].0.dimensions.map { dimension in
                    Self.number(stored[index].result?.dimensions.first { $0.id == dimension.id.rawValue }?.score)
                })
            columns.append(
                loaded[0].0.dimensions.map { dimension in
                    guard let delta = comparison.changes.first(where: { $0.dimension == dimension.id })?.delta else { return "–" }
                    return (delta > 0 ? "+" : "") + Self.number(delta)
                })
            if !comparison.sameVersion {
                notes.append(
                    "W\(waves[index - 1].wave) (\(waves[index - 1].version)) and W\(waves[index].wave) (\(waves[index].version)) use different questionnaire versions: Δ is computed on the \(comparison.commonQuestions) scored questions they share."
                )
            }
        }
        let language = loaded[0].1.language
        let rows = loaded[0].0.dimensions.enumerated().map { index, dimension in
            [dimension.name.resolve(language, fallback: loaded[0].0.defaultLanguage)] + columns.map { $0[index] }
        }
        let overall =
            ["Overall"]
            + waves.enumerated().flatMap { index, wave in
                index == 0 ? [Self.number(wave.overallScore)] : [Self.number(wave.overallScore), ""]
            }
        Output.write("\(match.name): \(waves.count) wave\(waves.count == 1 ? "" : "s")\n")
        Output.write(TextTable(headers: headers).render(rows + [overall]))
        for note in notes { Output.write("note: \(note)\n") }
    }

    static func number(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "–" }
}
