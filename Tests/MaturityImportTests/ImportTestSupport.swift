import Foundation
import MaturityImport
import MaturityQuestionnaire
import MaturityScoring
import MaturityTestSupport

/// Reads an export through the library, as `maturity batch` does, and scores every response.
enum Importing {
    struct Outcome {
        var scores: [String: [String: Double?]] = [:]
        var responses: [ImportedResponse] = []
        var rejected: [RowRejection] = []
        var skipped = 0
        var warnings: [String] = []
    }

    static let fixtures = "Tests/MaturityImportTests/Fixtures"
    static let samples = TestSupport.root.deletingLastPathComponent().appendingPathComponent("shared/samples/exports").path

    static func surveyQuestionnaire() throws -> Questionnaire {
        try TestQuestionnaires.parse(TestSupport.read("\(fixtures)/survey-test.yaml"), path: "survey-test.yaml")
    }

    static func mapping(_ name: String, _ questionnaire: Questionnaire) throws -> ImportMapping {
        let loaded = MappingLoader.load(path: TestSupport.path("\(fixtures)/\(name)"), questionnaire: questionnaire)
        guard let mapping = loaded.mapping else { throw TestQuestionnaires.Invalid(diagnostics: loaded.diagnostics) }
        return mapping
    }

    /// With a memo of cells already read by default, as `maturity batch` reads.
    /// `replica`: converts with `source.converter.replica(questionnaire:)` of that copy, and
    /// scores with it.
    static func run(
        _ path: String, questionnaire: Questionnaire, mapping: ImportMapping?, format: ImportFormat = .auto, memo: CellMemo? = CellMemo(),
        replica: Questionnaire? = nil
    ) throws -> Outcome {
        let source = try ResponseSources.open(path: path, format: format, mapping: mapping, questionnaire: questionnaire)
        let converter =
            try replica.map { copy throws(ImportError) in try source.converter.replica(questionnaire: copy) } ?? source.converter
        var outcome = Outcome(warnings: source.warnings)
        while let raw = try source.next() {
            switch converter.convert(raw, memo: memo) {
            case .skipped: outcome.skipped += 1
            case let .rejected(rejection): outcome.rejected.append(rejection)
            case let .response(response):
                outcome.responses.append(response)
                let card = Scorer(questionnaire: replica ?? questionnaire).score(response.answers)
                var scores = Dictionary(uniqueKeysWithValues: card.dimensions.map { ($0.id.rawValue, $0.score) })
                scores["overall"] = card.overall.score
                outcome.scores[response.key] = scores
            }
        }
        return outcome
    }

    /// Writes `text` (or bytes) to a new temporary file and returns its path.
    static func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("maturity-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static func file(_ name: String, _ text: String) throws -> String { try file(name, Array(text.utf8)) }

    /// JSON Lines of the survey test questionnaire: two good objects, a line that is not JSON
    /// (line 2) and an unknown option (line 4).
    static let answersJSONLines = """
        {"respondent": "a1", "company": {"name": "Alpha"}, "answers": {"practice.field": "biology"}}
        not json
        {"respondent": 7, "answers": {"practice.field": "physics", "people.age": 45}}
        {"respondent": "a3", "answers": {"practice.field": "zoology"}}
        """

    /// A canonical wide file of `rows` sampled respondents of `questionnaire`, with a bad cell
    /// (unknown code, unreadable or out-of-range number) in every ninth row.
    static func sampleWithBadRows(_ questionnaire: Questionnaire, rows: Int) throws -> String {
        let generator = SampleGenerator(questionnaire: questionnaire, seed: 7)
        var random = SplitMix(state: 11)
        var lines = [generator.header]
        for index in 0..<rows {
            var row = generator.row(index)
            if index % 9 == 4 { row[3 + Int(random.next() % UInt64(row.count - 3))] = ["zzz", "12,5 abc", "-1", "999"][index % 4] }
            lines.append(row)
        }
        return try file("sample.csv", lines.map { $0.map(csvQuoted).joined(separator: ",") }.joined(separator: "\n") + "\n")
    }

    static func csvQuoted(_ cell: String) -> String {
        cell.contains(where: { ",\"\n".contains($0) }) ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }

    /// The first response or rejection that differs, briefly; nil when the two are the same.
    static func difference(_ lhs: Outcome, _ rhs: Outcome) -> String? {
        guard lhs.responses.count == rhs.responses.count, lhs.rejected.count == rhs.rejected.count else {
            return "\(lhs.responses.count) vs \(rhs.responses.count) responses, \(lhs.rejected.count) vs \(rhs.rejected.count) rejections"
        }
        if let index = lhs.rejected.indices.first(where: { lhs.rejected[$0] != rhs.rejected[$0] }) {
            return "rejection \(index): \(lhs.rejected[index].message) vs \(rhs.rejected[index].message)"
        }
        for (left, right) in zip(lhs.responses, rhs.responses) where left.key != right.key || left.answers != right.answers {
            let question = left.answers.answers.keys.first { left.answers.answers[$0] != right.answers.answers[$0] }
            return "\(left.key) vs \(right.key): question \(question?.rawValue ?? "-")"
        }
        return nil
    }
}
