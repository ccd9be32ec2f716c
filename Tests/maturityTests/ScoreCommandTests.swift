import Foundation
import MaturityTestSupport
import Testing

/// `maturity score` through the built binary, on the two sample answer files.
@Suite struct ScoreCommandTests {
    static let samples = ["beginner-tpe", "advanced-pme"]

    @Test(arguments: samples)
    func jsonMatchesTheGoldenFileAndTheFixedShape(_ name: String) async throws {
        let result = try await MaturityBinary.run(
            ["score", "--answers", "questionnaires/examples/\(name).json", "--json"], in: TestSupport.root.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Golden.compare(result.stdout, to: "Tests/maturityTests/Golden/score-\(name).json") == .match)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let questionnaire = try #require(json["questionnaire"] as? [String: Any])
        #expect(questionnaire["id"] as? String == "ia-generative-pme" && (questionnaire["sha256"] as? String)?.count == 64)
        let overall = try #require(json["overall"] as? [String: Any])
        #expect(overall["score"] is Double && overall["level"] is String)
        let dimensions = try #require(json["dimensions"] as? [[String: Any]])
        #expect(dimensions.count == 7)
        for dimension in dimensions {
            #expect(dimension["score"] is Double && dimension["level"] is String && dimension["coverage"] is Double)
            #expect(dimension["drivers"] is [[String: Any]])
        }
        #expect(dimensions.contains { (($0["drivers"] as? [[String: Any]])?.first?["effect"] as? String)?.isEmpty == false })
        let roadmap = try #require(json["roadmap"] as? [String: Any])
        let phases = try #require(roadmap["phases"] as? [[String: Any]])
        #expect(phases.map { $0["id"] as? String } == ["audit", "pilot", "rollout"])
        #expect(phases.allSatisfy { ($0["weeks"] as? [Int])?.count == 2 && !(($0["actions"] as? [Any]) ?? []).isEmpty })
        #expect((phases[1]["useCases"] as? [[String: Any]])?.contains { $0["proposed"] as? Bool == true } == true)
        let roi = try #require(roadmap["roi"] as? [String: Any])
        for scenario in ["conservative", "base", "optimistic"] {
            let values = try #require(roi[scenario] as? [String: Any])
            #expect(values["hoursSaved"] is Double && values["value"] is Double && values["netYearOne"] is Double)
        }
        #expect(roi["assumptions"] is [String: Any])
    }

    @Test(arguments: samples)
    func terminalSummaryMatchesTheGoldenFile(_ name: String) async throws {
        let result = try await MaturityBinary.run(
            ["score", "--answers", "questionnaires/examples/\(name).json"], in: TestSupport.root.path)
        #expect(result.status == 0)
        #expect(Golden.compare(result.stdout, to: "Tests/maturityTests/Golden/score-\(name).txt") == .match, "\(result.stdout)")
    }

    @Test func sameInputGivesByteIdenticalJSON() async throws {
        let arguments = ["score", "--answers", "questionnaires/examples/advanced-pme.json", "--json", "--lang", "fr"]
        let first = try await MaturityBinary.run(arguments, in: TestSupport.root.path)
        let second = try await MaturityBinary.run(arguments, in: TestSupport.root.path)
        #expect(first.stdout == second.stdout && !first.stdout.isEmpty)
        #expect(first.stdout.contains("\"language\" : \"fr\""))
    }

    @Test func badAnswersExitOneWithEveryProblem() async throws {
        let directory = try ValidateCommandTests.scratchDirectory()
        let path = directory + "/bad.json"
        try #"{"questionnaire": "ia-generative-pme", "answers": {"governance.charter": "maybe", "data.quality": 9, "usage.tool": []}}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try await MaturityBinary.run(["score", "--answers", "bad.json"], in: directory)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr == """
                bad.json: error: question 'data.quality': 9 is not a point of the scale 1–5
                bad.json: error: question 'governance.charter': unknown option 'maybe'; options: none, informal, written, signed_trained
                bad.json: error: question 'usage.tool': unknown question; did you mean 'usage.tools'?

                """)
    }

    @Test func missingRequiredAnswersAreErrorsUnlessAllowed() async throws {
        let directory = try ValidateCommandTests.scratchDirectory()
        try #"{"questionnaire": "ia-generative-pme", "language": "en", "answers": {"governance.charter": "none"}}"#
            .write(toFile: directory + "/partial.json", atomically: true, encoding: .utf8)
        let strict = try await MaturityBinary.run(["score", "--answers", "partial.json"], in: directory)
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("Governance, compliance & risk"))
        #expect(strict.stderr.hasPrefix("partial.json: error: question 'company.name': required question is not answered\n"))
        let allowed = try await MaturityBinary.run(["score", "--answers", "partial.json", "--allow-missing"], in: directory)
        #expect(allowed.status == 0)
        #expect(allowed.stderr.contains("warning: question 'strategy.priority': required question is not answered"))
    }

    @Test func unreadableInputsAreOneLine() async throws {
        let missing = try await MaturityBinary.run(["score", "--answers", "nope.json"], in: NSTemporaryDirectory())
        #expect(missing.status == 1)
        #expect(missing.stderr == "nope.json: error: cannot read the answers file; check the path\n")
        let language = try await MaturityBinary.run(
            ["score", "--answers", "questionnaires/examples/advanced-pme.json", "--lang", "de"], in: TestSupport.root.path)
        #expect(language.status == 64)
        #expect(language.stderr.contains("unknown language 'de'; this questionnaire has: fr, en"))
        let questionnaire = try await MaturityBinary.run(
            [
                "score", "--answers", "questionnaires/examples/advanced-pme.json", "--questionnaire",
                "Tests/MaturityQuestionnaireTests/Fixtures/invalid/bad-version.yaml",
            ],
            in: TestSupport.root.path)
        #expect(questionnaire.status == 1)
        #expect(questionnaire.stderr.contains("the questionnaire has 1 error; run 'maturity validate"))
    }
}
