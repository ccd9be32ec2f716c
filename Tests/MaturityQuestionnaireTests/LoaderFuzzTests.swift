import Foundation
import MaturityQuestionnaire
import MaturityTestSupport
import Testing

/// Mutates the bundled questionnaire many times: the loader must always answer with
/// diagnostics (each with a position), never crash or hang.
@Suite struct LoaderFuzzTests {

    enum Mutation: CaseIterable { case truncate, deleteLines, swapIndentation, randomBytes, duplicateLines }

    static func mutate(_ text: String, _ mutation: Mutation, _ rng: inout SplitMix) -> String {
        var lines = text.components(separatedBy: "\n")
        switch mutation {
        case .truncate:
            let bytes = Array(text.utf8)
            return String(decoding: bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng)), as: UTF8.self)
        case .deleteLines:
            for _ in 0..<Int.random(in: 1...5, using: &rng) where !lines.isEmpty {
                lines.remove(at: Int.random(in: 0..<lines.count, using: &rng))
            }
        case .swapIndentation:
            for _ in 0..<Int.random(in: 1...5, using: &rng) {
                let a = Int.random(in: 0..<lines.count, using: &rng)
                let b = Int.random(in: 0..<lines.count, using: &rng)
                let indentA = lines[a].prefix { $0 == " " }
                let indentB = lines[b].prefix { $0 == " " }
                lines[a] = String(indentB) + lines[a].drop { $0 == " " }
                lines[b] = String(indentA) + lines[b].drop { $0 == " " }
            }
        case .randomBytes:
            var bytes = Array(text.utf8)
            for _ in 0..<Int.random(in: 1...20, using: &rng) {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0x20...0x7E, using: &rng)
            }
            return String(decoding: bytes, as: UTF8.self)
        case .duplicateLines:
            let index = Int.random(in: 0..<lines.count, using: &rng)
            lines.insert(contentsOf: lines[index...min(index + 3, lines.count - 1)], at: index)
        }
        return lines.joined(separator: "\n")
    }

    @Test(.timeLimit(.minutes(5)), arguments: Mutation.allCases)
    func mutationsOnlyProduceDiagnostics(_ mutation: Mutation) {
        var rng = SplitMix(state: 0xC0FFEE &+ UInt64(Mutation.allCases.firstIndex(of: mutation) ?? 0))
        var invalid = 0
        for _ in 0..<60 {
            let text = Self.mutate(BundledQuestionnaire.text, mutation, &rng)
            let result = QuestionnaireParser.parse(text, path: "fuzz.yaml")
            if result.questionnaire == nil {
                invalid += 1
                #expect(result.diagnostics.hasErrors)
            }
            for diagnostic in result.diagnostics {
                #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1)
                #expect(!diagnostic.message.isEmpty)
            }
        }
        #expect(invalid > 0, "the mutations should break the file at least once")
    }
}
