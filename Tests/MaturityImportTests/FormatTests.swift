import Foundation
import MaturityImport
import MaturityQuestionnaire
import MaturityScoring
import MaturityTestSupport
import Testing

/// Canonical wide, long, JSON and JSON Lines inputs, and malformed files: every bad row is
/// rejected with its location, the others go through.
@Suite struct FormatTests {
    let questionnaire: Questionnaire

    init() throws { questionnaire = try Importing.surveyQuestionnaire() }

    @Test func canonicalWideWithCodesLabelsAndDecimalComma() throws {
        let path = try Importing.file(
            "wide.csv",
            """
            respondent;company;practice.field;practice.funding;people.awareness;people.age;extra
            r1;Boulangerie Martin;biology;s1|s2;Fully aware;25;x
            r2;Garage Dupont;physics-related;none;somewhat;40,0;y

            """)
        let outcome = try Importing.run(path, questionnaire: questionnaire, mapping: nil)
        #expect(outcome.rejected.isEmpty)
        #expect(outcome.warnings.count == 1)
        #expect(outcome.warnings.first?.hasSuffix(":1: warning: 1 column is not questions of 'survey-test' and ignored: 'extra'") == true)
        #expect(outcome.responses.map(\.key) == ["wide.csv#r1", "wide.csv#r2"])
        #expect(outcome.responses[0].answers.company.name == "Boulangerie Martin")
        #expect(outcome.responses[1].answers.answers["people.age"] == .number(40))
        #expect(outcome.scores["wide.csv#r1"]?["practice"] == 75)
        #expect(outcome.scores["wide.csv#r2"]?["people"] == 62.5)
    }

