import Testing
@testable import RNNCore

/// The cell descriptions, run as an interpreter over a trace, reproduce the engine's numbers:
/// the steps the views draw are the equations the engine computes.
@Suite struct CellDescriptionTests {
    static func check(_ trace: Trace, _ cell: CellKind) {
        let steps = CellDescription.steps(cell)
        for t in 1...trace.T {
            var computed: [Symbol: [Double]] = [:]
            for step in steps {
                if step.result == .yHat && !trace.hasOutput(t) { continue }
                let v = CellDescription.evaluate(step.expression, t: t, trace: trace, computed: computed)
                let engine = trace.vector(step.result, t)
                #expect(v != nil && engine != nil, "\(cell) \(step.equation) at t = \(t)")
                if let v, let engine {
                    #expect(v.count == engine.count && zip(v, engine).allSatisfy { abs($0 - $1) <= 1e-12 },
                            "\(cell) \(step.equation) at t = \(t): \(v) vs \(engine)")
                    computed[step.result] = v
                }
            }
        }
    }

    @Test(arguments: GatedGradientCheckTests.configs.prefix(40))
    func gatedDescriptionsComputeTheEngine(_ config: GatedConfig) {
        let (rnn, episode) = config.build()
        Self.check(Trace(gated: rnn, episode: episode), config.cell.kind)
    }

    @Test(arguments: RandomConfigs.make(count: 20))
    func plainDescriptionComputesTheEngine(_ config: Config) {
        let (rnn, episode) = RandomConfigs.build(config)
        Self.check(Trace(rnn: rnn, episode: episode), .rnn)
    }

    @Test func equationsReadAsTheNotes() {
        #expect(CellDescription.steps(.gru).map(\.equation) == [
            "Γu<t> = σ(Wu [c<t-1>; x<t>] + bu)",
            "Γr<t> = σ(Wr [c<t-1>; x<t>] + br)",
            "c̃<t> = tanh(Wc [Γr<t> ⊙ c<t-1>; x<t>] + bc)",
            "c<t> = Γu<t> ⊙ c̃<t> + (1 − Γu<t>) ⊙ c<t-1>",
            "a<t> = c<t>",
            "ŷ<t> = g2(Wya a<t> + by)",
        ])
        #expect(CellDescription.steps(.lstm)[4].equation == "c<t> = Γf<t> ⊙ c<t-1> + Γu<t> ⊙ c̃<t>")
        #expect(CellDescription.steps(.lstm)[5].equation == "a<t> = Γo<t> ⊙ tanh(c<t>)")
        #expect(CellDescription.steps(.rnn).map(\.equation) == ["z<t> = Wa [a<t-1>; x<t>] + ba", "a<t> = g1(z<t>)", "ŷ<t> = g2(Wya a<t> + by)"])
        #expect(CellDescription.steps(.gru)[3].expression.operations.contains("1−x"))
        #expect(CellDescription.steps(.gru)[3].expression.inputs == [.gammaU, .cTilde, .gammaU, .cPrev])
    }

    /// The interpreter can disagree: a description with the wrong gate is caught.
    @Test func aWrongDescriptionDisagrees() throws {
        let config = try #require(GatedGradientCheckTests.configs.first { $0.cell == .lstm && $0.tx >= 2 })
        let (rnn, episode) = config.build()
        let trace = Trace(gated: rnn, episode: episode)
        let wrong = CellExpr.add(.hadamard(.value(.gammaU), .value(.cPrev)), .hadamard(.value(.gammaF), .value(.cTilde)))
        let v = try #require(CellDescription.evaluate(wrong, t: 2, trace: trace, computed: [:]))
        #expect(zip(v, trace.vector(.c, 2) ?? []).contains { abs($0 - $1) > 1e-6 })
    }
}
