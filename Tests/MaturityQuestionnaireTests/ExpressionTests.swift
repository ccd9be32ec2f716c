import MaturityQuestionnaire
import MaturityTestSupport
import Testing

@Suite struct ExpressionParserTests {
    @Test(arguments: [
        ("a.b == 'x' or c.d == 'y' and not e.f == 'z'", "((a.b == 'x') or ((c.d == 'y') and not (e.f == 'z')))"),
        ("1 + 2 * 3 >= 7", "((1 + (2 * 3)) >= 7)"),
        ("-(1 - 2) < 3", "(-((1 - 2)) < 3)"),
        ("selected(q.one, 'a') and score(data) > 40.5", "(selected(q.one, 'a') and (score(data) > 40.5))"),
        ("level(data) <= \"experimentation\"", "(level(data) <= 'experimentation')"),
        ("true", "true"),
    ])
    func precedence(_ source: String, _ expected: String) throws {
        #expect(render(try Expression.parse(source).root) == expected)
    }

    @Test(arguments: [
        ("", 0, "empty expression"),
        ("a == ", 5, "expected a value, found end of expression"),
        ("a = 'x'", 2, "'=' is not an operator; write '==' to compare"),
        ("(a == 'x'", 9, "expected ')' to close the '(' at offset 1"),
        ("a == 'x", 5, "unterminated string; close it with '"),
        ("1 < 2 < 3", 6, "comparisons cannot be chained; join them with 'and'"),
        (
            "selectd(a, 'x')", 0,
            "unknown function 'selectd'; did you mean 'selected'? (functions: selected, answered, count, row, score, level)"
        ),
        ("score(a, b)", 0, "score takes 1 argument, found 2; write score(dimension)"),
        ("a == 'x' b", 9, "unexpected 'b' after a complete expression; join conditions with 'and' or 'or'"),
        ("a # b", 2, "unexpected character '#'"),
    ])
    func syntaxErrors(_ source: String, _ offset: Int, _ message: String) {
        #expect(throws: ExpressionSyntaxError(offset: offset, message: message)) { try Expression.parse(source) }
    }

    @Test func locationsFollowLinesOfBlockScalars() throws {
        let expression = try Expression.parse("a == 'x'\nand b == 'y'", origin: SourceLocation(line: 10, column: 7))
        #expect(expression.location(ofOffset: 0) == SourceLocation(line: 10, column: 7))
        #expect(expression.location(ofOffset: 5) == SourceLocation(line: 10, column: 12))
        #expect(expression.location(ofOffset: 13) == SourceLocation(line: 11, column: 11))
    }

    func render(_ node: ExpressionNode) -> String {
        switch node {
        case let .number(value, _): value.compactDescription
        case let .string(value, _): "'\(value)'"
        case let .bool(value, _): "\(value)"
        case let .answer(id, _): id.rawValue
        case let .call(function, arguments, _): "\(function.rawValue)(\(arguments.map(render).joined(separator: ", ")))"
        case let .not(operand, _): "not \(render(operand))"
        case let .negate(operand, _): "-(\(render(operand)))"
        case let .binary(op, lhs, rhs, _): "(\(render(lhs)) \(op.rawValue) \(render(rhs)))"
        }
    }
}

