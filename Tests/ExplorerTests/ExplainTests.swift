import Testing
@testable import Explorer
import Lessons
import RNNCore

/// Inspect texts, asserted whole, for the tiny lesson (n_a = 2, n_x = 1):
/// a<1> = tanh([1.1, -0.7]) ≈ [0.800, -0.604], so z<2>[0] = 0.5·0.800 + (-0.3)·(-0.604) + 1·0 + 0.1 ≈ 0.682.
@Suite struct ExplainTests {
    let s = Fixtures.state()
    func text(_ r: EntryRef, _ state: ExplorerState? = nil) -> String { (state ?? s).explain(r).joined(separator: "\n") }

    @Test func hiddenState() {
        #expect(text(EntryRef(symbol: .a, t: 2, row: 1)) == """
            a<2>[1] = tanh(z<2>[1])
                    = tanh(Σ_j Wa[1,j]·[a<1>; x<2>][j] + ba[1])
                    = tanh(0.20·0.80 + 0.40·(-0.60) + (-0.20))
                    = tanh(-0.28)
                    = -0.27
            (1 term with a factor 0 left out)
            """)
    }

    @Test func preActivation() {
        #expect(text(EntryRef(symbol: .z, t: 2, row: 0)) == """
            z<2>[0] = 0.50·0.80 + (-0.30)·(-0.60) + 0.10
                    = 0.68
            (1 term with a factor 0 left out)
            """)
    }

    @Test func output() {
        #expect(text(EntryRef(symbol: .yHat, t: 2, row: 0)) == """
            ŷ<2>[0] = sigmoid(zy<2>[0])
                    = 1 / (1 + exp(-0.63))
                    = 0.65
            """)
        #expect(text(EntryRef(symbol: .loss, t: 2)) == """
            L<2> = -Σ_i [y<2>[i]·log ŷ<2>[i] + (1 - y<2>[i])·log(1 - ŷ<2>[i])]
                 = -(0.00·log(0.65) + 1.00·log(0.35))
                 ≈ 1.06
            """)   // −log(0.35) is 1.05: the shown ŷ is rounded (0.3470), so ≈
    }

    @Test func runningSumOfAWeightGradient() {
        #expect(text(EntryRef(symbol: .dWa, t: 2, row: 0, col: 1)) == """
            dWaa<2>[0,1]: sum of steps 3…2
            this step adds dz<2>[0]·a<1>[1] = 0.30·(-0.60) = -0.18
            sum so far = 0.01 + (-0.18) = -0.17
            """)
        #expect(text(EntryRef(symbol: .dWa, t: 1, row: 1, col: 2), Fixtures.state(language: .zh)) == """
            dWax<1>[1,0]: 第 3…1 步之和
            本步加上 dz<1>[1]·x<1>[0] = (-0.03)·1.00 = -0.03
            目前累计 = 0.10 + (-0.03) = 0.07
            到第 1 步为止，这就是完整的梯度 dWax[1,0] = ∂L/∂Wax[1,0]
            """)
    }

    @Test func backwardSteps() {
        #expect(text(EntryRef(symbol: .dz, t: 2, row: 1)) == """
            dz<2>[1] = da<2>[1]·tanh'(z<2>[1])
                     = da<2>[1]·(1 - a<2>[1]²)
                     = (-0.34)·(1 - (-0.27)²)
                     = -0.32
            """)
        #expect(text(EntryRef(symbol: .daPrev, t: 2, row: 0)) == """
            da_prev<2>[0] = Σ_k Waa[k,0]·dz<2>[k]
                          = 0.50·0.30 + 0.20·(-0.32)
                          = 0.09
            handed to step 1 as da_next<1>
            """)
        #expect(text(EntryRef(symbol: .Wa, row: 1, col: 2)) == """
            Wa[1,2] = Wax[1,0] = -0.50
            shared: the same number is used at every step t = 1…3
            it multiplies x<t>[0] in z<t>[1]
            """)
    }

    @Test func longSumsAreElidedKeepingFirstLastAndTotal() {
        #expect(text(EntryRef(symbol: .a, t: 2, row: 3), Fixtures.wide()) == """
            a<2>[3] = tanh(z<2>[3])
                    = tanh(Σ_j Wa[3,j]·[a<1>; x<2>][j] + ba[3])
                    = tanh(0.05·0.43 + 0.38·(-0.09) + … + 0.00)
                    = tanh(-0.22)
                    = -0.22
            (1 term with a factor 0 left out)
            """)
    }

    /// A chain never says the same side twice (a sum of one term: `σ(6.000) = σ(6.000)`).
    @Test func aChainSaysEachSideOnce() {
        #expect(ExplainFormat.chain("Γf<2>[0]", ["σ(Σ …)", "σ(6.000)", "σ(6.000)", "0.998"])
                == ["Γf<2>[0] = σ(Σ …)", "         = σ(6.000)", "         = 0.998"])
        #expect(ExplainFormat.chain("x", ["1", "1"]) == ["x = 1"])
    }

    /// The loss so far before the last step with a target is a part of L, and says so; at the
    /// last one it is the total, over the steps with a target.
    @Test func theLossSoFarSaysWhetherItIsTheTotal() throws {
        #expect(s.explainLossSoFar(2).last == "the loss of steps 1…2 so far; the total L over all 3 steps is 1.68")
        #expect(s.explainLossSoFar(3).last == "the total L = Σ_t L<t> over all 3 steps = 1.68")
        // encoder-decoder: 4 steps, targets at steps 3 and 4 only
        let episode = try Episode(architecture: .encoderDecoder, nx: 1, inputs: [[1], [0]], targets: [[1], [0]])
        let lesson = Lesson(path: "test.yaml", title: LocalizedText(en: "Tiny", zh: "小"),
                            rnn: RNN(shape: Fixtures.shape, params: Fixtures.params), episode: episode, script: [])
        let some = ExplorerState(lesson: lesson)
        #expect(some.explainLossSoFar(3).last?.hasPrefix("the loss of the steps up to 3 so far; the total L over the 2 steps with a target is ") == true)
        #expect(some.explainLossSoFar(4).last?.hasPrefix("the total L = Σ_t L<t> over the 2 steps with a target = ") == true)
    }

    @Test func digitsAreSettable() {
        let three = ExplorerState(lesson: Fixtures.lesson(), digits: 3)
        // 0.500·0.800 + (-0.300)·(-0.604) + 0.100 is 0.681 as printed; z<2>[0] is 0.68157: ≈
        #expect(three.explain(EntryRef(symbol: .z, t: 2, row: 0)) == ["z<2>[0] = 0.500·0.800 + (-0.300)·(-0.604) + 0.100", "        ≈ 0.682",
                                                                       "(1 term with a factor 0 left out)"])
        #expect(NumberStyle().format(-0.001) == "-1.0e-3")   // as the heatmap writes it
        #expect(NumberStyle().format(-0.0) == "0.00")
        #expect(NumberStyle().format(7.402065668856481e307) == "7.40e+307")
    }

    @Test func inspectBoxShowsTheBlockName() {
        let f = Fixtures.state().after(.startBackward, .nextStep, .toggleInspect).viewModel()
        #expect(f.inspect?.title == "ŷ<2>[0]")
    }
}

@Suite struct HiddenInExplanationTests {
    /// While the script keeps Wa and ba back, inspecting z writes their numbers as `?`.
    @Test func hiddenWeightsStayHiddenInTheSum() {
        let script = [Slide(say: LocalizedText(en: "z first"), show: [.x, .z])]
        let s = Fixtures.state(script: script)
        #expect(s.explain(EntryRef(symbol: .z, t: 2, row: 0)).first == "z<2>[0] = ?·0.80 + ?·(-0.60) + ?")
    }
}
