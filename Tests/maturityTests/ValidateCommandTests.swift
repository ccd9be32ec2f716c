import Foundation
import MaturityTestSupport
import Testing

/// `maturity validate` through the built binary, as an advisor runs it.
@Suite struct ValidateCommandTests {
    static let invalidFolder = "Tests/MaturityQuestionnaireTests/Fixtures/invalid"

    static var invalidFixtures: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestSupport.path(invalidFolder))) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    @Test func bundledQuestionnaireIsValidAndPrintsItsHash() async throws {
        let result = try await MaturityBinary.run(["validate", "questionnaires/ia-generative-pme.yaml"], in: TestSupport.root.path)
        #expect(result.status == 0)
        let hash = try #require(result.stdout.split(separator: " ").last).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(hash.count == 64 && hash.allSatisfy(\.isHexDigit))
        #expect(result.stdout.hasPrefix("questionnaires/ia-generative-pme.yaml: ok: ia-generative-pme 1.0.0, "))
        #expect(result.stdout.contains("7 dimensions, 5 levels"))
        #expect(result.stderr.isEmpty)
    }

    @Test func withoutFilesItChecksTheEmbeddedQuestionnaireFromAnyDirectory() async throws {
        let result = try await MaturityBinary.run(["validate"], in: NSTemporaryDirectory())
        let fromFile = try await MaturityBinary.run(["validate", "questionnaires/ia-generative-pme.yaml"], in: TestSupport.root.path)
        #expect(result.status == 0)
        #expect(result.stdout == fromFile.stdout)
    }

    @Test(arguments: invalidFixtures)
    func brokenFixtureExitsOneWithItsGoldenDiagnostics(_ name: String) async throws {
        let result = try await MaturityBinary.run(["validate", name], in: TestSupport.path(Self.invalidFolder))
        #expect(result.status == 1)
        let golden = try TestSupport.read("Tests/MaturityQuestionnaireTests/Golden/invalid/\((name as NSString).deletingPathExtension).txt")
        #expect(result.stdout == golden)
    }

    @Test func severalFilesAreAllReportedAndAnyErrorFailsTheRun() async throws {
        let result = try await MaturityBinary.run(
            ["validate", "../valid/mini.yaml", "expr-cycle.yaml", "bad-version.yaml"], in: TestSupport.path(Self.invalidFolder))
        #expect(result.status == 1)
        let summaries = result.stdout.split(separator: "\n").filter { $0.contains(": ok: ") || $0.contains(": invalid: ") }
        #expect(summaries.count == 3)
        #expect(summaries.first?.hasPrefix("../valid/mini.yaml: ok: mini 1.0.0") == true)
    }

    @Test(arguments: [
        ("missing.yaml", "missing.yaml: error: no such file; check the path and the current directory\n"),
        ("folder", "folder: error: is a directory, not a questionnaire file; name a .yaml or .json file inside it\n"),
        ("empty.yaml", "empty.yaml: error: the file is empty; a questionnaire starts with 'id:', 'version:' and 'languages:'\n"),
        ("binary.yaml", "binary.yaml: error: not a text file (binary content or not UTF-8); questionnaires are UTF-8 YAML or JSON\n"),
        ("latin1.yaml", "latin1.yaml: error: not a text file (binary content or not UTF-8); questionnaires are UTF-8 YAML or JSON\n"),
    ])
    func unreadableFilesGetOneClearLine(_ name: String, _ expected: String) async throws {
        let directory = try Self.scratchDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/folder", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: directory + "/empty.yaml", contents: Data())
        FileManager.default.createFile(atPath: directory + "/binary.yaml", contents: Data([0x7F, 0x45, 0x4C, 0x46, 0, 1, 2]))
        FileManager.default.createFile(
            atPath: directory + "/latin1.yaml", contents: Data("id: caf\u{E9}".utf8.map { $0 == 0xC3 ? 0xE9 : $0 }.filter { $0 != 0xA9 }))
        let result = try await MaturityBinary.run(["validate", name], in: directory)
        #expect(result.status == 1)
        #expect(result.stdout == expected)
    }

    @Test func jsonOutputListsDiagnosticsWithPositions() async throws {
        let result = try await MaturityBinary.run(
            ["validate", "--json", "expr-unknown-option.yaml", "missing.yaml"], in: TestSupport.path(Self.invalidFolder))
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["valid"] as? Bool == false)
        #expect(json["errors"] as? Int == 3)
        let files = try #require(json["files"] as? [[String: Any]])
        let diagnostics = try #require(files.first?["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.first?["line"] as? Int == 29)
        #expect(diagnostics.first?["column"] as? Int == 32)
        #expect(diagnostics.first?["severity"] as? String == "error")
        #expect((files.last?["failure"] as? String)?.hasPrefix("missing.yaml: error: no such file") == true)
    }

    @Test func helpIsPinned() async throws {
        let result = try await MaturityBinary.run(["validate", "--help"])
        #expect(result.status == 0)
        #expect(Golden.compare(result.stdout, to: "Tests/maturityTests/Golden/validate-help.txt") == .match, "\(result.stdout)")
    }

    @Test func unknownFlagIsAUsageError() async throws {
        let result = try await MaturityBinary.run(["validate", "--jsn"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--jsn"))
    }

    static func scratchDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "maturity-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

@Suite struct ValidateWarningTests {
    @Test func warningsArePrintedButDoNotFailTheRun() async throws {
        let result = try await MaturityBinary.run(
            ["validate", "blocking-rule-in-pilot.yaml"], in: TestSupport.path("Tests/MaturityQuestionnaireTests/Fixtures/warnings"))
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == "blocking-rule-in-pilot.yaml:37:12: warning: rule 'clean' blocks pilots but is in phase 'pilot'; blocking actions are always placed in the audit phase, so write 'phase: audit'"
        )
        #expect(lines.last?.contains(": ok: mini 1.0.0") == true)
        #expect(lines.last?.contains("0 errors, 1 warning,") == true)
    }
}