@Suite struct ExpressionEvaluationTests {
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try #require(BundledQuestionnaire.load().questionnaire)
    }

    func holds(
        _ source: String, _ answers: [QuestionID: AnswerValue], scores: [DimensionID: Double] = [:], levels: [DimensionID: LevelID] = [:]
    ) throws -> Bool {
        try CompiledExpression(Expression.parse(source), in: questionnaire).holds(
            ExpressionInputs(questionnaire, answers: answers, scores: scores, levels: levels))
    }

    @Test func choiceEqualityAndOrderByOptionScore() throws {
        let answers: [QuestionID: AnswerValue] = ["governance.charter": .code("informal")]
        #expect(try holds("governance.charter == 'informal'", answers))
        #expect(try !holds("governance.charter == 'none'", answers))
        #expect(try holds("governance.charter <= 'informal'", answers))
        #expect(try holds("governance.charter > 'none'", answers))
        #expect(try !holds("governance.charter >= 'written'", answers))
    }

    /// Answers are read at the positions of `allQuestions`, scores and levels at those of
    /// `dimensions`; a position past the end of the inputs is unknown.
    @Test func inputsAreReadByPosition() throws {
        let level = questionnaire.levels[1].id
        let expression = try CompiledExpression(
            Expression.parse("governance.charter == 'informal' and level(data) == '\(level)' and score(data) > 30"), in: questionnaire)
        let charter = try #require(questionnaire.position(of: "governance.charter"))
        let data = try #require(questionnaire.dimensions.firstIndex { $0.id == "data" })
        var answers = [AnswerValue?](repeating: nil, count: questionnaire.allQuestions.count)
        answers[charter] = .code("informal")
        var levels = [LevelID?](repeating: nil, count: questionnaire.dimensions.count)
        levels[data] = level
        var scores = [Double?](repeating: nil, count: questionnaire.dimensions.count)
        scores[data] = 35
        #expect(expression.holds(ExpressionInputs(answers: answers, scores: scores, levels: levels)))
        #expect(!expression.holds(ExpressionInputs(answers: Array(answers.prefix(charter)), scores: scores, levels: levels)))
        #expect(!expression.holds(ExpressionInputs(answers: answers, scores: scores, levels: Array(levels.prefix(data)))))
        #expect(!expression.holds(ExpressionInputs(answers: answers, scores: [], levels: levels)))
        // The same values at the neighbouring positions are other questions and dimensions.
        let other = (data + 1) % questionnaire.dimensions.count
        levels.swapAt(data, other)
        scores.swapAt(data, other)
        #expect(!expression.holds(ExpressionInputs(answers: answers, scores: scores, levels: levels)))
        levels.swapAt(data, other)
        scores.swapAt(data, other)
        #expect(expression.holds(ExpressionInputs(answers: answers, scores: scores, levels: levels)))
        answers.swapAt(charter, charter - 1)
        #expect(!expression.holds(ExpressionInputs(answers: answers, scores: scores, levels: levels)))
    }

    @Test func unansweredQuestionsMakeComparisonsFalse() throws {
        #expect(try !holds("governance.charter == 'none'", [:]))
        #expect(try !holds("governance.charter != 'none'", [:]))
        #expect(try holds("not answered(governance.charter)", [:]))
        #expect(try !holds("selected(usage.tools, 'copilot')", [:]))
        #expect(try !holds("data.quality <= 2", [:]))
    }

    @Test func specialOptionsAreNeitherBelowNorAbove() throws {
        let answers: [QuestionID: AnswerValue] = ["usecases.measured": .code("no_use")]
        #expect(try !holds("usecases.measured <= 'impression'", answers))
        #expect(try !holds("usecases.measured > 'impression'", answers))
        #expect(try holds("usecases.measured != 'no'", answers))
        #expect(try holds("usecases.measured == 'no_use'", answers))
    }

    @Test func multipleChoiceMatrixAndUseCases() throws {
        let answers: [QuestionID: AnswerValue] = [
            "usage.tools": .codes(["copilot", "embedded"]),
            "usage.technologies": .matrix(["vision": .number(3), "robotics": .code("na")]),
            "usecases.inventory": .useCases([
                UseCase(name: "Devis", frequencyPerWeek: 5, minutesPerOccurrence: 30, people: 2, impact: 4, effort: 2)
            ]),
        ]
        #expect(try holds("selected(usage.tools, 'copilot') and not selected(usage.tools, 'api_custom')", answers))
        #expect(try holds("count(usage.tools) == 2 and count(usecases.inventory) >= 1", answers))
        #expect(try holds("row(usage.technologies, 'vision') * 2 > 5", answers))
        #expect(try !holds("row(usage.technologies, 'robotics') >= 0", answers))
    }

    /// Edge cases of an expression language that the loader's type checker would mostly
    /// refuse, evaluated anyway: each gives a definite answer, never a crash.
    @Test func illTypedAndUnknownOperandsAreFalseOrNotEqual() throws {
        let answers: [QuestionID: AnswerValue] = [
            "governance.charter": .code("informal"), "company.sector": .text("Boulangerie"), "roi.working_weeks": .number(45),
            "usage.technologies": .matrix(["vision": .number(3)]), "usage.tools": .codes(["copilot"]),
        ]
        let cases: [(String, Bool)] = [
            ("company.sector == 'Boulangerie'", true), ("company.sector < 'C'", true), ("'C' < company.sector", false),
            ("governance.charter == 'not_an_option'", false), ("governance.charter != 'not_an_option'", true),
            ("'informal' == governance.charter", true), ("'none' < governance.charter", true),
            ("roi.working_weeks == 'x'", false), ("roi.working_weeks != 'x'", true), ("not roi.working_weeks", true),
            ("-'a' < 0", false), ("-(roi.working_weeks) == -45", true), ("roi.working_weeks * 2 - 10 == 80", true),
            ("true == (1 < 2)", true), ("true != false", true), ("'a' < 'b' or 1 > 2", true),
            ("row(usage.technologies, 'nope') > 0", false), ("row(usage.technologies, 'vision') == 3", true),
            ("selected(governance.charter, 'informal')", true), ("selected(roi.working_weeks, 'x')", false),
            ("selected(usage.tools, 'copilot')", true), ("count(governance.charter) == 1", false),
            ("level(data) == 'unknown'", false), ("level(data) != 'unknown'", true),
            ("score(data) > 0", false), ("answered(nowhere.q) or count(nowhere.q) > 0", false),
        ]
        for (source, expected) in cases {
            #expect(try holds(source, answers, levels: ["data": "structuration"]) == expected, "\(source)")
        }
    }

    @Test func scoresAndLevelsCompareInLevelOrder() throws {
        let levels: [DimensionID: LevelID] = ["governance": "experimentation"]
        #expect(try holds("level(governance) <= 'experimentation'", [:], levels: levels))
        #expect(try holds("level(governance) < 'structuration'", [:], levels: levels))
        #expect(try !holds("level(governance) >= 'structuration'", [:], levels: levels))
        #expect(try holds("score(data) / 2 + 1 == 21", [:], scores: ["data": 40]))
        #expect(try !holds("score(data) / 0 == 1", [:], scores: ["data": 40]))
    }
}
