import Foundation
import MaturityQuestionnaire
import MaturityReport
import MaturityScoring
import MaturityTestSupport
import Testing

/// The example reports committed in reports/examples/ are what the writer produces today.
@Suite struct ReportExamplesTests {
    static let date = Date(timeIntervalSince1970: 1_795_435_200)  // 23 November 2026, noon in Paris
    static let cases: [(example: String, language: LanguageCode, format: ReportFormat)] = ["beginner-tpe", "advanced-pme"].flatMap {
        example in [LanguageCode.french, .english].flatMap { language in ReportFormat.allCases.map { (example, language, $0) } }
    }

    static func render(_ example: String, _ language: LanguageCode, _ format: ReportFormat) throws -> String {
        let questionnaire = try TestQuestionnaires.bundled()
        let answers = try TestQuestionnaires.example(example)
        let input = ReportInput(
            questionnaire: questionnaire, answers: answers, language: language, date: date, engine: "maturity 0.1.0",
            advisor: "A. Conseil", assessmentID: 1)
        return try ReportRenderer.render(input, format: format, engine: "maturity 0.1.0")
    }

    @Test(arguments: cases.indices)
    func exampleReportIsCurrent(_ index: Int) throws {
        let (example, language, format) = Self.cases[index]
        let report = try Self.render(example, language, format)
        let path = "reports/examples/\(example).\(language.rawValue).\(format.fileExtension)"
        let outcome = Golden.compare(report, to: path)
        #expect(outcome == .match, "\(path) is stale: regenerate with RECORD_GOLDEN=1 swift test --filter ReportExamplesTests")
    }
}
