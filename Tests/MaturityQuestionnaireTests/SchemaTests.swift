import Foundation
import MaturityTestSupport
import Testing

/// The JSON Schema published for editors accepts the bundled questionnaire and the valid
/// fixtures, and rejects broken ones. Checked with the reference implementation (Python's
/// jsonschema), which `.ci/run` installs.
@Suite struct SchemaTests {
    static let script = """
        import json, sys, yaml, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        failures = 0
        for path in sys.argv[2:]:
            document = json.loads(json.dumps(yaml.safe_load(open(path))))
            errors = list(jsonschema.Draft202012Validator(schema, format_checker=None).iter_errors(document))
            print(path, "valid" if not errors else "invalid: " + errors[0].message)
        """

    func check(_ files: [String]) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", "-c", Self.script, TestSupport.path("questionnaires/questionnaire.schema.json")]
            + files.map(TestSupport.path)
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 with jsonschema and pyyaml is needed (pip install jsonschema pyyaml)")
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func bundledQuestionnaireAndValidFixturesMatchTheSchema() throws {
        let files = [
            "questionnaires/ia-generative-pme.yaml",
            "Tests/MaturityQuestionnaireTests/Fixtures/valid/mini.yaml",
            "Tests/MaturityQuestionnaireTests/Fixtures/valid/mini.json",
        ]
        let lines = try check(files)
        #expect(lines == files.map { TestSupport.path($0) + " valid" })
    }

    @Test func schemaRejectsStructuralMistakes() throws {
        let folder = "Tests/MaturityQuestionnaireTests/Fixtures/invalid/"
        let files = ["unknown-field.yaml", "unknown-type.yaml", "missing-field.yaml", "rule-bad-phase.yaml"].map { folder + $0 }
        let lines = try check(files)
        #expect(lines.count == files.count)
        #expect(lines.allSatisfy { $0.contains(" invalid: ") }, "\(lines)")
    }
}
