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
    static func run(
        _ path: String, questionnaire: Questionnaire, mapping: ImportMapping?, format: ImportFormat = .auto, memo: CellMemo? = CellMemo()
    ) throws -> Outcome {
        let source = try ResponseSources.open(path: path, format: format, mapping: mapping, questionnaire: questionnaire)
        var outcome = Outcome(warnings: source.warnings)
        while let raw = try source.next() {
            switch source.converter.convert(raw, memo: memo) {
            case .skipped: outcome.skipped += 1
            case let .rejected(rejection): outcome.rejected.append(rejection)
            case let .response(response):
                outcome.responses.append(response)
                let card = Scorer(questionnaire: questionnaire).score(response.answers)
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
}
