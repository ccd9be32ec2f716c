import Foundation
import MaturityQuestionnaire
import MaturityTestSupport
import Testing

/// Every broken fixture gives exactly its golden diagnostics; every diagnostic has a position.
@Suite struct FixtureDiagnosticsTests {
    static let folder = "Tests/MaturityQuestionnaireTests/Fixtures/invalid"

    static var fixtures: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestSupport.path(folder))) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test func thereIsAFixturePerKindOfProblem() {
        #expect(Self.fixtures.count >= 15)
    }

    @Test(arguments: fixtures)
    func diagnosticsMatchTheGoldenFile(_ name: String) throws {
        let text = try TestSupport.read("\(Self.folder)/\(name)")
        let result = QuestionnaireParser.parse(text, path: name)
        let report = ValidationReport(path: name, result: result)
        #expect(result.diagnostics.hasErrors, "\(name) should have at least one error")
        #expect(result.questionnaire == nil)
        for diagnostic in result.diagnostics {
            #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "\(diagnostic)")
        }
        let golden = "Tests/MaturityQuestionnaireTests/Golden/invalid/\((name as NSString).deletingPathExtension).txt"
        let outcome = Golden.compare(report.text, to: golden)
        #expect(outcome == .match, "re-record with RECORD_GOLDEN=1 swift test; got:\n\(report.text)")
    }

    @Test(arguments: ["mini.yaml", "mini.json"])
    func validFixturesLoadClean(_ name: String) throws {
        let text = try TestSupport.read("Tests/MaturityQuestionnaireTests/Fixtures/valid/\(name)")
        let result = QuestionnaireParser.parse(text, path: name)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let questionnaire = try #require(result.questionnaire)
        #expect(questionnaire.id == "mini")
        #expect(questionnaire.scoredQuestions.map(\.id) == ["data.quality", "data.tools"])
    }

    @Test func yamlAndJSONGiveTheSameModelButTheirOwnHash() throws {
        let yaml = try TestSupport.read("Tests/MaturityQuestionnaireTests/Fixtures/valid/mini.yaml")
        let json = try TestSupport.read("Tests/MaturityQuestionnaireTests/Fixtures/valid/mini.json")
        var fromYAML = try #require(QuestionnaireParser.parse(yaml, path: "a").questionnaire)
        var fromJSON = try #require(QuestionnaireParser.parse(json, path: "b").questionnaire)
        #expect(fromYAML.sha256 != fromJSON.sha256)
        fromYAML.sha256 = ""
        fromJSON.sha256 = ""
        // Expression origins differ (line/column in each file); compare what they say.
        #expect(fromYAML.scoredQuestions.map(\.condition?.source) == fromJSON.scoredQuestions.map(\.condition?.source))
        #expect(fromYAML.levels == fromJSON.levels)
        #expect(fromYAML.dimensions.map(\.id) == fromJSON.dimensions.map(\.id))
    }

    @Test func hashIsTheSHA256OfTheBytes() {
        #expect(QuestionnaireParser.sha256(of: Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
