import Foundation
import GRDB
import MaturityTestSupport
import Testing

@testable import MaturityStore

/// `maturity batch`, `sample` and `cohort` through the binary, on a real database file.
@Suite struct BatchCommandTests {
    let directory: String
    let db: String
    static let fixtures = TestSupport.path("Tests/MaturityImportTests/Fixtures")
    static let samples = TestSupport.root.deletingLastPathComponent().appendingPathComponent("shared/samples/exports").path

    init() throws {
        directory = try ValidateCommandTests.scratchDirectory()
        db = directory + "/data/maturity.sqlite"
    }

    func run(_ arguments: [String]) async throws -> MaturityBinary.Result {
        try await MaturityBinary.run(arguments, in: directory, environment: ["MATURITY_DB": db])
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func totals(_ result: MaturityBinary.Result) throws -> [String: Int] {
        let summary = try json(result.stdout)
        let totals = try #require(summary["totals"] as? [String: Any])
        return totals.compactMapValues { $0 as? Int }
    }

    func storedCount() throws -> Int { try MaturityDatabase.open(path: db).list().count }

    @Test func limeSurveyExportImportsThroughItsMappingAndReimportUpdates() async throws {
        let arguments = [
            "batch", "\(Self.samples)/limesurvey_csv_codes_fullanswers_N2_2020.csv", "--questionnaire", "\(Self.fixtures)/survey-test.yaml",
            "--mapping", "\(Self.fixtures)/limesurvey.mapping.yaml", "--json",
        ]
        let first = try await run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try totals(first) == ["read": 5, "stored": 5, "updated": 0, "rejected": 0, "skipped": 7])
        // Written with a rollback journal, the file is left in WAL for the other commands.
        #expect(try await DatabaseQueue(path: db).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try json(first.stdout)["levels"] as? [String: Int] == ["low": 5])
        let again = try await run(arguments)
        #expect(try totals(again) == ["read": 5, "stored": 0, "updated": 5, "rejected": 0, "skipped": 7])
        #expect(try storedCount() == 5)
        let show = try await run(["show", "3", "--json"])
        let dimensions = try #require(try json(show.stdout)["dimensions"] as? [[String: Any]])
        #expect(dimensions.map { $0["score"] as? Double } == [75, 12.5], "respondent 47 (third complete response)")

        let cohort = try await run(["cohort", "--import", "2", "--format", "json", "--questionnaire", "\(Self.fixtures)/survey-test.yaml"])
        #expect(cohort.status == 0, "\(cohort.stderr)")
        let view = try json(cohort.stdout)
        #expect(view["companies"] as? Int == 5)
        let overall = try #require(view["overall"] as? [String: Any])
        // Overall scores 25, 31.3, 43.8, 25, 18.8; practice 37.5, 12.5, 75, 12.5, 37.5.
        #expect([overall["q1"], overall["median"], overall["q3"]].map { $0 as? Double } == [25, 25, 31.3])
        let practice = try #require((view["dimensions"] as? [[String: Any]])?.first)
        #expect([practice["q1"], practice["median"], practice["q3"]].map { $0 as? Double } == [12.5, 37.5, 37.5])
        let markdown = try await run(["cohort", "--questionnaire", "\(Self.fixtures)/survey-test.yaml", "--lang", "en"])
        #expect(markdown.stdout.contains("| Overall | 25.0 | 25.0 | 31.3 | 5 | 0 |"))
    }

