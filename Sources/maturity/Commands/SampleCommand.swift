import ArgumentParser
import Foundation
import MaturityImport

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write synthetic respondents in the canonical wide CSV format (for benchmarks and demos).",
        discussion: """
            Every row is valid for the questionnaire and imports with 'maturity batch'. The same \
            --seed gives the same file. Rows are written as they are made: memory does not grow with --count.
            """)

    @Option(help: "How many respondents.")
    var count: Int = 100

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: "Write to this file (default: standard output).")
    var output: String?

    @OptionGroup var questionnaireOptions: QuestionnaireOptions

    func validate() throws {
        guard count >= 0 else { throw ValidationError("--count must be 0 or more, found \(count)") }
    }

    func run() throws {
        let questionnaire = try questionnaireOptions.load()
        let generator = SampleGenerator(questionnaire: questionnaire, seed: seed)
        let handle: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil), let opened = FileHandle(forWritingAtPath: output) else {
                Output.error("\(output): error: cannot write the sample; check the folder exists and is writable")
                throw ExitCode.failure
            }
            handle = opened
        } else {
            handle = FileHandle.standardOutput
        }
        var buffer = CSVWriter.row(generator.header)
        for index in 1...max(count, 1) where count > 0 {
            buffer += CSVWriter.row(generator.row(index))
            if buffer.utf8.count > 1 << 20 {
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        handle.write(Data(buffer.utf8))
        if output != nil { try? handle.close() }
    }
}
