import Foundation
import MaturityTestSupport
import Testing

/// The interview through the binary: piped whole interviews, end of input, Ctrl-C, SIGKILL and
/// resume, on a real database file per test.
@Suite struct InterviewCommandTests {
    let directory: String
    let database: String

    init() throws {
        directory = try ValidateCommandTests.scratchDirectory()
        database = directory + "/interviews.sqlite"
    }

    func run(_ arguments: [String], stdin: String? = nil) async throws -> MaturityBinary.Result {
        try await MaturityBinary.run(arguments + ["--db", database], in: directory, stdin: stdin)
    }

    static func script(_ language: String) throws -> [String] {
        try TestSupport.read("Tests/maturityTests/Fixtures/interview-\(language).txt").components(separatedBy: "\n").dropLast()
    }

    /// The scores and roadmap of a result, for comparison.
    func essentials(_ json: String) throws -> String {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let keep = ["overall", "dimensions", "roadmap", "questionnaire"].compactMap { key in object[key].map { (key, $0) } }
        let data = try JSONSerialization.data(withJSONObject: Dictionary(uniqueKeysWithValues: keep), options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    func scoreOf(_ example: String) async throws -> String {
        try essentials(
            try await MaturityBinary.run(["score", "--answers", TestSupport.path("questionnaires/examples/\(example).json"), "--json"])
                .stdout)
    }

    @Test func frenchInterviewWithHelpBackSkipNoteAndReviewStoresTheSameScoresAsTheAnswersFile() async throws {
        let lines = try Self.script("fr")
        #expect(lines.contains("?") && lines.contains("<") && lines.contains(">") && lines.contains("99"))
        let result = try await run(["interview", "--lang", "fr", "--advisor", "A. Conseil"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Question 1/58 · Profil de l'entreprise · 0 min\nRaison sociale de l'entreprise"))
        #expect(result.stdout.contains("Question 16/58 · Dimension 1/7 : Stratégie & leadership"))
        #expect(result.stdout.contains("✗ Tapez un numéro de 1 à 5."))
        #expect(result.stdout.contains("Note enregistrée pour usage.owner_frequency."))
        #expect(result.stdout.contains("Relecture avant de terminer\n  20. [passée] "))
        #expect(result.stdout.contains("Entretien n° 1 terminé et enregistré."))
        #expect(result.stdout.contains("Rapport écrit : reports/martin-chauffage-sanitaire-"))
        #expect(result.stdout.contains("Version imprimable : maturity report 1 --format html --db \(database)"))
        let reports = try FileManager.default.contentsOfDirectory(atPath: directory + "/reports")
        #expect(reports.count == 1 && reports[0].hasSuffix("-0001.md"))
        #expect(result.stderr == "Entretien n° 1 : chaque réponse est enregistrée dans \(database).\n")
        let shown = try await run(["show", "1", "--json"])
        #expect(try essentials(shown.stdout) == (try await scoreOf("beginner-tpe")))
        let exported = try await run(["export", "--format", "json"])
        #expect(exported.stdout.contains("\"usage.owner_frequency\" : \"Le dirigeant hésite encore\""))
        let list = try await run(["list", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows[0]["status"] as? String == "completed" && rows[0]["source"] as? String == "interview")
        #expect(rows[0]["advisor"] as? String == "A. Conseil" && rows[0]["language"] as? String == "fr")
    }

    @Test func englishInterviewStoresTheSameScoresAsTheAnswersFile() async throws {
        let result = try await run(["interview", "--lang", "en"], stdin: try Self.script("en").joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Question 16/58 · Dimension 1/7: Strategy & leadership"))
        #expect(result.stdout.contains("Review before finishing\nEvery required question is answered."))
        #expect(result.stdout.contains("Interview #1 completed and saved."))
        #expect(try essentials(try await run(["show", "1", "--json"]).stdout) == (try await scoreOf("advanced-pme")))
    }

    @Test func endOfInputSavesEverythingAndResumeContinuesAtTheFirstUnansweredQuestion() async throws {
        let lines = try Self.script("en")
        let first = try await run(["interview", "--lang", "en"], stdin: lines.prefix(8).joined(separator: "\n") + "\n")
        #expect(first.status == 1)
        #expect(first.stderr.hasSuffix("Interview saved. To resume it: maturity interview --resume 1 --db \(database)\n"))
        let open = try await run(["list", "--status", "in-progress"])
        #expect(open.stdout.contains("1   Durand Ingénierie  1     in-progress"))
        let second = try await run(["interview", "--resume", "1"], stdin: lines.dropFirst(8).joined(separator: "\n") + "\n")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.hasPrefix("\nQuestion 9/58 · Company profile · 0 min\nLoaded hourly cost, if known"))
        #expect(try essentials(try await run(["show", "1", "--json"]).stdout) == (try await scoreOf("advanced-pme")))
        let again = try await run(["interview", "--resume", "1"], stdin: "")
        #expect(again.status == 1 && again.stderr == "error: assessment #1 is completed, not in progress; see it with 'maturity show 1'\n")
    }

    @Test func ctrlCSavesPrintsTheResumeCommandAndExits130() async throws {
        let running = try RunningBinary(["interview", "--lang", "en", "--db", database], in: directory)
        running.type(Array(try Self.script("en").prefix(3)))
        #expect(await running.waitFor("Question 4/58"))
        let stopped = running.stop(with: SIGINT)
        #expect(stopped.status == 130)
        #expect(stopped.stderr.hasSuffix("\nInterview saved. To resume it: maturity interview --resume 1 --db \(database)\n"))
        let exported = try await run(["export", "--format", "json"])
        #expect(exported.stdout.contains("\"company.sector\" : \"71.12B Engineering, technical studies\""))
    }

    @Test func killedInterviewLosesNothingAndResumes() async throws {
        let lines = try Self.script("en")
        let running = try RunningBinary(["interview", "--lang", "en", "--db", database], in: directory)
        running.type(Array(lines.prefix(8)))
        #expect(await running.waitFor("Loaded hourly cost, if known"))
        _ = running.stop(with: SIGKILL)
        let resumed = try await run(["interview", "--resume", "1"], stdin: lines.dropFirst(8).joined(separator: "\n") + "\n")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try essentials(try await run(["show", "1", "--json"]).stdout) == (try await scoreOf("advanced-pme")))
    }

    @Test func completeAnswersFileFinishesWithoutAskingAndPartialOneAsksOnlyWhatIsMissing() async throws {
        let complete = try await run(["interview", "--answers", TestSupport.path("questionnaires/examples/advanced-pme.json")], stdin: "")
        #expect(complete.status == 0, "\(complete.stderr)")
        #expect(!complete.stdout.contains("Question "))
        #expect(try essentials(try await run(["show", "1", "--json"]).stdout) == (try await scoreOf("advanced-pme")))
        var file = try #require(
            try JSONSerialization.jsonObject(with: Data(TestSupport.read("questionnaires/examples/advanced-pme.json").utf8))
                as? [String: Any])
        var answers = try #require(file["answers"] as? [String: Any])
        answers["strategy.budget"] = nil
        file["answers"] = answers
        try JSONSerialization.data(withJSONObject: file).write(to: URL(fileURLWithPath: directory + "/partial.json"))
        let partial = try await run(["interview", "--answers", "partial.json", "--company", "Other SAS"], stdin: "3\n\n")
        #expect(partial.status == 0, "\(partial.stderr)")
        #expect(partial.stdout.components(separatedBy: "Question ").count == 2)
        #expect(partial.stdout.contains("Dimension 1/7: Strategy & leadership · 0 min\nWhat budget is planned for AI"))
    }

    @Test func usageErrors() async throws {
        let both = try await run(["interview", "--resume", "1", "--company", "X"])
        #expect(both.status == 64 && both.stderr.contains("--resume continues a stored interview"))
        let missing = try await run(["interview", "--resume", "42"], stdin: "")
        #expect(missing.status == 1 && missing.stderr.contains("42"))
        let nothing = try await run(["interview"], stdin: "")
        #expect(nothing.status == 1 && nothing.stderr == "Rien n'est enregistré : l'entreprise n'a pas encore de nom.\n")
    }
}

/// The TTY path in a real terminal (tmux): redraws, colours, Ctrl-C, resume.
@Suite struct InterviewTerminalTests {
    @Test(.enabled(if: Tmux.available, "tmux is not installed: the TTY path is not tested here (.ci/run installs it)"))
    func interviewInATerminalRedrawsColoursAndResumesAfterCtrlC() async throws {
        let directory = try ValidateCommandTests.scratchDirectory()
        let command = "cd \(directory) && env -u NO_COLOR TERM=xterm-256color \(MaturityBinary.url.path) interview --lang en --db db.sqlite"
        let terminal = try Tmux(command + "; echo EXIT=$?; sleep 60")
        #expect(try await terminal.waitFor("Company name").contains("Question 1/58 · Company profile"))
        try terminal.send("Durand Ingénierie", "Enter")
        let second = try await terminal.waitFor("SIREN number")
        #expect(!second.contains("Company name"), "each question is drawn on a fresh screen")
        #expect(try terminal.screen(escapes: true).contains("\u{1B}[36mQuestion 2/58"), "the progress line is coloured")
        try terminal.send("?", "Enter")
        #expect(try await terminal.waitFor("Links the T0/T1 waves").contains("SIREN number"))
        try terminal.send("443061841", "Enter")
        _ = try await terminal.waitFor("Sector (NAF code and label)")
        try terminal.send("C-c")
        let stopped = try await terminal.waitFor("EXIT=")
        #expect(stopped.contains("Interview saved. To resume it: maturity interview --resume 1 --db db.sqlite"))
        #expect(stopped.contains("EXIT=130"))

        let resumed = try Tmux(command.replacing("--lang en", with: "--resume 1 --accessible") + "; echo EXIT=$?; sleep 60")
        #expect(try await resumed.waitFor("Sector (NAF code and label)").contains("Question 3/58"))
        #expect(!(try resumed.screen(escapes: true).contains("\u{1B}[1m")), "--accessible prints no colours")
        try resumed.send("71.12B Engineering", "Enter")
        let next = try await resumed.waitFor("Headcount")
        #expect(next.contains("Sector (NAF code and label)"), "--accessible keeps earlier prompts on screen")
        try resumed.send(":save", "Enter")
        #expect(try await resumed.waitFor("EXIT=").contains("EXIT=0"))
    }
}
