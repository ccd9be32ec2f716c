import Foundation
import MaturityImport
import MaturityQuestionnaire
import MaturityRoadmap
import MaturityScoring
import MaturityStore

/// Reads exports chunk by chunk (one chunk ahead, `ChunkReader`), converts and scores each
/// chunk on every core, and writes it in one transaction while the next chunk is scored:
/// memory stays flat (three chunks at most), and an interruption leaves whole chunks stored.
final class BatchRunner {
    struct Settings {
        var files: [String]
        var format: ImportFormat
        var mapping: ImportMapping?
        var questionnaire: Questionnaire
        var dryRun: Bool
        /// Store nothing unless every row is good (`--strict`): validates first, then stores.
        var validateOnly: Bool
        var rejectedDirectory: String?
        var writeRejected: Bool
        /// Keep the ids of stored assessments (for `--reports`); a large import does not need them.
        var keepsStoredIds = false
        var delimiter: UInt8?
        /// Copies of `questionnaire` for the workers after the first (see `QuestionnaireReplicas`).
        var replicas: QuestionnaireReplicas?
    }

    /// A row after conversion and scoring, on a worker thread.
    enum Processed: Sendable {
        case ready(ImportedAssessment)
        case rejected(RowRejection)
        case skipped
    }

    static let chunkSize = 2000

    let settings: Settings
    let db: MaturityDatabase?
    let importId: Int64?
    let stop: StopFlag
    let progress: ProgressBar
    var summary: BatchSummary
    var storedIds: [AssessmentID] = []
    /// Keys seen in this run (hashed), with the file (index in `settings.files`, high 16 bits)
    /// and row that first had each: 16 bytes a respondent, so memory stays low at a million.
    private var seen: [Int: UInt64] = [:]
    private var bytesBefore: Int64 = 0
    /// Chunks are written one at a time, in order, on this queue.
    private let writer = DispatchQueue(label: "maturity.batch.writer")
    private var pending: Pending<[ImportOutcome]>?

