import Testing
@testable import RNNCore

/// Backpropagation through time against central finite differences of the independent
/// `ReferenceRNN`, on 200 seeded configurations covering every g1 × g2 × architecture.
@Suite struct GradientCheckTests {
    static let configs = RandomConfigs.make(count: 200)

    /// The check of `config`. For ReLU, a configuration where some ±δ nudge moves a z<t>
    /// across 0 cannot be checked (the central difference straddles the kink and is not a
    /// derivative): it is redrawn deterministically from derived seeds until none does, and
    /// the number of redraws is part of the fixed test data (it is 0 for all 200 today).
    static func check(_ config: Config, kernels: Kernels = .chosen) -> (Trace, GradientCheck, attempts: Int) {
        var attempt = 0
        while true {
            let (rnn, episode) = RandomConfigs.build(config, attempt: attempt)
            let trace = Trace(rnn: rnn, episode: episode, kernels: kernels)
            guard let check = GradientCheck(trace: trace) else { preconditionFailure("configs have targets") }
            if check.kinkCrossings.isEmpty || attempt == 20 { return (trace, check, attempt) }
            attempt += 1
        }
    }

    @Test func configurationsCoverEveryCombination() {
        let configs = Self.configs
        #expect(configs.count >= 200)
        for g1 in HiddenActivation.allCases {
            for g2 in OutputActivation.allCases {
                for arch in Architecture.allCases {
                    let these = configs.filter { $0.g1 == g1 && $0.g2 == g2 && $0.architecture == arch }
                    #expect(these.count >= 10, "\(g1)/\(g2)/\(arch)")
                    #expect(these.contains { $0.givenA0 } && these.contains { !$0.givenA0 }, "\(g1)/\(g2)/\(arch) a0")
                }
            }
        }
        #expect(Set(configs.map(\.na)) == Set(1...8))
        #expect(Set(configs.map(\.nx)) == Set(1...8))
        #expect(Set(configs.map(\.ny)) == Set(1...8))
        #expect(Set(configs.map(\.T)) == Set(1...10))
    }

    /// Every entry of dWaa, dWax, dWya, dba, dby, da<0> and every da<t> agrees with its
    /// central difference (δ = 1e-5) to relative error 1e-6, or, for entries so small that
    /// rounding in L dominates, to the absolute noise floor 1e-9·max(1, |L|) (see GradientCheck).
    /// Through every kernel path this CPU runs.
    @Test(arguments: configs)
    func backwardMatchesFiniteDifferences(_ config: Config) throws {
        for path in KernelPath.supported {
            let (trace, check, attempts) = Self.check(config, kernels: try #require(Kernels(path)))
            #expect(attempts == 0, "\(path): needed \(attempts) redraws to avoid ReLU kinks")
            #expect(check.kinkCrossings.isEmpty)
            #expect(check.reports.map(\.symbol) == [.dWaa, .dWax, .dWya, .dba, .dby, .da0, .da])
            let s = trace.shape
            #expect(check.reports.map(\.count) == [s.na * s.na, s.na * s.nx, s.ny * s.na, s.na, s.ny, s.na, trace.T * s.na])
            for r in check.reports {
                #expect(r.disagreements.isEmpty, "\(path) \(r.symbol): \(r.disagreements.prefix(3))")
                #expect(r.maxAbsoluteError <= check.noiseFloor || r.maxRelativeError <= 1e-6,
                        "\(path) \(r.symbol) worst \(r.worst): \(r.analytic) vs \(r.numeric)")
            }
            #expect(check.agrees)
        }
    }

    /// The checker itself can fail: a gradient off by 1e-4 in one entry, or the reference
    /// computed with the wrong g1, is reported at the right place.
    @Test func checkerReportsAWrongGradient() throws {
        let (trace, _, _) = Self.check(Self.configs[0])
        var g = try #require(trace.gradients)
        g.dWa[0, trace.shape.na] += 1e-4   // dWax[0,0]
        let check = GradientCheck(reference: ReferenceRNN(trace.rnn), episode: trace.episode,
                                  gradients: g, da0: try #require(trace.da0),
                                  da: (1...trace.T).map { trace.vector(.da, $0)! },
                                  loss: try #require(trace.totalLoss))
        #expect(!check.agrees)
        let dWax = try #require(check.reports.first { $0.symbol == .dWax })
        #expect(dWax.disagreements.map(\.ref) == [EntryRef(symbol: .dWax, row: 0, col: 0)])
        #expect(dWax.worst.description == "dWax[0,0]")
        #expect(check.worst?.symbol == .dWax)
        #expect(check.reports.filter { $0.symbol != .dWax }.allSatisfy { $0.disagreements.isEmpty })
    }

    @Test func checkerReportsTheWrongActivation() throws {
        let config = Self.configs.first { $0.g1 == .tanh && $0.architecture == .manyToMany && $0.tx >= 3 }!
        let (trace, _, _) = Self.check(config)
        var wrong = ReferenceRNN(trace.rnn)
        wrong.g1 = .relu
        let check = GradientCheck(reference: wrong, episode: trace.episode, gradients: try #require(trace.gradients),
                                  da0: try #require(trace.da0), da: (1...trace.T).map { trace.vector(.da, $0)! },
                                  loss: try #require(trace.totalLoss))
        #expect(!check.agrees)
        #expect(check.maxRelativeError > 1e-2)
    }

    @Test func noTargetsNoCheck() throws {
        let (rnn, _) = RandomConfigs.build(Self.configs[0])
        let episode = try Episode(architecture: .manyToMany, nx: rnn.shape.nx,
                                  inputs: [Array(repeating: 0.5, count: rnn.shape.nx)], targets: nil)
        #expect(GradientCheck(trace: Trace(rnn: rnn, episode: episode)) == nil)
    }

    @Test func relativeErrorFormula() {
        #expect(GradientCheck.relativeError(0, 0) == 0)
        #expect(GradientCheck.relativeError(1, 1) == 0)
        #expect(GradientCheck.relativeError(1, -1) == 1)
        #expect(GradientCheck.relativeError(3, 1) == 0.5)
        #expect(GradientCheck.relativeError(1e-13, 0) == 0.1)   // |a|+|n| below 1e-12 → divided by 1e-12
        #expect(GradientCheck.relativeError(.nan, 1).isNaN)
    }
}
