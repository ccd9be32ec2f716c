import Foundation
import MaturityQuestionnaire
import MaturityScoring
import MaturityTestSupport
import Testing

@testable import MaturityImport

/// A batch worker may convert and score with a copy of the questionnaire parsed from the same
/// text (so that the workers share no tables). A converter over such a copy must give exactly
/// what the original gives: the same answers, keys, scores and rejections, in every format.
@Suite struct ConverterReplicaTests {
    static func copy(_ text: String, path: String) throws -> Questionnaire { try TestQuestionnaires.parse(text, path: path) }

    @Test func aCopyIsEqualAndSharesNoTables() throws {
        let original = try TestQuestionnaires.bundled()
        let copy = try Self.copy(BundledQuestionnaire.text, path: BundledQuestionnaire.path)
        #expect(copy == original && copy.sha256 == original.sha256)
        let storage = [original, copy].map { $0.allQuestions.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } }
        #expect(storage[0] != storage[1], "the copy has questions of its own")
    }

    @Test func bundledSampleWithBadRows() throws {
        let questionnaire = try TestQuestionnaires.bundled()
        let copy = try Self.copy(BundledQuestionnaire.text, path: BundledQuestionnaire.path)
        let path = try Importing.sampleWithBadRows(questionnaire, rows: 300)
        let original = try Importing.run(path, questionnaire: questionnaire, mapping: nil)
        let replica = try Importing.run(path, questionnaire: questionnaire, mapping: nil, replica: copy)
        #expect(original.rejected.count > 20 && original.responses.count > 200)
        #expect(Importing.difference(replica, original) == nil)
        let sameScores = replica.scores == original.scores
        #expect(sameScores)
    }

    /// Real exports through their mappings (loaded against the original, as `maturity batch`
    /// loads them): header rows, filters, one column per choice, one-hot columns.
    @Test(arguments: [
        ("limesurvey_csv_codes_fullanswers_N2_2020.csv", "limesurvey.mapping.yaml"),
        ("qualtrics_v3_sample_qualtRics.csv", "qualtrics-v3.mapping.yaml"),
        ("qualtrics_insights2016_multiselect_QualtricsTools.csv", "qualtrics-2016.mapping.yaml"),
        ("kobocat_legacy_export_fixture_tutorial_w_repeats.csv", "kobo.mapping.yaml"),
    ])
    func surveyExportThroughItsMapping(export: String, mapping: String) throws {
        let text = try TestSupport.read("\(Importing.fixtures)/survey-test.yaml")
        let questionnaire = try Self.copy(text, path: "survey-test.yaml")
        let copy = try Self.copy(text, path: "survey-test.yaml")
        let path = "\(Importing.samples)/\(export)"
        let loaded = try Importing.mapping(mapping, questionnaire)
        let original = try Importing.run(path, questionnaire: questionnaire, mapping: loaded)
        let replica = try Importing.run(path, questionnaire: questionnaire, mapping: loaded, replica: copy)
        #expect(!original.responses.isEmpty)
        #expect(Importing.difference(replica, original) == nil)
        let sameScores = replica.scores == original.scores
        #expect(sameScores && replica.skipped == original.skipped)
    }

    @Test func longAndJSONLinesFormats() throws {
        let text = try TestSupport.read("\(Importing.fixtures)/survey-test.yaml")
        let questionnaire = try Self.copy(text, path: "survey-test.yaml")
        let copy = try Self.copy(text, path: "survey-test.yaml")
        let long = try Importing.file(
            "long.csv",
            "respondent,question,value\nr1,practice.field,biology\nr1,practice.funding,s1|s2\nr2,practice.field,other\nr2,people.age,25\nr3,practice.colour,blue\n"
        )
        let lines = try Importing.file(
            "answers.jsonl", Importing.answersJSONLines)
        for path in [long, lines] {
            let original = try Importing.run(path, questionnaire: questionnaire, mapping: nil)
            let replica = try Importing.run(path, questionnaire: questionnaire, mapping: nil, replica: copy)
            #expect(original.responses.count == 2 && !original.rejected.isEmpty, "\(path)")
            #expect(Importing.difference(replica, original) == nil, "\(path)")
            let sameScores = replica.scores == original.scores
            #expect(sameScores, "\(path)")
        }
    }
}
