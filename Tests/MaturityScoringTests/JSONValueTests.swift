import Foundation
import MaturityQuestionnaire
import MaturityScoring
import MaturityTestSupport
import Testing

/// The fast JSON reader and writer used by batch imports agree with Foundation's.
@Suite struct JSONValueTests {
    static let valid = [
        #"{"a": 1, "b": [true, false, null], "c": {"d": "e"}}"#,
        #"[{"aiActRisk":"high","department":"Commercial","effort":4,"minutes":38.5,"name":"Fiches produits","personalData":false}]"#,
        #"  [ ]  "#, "{}", "0", "-0.5", "1e3", "2.5E-2", "-12", #""""#, "true", "null",
        #""caf\u00e9 \"quoted\" back\\slash \/ tab\t line\n""#,
        #""emoji \ud83d\ude00 and é directly""#,
        #"{"nested": [[[[1]]]], "dup": 1, "dup": 2}"#,
        // Whole numbers (read without strtod up to 15 digits) and their neighbours.
        "-0", "7", "-7", "100000", "123456789012345", "-999999999999999", "1234567890123456", "9007199254740993",
        "12e2", "5.0", #"{"a":0,"b":-3,"c":42,"d":1,"e":2,"f":3,"g":4,"h":5,"i":6,"j":7,"k":8,"l":9}"#,
    ]

    static let invalid = [
        "", " ", "{", "[1,]", "{\"a\":}", "{\"a\" 1}", "[1 2]", "01", "1.", ".5", "-", "1e", "+1", "tru", "nul", "-01", "00", "1-",
        "\"unterminated", "\"bad \\x escape\"", "\"lone \\ud800 surrogate\"", "\"tab\tinside\"", "[1] 2", "{'a': 1}", "NaN",
        "1e999", String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
    ]

    @Test(arguments: valid) func readsLikeJSONDecoder(_ text: String) throws {
        let expected = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(JSONValue(parsing: text) == expected)
    }

    @Test func negativeZeroKeepsItsSign() throws {
        guard case let .number(value)? = JSONValue(parsing: "-0") else { Issue.record("-0 is a number"); return }
        #expect(value == 0 && value.sign == .minus)
        guard case let .number(positive)? = JSONValue(parsing: "0") else { Issue.record("0 is a number"); return }
        #expect(positive.sign == .plus)
    }

    @Test(arguments: invalid) func refusesWhatIsNotOneJSONValue(_ text: String) {
        #expect(JSONValue(parsing: text) == nil)
    }

    @Test func writesCompactJSONWithSortedKeysThatReadsBack() throws {
        let value = JSONValue.object([
            "zeta": .array([.number(1), .number(2.5), .null]), "alpha": .string("line\nbreak \"q\" \u{1}"), "Beta": .bool(true),
            "mid": .object(["b": .number(-3), "a": .string("é")]),
        ])
        let text = value.compactJSON
        #expect(text == #"{"Beta":true,"alpha":"line\nbreak \"q\" \u0001","mid":{"a":"é","b":-3},"zeta":[1,2.5,null]}"#)
        #expect(JSONValue(parsing: text) == value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) == value)
    }

    /// The batch import writes answers straight into bytes; they must read as `AnswerValue.json`.
    @Test(arguments: [
        AnswerValue.code("core"), .codes(["a", "b\"c", "é"]), .codes([]), .number(0), .number(-12), .number(1_234_567.25),
        .number(1e20), .number(-0.5), .text("tab\there\u{1F}\\"),
        .matrix(["vision": .number(4), "audio": .code("na"), "Zeta": .codes(["x"]), "écrit": .text("é")]), .matrix([:]),
        .useCases([]),
        .useCases([
            UseCase(
                name: "Devis", department: nil, frequencyPerWeek: 3, minutesPerOccurrence: 12.5, people: 2, impact: 4, effort: 2,
                personalData: true, aiActRisk: .limited),
            UseCase(
                name: "Fiches \"produit\"", department: "Commercial", frequencyPerWeek: 0.5, minutesPerOccurrence: 38, people: 1.25,
                impact: 5, effort: 1),
        ]),
    ])
    func writesAnswersAsTheirJSON(_ answer: AnswerValue) {
        var bytes = JSONBytes()
        bytes.answer(answer)
        #expect(bytes.string == answer.json.compactJSON)
        #expect(JSONValue(parsing: bytes.string) == answer.json)
    }

    /// Strings are checked for bytes to escape eight at a time: an escape at any position of
    /// the word, or in the tail after it, must still be escaped, and bytes of multi-byte
    /// characters (0x80 and above) must not count as escapes.
    @Test func escapesAreFoundAtEveryPositionOfAWord() throws {
        for length in 0...19 {
            for position in 0..<max(length, 1) {
                for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}", "é", "\u{A2}", "\u{DC}", " ", "~"] {
                    var text = String(repeating: "a", count: length)
                    if length > 0 {
                        let index = text.index(text.startIndex, offsetBy: position)
                        text.replaceSubrange(index...index, with: special)
                    }
                    var bytes = JSONBytes()
                    bytes.string(text)
                    #expect(JSONValue(parsing: bytes.string) == .string(text), "\(length) \(position) \(special.debugDescription)")
                    let escaped = text.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
                    #expect((bytes.bytes.count == text.utf8.count + 2) == !escaped, "\(text.debugDescription)")
                }
            }
        }
    }

    /// Numbers with up to three decimals are written digit by digit; the text must be exactly
    /// `compactDescription`'s, for such numbers, their neighbouring doubles, and any other.
    @Test func writesNumbersAsTheirCompactDescription() {
        var random = SplitMix(state: 7)
        var values: [Double] = [
            0, -0.0, 0.1, -0.1, 0.001, 0.0005, 0.05, 1.5, 92.9, 187_250.9, 0.1 + 0.2, 1e15, 1e15 - 1, 999_999_999_999.999,
            99_999_999_999_999.9, 1e16, 123.456, 0.000_1, 1e-7, .pi, 5e-324, .greatestFiniteMagnitude, 2.675, 1.005, 9.995,
        ]
        for _ in 0..<20_000 {
            let units = Double(Int64.random(in: -10_000_000...10_000_000, using: &random))
            let scale = [1.0, 10, 100, 1000, 10_000][Int.random(in: 0...4, using: &random)]
            let value = units / scale
            values += [value, value.nextUp, value.nextDown, Double.random(in: -1e6...1e6, using: &random)]
        }
        for magnitude in 0...17 {
            let value = pow(10, Double(magnitude))
            values += [value, value - 0.5, value + 0.25, -value / 1000, value.nextUp]
        }
        for value in values {
            var bytes = JSONBytes()
            bytes.number(value)
            #expect(bytes.string == value.compactDescription, "\(value)")
        }
    }
}
