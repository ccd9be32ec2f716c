import Foundation
import MaturityTestSupport
import Testing

/// What the README shows is what the binary does.
@Suite struct ReadmeTests {
    let readme: String

    init() throws { readme = try TestSupport.read("README.md") }

    /// The lines of the code block that follows `marker`.
    func block(after marker: String) throws -> [String] {
        let start = try #require(readme.range(of: marker))
        let rest = readme[start.upperBound...]
        let fence = try #require(rest.range(of: "```"))
        let body = try #require(rest[fence.upperBound...].range(of: "\n"))
        let close = try #require(rest[body.upperBound...].range(of: "```"))
        return rest[body.upperBound..<close.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test func quickStartScoresTheSampleAndRunsTheTests() async throws {
        let commands = try block(after: "## Quick start")
        #expect(
            commands.map { $0.split(separator: "#")[0].trimmingCharacters(in: .whitespaces) } == [
                "swift run maturity score --answers questionnaires/examples/beginner-tpe.json --save", "swift test",
            ])
        let shown = try block(after: "prints its levels and roadmap in brief")
        let home = try ValidateCommandTests.scratchDirectory()
        let result = try await MaturityBinary.run(
            ["score", "--answers", "questionnaires/examples/beginner-tpe.json", "--save"], in: TestSupport.root.path,
            environment: ["HOME": home, "MATURITY_DB": "", "XDG_DATA_HOME": ""])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: home + "/.local/share/maturity/maturity.sqlite"))
        #expect(result.stdout == shown.joined(separator: "\n") + "\n")
    }

    @Test func validateExampleIsTheRealOutput() async throws {
        let lines = try block(after: "### `maturity validate")
        let command = try #require(lines.first)
        #expect(command.hasSuffix("maturity validate expr-unknown-option.yaml"))
        let result = try await MaturityBinary.run(
            ["validate", "expr-unknown-option.yaml"], in: TestSupport.path("Tests/MaturityQuestionnaireTests/Fixtures/invalid"))
        #expect(result.stdout == lines.dropFirst().joined(separator: "\n") + "\n")
        #expect(result.status == 1)
    }

    @Test func interviewExampleIsTheRealFirstScreen() async throws {
        let lines = try block(after: "### `maturity interview")
        #expect(lines.first == "$ maturity interview --lang en < /dev/null")
        let directory = try ValidateCommandTests.scratchDirectory()
        let result = try await MaturityBinary.run(
            ["interview", "--lang", "en"], in: directory, stdin: "", environment: ["MATURITY_DB": directory + "/m.sqlite"])
        #expect(result.stdout == lines.dropFirst().joined(separator: "\n") + "\n")
        #expect(result.status == 1 && result.stderr == "Nothing is saved: the company has no name yet.\n")
    }
}
