import ArgumentParser
import Foundation
import MaturityInterview
import MaturityQuestionnaire

/// Drives a session: reads a line, hands it to the state machine, carries out its actions
/// (print, autosave, finish, suspend) until it finishes or is suspended.
struct InterviewLoop {
    let terminal: Terminal

    func run(_ session: inout InterviewSession, recorder: InterviewRecorder, finishWhenComplete: Bool) throws {
        var actions = session.start()
        if finishWhenComplete, let finish = session.finishIfComplete() { actions = finish }
        var shown: InterviewSession.Mode?
        var endOfInput = false
        while true {
            let stopping = session.mode == .finished || session.mode == .suspended
            if session.mode != shown && !stopping && !isSameQuestion(session.mode, shown) { terminal.newScreen() }
            shown = session.mode
            for action in actions {
                switch action {
                case let .show(text):
                    if text == session.prompt() { terminal.prompt(text, hint: session.text.hint) } else { terminal.show(text) }
                case let .problem(text): terminal.problem(text)
                case let .save(question, value): try recorder.save(question, value, session)
                case let .saveNote(question, note): try recorder.note(question, note, session)
                case .finish: return try finish(session, recorder)
                case .suspend:
                    Output.error(session.text.suspended(resume: recorder.resumeCommand))
                    if endOfInput { throw ExitCode.failure }
                    return
                }
            }
            guard let line = terminal.readLine() else {
                endOfInput = true
                actions = session.endOfInput()
                continue
            }
            actions = session.handle(line, at: Date())
        }
    }

    /// Rows of one matrix and fields of one use case stay on the same screen.
    func isSameQuestion(_ a: InterviewSession.Mode, _ b: InterviewSession.Mode?) -> Bool {
        switch (a, b) {
        case let (.matrixRow(x, _), .matrixRow(y, _)?): x == y
        case let (.useCaseMenu(x), .useCaseField(y, _, _)?), let (.useCaseField(x, _, _), .useCaseMenu(y)?),
            let (.useCaseField(x, _, _), .useCaseField(y, _, _)?):
            x == y
        default: false
        }
    }

    func finish(_ session: InterviewSession, _ recorder: InterviewRecorder) throws {
        guard let (id, diagnosis) = try recorder.finish(session) else {
            Output.error(session.text.suspended(resume: nil))
            throw ExitCode.failure
        }
        let language = session.text.language
        terminal.newScreen()
        terminal.success(session.text.completed(id.rawValue))
        Output.write("\n" + ScoreSummary(document: diagnosis.document, language: language).text + "\n")
        let options = recorder.context.resumeOptions.map { " " + $0 }.joined()
        let writer = ReportWriter(db: recorder.db, templates: try ReportWriter.templates(directory: nil))
        let path = try writer.write(id, language: language, format: .markdown, to: nil)
        Output.write(
            session.text.next(report: path, html: "maturity report \(id) --format html\(options)", show: "maturity show \(id)\(options)")
                + "\n")
    }
}
