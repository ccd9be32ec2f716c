import Foundation
import MaturityQuestionnaire
import MaturityScoring
import MaturityTestSupport
import Testing

@Suite struct AnswerFileReaderTests {
    let questionnaire: Questionnaire

    init() throws { questionnaire = try TestQuestionnaires.scoring() }

    func read(_ answers: String) throws(AnswerFileError) -> AnswerSet {
        let json = #"{"questionnaire": "scoring", "version": "1.0.0", "answers": {"# + answers + "}}"
        return try AnswerFileReader.read(Data(json.utf8), path: "a.json", questionnaire: questionnaire)
    }

    @Test func readsEveryAnswerType() throws {
        let set = try read(
            #"""
            "data.quality": "fair", "data.tools": ["crm", "dms"], "data.details": 4,
            "data.grid": {"a": 3, "b": "na"}, "usage.weekly": "partly", "usage.count": 3, "usage.notes": "x",
            "data.unused": null
            """#.replacingOccurrences(of: "\"data.unused\": null", with: "\"usage.notes\": \"x\""))
        #expect(set.answers["data.quality"] == .code("fair"))
        #expect(set.answers["data.tools"] == .codes(["crm", "dms"]))
        #expect(set.answers["data.details"] == .number(4))
        #expect(set.answers["data.grid"] == .matrix(["a": .number(3), "b": .code("na")]))
        #expect(set.answers["usage.weekly"] == .code("partly"))
        #expect(set.answers["usage.notes"] == .text("x"))
        #expect(set.language == "en")
    }

    @Test(arguments: [
        (#""data.qualty": "fair""#, "a.json: error: question 'data.qualty': unknown question; did you mean 'data.quality'?"),
        (#""data.quality": "great""#, "a.json: error: question 'data.quality': unknown option 'great'; options: poor, fair, good, na, dk"),
        (#""data.quality": 3"#, "a.json: error: question 'data.quality': expected an option code for this single question, found a number"),
        (
            #""data.tools": "crm""#,
            "a.json: error: question 'data.tools': expected a list of option codes for this multiple question, found a string"
        ),
        (
            #""data.tools": ["crm", "none"]"#,
            "a.json: error: question 'data.tools': option 'none' excludes the others, but 2 options are selected; keep 'none' alone or remove it"
        ),
        (#""data.details": 6"#, "a.json: error: question 'data.details': 6 is not a point of the scale 1–5"),
        (#""data.grid": {"c": 1}"#, "a.json: error: question 'data.grid': unknown row 'c'; rows: a, b"),
        (#""data.grid": {"a": 9}"#, "a.json: error: question 'data.grid': row 'a': 9 is not a point of the scale 0–4"),
        (#""usage.weekly": "oui""#, "a.json: error: question 'usage.weekly': unknown option 'oui'; options: yes, partly, no"),
        (#""usage.count": 2.5"#, "a.json: error: question 'usage.count': 2.5 is not a whole number"),
        (#""usage.count": 101"#, "a.json: error: question 'usage.count': 101 is above the maximum 100"),
        (#""usage.count": "12""#, "a.json: error: question 'usage.count': expected a number for this number question, found a string"),
        (
            #""usage.notes": "a secret client name that is long""#,
            "a.json: error: question 'usage.notes': the text has 33 characters, over the limit of 20"
        ),
    ])
    func badAnswersAreClearErrorsNamingQuestionAndValue(_ answer: String, _ message: String) {
        #expect {
            try read(answer)
        } throws: { error in
            (error as? AnswerFileError)?.errorDescription == message
        }
    }

    @Test func everyProblemIsReportedInQuestionnaireOrder() {
        #expect {
            try read(#""usage.count": -1, "data.quality": "great", "zzz": 1"#)
        } throws: { error in
            guard case let .invalid(_, issues)? = error as? AnswerFileError else { return false }
            return issues.map(\.question) == ["data.quality", "usage.count", "zzz"]
        }
    }

    @Test func freeTextIsNeverEchoedInErrors() {
        #expect {
            try read(#""usage.notes": "Dupont SA owes 12k€ and more""#)
        } throws: { error in
            let text = (error as? AnswerFileError)?.errorDescription ?? ""
            return !text.contains("Dupont") && text.contains("usage.notes")
        }
    }

    @Test(arguments: [
        (
            "not json",
            "a.json: error: not a valid answers file: the file is not JSON; expected {\"questionnaire\": ..., \"version\": ..., \"answers\": {...}}"
        ),
        (
            "[1, 2]",
            "a.json: error: not a valid answers file: the top level must be an object; expected {\"questionnaire\": ..., \"version\": ..., \"answers\": {...}}"
        ),
        (
            #"{"questionnaire": "other", "answers": {}}"#,
            "a.json: error: the answers are for questionnaire 'other', not 'scoring'; pass the right one with --questionnaire"
        ),
        (#"{"language": "de", "answers": {}}"#, "a.json: error: language 'de' is not one of the questionnaire's languages (en)"),
    ])
    func badFilesAreOneClearError(_ json: String, _ message: String) {
        #expect {
            try AnswerFileReader.read(Data(json.utf8), path: "a.json", questionnaire: questionnaire)
        } throws: { error in
            (error as? AnswerFileError)?.errorDescription == message
        }
    }

    @Test(arguments: [
        (#""name": "Devis", "impact": 7"#, "'impact' is 7, expected a whole number from 1 to 5"),
        (#""name": " \t\u3000", "impact": 3"#, "'name' is required text"),
        (#""name": "\n", "impact": 3"#, "'name' is required text"),
        (
            #""name": "Devis", "impakt": 3"#,
            "unknown field 'impakt'; did you mean 'impact'?; fields: name, department, frequencyPerWeek, minutes, people, impact, effort, personalData, aiActRisk"
        ),
        (
            #""name": "Devis", "zone": 1, "impact": 3, "atelier": 2"#,
            "unknown field 'atelier'; fields: name, department, frequencyPerWeek, minutes, people, impact, effort, personalData, aiActRisk"
        ),
        (#""name": "Devis", "impact": "3""#, "'impact' is required and must be a number"),
        (#""name": "Devis", "impact": 3, "personalData": "oui""#, "'personalData' must be true or false"),
        (#""name": 3, "impact": 9, "personalData": "oui""#, "'name' is required text"),
        (
            #""name": "Devis", "impact": 3, "aiActRisk": "hihg""#,
            "unknown aiActRisk 'hihg'; did you mean 'high'?; values: minimal, limited, high, prohibited"
        ),
    ])
    func useCaseItemsAreChecked(_ fields: String, _ message: String) throws {
        let bundled = try TestQuestionnaires.bundled()
        let item = #"{"frequencyPerWeek": 5, "minutes": 30, "people": 2, "effort": 2, "# + fields + "}"
        let json = #"{"answers": {"usecases.inventory": ["# + item + "]}}"
        #expect {
            try AnswerFileReader.read(Data(json.utf8), path: "a.json", questionnaire: bundled)
        } throws: { error in
            (error as? AnswerFileError)?.errorDescription == "a.json: error: question 'usecases.inventory': use case 1: " + message
        }
    }

    @Test func samplesAreValidAndComplete() throws {
        for name in ["beginner-tpe", "advanced-pme"] {
            let set = try TestQuestionnaires.example(name)
            let card = Scorer(questionnaire: try TestQuestionnaires.bundled()).score(set)
            #expect(card.missingRequired.isEmpty, "\(name): \(card.missingRequired)")
            #expect(set.company.name != nil)
        }
    }
}
