import Testing
@testable import RNNCore

@Suite struct TraceTests {
    /// Configurations with at least 4 steps, a sample of every architecture.
    static let longer = GradientCheckTests.configs.filter { $0.T >= 4 }.prefix(40).map { $0 }

    @Test(arguments: longer)
    func contributionsSumToGradients(_ config: Config) throws {
        let (rnn, episode) = RandomConfigs.build(config)
        let trace = Trace(rnn: rnn, episode: episode)
        var sum = Gradients.zero(trace.shape)
        for t in 1...trace.T { sum.add(try #require(trace.contribution(t))) }
        expectClose(sum.allValues, try #require(trace.gradients).allValues, rel: 1e-12, "Σ contributions")
        // the step symbols are the contribution's blocks
        let t = trace.T
        let c = try #require(trace.contribution(t))
        #expect(trace.tensor(.dWaaStep, t: t) == c.dWaa)
        #expect(trace.tensor(.dWaxStep, t: t) == c.dWax)
        #expect(trace.tensor(.dWyaStep, t: t) == c.dWya)
        #expect(trace.vector(.dbaStep, t) == c.dba)
        #expect(trace.vector(.dbyStep, t) == c.dby)
    }

    /// gradientsSoFar(t) = Σ_{s ≥ t} contribution(s), with checkpoints every step, sparse, and none.
    @Test(arguments: longer, [nil, 1, 2, 3, 100])
    func runningSumsFromCheckpoints(_ config: Config, every: Int?) throws {
        let (rnn, episode) = RandomConfigs.build(config)
        let trace = Trace(rnn: rnn, episode: episode, checkpointEvery: every)
        if let every { #expect(trace.checkpointEvery == every) }
        #expect(trace.checkpoints.keys.sorted() == Array(stride(from: 0, to: trace.T, by: trace.checkpointEvery)))
        var expected = Gradients.zero(trace.shape)
        for t in stride(from: trace.T, through: 1, by: -1) {
            expected.add(try #require(trace.contribution(t)))
            let soFar = try #require(trace.gradientsSoFar(t))
            expectClose(soFar.allValues, expected.allValues, rel: 1e-12, "gradientsSoFar(\(t)) every \(trace.checkpointEvery)")
            expectClose(trace.tensor(.dWaa, t: t), soFar.dWaa, "dWaa<\(t)>")
        }
        expectClose(try #require(trace.gradientsSoFar(1)).allValues, try #require(trace.gradients).allValues, "after step 1 = total")
    }

    /// da<t> = da_next<t> + Wyaᵀ dy<t>, and da_next<t> = da_prev<t+1>.
    @Test(arguments: longer)
    func daSplitsIntoNextAndOutput(_ config: Config) throws {
        let (rnn, episode) = RandomConfigs.build(config)
        let trace = Trace(rnn: rnn, episode: episode)
        for t in 1...trace.T {
            let next = try #require(trace.vector(.daNext, t))
            let out = try #require(trace.vector(.daFromOutput, t))
            expectClose(zip(next, out).map(+), trace.vector(.da, t), "da<\(t)>")
            if t < trace.T { #expect(next == trace.vector(.daPrev, t + 1)) }
            if !trace.hasTarget(t) { #expect(out.allSatisfy { $0 == 0 }) }
        }
        #expect(trace.vector(.daNext, trace.T)!.allSatisfy { $0 == 0 })
        #expect(trace.da0 == trace.vector(.daPrev, 1))
    }

    @Test(arguments: Architecture.allCases)
    func noTargetsNoBackward(_ architecture: Architecture) throws {
        let shape = Shape(nx: 2, na: 3, ny: 2, g1: .tanh, g2: .softmax)
        let rnn = RNN(shape: shape, params: .seeded(shape, seed: 3, scale: 0.5))
        let tx = architecture == .oneToMany || architecture == .oneToOne ? 1 : 3
        let episode = try Episode(architecture: architecture, nx: 2, inputs: Array(repeating: [0.5, -1], count: tx),
                                  targets: nil, outputs: architecture == .manyToMany ? 3 : (architecture == .oneToOne || architecture == .manyToOne ? 1 : 2))
        let trace = Trace(rnn: rnn, episode: episode)
        #expect(trace.hasBackward == false)
        #expect(trace.totalLoss == nil)
        #expect(trace.gradients == nil)
        #expect(trace.da0 == nil)
        #expect(trace.lossSoFar(trace.T) == nil)
        #expect(trace.contribution(1) == nil)
        #expect(trace.gradientsSoFar(1) == nil)
        #expect(trace.checkpoints.isEmpty)
        for t in 1...trace.T {
            #expect(trace.loss(t) == nil)
            #expect(trace.vector(.da, t) == nil)
            #expect(trace.vector(.a, t) != nil)
            #expect((trace.vector(.yHat, t) != nil) == trace.hasOutput(t))
        }
    }
}
