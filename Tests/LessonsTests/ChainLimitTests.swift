import Testing
import RNNCore
@testable import Lessons

/// Issue 15, item 1: chains of any length are parsed and evaluated by loops, so a claim of
/// 100 000 operands of any operator neither overflows the stack nor is refused.
@Suite struct ChainLimitTests {
    static let trace: Trace? = {
        guard case .success(let lesson) = LessonLoader.load(text: baseLesson, path: "lesson.yaml") else { return nil }
        return lesson.makeTrace()
    }()

    /// `operand op operand op … op operand`, `count` operands, then `tail`.
    static func chain(_ operand: String, _ op: String, count: Int, tail: String) -> String {
        var s = operand
        s.reserveCapacity((operand.count + op.count + 2) * count)
        for _ in 1..<count { s += " \(op) \(operand)" }
        return s + tail
    }

    @Test(arguments: [
        ("a<1>[0] > 0", "and", "", true), ("a<1>[0] < 0", "or", " or true", true),
        ("1", "+", " == 100000", true), ("1", "-", " == -99998", true), ("1", "−", " < 0", true),
        ("1", "*", " == 1", true), ("1", "×", " == 1", true), ("1", "/", " == 1", true),
        ("a<1>[0]", "<", "", false), ("0", "<=", "", true), ("L", "≈", "", true),
    ])
    func hundredThousandOperands(_ operand: String, _ op: String, _ tail: String, _ holds: Bool) throws {
        let trace = try #require(Self.trace)
        let claim = Self.chain(operand, op, count: 100_000, tail: tail)
        let expression = try CheckExpression.parse(claim).get()
        let outcome = try expression.evaluate(on: trace).get()
        #expect(outcome.holds == holds, "\(op)")
        #expect(outcome.values.count <= CheckEvaluator.maxShown + 1)
    }

    /// A chain of `not` or of brackets is still refused past 64 levels (that nesting recurses).
    @Test func nestingIsStillBounded() {
        let nots = String(repeating: "not ", count: 100_000) + "true"
        #expect(CheckExpression.parse(nots) == .failure(CheckError("the claim is nested too deeply (more than 64 levels); split it into simpler checks", at: 256)))
    }

    /// A false `and` names its first false part; sides that print alike are shown in full.
    @Test func falseAndNamesItsPartAndAlikeSidesInFull() {
        #expect(problems(lesson(replacing: "    at: {t: 2}", with: "    check: \"L > 0 and a<1>[0] > 0.9 and L < 0\"")) == """
        lesson.yaml:18:13: error: check "L > 0 and a<1>[0] > 0.9 and L < 0" is false at "a<1>[0] > 0.9": a<1>[0] = 0.7616
            check: "L > 0 and a<1>[0] > 0.9 and L < 0"
                    ^
        """)
        #expect(problems(lesson(replacing: "    at: {t: 2}", with: "    check: \"L<1> == L<1> + 1e-12\"")) == """
        lesson.yaml:18:13: error: check "L<1> == L<1> + 1e-12" is false: L<1> = 0.3832; both sides print as 0.3832 but are 0.38316597879371506 and 0.38316597879471503: write ≈ (or approx(…, …, tolerance)) if they should count as equal
            check: "L<1> == L<1> + 1e-12"
                    ^
        """)
    }
}
