import Testing
import Explorer
import Lessons
import RNNCore

@Suite struct FrameTests {
    func ops(_ row: EquationRow) -> [String] {
        row.items.map { item in
            switch item {
            case .term(let t): return t.label
            case .op(let o): return o.text
            }
        }
    }

    @Test func headerInBothLanguages() {
        let h = Fixtures.state().after(.startBackward, .nextStep).viewModel().header
        #expect(h.title == "Tiny RNN" && h.step == "backward t = 2 / 3" && h.slide == nil && h.helpHint == "? help")
        #expect(h.play == "paused, 1 step per second")
        let z = Fixtures.state(language: .zh).viewModel().header
        #expect(z.title == "小小 RNN" && z.step == "前向传播 t = 1 / 3" && z.helpHint == "? 帮助")
    }

    @Test func forwardPanelReadsLikeTheNotes() {
        let p = Fixtures.state().after(.nextStep).viewModel().forward
        #expect(p.rows.map(ops) == [
            ["Wa", "·", "[a<1>; x<2>]", "+", "ba", "=", "z<2>", "→ tanh →", "a<2>"],
            ["Wya", "·", "a<2>", "+", "by", "=", "zy<2>", "→ sigmoid →", "ŷ<2>"],
            ["y<2>", "→ cross-entropy →", "L<2>", "→ Σ →", "L<1>+L<2>"],
        ])
        let wa = p.terms[0], stacked = p.terms[1]
        #expect(wa.colDivider == 2 && wa.shape == "2×3" && wa.caption == "[Waa | Wax]")
        #expect(stacked.rowDivider == 2 && stacked.shape == "3×1")
    }

    @Test func backwardPanelReadsLikeTheNotes() {
        let f = Fixtures.state().after(.startBackward).viewModel()
        #expect(f.backward?.rows.map(ops) == [
            ["ŷ<3>", "-", "y<3>", "=", "dy<3>"],
            ["Wyaᵀdy<3>", "+", "da_next<3>", "=", "da<3>"],
            ["da<3>", "⊙", "tanh'(z<3>)", "=", "dz<3>"],
            ["dz<3>", "·", "[a<2>; x<3>]ᵀ", "=", "ΔdWa<3>", "→ Σ →", "dWa"],
            ["Δdba<3>", "→ Σ →", "dba"],
            ["dy<3>", "·", "a<3>ᵀ", "=", "ΔdWya<3>", "→ Σ →", "dWya"],
            ["Δdby<3>", "→ Σ →", "dby"],
            ["Waaᵀ", "·", "dz<3>", "=", "da_prev<3>"],
        ])
        #expect(f.backward?.rows.last?.note == "handed to step 2 as da_next<2>")
        #expect(f.backward?.terms.first { $0.symbol == .dWa }?.caption == "[dWaa | dWax], after step 3")
    }

    @Test func colourScaleIsFixedOverStepsUnlessToggled() {
        let s = Fixtures.state()
        let zScales = (1...3).map { t in s.forwardPanel(t).terms.first { $0.symbol == .z }?.scale }
        #expect(Set(zScales).count == 1)
        #expect(zScales[0] == s.scales.range(.z))
        let perStep = s.after(.toggleScale)
        #expect(perStep.viewModel().legend.perStep && perStep.viewModel().legend.text == "colours: this step only")
        let z1 = perStep.forwardPanel(1).terms.first { $0.symbol == .z }
        #expect(z1?.scale == z1?.values.values.map(abs).max())
        // the fixed range of a running sum covers every step
        let dWa = (1...3).compactMap { s.trace.tensor(.dWa, t: $0)?.values.map(abs).max() }.max()
        #expect(s.scales.range(.dWa) == dWa)
    }

    @Test func manyToOneSoftmaxWithVocab() throws {
        let shape = Shape(nx: 3, na: 2, ny: 3, g1: .tanh, g2: .softmax)
        let episode = try Episode(architecture: .manyToOne, nx: 3, inputs: [[1, 0, 0], [0, 1, 0]], targets: [[0, 0, 1]])
        let lesson = Lesson(path: "m.yaml", title: LocalizedText(en: "m"),
                            rnn: RNN(shape: shape, params: .seeded(shape, seed: 1, scale: 0.5)), episode: episode,
                            vocab: ["h", "e", "l"], script: [])
        let s = ExplorerState(lesson: lesson)
        #expect(s.timeline.items.map(\.inputLabel) == ["h", "e"])
        #expect(s.timeline.items.map(\.targetLabel) == [nil, "l"])
        #expect(s.forwardPanel(1).rows.last?.note == "step 1 has no output")
        #expect(s.explain(EntryRef(symbol: .yHat, t: 2, row: 0)).first == "ŷ<2>[0] = exp(zy<2>[0]) / Σ_k exp(zy<2>[k])")
        #expect(s.explain(EntryRef(symbol: .loss, t: 2)).dropFirst().first?.hasPrefix("     = -(1.00·log(") == true)
        let b = s.after(.startBackward, .lastStep)
        #expect(b.backwardPanel(1).rows.first?.note == "step 1 has no target: dy<1> = 0, nothing flows in from the output")
    }
}
