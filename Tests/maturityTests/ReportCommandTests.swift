import Foundation
import MaturityStore
import MaturityTestSupport
import Testing

/// `maturity report` through the binary: files written, reports stored, waves compared,
/// firm templates and their errors.
@Suite struct ReportCommandTests {
    let directory: String
    let database: String

    init() throws {
        directory = try ValidateCommandTests.scratchDirectory()
        database = directory + "/reports.sqlite"
    }

    func run(_ arguments: [String]) async throws -> MaturityBinary.Result {
        try await MaturityBinary.run(arguments + ["--db", database], in: directory)
    }

    func save(_ example: String, company: String? = nil) async throws {
        let arguments = ["score", "--answers", TestSupport.path("questionnaires/examples/\(example).json"), "--save"]
        let result = try await run(arguments + (company.map { ["--company", $0] } ?? []))
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func writesMarkdownAndHTMLAndStoresBoth() async throws {
        try await save("advanced-pme")
        let markdown = try await run(["report", "1"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        let path = markdown.stdout.trimmingCharacters(in: .newlines)
        #expect(path.hasPrefix("reports/durand-ingenierie-") && path.hasSuffix("-0001.md"))
        let text = try String(contentsOfFile: directory + "/" + path, encoding: .utf8)
        #expect(text.hasPrefix("# Generative-AI maturity diagnostic — Durand Ingénierie\n"))
        #expect(
            text.contains("```mermaid\nxychart-beta") && text.contains("```mermaid\ngantt") && text.contains("```mermaid\nquadrantChart"))
        let html = try await run(["report", "1", "--format", "html", "--lang", "fr", "-o", "out/durand.html"])
        #expect(html.status == 0 && html.stdout == "out/durand.html\n")
        let page = try String(contentsOfFile: directory + "/out/durand.html", encoding: .utf8)
        #expect(page.contains("<html lang=\"fr\">") && page.contains("Diagnostic de maturité en IA générative"))
        let stored = try MaturityDatabase.open(path: database).reports(of: AssessmentID(rawValue: 1))
        #expect(stored.map(\.format) == ["md", "html"] && stored.map(\.language) == ["en", "fr"])
        #expect(stored[0].body == text && stored[1].body == page)
        #expect(stored[0].templateHash.count == 64)
    }

    @Test func secondWaveShowsProgress() async throws {
        try await save("beginner-tpe", company: "Durand Ingénierie")
        try await save("advanced-pme")
        let result = try await run(["report", "2", "-o", "wave2.md"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: directory + "/wave2.md", encoding: .utf8)
        #expect(text.contains("## Progress since the previous wave\n\nWave 1 ("))
        #expect(text.contains("| Strategy & leadership | 22.9 | 73.9 | +51.0 |"))
    }

    @Test func cohortPositionNeedsAnImportOrEnoughCompanies() async throws {
        try await save("advanced-pme")
        let notImported = try await run(["report", "1", "--cohort", "import", "-o", "c.md"])
        #expect(notImported.status == 1)
        #expect(notImported.stderr == "error: assessment #1 was not imported by 'maturity batch'; use --cohort all\n")
        #expect(!FileManager.default.fileExists(atPath: directory + "/c.md"))
        let tooFew = try await run(["report", "1", "--cohort", "all", "-o", "c.md"])
        #expect(tooFew.status == 0, "\(tooFew.stderr)")
        #expect(
            tooFew.stderr
                == "note: assessment #1: the cohort (All companies) has 1 scored company; at least 5 are needed to show a position\n")
        let text = try String(contentsOfFile: directory + "/c.md", encoding: .utf8)
        #expect(!text.contains("Position in the cohort"))
    }

    @Test func firmTemplatesOverrideAndTheirErrorsAreLocated() async throws {
        try await save("beginner-tpe")
        let templates = directory + "/brand"
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        try "# {{company.name}} ({{overall.level}})\n".write(toFile: templates + "/report.md.mustache", atomically: true, encoding: .utf8)
        let branded = try await run(["report", "1", "--template", "brand", "-o", "b.md"])
        #expect(branded.status == 0, "\(branded.stderr)")
        #expect(try String(contentsOfFile: directory + "/b.md", encoding: .utf8) == "# Martin Chauffage Sanitaire (Découverte)\n")
        try "# {{company.nom}}\n".write(toFile: templates + "/report.md.mustache", atomically: true, encoding: .utf8)
        let broken = try await run(["report", "1", "--template", "brand", "-o", "c.md"])
        #expect(broken.status == 1)
        #expect(broken.stderr == "brand/report.md.mustache:1:3: error: unknown variable 'company.nom'; see docs/report-templates.md\n")
        #expect(!FileManager.default.fileExists(atPath: directory + "/c.md"))
    }

    @Test func unfinishedOrUnknownAssessmentsAreRefused() async throws {
        let started = try await MaturityBinary.run(
            ["interview", "--lang", "en", "--db", database], in: directory, stdin: "Acme\n")
        #expect(started.status == 1)
        let unfinished = try await run(["report", "1"])
        #expect(unfinished.status == 1 && unfinished.stderr.contains("assessment #1 is in-progress; finish it first"))
        let unknown = try await run(["report", "9"])
        #expect(unknown.status == 1 && unknown.stderr.contains("9"))
    }
}