    init(settings: Settings, db: MaturityDatabase?, importId: Int64?, stop: StopFlag, summary: BatchSummary) {
        self.settings = settings
        self.db = db
        self.importId = importId
        self.stop = stop
        self.summary = summary
        let total = settings.files.reduce(Int64(0)) { sum, path in
            sum + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0)
        }
        progress = ProgressBar(totalBytes: total)
    }

    func run() throws {
        for (index, path) in settings.files.enumerated() {
            guard stop.stopped == nil else { break }
            try importFile(path, index)
        }
        progress.finish()
        summary.interrupted = stop.stopped != nil
        summary.signal = stop.stopped
    }

    private func importFile(_ path: String, _ fileIndex: Int) throws {
        var result = BatchSummary.FileResult(path: path, format: settings.format.rawValue)
        defer { summary.files.append(result) }
        let source: any ResponseSource
        do {
            source = try ResponseSources.open(
                path: path, format: settings.format, mapping: settings.mapping, questionnaire: settings.questionnaire)
        } catch {
            Output.error(error.errorDescription ?? "\(path): error: cannot import")
            result.error = Self.reason(error)
            return
        }
        result.format = source.format.rawValue
        for warning in source.warnings { Output.error(warning) }
        let rejected =
            settings.writeRejected ? RejectedRowsFile(for: path, directory: settings.rejectedDirectory, header: source.headerRows) : nil
        defer { rejected?.close() }
        let keys = try newKeys(source.converter.keyScope)
        // By worker: the shared tables, until a worker's own copy of them is ready.
        var steps = Array(repeating: Steps(converter: source.converter, questionnaire: settings.questionnaire), count: ParallelMap.workers)
        let reader = ChunkReader(source, size: Self.chunkSize)
        defer { reader.close() }
        var bytesRead: Int64 = 0
        while stop.stopped == nil, let chunk = reader.next() {
            adoptReplicas(&steps, source.converter)
            let current = steps
            var processed = ParallelMap.map(chunk.rows) { raw, worker in
                Self.process(raw, current[worker], memo: current[worker].memos[worker])
            }
            var ready: [ImportedAssessment] = []
            ready.reserveCapacity(processed.count)
            for index in processed.indices {
                // Each row is moved out, not copied: only this thread runs here, between chunks.
                var item = Processed.skipped
                swap(&item, &processed[index])
                switch consume item {
                case .skipped: result.skipped += 1
                case let .rejected(rejection):
                    result.read += 1
                    try reject(rejection, &result, rejected)
                case let .ready(assessment):
                    result.read += 1
                    if let first = seen[assessment.key.hashValue] {
                        let what = assessment.key.contains("#row:") ? "the same row as" : "duplicate respondent; first seen at"
                        let firstFile = settings.files[Int(first >> 48)]
                        try reject(
                            RowRejection(
                                file: path, row: assessment.row, column: nil, message: "\(what) \(firstFile):\(first & 0xFFFF_FFFF_FFFF)",
                                cells: assessment.cells.strings), &result, rejected)
                        continue
                    }
                    seen[assessment.key.hashValue] = UInt64(fileIndex) << 48 | UInt64(assessment.row)
                    ready.append(assessment)
                }
            }
            try finishWrite(&result)
            startWrite(ready, keys, &result)
            bytesRead = chunk.bytesRead
            progress.update(bytes: bytesBefore + bytesRead, rows: summary.totals.read + result.read)
            if let error = chunk.error {
                // The rows read before the error are stored; the file stops there.
                Output.error(error.errorDescription ?? "\(path): error: read error")
                result.error = Self.reason(error)
                break
            }
        }
        try finishWrite(&result)
        bytesBefore += bytesRead
        if result.read == 0 && result.skipped == 0 && result.error == nil {
            Output.error(ImportError.headerOnly(path: path).errorDescription ?? "")
            result.error = "no response rows"
        }
        if result.rejected > 0, let rejected { result.rejectedFile = rejected.path }
    }

    private func reject(_ rejection: RowRejection, _ result: inout BatchSummary.FileResult, _ file: RejectedRowsFile?) throws {
        result.rejected += 1
        Output.error(rejection.description)
        try file?.append(rejection)
    }

    /// Whether the keys of a file are new to the store (`MaturityDatabase.newKeys`), when it stores.
    private func newKeys(_ scope: String) throws -> NewKeys? {
        guard let db, !settings.dryRun, !settings.validateOnly else { return nil }
        return try storeCall { try db.newKeys(scope: scope) }
    }

    /// Counts the levels of a chunk and starts writing it on the writer queue (unless nothing
    /// is stored), so that the next chunk is read and scored meanwhile.
    private func startWrite(_ ready: [ImportedAssessment], _ keys: NewKeys?, _ result: inout BatchSummary.FileResult) {
        for item in ready { summary.levels[item.overallLevel ?? "none", default: 0] += 1 }
        guard let db, let importId, !settings.dryRun, !settings.validateOnly, !ready.isEmpty else {
            if settings.dryRun || settings.validateOnly { result.stored += ready.count }
            return
        }
        let questionnaire = settings.questionnaire
        pending = Pending(on: writer) {
            try db.storeImported(ready, importId: importId, questionnaire: questionnaire, at: Date(), keys: keys)
        }
    }

    /// Waits for the chunk being written, then counts what it stored and updated.
    private func finishWrite(_ result: inout BatchSummary.FileResult) throws {
        guard let write = pending else { return }
        pending = nil
        let outcomes = try storeCall { try write.wait() }
        for outcome in outcomes {
            switch outcome {
            case let .stored(id):
                result.stored += 1
                if settings.keepsStoredIds { storedIds.append(id) }
            case let .updated(id):
                result.updated += 1
                if settings.keepsStoredIds { storedIds.append(id) }
            }
        }
    }

    /// Gives each worker after the first, once its copy of the questionnaire is parsed, steps
    /// of its own built from that copy. A copy converts and scores exactly as the original.
    private func adoptReplicas(_ steps: inout [Steps], _ converter: ResponseConverter) {
        guard let replicas = settings.replicas else { return }
        let ready = replicas.ready
        for worker in steps.indices.dropFirst() where steps[worker] === steps[0] && worker - 1 < ready.count {
            let copy = ready[worker - 1]
            guard let replica = try? converter.replica(questionnaire: copy) else { continue }
            steps[worker] = Steps(converter: replica, questionnaire: copy)
        }
    }

    /// What turns a row of one file into rows to store, with its tables built once per file.
    /// A class: a worker reads its own steps for every row, and a struct was copied each time.
    final class Steps: Sendable {
        let converter: ResponseConverter
        let scoring: ImportScoring
        /// Cells already read, one memo per worker.
        let memos: [CellMemo]

        init(converter: ResponseConverter, questionnaire: Questionnaire) {
            self.converter = converter
            scoring = ImportScoring(questionnaire: questionnaire)
            memos = (0..<ParallelMap.workers).map { _ in CellMemo() }
        }
    }

    /// Conversion, scoring and the roadmap actions of one row, run on worker threads: pure, but for
    /// the worker's memo of cells already read.
    static func process(_ raw: RawResponse, _ steps: Steps, memo: CellMemo) -> Processed {
        switch steps.converter.convert(raw, memo: memo) {
        case .skipped: return .skipped
        case let .rejected(rejection): return .rejected(rejection)
        case let .response(response):
            let card = steps.scoring.score(response.answers)
            if let missing = card.missingRequired.first {
                var rejection = RowRejection(
                    file: response.file, row: response.row, column: response.columns[missing].map { $0 + 1 },
                    message: "question '\(missing)': required question is not answered"
                        + (card.missingRequired.count > 1 ? " (and \(card.missingRequired.count - 1) more)" : ""),
                    cells: response.cells.strings)
                rejection.moreRows = response.moreRows
                return .rejected(rejection)
            }
            var assessment = ImportedAssessment(
                key: response.key, file: response.file, row: response.row, answers: response.answers, card: card,
                scoring: steps.scoring, engine: ToolInfo.engine)
            assessment.cells = response.cells
            return .ready(assessment)
        }
    }

    static func reason(_ error: ImportError) -> String {
        let text = error.errorDescription ?? "\(error)"
        return text.components(separatedBy: "error: ").last ?? text
    }
}