    @Test func badRowsAreReportedKeptInTheRejectedFileAndTheOthersStored() async throws {
        _ = try await run(["sample", "--count", "6", "--seed", "4", "-o", "sample.csv"])
        var lines = try String(contentsOfFile: directory + "/sample.csv", encoding: .utf8).components(separatedBy: "\r\n")
        let header = lines[0].components(separatedBy: ",")
        let headcount = try #require(header.firstIndex(of: "company.headcount"))
        var cells = lines[3].components(separatedBy: ",")
        cells[headcount] = "géant"
        lines[3] = cells.joined(separator: ",")
        try lines.joined(separator: "\r\n").write(toFile: directory + "/sample.csv", atomically: true, encoding: .utf8)

        let strict = try await run(["batch", "sample.csv", "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("sample.csv (wide): 6 read, 0 stored, 0 updated, 1 rejected"))
        #expect(strict.stdout.contains("stored: none (--strict)"))
        let storedAfterStrict = FileManager.default.fileExists(atPath: db) ? try storedCount() : 0
        #expect(storedAfterStrict == 0)

        let result = try await run(["batch", "sample.csv"])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "sample.csv:4:\(headcount + 1): error: question 'company.headcount': unknown option 'géant'; options: tpe, pe, me, eti"))
        #expect(
            result.stdout.contains(
                "sample.csv (wide): 6 read, 5 stored, 0 updated, 1 rejected, 0 skipped; rejected rows in sample.rejected.csv"))
        let rejected = try String(contentsOfFile: directory + "/sample.rejected.csv", encoding: .utf8).components(separatedBy: "\r\n")
        #expect(rejected[0] == lines[0] + ",_row,_column,_error")
        #expect(rejected[1].hasPrefix(lines[3] + ",4,\(headcount + 1),\"question 'company.headcount': unknown option 'géant'"))
        #expect(try storedCount() == 5)
    }

    @Test func dryRunStoresNothingAndJSONLinesAndLongFormatsImport() async throws {
        try """
        {"respondent": "j1", "company": {"name": "Jade"}, "answers": {"practice.field": "biology", "people.age": 20}}
        {"respondent": "j2", "answers": {"practice.field": "other"}}
        """.write(toFile: directory + "/a.jsonl", atomically: true, encoding: .utf8)
        try "respondent,question,value\r\nl1,practice.funding,s1|s2\r\nl1,people.partner,yes\r\n".write(
            toFile: directory + "/long.csv", atomically: true, encoding: .utf8)
        let questionnaire = ["--questionnaire", "\(Self.fixtures)/survey-test.yaml"]
        let dry = try await run(["batch", "a.jsonl", "long.csv", "--dry-run"] + questionnaire)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("a.jsonl (jsonl): 2 read, 2 stored"))
        #expect(dry.stdout.contains("long.csv (long): 1 read, 1 stored"))
        #expect(dry.stdout.contains("checked (dry run, nothing stored)"))
        #expect(!FileManager.default.fileExists(atPath: db))
        let real = try await run(["batch", "a.jsonl", "long.csv"] + questionnaire)
        #expect(real.status == 0, "\(real.stderr)")
        #expect(try storedCount() == 3)
    }

    @Test func microsoftFormsWorkbookImportsAndADamagedOneIsOneError() async throws {
        let arguments = [
            "batch", "forms.xlsx", "--questionnaire", "\(Self.fixtures)/survey-test.yaml", "--mapping",
            "\(Self.fixtures)/microsoft-forms.mapping.yaml",
        ]
        let workbook = try Data(contentsOf: URL(fileURLWithPath: "\(Self.fixtures)/microsoft-forms.xlsx"))
        try workbook.write(to: URL(fileURLWithPath: directory + "/forms.xlsx"))
        let first = try await run(arguments)
        #expect(first.status == 1, "one row is rejected")
        #expect(first.stderr.contains("forms.xlsx:5:10: error: question 'people.age': 'forty' is not a number (number question)"))
        #expect(first.stdout.contains("forms.xlsx (wide): 3 read, 2 stored, 0 updated, 1 rejected, 0 skipped"))
        let rejected = try String(contentsOfFile: directory + "/forms.rejected.csv", encoding: .utf8).components(separatedBy: "\r\n")
        #expect(rejected[0].hasPrefix("ID,Start time,Completion time,Email,Name,What is your field?"))
        #expect(
            rejected[1].hasPrefix("3,2023-11-06 06:00:00,2023-11-06 06:14:24,anonymous,Ltd & Co,Other,,Rather not aware,No,forty,5,10,"))
        let again = try await run(arguments + ["--json"])
        #expect(try totals(again) == ["read": 3, "stored": 0, "updated": 2, "rejected": 1, "skipped": 0])
        #expect(try MaturityDatabase.open(path: db).list().map(\.company).sorted() == ["Jane Doe", "forms.xlsx #1"])

        let template = try await run(["batch", "--init-mapping", "forms.xlsx", "--questionnaire", "\(Self.fixtures)/survey-test.yaml"])
        #expect(template.status == 0, "\(template.stderr)")
        #expect(template.stdout.contains("survey: forms\nheaderRows: 1\nrespondent: ID\n"))

        try workbook.prefix(workbook.count / 2).write(to: URL(fileURLWithPath: directory + "/cut.xlsx"))
        let cut = try await run(["batch", "cut.xlsx", "--questionnaire", "\(Self.fixtures)/survey-test.yaml"])
        #expect(cut.status == 1)
        #expect(
            cut.stderr.contains(
                "cut.xlsx: error: cannot read the file (a ZIP archive that cannot be opened; save it again as .xlsx or export CSV)"))
        #expect(try storedCount() == 2, "nothing already stored is lost")
    }

    /// The same respondents saved as a workbook by an independent writer (Python) store the
    /// same answers, scores and roadmaps: texts, SIRENs with leading zeros, decimals, multiple
    /// choices and use-case JSON cells included.
    @Test func aWorkbookStoresWhatTheSameCSVStores() async throws {
        _ = try await run(["sample", "--count", "30", "--seed", "11", "-o", "sample.csv"])
        let converted = try await ShellRunner.run(
            "python3 \"$1\" sample.csv sample.xlsx", argument: TestSupport.path("scripts/csv-to-xlsx.py"), in: directory, environment: [:])
        #expect(converted.status == 0)
        var exports: [String] = []
        for file in ["sample.csv", "sample.xlsx"] {
            let database = "\(file).sqlite"
            let imported = try await run(["batch", file, "--db", database])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stdout.contains("30 read, 30 stored"))
            exports.append(try await run(["export", "--format", "wide", "--db", database]).stdout)
        }
        #expect(exports[0].count > 10_000)
        #expect(exports[0] == exports[1])
    }

    /// Imported respondents have no result document: the wide export reads their stored
    /// scores (these columns were empty), and writes as it reads.
    @Test func importedRespondentsExportWithTheirDimensionScores() async throws {
        _ = try await run(["sample", "--count", "12", "--seed", "3", "-o", "sample.csv"])
        #expect(try await run(["batch", "sample.csv"]).status == 0)
        let wide = try await run(["export", "--format", "wide"])
        let lines = wide.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 13)
        let header = lines[0].components(separatedBy: ",")
        for (index, line) in lines.dropFirst().prefix(3).enumerated() {
            // Sample rows quote no cell before the answers, so the first columns split on commas.
            let cells = line.components(separatedBy: ",")
            let shown = try json(try await run(["show", String(index + 1), "--json"]).stdout)
            let dimensions = try #require(shown["dimensions"] as? [[String: Any]])
            #expect(dimensions.count == 7)
            for dimension in dimensions {
                let id = try #require(dimension["id"] as? String)
                let column = try #require(header.firstIndex(of: "score.\(id)"))
                #expect(cells[column] == String(format: "%.1f", try #require(dimension["score"] as? Double)), "\(id)")
                #expect(cells[column + 1] == dimension["level"] as? String, "\(id)")
            }
        }
        let written = try await run(["export", "--format", "wide", "-o", "wide.csv"])
        #expect(written.status == 0 && written.stderr == "exported 12 assessments to wide.csv\n")
        #expect(try String(contentsOfFile: directory + "/wide.csv", encoding: .utf8) == wide.stdout)
        let refused = try await run(["export", "--format", "json", "-o", "missing/out.json"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "missing/out.json: error: cannot write the export; check the folder exists and is writable\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".partial") }.isEmpty)
    }

    /// `rescore` keeps imported respondents in their shape (scores and actions, no result
    /// document), rewrites them byte for byte as the import stored them, and counts only what
    /// changed; an interview-like assessment beside them is re-scored as before. Titles it
    /// writes actions for are stored.
    @Test func rescoreKeepsImportedRespondentsAsImportedAndCountsWhatChanged() async throws {
        _ = try await run(["sample", "--count", "12", "--seed", "3", "-o", "sample.csv"])
        #expect(try await run(["batch", "sample.csv"]).status == 0)
        let saved = try await run(["score", "--answers", TestSupport.path("questionnaires/examples/beginner-tpe.json"), "--save"])
        #expect(saved.status == 0, "\(saved.stderr)")
        let store = try MaturityDatabase.open(path: db)
        func rows() throws -> [[String?]] {
            try store.writer.read { db in
                try Row.fetchAll(db, sql: "SELECT scores, actions, CAST(result IS NULL AS TEXT) AS lean FROM assessment ORDER BY id").map {
                    row in
                    [row["scores"], row["actions"], row["lean"]]
                }
            }
        }
        let before = try rows()
        #expect(before.count == 13 && before.prefix(12).allSatisfy { $0[2] == "1" } && before[12][2] == "0")
        try await store.writer.write { db in
            try db.execute(sql: "UPDATE assessment SET scores = '[]' WHERE id = 2; UPDATE assessment SET actions = '[]' WHERE id = 5")
            // As after migration v6 when no earlier assessment fired a rule: rescore stores its title.
            try db.execute(sql: "DELETE FROM actionTitle")
        }
        let engine = "maturity 0.1.0"
        #expect(try await run(["rescore", "--all"]).stdout == "rescored 13 assessments with \(engine); 2 changed\n")
        #expect(try rows() == before)
        let untitled = try await store.writer.read { db in
            try Int.fetchAll(db, sql: "SELECT COUNT(*) FROM roadmapAction UNION ALL SELECT COUNT(*) FROM roadmapAction WHERE title IS NULL")
        }
        #expect(untitled.count == 2 && untitled[0] > 13 && untitled[1] == 0)
        #expect(try await run(["rescore", "--all"]).stdout == "rescored 13 assessments with \(engine); 0 changed\n")
        #expect(try await run(["rescore", "5"]).stdout == "rescored 1 assessment with \(engine); 0 changed\n")
        #expect(try rows() == before)
        #expect(try await run(["rescore", "99"]).status == 1)
    }

    /// A workbook is read as it is imported: damage part-way through its worksheet stops the
    /// file where it is met, keeps every row read before it (whole chunks and the rows of the
    /// chunk it cut short), and the repaired file's re-run completes the import without
    /// duplicating a row.
    @Test func aWorkbookDamagedPartWayKeepsWhatWasStoredAndARerunCompletesIt() async throws {
        _ = try await run(["sample", "--count", "2500", "--seed", "5", "-o", "sample.csv"])
        let damage = """
            import sys, zipfile
            data = bytearray(open("sample.xlsx", "rb").read())
            entry = zipfile.ZipFile("sample.xlsx").getinfo("xl/worksheets/sheet1.xml")
            start = entry.header_offset + 30 + len(entry.filename) + len(entry.extra)
            for offset in range(start + entry.compress_size * 95 // 100, start + entry.compress_size * 95 // 100 + 40, 4):
                data[offset] ^= 0x5A
            open("damaged.xlsx", "wb").write(data)
            """
        try damage.write(toFile: directory + "/damage.py", atomically: true, encoding: .utf8)
        let made = try await ShellRunner.run(
            "python3 \"$1\" sample.csv sample.xlsx && python3 damage.py", argument: TestSupport.path("scripts/csv-to-xlsx.py"),
            in: directory, environment: [:])
        #expect(made.status == 0, "\(made.stderr)")
        let damaged = try await run(["batch", "damaged.xlsx", "--json"])
        #expect(damaged.status == 1)
        #expect(damaged.stderr.contains("damaged.xlsx: error: cannot read the file (the worksheet, line "))
        // The damage is in the second chunk (2,000 rows each): the rows before it are kept.
        let kept = try totals(damaged)
        let read = try #require(kept["read"])
        #expect((2001..<2500).contains(read), "\(kept)")
        #expect(kept == ["read": read, "stored": read, "updated": 0, "rejected": 0, "skipped": 0])
        #expect(try storedCount() == read)
        let files = try #require(try json(damaged.stdout)["files"] as? [[String: Any]])
        #expect((files.first?["error"] as? String)?.hasPrefix("cannot read the file (the worksheet, line ") == true, "\(files)")
        let strict = try await run(["batch", "damaged.xlsx", "--strict", "--db", "strict.sqlite"])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("damaged.xlsx: stopped after \(read) read, 0 stored, 0 updated, 0 rejected ("))
        #expect(strict.stdout.contains("stored: none (--strict)"), "a damaged file is a problem --strict stores nothing for")
        try FileManager.default.removeItem(atPath: directory + "/damaged.xlsx")
        try FileManager.default.copyItem(atPath: directory + "/sample.xlsx", toPath: directory + "/damaged.xlsx")
        let repaired = try await run(["batch", "damaged.xlsx", "--json"])
        #expect(repaired.status == 0, "\(repaired.stderr)")
        #expect(try totals(repaired) == ["read": 2500, "stored": 2500 - read, "updated": read, "rejected": 0, "skipped": 0])
        #expect(try storedCount() == 2500)
    }

    @Test func windows1252ExportWithSemicolonsImportsWithAWarning() async throws {
        let text = "respondent;company;practice.field;people.age\r\nw1;Soci\u{E9}t\u{E9} G\u{E9}n\u{E9}rale;biology;42,0\r\n"
        try Data(text.unicodeScalars.map { UInt8($0.value) }).write(to: URL(fileURLWithPath: directory + "/excel.csv"))
        let result = try await run(["batch", "excel.csv", "--questionnaire", "\(Self.fixtures)/survey-test.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("excel.csv: warning: the file is not UTF-8; read as Windows-1252"))
        #expect(try MaturityDatabase.open(path: db).list().first?.company == "Société Générale")
    }

    @Test func initMappingMatchesColumnsAndGuessesTheRest() async throws {
        let lime = try await run(["batch", "--init-mapping", "\(Self.samples)/limesurvey_csv_codes_fullanswers_N2_2020.csv"])
        #expect(lime.status == 0, "\(lime.stderr)")
        #expect(lime.stdout.contains("respondent: id\nonly:\n  - {column: submitdate, notEmpty: true}"))
        let qualtrics = try await run(["batch", "--init-mapping", "\(Self.samples)/qualtrics_v3_sample_qualtRics.csv"])
        #expect(qualtrics.stdout.contains("headerRows: 3\nrespondent: ResponseId\nonly:\n  - {column: Finished, equals: \"1\"}"))
        try "respondent,strategy.priority,Qui porte le sujet IA dans l'entreprise ?\n".write(
            toFile: directory + "/guess.csv", atomically: true, encoding: .utf8)
        let guess = try await run(["batch", "--init-mapping", "guess.csv"])
        #expect(guess.stdout.contains("  strategy.priority: strategy.priority   # matched by id"))
    }

    @Test func sampleIsDeterministicAndEveryRowImports() async throws {
        let one = try await run(["sample", "--count", "40", "--seed", "9"])
        let two = try await run(["sample", "--count", "40", "--seed", "9"])
        #expect(one.stdout == two.stdout)
        #expect(one.stdout.components(separatedBy: "\r\n").count == 42)
        try one.stdout.write(toFile: directory + "/s.csv", atomically: true, encoding: .utf8)
        let batch = try await run(["batch", "s.csv", "--json", "--reports", "out"])
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(try totals(batch)["stored"] == 40)
        let levels = try #require(try json(batch.stdout)["levels"] as? [String: Int])
        #expect(levels.count >= 4, "varied respondents: \(levels)")
        let reports = try FileManager.default.contentsOfDirectory(atPath: directory + "/out").filter { $0.hasSuffix(".md") }
        #expect(reports.count == 40)
        // Each report places its company among the 40 respondents of the import.
        let report = try String(contentsOfFile: directory + "/out/" + reports[0], encoding: .utf8)
        #expect(report.contains("## Position dans la cohorte\n\nImport n° 1 (40 entreprises)\n"), "\(report.suffix(3000))")
        #expect(report.contains("| Dimension | Votre score | 1er quartile | Médiane | 3e quartile | Centile | Position |"))
        let cohort = try await run(["report", "1", "--cohort", "size", "-o", "size.md"])
        #expect(cohort.status == 0, "\(cohort.stderr)")
        let bySize = try String(contentsOfFile: directory + "/size.md", encoding: .utf8)
        #expect(bySize.contains("## Position dans la cohorte\n\nEffectif : "))
    }

    /// The threads that score (the main thread among them) run below the ones that read and
    /// write chunks (Linux).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/task")))
    func scoringThreadsYieldToTheWriter() async throws {
        _ = try await run(["sample", "--count", "12000", "--seed", "3", "-o", "big.csv"])
        // Each thread's id and nice value (the 17th field after the command name in its stat).
        let script = """
            \(MaturityBinary.url.path) batch big.csv --db \(db) > batch.log 2>&1 &
            pid=$!
            sleep 1.5
            for task in /proc/$pid/task/*; do echo "$(basename $task) $(sed 's/.*) //' $task/stat | cut -d' ' -f17)"; done > nice.txt
            echo $pid > pid.txt
            wait $pid
            """
        let shell = try await ShellRunner.run(script, argument: "", in: directory, environment: [:])
        #expect(shell.status == 0)
        let pid = try String(contentsOfFile: directory + "/pid.txt", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let nice = Dictionary(
            uniqueKeysWithValues: try String(contentsOfFile: directory + "/nice.txt", encoding: .utf8).split(separator: "\n").map {
                let fields = $0.split(separator: " ")
                return (String(fields[0]), String(fields[1]))
            })
        #expect(nice[pid] == "10", "the main thread scores: \(nice)")
        #expect(nice.values.contains("0"), "the writer and the reader keep their priority: \(nice)")
        #expect(try storedCount() == 12000)
    }

    @Test func killedMidFileLeavesWholeChunksAndARerunCompletes() async throws {
        _ = try await run(["sample", "--count", "12000", "--seed", "2", "-o", "big.csv"])
        let batch = "\(MaturityBinary.url.path) batch big.csv --db \(db) > first.log 2>&1"
        try await ShellRunner.runAndKill(batch, in: directory, environment: [:], after: .milliseconds(2500))
        let partial = try storedCount()
        #expect(partial % 2000 == 0, "whole chunks only: \(partial)")
        let rerun = try await run(["batch", "big.csv", "--json"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let counts = try totals(rerun)
        #expect(counts["stored"] == 12000 - partial)
        #expect(counts["updated"] == partial)
        #expect(try storedCount() == 12000)
        #expect(try MaturityDatabase.open(path: db).integrityCheck() == "ok")
    }
}
