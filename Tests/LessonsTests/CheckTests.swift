import Testing
import RNNCore
@testable import Lessons

/// The check language: false claims, claims that cannot be evaluated, and the operators.
@Suite struct CheckTests {
    func withCheck(_ claim: String) -> String {
        problems(lesson(replacing: "    at: {t: 2}", with: "    check: \"\(claim)\""))
    }

    @Test func falseClaimShowsTheValuesItRead() {
        #expect(withCheck("a<3>[0] > 0.9") == """
        lesson.yaml:18:13: error: check "a<3>[0] > 0.9" is false: a<3>[0] = 0.7547
            check: "a<3>[0] > 0.9"
                    ^
        """)
    }

    @Test func unknownFunctionIsAnErrorAtItsPlace() {
        #expect(withCheck("a<1>[0] > 0 and nrm(a<3>) > 0.9") == """
        lesson.yaml:18:29: error: check "a<1>[0] > 0 and nrm(a<3>) > 0.9": unknown function 'nrm'; did you mean norm?
            check: "a<1>[0] > 0 and nrm(a<3>) > 0.9"
                                    ^
        """)
    }

    @Test func stepOutOfRangeInAClaim() {
        #expect(withCheck("a<7>[0] > 0.9") == """
        lesson.yaml:18:13: error: check "a<7>[0] > 0.9": step 7 is outside this lesson's steps 1…3 in 'a<7>[0]'
            check: "a<7>[0] > 0.9"
                    ^
        """)
    }

    @Test func wholeQuantityNeedsAFunction() {
        #expect(withCheck("da<2> > 0") == """
        lesson.yaml:18:13: error: check "da<2> > 0": 'da<2>' is a 2×1 quantity, not one number: index it (like [0]) or use norm(), sum(), max()
            check: "da<2> > 0"
                    ^
        """)
    }

    @Test func trueClaimsHold() {
        for claim in ["a<3>[0] ≈ 0.7547", "a<3>[0] ≈ tanh(z<3>[0])", "0 < a<1>[0] < 1", "not (L < 0)",
                      "L ≈ L<1> + L<2> + L<3>", "norm(da<1>) >= abs(da<1>[0])", "argmax(Wa) == 2",
                      "max(a<1>) == max(a<1>[0], a<1>[1])", "approx(ŷ<1>, 0.7, 0.1) or true", "sum(Wya) == 0",
                      "dWa[0,0] ≈ dWa<1>[0,0]", "-a<1>[0] < 0", "2 * 3 - 1 == 5", "L<2> < 3"] {
            #expect(withCheck(claim) == "ok", "\(claim)")
        }
    }

    @Test func literalPrecisionForApprox() {
        #expect(CheckParser.halfUnit("0.8731") == 0.00005)
        #expect(CheckParser.halfUnit("2") == 0.5)
        #expect(abs(CheckParser.halfUnit("1.5e-3") - 0.00005) < 1e-18)
    }

    @Test func syntaxErrorsNameThePlace() {
        #expect(CheckExpression.parse("a<1>[0] >") == .failure(CheckError("the claim ends where a number, a reference such as a<1>[0], or '(' was expected", at: 9)))
        #expect(CheckExpression.parse("(a<1>[0] > 1") == .failure(CheckError("the claim ends where ')' was expected", at: 12)))
        #expect(CheckExpression.parse("a<1>[0] $ 1") == .failure(CheckError("unexpected '$'", at: 8)))
    }
}

@Suite struct DeepClaimTests {
    /// 3000 brackets or minus signs would overflow the stack of a recursive parser.
    @Test func deeplyNestedClaimsAreRefusedNotCrashed() {
        let deep = String(repeating: "(", count: 3000) + "1" + String(repeating: ")", count: 3000) + " > 0"
        #expect(CheckExpression.parse(deep) == .failure(CheckError("the claim is nested too deeply (more than 64 levels); split it into simpler checks", at: 64)))
        let minus = String(repeating: "-", count: 3000) + "1 < 0"
        guard case .failure = CheckExpression.parse(minus) else { Issue.record("3000 minus signs were accepted"); return }
        let nots = String(repeating: "not ", count: 3000) + "true"
        guard case .failure = CheckExpression.parse(nots) else { Issue.record("3000 nots were accepted"); return }
        #expect((try? CheckExpression.parse("-(-(1)) > 0").get()) != nil)
    }
}
