import MaturityImport
import MaturityQuestionnaire
import MaturityStore

/// What `maturity batch` prints at the end (and `--json`).
struct BatchSummary: Encodable {
    struct FileResult: Encodable {
        var path: String
        var format: String
        var read = 0
        var stored = 0
        var updated = 0
        var rejected = 0
        var skipped = 0
        var error: String?
        var rejectedFile: String?
    }

    var importId: Int64?

    enum CodingKeys: String, CodingKey { case importId, dryRun, strict, interrupted, files, levels, reports, totals }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(importId, forKey: .importId)
        try container.encode(dryRun, forKey: .dryRun)
        try container.encode(strict, forKey: .strict)
        try container.encode(interrupted, forKey: .interrupted)
        try container.encode(files, forKey: .files)
        try container.encode(levels, forKey: .levels)
        try container.encode(reports, forKey: .reports)
        try container.encode(totals, forKey: .totals)
    }
    var dryRun: Bool
    var strict: Bool
    var interrupted = false
    /// The signal that interrupted the run.
    var signal: Int32?
    var files: [FileResult] = []
    /// Overall level → respondents scored (stored, updated or checked in a dry run).
    var levels: [String: Int] = [:]
    var reports: [String] = []

    var totals: FileResult {
        var total = FileResult(path: "", format: "")
        for file in files {
            total.read += file.read
            total.stored += file.stored
            total.updated += file.updated
            total.rejected += file.rejected
            total.skipped += file.skipped
        }
        return total
    }

    var counts: ImportCounts {
        let total = totals
        var counts = ImportCounts()
        counts.read = total.read
        counts.stored = total.stored
        counts.updated = total.updated
        counts.rejected = total.rejected
        counts.skipped = total.skipped
        return counts
    }

    var failed: Bool { files.contains { $0.error != nil || $0.rejected > 0 } }

    /// The summary of a `--strict` check that found problems: the rows it counted as ready
    /// were not stored.
    func nothingStored() -> BatchSummary {
        var summary = self
        for index in summary.files.indices {
            summary.files[index].stored = 0
            summary.files[index].updated = 0
        }
        return summary
    }

    func text(questionnaire: Questionnaire) -> String {
        let total = totals
        var lines: [String] = []
        for file in files {
            if let error = file.error {
                guard file.read + file.skipped > 0 else {
                    lines.append("\(file.path): not imported (\(error))")
                    continue
                }
                // Damage met part-way: the rows before it are kept, and a re-run updates them.
                lines.append(
                    "\(file.path): stopped after \(file.read) read, \(file.stored) stored, \(file.updated) updated, \(file.rejected) rejected (\(error)); once the file is repaired, run the same command again: stored rows are updated, not duplicated"
                )
                continue
            }
            lines.append(
                "\(file.path) (\(file.format)): \(file.read) read, \(file.stored) stored, \(file.updated) updated, \(file.rejected) rejected, \(file.skipped) skipped"
                    + (file.rejectedFile.map { "; rejected rows in \($0)" } ?? ""))
        }
        let verb = dryRun ? "checked (dry run, nothing stored)" : strict && failed ? "stored: none (--strict)" : "done"
        lines.append(
            "total: \(total.read) read, \(total.stored) stored, \(total.updated) updated, \(total.rejected) rejected, \(total.skipped) skipped; \(verb)"
        )
        let language = questionnaire.defaultLanguage
        let counted = questionnaire.levels.map { level in
            "\(level.name.resolve(language, fallback: language)) \(levels[level.id.rawValue] ?? 0)"
        }
        lines.append("levels: " + counted.joined(separator: ", "))
        if let importId, !dryRun { lines.append("import #\(importId); see the cohort with 'maturity cohort --import \(importId)'") }
        if interrupted { lines.append("interrupted: the rows above are stored; run the same command again to finish") }
        return lines.joined(separator: "\n") + "\n"
    }
}
