import Foundation
import MaturityStore
import MaturityTestSupport
import Testing

/// The store through the binary, on a real database file per test.
@Suite struct StoreCommandTests {
    let directory: String
    let env: [String: String]

    init() throws {
        directory = try ValidateCommandTests.scratchDirectory()
        env = ["MATURITY_DB": directory + "/data/maturity.sqlite"]
        for name in ["beginner-tpe", "advanced-pme"] {
            try FileManager.default.copyItem(
                atPath: TestSupport.path("questionnaires/examples/\(name).json"), toPath: directory + "/\(name).json")
        }
    }

    func run(_ arguments: [String], stdin: String? = nil) async throws -> MaturityBinary.Result {
        try await MaturityBinary.run(arguments, in: directory, stdin: stdin, environment: env)
    }

    @Test func savedAssessmentShowsExportsAndRescoresToTheSameScores() async throws {
        let scored = try await run(["score", "--answers", "advanced-pme.json", "--json", "--save", "--advisor", "A. Conseil"])
        #expect(scored.status == 0)
        #expect(scored.stderr == "saved as assessment #1 (completed) in \(directory)/data/maturity.sqlite; see it with 'maturity show 1'\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/data/maturity.sqlite")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let shown = try await run(["show", "1", "--json"])
        #expect(shown.stdout == scored.stdout)
        let rescored = try await run(["rescore", "1"])
        #expect(rescored.stdout == "rescored 1 assessment with maturity 0.1.0; 0 changed\n")
        #expect(try await run(["show", "1", "--json"]).stdout == scored.stdout)
        let wide = try await run(["export", "--format", "wide"])
        let lines = wide.stdout.components(separatedBy: "\r\n")
        #expect(
            lines[0].hasPrefix(
                "assessment,company,siren,wave,status,questionnaire,version,language,overall_score,overall_level,score.strategy,"))
        #expect(lines[1].hasPrefix("1,Durand Ingénierie,443061841,1,completed,ia-generative-pme,1.0.0,en,75.0,industrialisation,73.9,"))
        let list = try await run(["list", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(rows.first?["overallScore"] as? Double == 75 && rows.first?["advisor"] as? String == "A. Conseil")
    }

    @Test func longExportHasOneRowPerAnswerAndNeutralisesFormulas() async throws {
        _ = try await run(["score", "--answers", "beginner-tpe.json", "--save", "--company", "=HYPERLINK(\"http://x\")"])
        let long = try await run(["export", "--format", "long", "-o", "long.csv"])
        #expect(long.status == 0 && long.stderr == "exported 1 assessment to long.csv\n")
        let text = try String(contentsOfFile: directory + "/long.csv", encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines[0] == "assessment,company,wave,questionnaire,version,question,option_codes,value,score,not_applicable")
        #expect(lines.count == 1 + 58)
        #expect(lines.contains("1,\"'=HYPERLINK(\"\"http://x\"\")\",1,ia-generative-pme,1.0.0,governance.charter,none,none,0.0000,0"))
        #expect(
            lines.contains(
                "1,\"'=HYPERLINK(\"\"http://x\"\")\",1,ia-generative-pme,1.0.0,governance.transparency,no_such_use,no_such_use,,1"))
        #expect(lines.contains { $0.contains(",usage.tools,free_consumer,free_consumer,0.0000,0") })
        let json = try await run(["export", "--format", "json"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(items.first?["questionnaire"] as? String == "ia-generative-pme")
        #expect((items.first?["answers"] as? [String: Any])?["governance.charter"] as? String == "none")
    }

    @Test func historyShowsWavesWithDeltasAndSaysWhenVersionsDiffer() async throws {
        _ = try await run(["score", "--answers", "beginner-tpe.json", "--save"])
        var answers = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/beginner-tpe.json")))
                as? [String: Any])
        var values = try #require(answers["answers"] as? [String: Any])
        values["governance.charter"] = "written"
        answers["answers"] = values
        try JSONSerialization.data(withJSONObject: answers).write(to: URL(fileURLWithPath: directory + "/t1.json"))
        let body = try TestSupport.read("questionnaires/ia-generative-pme.yaml")
            .replacingOccurrences(of: "version: 1.0.0", with: "version: 1.1.0")
            .replacingOccurrences(
                of: "      - id: data.processes\n        type: yesno\n",
                with: "      - id: data.processes\n        type: yesno\n        weight: 0\n")
        try body.write(toFile: directory + "/v11.yaml", atomically: true, encoding: .utf8)
        let second = try await run(["score", "--answers", "t1.json", "--save", "--questionnaire", "v11.yaml"])
        #expect(second.status == 0, "\(second.stderr)")
        let history = try await run(["history", "Martin Chauffage Sanitaire"])
        #expect(history.status == 0)
        let lines = history.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Martin Chauffage Sanitaire: 2 waves")
        #expect(lines[1].hasPrefix("Dimension") && lines[1].hasSuffix("W1    W2    Δ"))
        #expect(lines.contains { $0.hasPrefix("Gouvernance, conformité & risques") && $0.hasSuffix("7.1   23.5  +16.4") })
        #expect(lines.contains { $0.hasPrefix("Stratégie & leadership") && $0.hasSuffix("22.9  22.9  0.0") })
        // data.processes no longer scores in 1.1.0: W2's data score changes, but Δ counts only shared questions.
        let data = try #require(lines.first { $0.hasPrefix("Données & socle numérique") })
        #expect(data.hasSuffix("  0.0") && !data.contains("17.7  17.7"))
        #expect(
            lines.last
                == "note: W1 (1.0.0) and W2 (1.1.0) use different questionnaire versions: Δ is computed on the 40 scored questions they share."
        )
    }

