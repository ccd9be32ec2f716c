import Foundation
import MaturityImport
import Testing

/// Every real export of ../shared/samples/exports/ through its mapping, with hand-computed
/// scores (see the comments of each mapping in Fixtures/).
@Suite struct SampleExportTests {
    @Test func limeSurveyCompleteResponsesWithSubQuestionColumns() throws {
        let questionnaire = try Importing.surveyQuestionnaire()
        let outcome = try Importing.run(
            "\(Importing.samples)/limesurvey_csv_codes_fullanswers_N2_2020.csv", questionnaire: questionnaire,
            mapping: try Importing.mapping("limesurvey.mapping.yaml", questionnaire))
        #expect(outcome.rejected.isEmpty)
        #expect(outcome.skipped == 7, "incomplete responses (empty submitdate) are filtered out")
        // practice = mean(field, funding share); people = mean(awareness, partner).
        let expected: [String: (practice: Double, people: Double)] = [
            "n2-2020#35": (37.5, 12.5), "n2-2020#41": (12.5, 50), "n2-2020#47": (75, 12.5), "n2-2020#53": (12.5, 37.5),
            "n2-2020#56": (37.5, 0),
        ]
        #expect(Set(outcome.scores.keys) == Set(expected.keys))
        for (key, scores) in expected {
            #expect(outcome.scores[key]?["practice"] == scores.practice, "\(key) practice")
            #expect(outcome.scores[key]?["people"] == scores.people, "\(key) people")
        }
        let first = try #require(outcome.responses.first { $0.key == "n2-2020#47" })
        #expect(first.answers.answers["practice.funding"] == .codes(["s1", "s4"]))
        #expect(first.answers.company.name == "n2-2020 #47")
    }

    @Test func qualtricsThreeHeaderRowsByImportId() throws {
        let questionnaire = try Importing.surveyQuestionnaire()
        let outcome = try Importing.run(
            "\(Importing.samples)/qualtrics_v3_sample_qualtRics.csv", questionnaire: questionnaire,
            mapping: try Importing.mapping("qualtrics-v3.mapping.yaml", questionnaire))
        #expect(outcome.rejected.isEmpty)
        let scores = try #require(outcome.scores["qualtrics_v3_sample_qualtRics.csv#R_2YPOQ602ER1jkf1"])
        #expect(scores["practice"] == 50)
        #expect(scores["people"] == .some(nil))
        #expect(outcome.responses.first?.answers.answers["respondent.note"] == .text("Hello World!"))
    }

    @Test func qualtricsOneColumnPerChoice() throws {
        let questionnaire = try Importing.surveyQuestionnaire()
        let outcome = try Importing.run(
            "\(Importing.samples)/qualtrics_insights2016_multiselect_QualtricsTools.csv", questionnaire: questionnaire,
            mapping: try Importing.mapping("qualtrics-2016.mapping.yaml", questionnaire))
        #expect(outcome.rejected.isEmpty)
        let practice = outcome.responses.map { outcome.scores[$0.key]?["practice"] ?? nil }
        #expect(practice == [50, 75, 75, 75, 50])
    }

    @Test func koboOneHotColumnsAllNotApplicable() throws {
        let questionnaire = try Importing.surveyQuestionnaire()
        let outcome = try Importing.run(
            "\(Importing.samples)/kobocat_legacy_export_fixture_tutorial_w_repeats.csv", questionnaire: questionnaire,
            mapping: try Importing.mapping("kobo.mapping.yaml", questionnaire))
        #expect(outcome.rejected.isEmpty)
        let response = try #require(outcome.responses.first)
        #expect(response.key == "kobocat_legacy_export_fixture_tutorial_w_repeats.csv#b31c6ac2-b8ca-4180-914f-c844fa10ed3b")
        #expect(response.answers.company.name == "Bob")
        #expect(response.answers.answers["practice.funding"] == nil, "every web_browsers/* cell is n/a: no answer")
        #expect(outcome.scores[response.key]?["people"] == 100)
        #expect(outcome.scores[response.key]?["practice"] == .some(nil))
    }
}