    @Test func badRowsAreRejectedWithRowAndColumnAndTheOthersContinue() throws {
        let path = try Importing.file(
            "bad.csv",
            """
            respondent,practice.field,practice.funding,people.age
            r1,biology,s1,30
            r2,chemistry,s1,30
            r3,biology,s1|none,30
            r4,biology,s1,200
            r5,biology,s1,trente
            r6,biology,s1,30,surplus
            ,biology,s1,30
            r8,biology,s2,31

            """)
        let outcome = try Importing.run(path, questionnaire: questionnaire, mapping: nil)
        #expect(outcome.responses.map(\.key) == ["bad.csv#r1", "bad.csv#r8"])
        let messages = outcome.rejected.map { $0.description.replacingOccurrences(of: path, with: "bad.csv") }
        #expect(
            messages == [
                "bad.csv:3:2: error: question 'practice.field': unknown option 'chemistry'; options: biology, physics, other, na",
                "bad.csv:4:3: error: question 'practice.funding': option 'none' excludes the others, but 2 options are selected; keep 'none' alone or remove it",
                "bad.csv:5:4: error: question 'people.age': 200 is above the maximum 120",
                "bad.csv:6:4: error: question 'people.age': 'trente' is not a number (number question)",
                "bad.csv:7:5: error: the row has 5 cells, the header 4; check for an unquoted delimiter",
                "bad.csv:8:1: error: the respondent column is empty",
            ])
        #expect(outcome.rejected[0].cells == ["r2", "chemistry", "s1", "30"], "the original cells are kept")
    }

    /// A use-case inventory is read straight from its cell's JSON text when it can be; every
    /// other cell is parsed as before, and a bad one is rejected with the same message.
    @Test func inventoryCellsAreReadOrRejectedAsTheirJSONSays() throws {
        let bundled = try TestQuestionnaires.bundled()
        let generator = SampleGenerator(questionnaire: bundled, seed: 3)
        let column = try #require(generator.header.firstIndex(of: "usecases.inventory"))
        let item = #""name":"Devis","frequencyPerWeek":2,"minutes":30,"people":1,"impact":4,"effort":2"#
        let cells = [
            "[{\(item)}]",
            " [ {\(item), \"aiActRisk\":\"limited\"} ] ",
            "[{\(item),\"name\":\"Autre\"}]",
            #"[{"n\u0061me":"Devis","frequencyPerWeek":2,"minutes":30,"people":1,"impact":4,"effort":2}]"#,
            "",
            "[{\(item),\"atelier\":1}]",
            "[{\(item)},4]",
            "[{\(item)}",
            #"[{"name":"Devis","frequencyPerWeek":2,"minutes":30,"people":1,"impact":9,"effort":2}]"#,
        ]
        let rows = cells.indices.map { index in
            var row = generator.row(index + 1)
            row[column] = cells[index]
            return row.map(Importing.csvQuoted).joined(separator: ",")
        }
        let path = try Importing.file("inventory.csv", ([generator.header.joined(separator: ",")] + rows).joined(separator: "\n") + "\n")
        let outcome = try Importing.run(path, questionnaire: bundled, mapping: nil)
        let devis = UseCase(
            name: "Devis", department: nil, frequencyPerWeek: 2, minutesPerOccurrence: 30, people: 1, impact: 4, effort: 2,
            personalData: false, aiActRisk: .minimal)
        var limited = devis
        limited.aiActRisk = .limited
        let inventories = outcome.responses.map { $0.answers.answers["usecases.inventory"] }
        #expect(inventories == [.useCases([devis]), .useCases([limited]), .useCases([devis]), .useCases([devis]), nil])
        let messages = outcome.rejected.map { $0.description.replacingOccurrences(of: path, with: "inventory.csv") }
        let at = "inventory.csv:%d:\(column + 1): error: question 'usecases.inventory': "
        #expect(
            messages == [
                String(format: at, 7)
                    + "use case 1: unknown field 'atelier'; fields: name, department, frequencyPerWeek, minutes, people, impact, effort, personalData, aiActRisk",
                String(format: at, 8) + "use case 2: must be an object with name, frequencyPerWeek, minutes, people, impact, effort",
                String(format: at, 9) + "the cell is not JSON; a usecases answer in one cell is written as JSON",
                String(format: at, 10) + "use case 1: 'impact' is 9, expected a whole number from 1 to 5",
            ])
    }

    @Test func longFormatGroupsTheRowsOfARespondent() throws {
        let path = try Importing.file(
            "long.csv",
            """
            respondent,question,value
            r1,practice.field,biology
            r1,practice.funding,s1|s2|s3|s4
            r2,practice.field,other
            r2,people.age,25
            r3,practice.field,biology
            r3,practice.colour,blue

            """)
        let outcome = try Importing.run(path, questionnaire: questionnaire, mapping: nil)
        #expect(outcome.scores["long.csv#r1"]?["practice"] == 100)
        #expect(outcome.scores["long.csv#r2"]?["people"] == 100)
        #expect(outcome.rejected.map(\.row) == [7], "located at the bad line; every line of the respondent is kept")
        #expect(outcome.rejected.first?.message.hasPrefix("unknown question 'practice.colour'") == true)
        #expect(outcome.rejected.first?.cells == ["r3", "practice.field", "biology"])
        #expect(outcome.rejected.first?.moreRows == [["r3", "practice.colour", "blue"]])
    }

    @Test func jsonLinesStreamsAnswersObjectsAndRejectsBadLines() throws {
        let path = try Importing.file(
            "answers.jsonl", Importing.answersJSONLines)
        let outcome = try Importing.run(path, questionnaire: questionnaire, mapping: nil)
        #expect(outcome.responses.map(\.key) == ["answers.jsonl#a1", "answers.jsonl#7"])
        #expect(outcome.responses.first?.answers.company.name == "Alpha")
        #expect(outcome.scores["answers.jsonl#7"]?["people"] == 50)
        #expect(outcome.rejected.map(\.row) == [2, 4])
    }

    @Test func jsonArrayOfAnswersObjects() throws {
        let path = try Importing.file(
            "answers.json", #"[{"respondent": "x", "answers": {"practice.field": "other"}}, 42, {"answers": {"people.age": 10}}]"#)
        let outcome = try Importing.run(path, questionnaire: questionnaire, mapping: nil)
        #expect(outcome.responses.count == 2)
        #expect(outcome.rejected.map(\.row) == [2])
    }

    @Test(arguments: [
        ("empty.csv", "", "error: the file is empty; export the responses again"),
        ("header.csv", "respondent,practice.field\n", ""),
        ("semicolons.csv", "respondent;practice.field\nr1;biology\n", ""),
        (
            "unknown.csv", "who,what\nr1,biology\n",
            "no column is a question id of 'survey-test'; this export needs a mapping (--mapping M; start one with 'maturity batch --init-mapping"
        ),
    ])
    func malformedFiles(_ name: String, _ text: String, _ expected: String) throws {
        let path = try Importing.file(name, text)
        do {
            let outcome = try Importing.run(path, questionnaire: questionnaire, mapping: nil)
            #expect(expected.isEmpty, "expected \(expected)")
            #expect(outcome.rejected.isEmpty)
        } catch {
            #expect(!expected.isEmpty)
            #expect((error as? ImportError)?.errorDescription?.contains(expected) == true, "\(error)")
        }
    }

    @Test func aWrongDelimiterIsNamed() throws {
        let path = try Importing.file("semicolons.csv", "respondent;practice.field\nr1;biology\n")
        do {
            _ = try ResponseSources.open(
                path: path, format: .wide, mapping: nil, questionnaire: questionnaire, delimiter: UInt8(ascii: ","))
            Issue.record("a semicolon file read with commas was accepted")
        } catch {
            #expect(
                error.errorDescription
                    == "\(path):1: error: the header is one column holding semicolons; the file was read with the comma delimiter (pass --delimiter semicolon if this is wrong)"
            )
        }
    }

    @Test func aMappingColumnMissingFromTheHeaderIsAFileError() throws {
        let mapping = try Importing.mapping("limesurvey.mapping.yaml", questionnaire)
        let path = try Importing.file(
            "short.csv", "id,submitdate,A2,A8[SQ001],A8[SQ002],A8[SQ003],B1a,A9\n1,x,Other,No,No,No,Fully aware,No\n")
        do {
            _ = try Importing.run(path, questionnaire: questionnaire, mapping: mapping)
            Issue.record("a missing column was accepted")
        } catch {
            #expect(
                (error as? ImportError)?.errorDescription
                    == "\(path):1: error: the mapping names column not in the header: 'A8[SQ004]' (did you mean 'A8[SQ001]'?); check the mapping or the export's header rows"
            )
        }
    }
}
