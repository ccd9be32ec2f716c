import Foundation
import MaturityQuestionnaire
import MaturityScoring

/// Questionnaires and answer sets for tests.
public enum TestQuestionnaires {
    /// A questionnaire written for a test did not load: the diagnostics say why.
    public struct Invalid: Error, CustomStringConvertible {
        public var diagnostics: [Diagnostic]
        public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
        public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
    }

    /// The bundled questionnaire.
    public static func bundled() throws -> Questionnaire { try parse(BundledQuestionnaire.text, path: BundledQuestionnaire.path) }

    /// Parses YAML written in a test; throws with the diagnostics when it is invalid.
    public static func parse(_ yaml: String, path: String = "test.yaml") throws -> Questionnaire {
        let result = QuestionnaireParser.parse(yaml, path: path)
        guard let questionnaire = result.questionnaire else { throw Invalid(diagnostics: result.diagnostics) }
        return questionnaire
    }

    /// Two dimensions over two levels: enough to check every scoring rule by hand.
    public static let scoringYAML = """
        id: scoring
        version: 1.0.0
        languages: [en]
        defaultLanguage: en
        title: {en: "Scoring"}
        levels:
          - {id: low, name: {en: "Low"}, min: 0, max: 50, description: {en: "Low"}}
          - {id: high, name: {en: "High"}, min: 50, max: 100, description: {en: "High"}}
        dimensions:
          - id: data
            name: {en: "Data"}
            weight: 1
            questions:
              - id: data.quality
                type: single
                weight: 2
                text: {en: "Quality?"}
                options:
                  - {code: poor, label: {en: "Poor"}, score: 0}
                  - {code: fair, label: {en: "Fair"}, score: 0.5}
                  - {code: good, label: {en: "Good"}, score: 1}
                  - {code: na, label: {en: "N/A"}, notApplicable: true}
                  - {code: dk, label: {en: "Don't know"}, dontKnow: true}
              - id: data.tools
                type: multiple
                text: {en: "Tools?"}
                options:
                  - {code: crm, label: {en: "CRM"}, score: 0.5}
                  - {code: erp, label: {en: "ERP"}, score: 0.5}
                  - {code: dms, label: {en: "DMS"}}
                  - {code: none, label: {en: "None"}, exclusive: true}
              - id: data.details
                type: scale
                when: "data.quality != 'poor'"
                text: {en: "Details?"}
                scale: {min: 1, max: 5}
              - id: data.grid
                type: matrix
                required: false
                text: {en: "Grid?"}
                rows:
                  - {code: a, label: {en: "A"}}
                  - {code: b, label: {en: "B"}}
                scale: {min: 0, max: 4}
                options:
                  - {code: na, label: {en: "N/A"}, notApplicable: true}
          - id: usage
            name: {en: "Usage"}
            weight: 3
            questions:
              - id: usage.weekly
                type: yesno
                text: {en: "Weekly?"}
              - id: usage.count
                type: number
                integer: true
                min: 0
                max: 100
                text: {en: "How many?"}
                bands:
                  - {max: 1, score: 0}
                  - {min: 1, max: 5, score: 0.5}
                  - {min: 5, score: 1}
              - id: usage.notes
                type: text
                required: false
                maxLength: 20
                text: {en: "Notes?"}
        caps:
          - id: weak_data
            dimension: usage
            when: "level(data) == 'low'"
            maxLevel: low
            reason: {en: "Data is weak."}
        """

    public static func scoring() throws -> Questionnaire { try parse(scoringYAML) }

    public static func answers(_ values: [QuestionID: AnswerValue], for questionnaire: Questionnaire) -> AnswerSet {
        var set = AnswerSet(for: questionnaire)
        set.answers = values
        return set
    }

    /// Reads a sample answers file of `questionnaires/examples/`.
    public static func example(_ name: String) throws -> AnswerSet {
        let data = try Data(contentsOf: TestSupport.root.appendingPathComponent("questionnaires/examples/\(name).json"))
        return try AnswerFileReader.read(data, path: name, questionnaire: bundled())
    }
}