    @Test func deleteAsksForConfirmationThenErasesEverything() async throws {
        _ = try await run(["score", "--answers", "beginner-tpe.json", "--save"])
        _ = try await run(["score", "--answers", "advanced-pme.json", "--save"])
        let refused = try await run(["delete", "--company", "Martin Chauffage Sanitaire"], stdin: "no\n")
        #expect(refused.status == 1)
        #expect(refused.stderr.hasSuffix("nothing erased\n"))
        #expect(try await run(["list"]).stdout.contains("Martin Chauffage Sanitaire"))
        let erased = try await run(["delete", "--company", "812345674", "--yes"])
        #expect(erased.status == 0)
        #expect(
            erased.stdout
                == "erased 'Martin Chauffage Sanitaire': 0 report rows, 3 pilotUseCase rows, 21 roadmapAction rows, 8 score rows, 58 answer rows, 1 assessment row, 1 company row\n"
        )
        let list = try await run(["list"])
        #expect(!list.stdout.contains("Martin") && list.stdout.contains("Durand Ingénierie"))
        let unknown = try await run(["delete", "--company", "Nobody", "--yes"])
        #expect(unknown.status == 1 && unknown.stderr.hasPrefix("error: no company named 'Nobody'"))
    }

    @Test func listLimitsToTheMostRecentAndPrintsDatesAsISO8601() async throws {
        // The same company (found by its SIREN) three times: waves 1, 2 and 3.
        for _ in 1...3 { #expect(try await run(["score", "--answers", "beginner-tpe.json", "--save"]).status == 0) }
        let latest = try await run(["list", "--limit", "2"])
        let lines = latest.stdout.split(separator: "\n").map { $0.split(separator: " ", maxSplits: 3).map(String.init) }
        #expect(lines.map { $0.first ?? "" } == ["ID", "2", "3"])
        #expect(latest.stderr == "the 2 most recent of 3 assessments; drop --limit to list them all\n")
        let all = try await run(["list", "--limit", "3"])
        #expect(all.stdout.split(separator: "\n").count == 4 && all.stderr.isEmpty)
        #expect(!all.stdout.split(separator: "\n").contains { $0.hasSuffix(" ") })
        let json = try await run(["list", "--json", "--limit", "1"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1 && rows[0]["id"] as? Int == 3 && rows[0]["wave"] as? Int == 3)
        let updated = try #require(rows[0]["updatedAt"] as? String)
        #expect(updated.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil)
        #expect(try await run(["list", "--limit", "0"]).status == 64)
        let none = try await run(["list", "--status", "abandoned"])
        #expect(none.status == 0 && none.stdout == "No assessment matches in \(directory)/data/maturity.sqlite.\n")
    }

    @Test func twoProcessesWritingTheSameFileBothSucceed() async throws {
        let script =
            "for i in 1 2 3 4 5; do \(MaturityBinary.url.path) score --answers beginner-tpe.json --save --company \"C$1\" >/dev/null 2>>log$1 || echo FAIL; done"
        let results = try await withThrowingTaskGroup(of: MaturityBinary.Result.self) { group in
            for worker in ["a", "b"] {
                group.addTask { try await ShellRunner.run(script, argument: worker, in: directory, environment: env) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0.status == 0 && !$0.stdout.contains("FAIL") })
        let list = try await run(["list", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 10)
    }

    @Test func processesOpeningANewFileTogetherAllMigrateIt() async throws {
        // Three processes create and migrate the same new file at once, five times over.
        for round in 1...5 {
            let path = "new\(round)/m.sqlite"
            func save(_ company: String) async throws -> MaturityBinary.Result {
                try await MaturityBinary.run(
                    ["score", "--answers", "beginner-tpe.json", "--save", "--company", company, "--db", path], in: directory,
                    environment: env)
            }
            async let first = save("A")
            async let second = save("B")
            async let third = save("C")
            for result in try await [first, second, third] { #expect(result.status == 0, "\(result.stderr)") }
            #expect(try MaturityDatabase.open(path: directory + "/" + path).appliedMigrations().count == 6)
        }
    }

    @Test func processKilledWhileWritingLeavesAConsistentDatabase() async throws {
        let script =
            "i=0; while [ $i -lt 200 ]; do \(MaturityBinary.url.path) score --answers beginner-tpe.json --save --company \"K$i\" >/dev/null 2>>saved.log; i=$((i+1)); done"
        try await ShellRunner.runAndKill(script, in: directory, environment: env, after: .milliseconds(2500))
        let saved = (try? String(contentsOfFile: directory + "/saved.log", encoding: .utf8))?.components(separatedBy: "saved as").count ?? 1
        let list = try await run(["list", "--json"])
        #expect(list.status == 0, "\(list.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        // Every save that printed its message is there; at most one more committed before the kill.
        #expect(rows.count >= saved - 1 && rows.count <= saved)
        #expect(rows.count > 0)
        // Every stored assessment is whole: its answers and scores were written in one transaction.
        let long = try await run(["export", "--format", "long"])
        let answerRows = long.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count - 1
        #expect(answerRows == rows.count * 58)
        #expect(rows.allSatisfy { $0["overallScore"] as? Double == 11.7 })
        let check = try await ShellRunner.run(
            "\(MaturityBinary.url.path) list >/dev/null && echo ok", argument: "", in: directory, environment: env)
        #expect(check.stdout == "ok\n")
    }
}
