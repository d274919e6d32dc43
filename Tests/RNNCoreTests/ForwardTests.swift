import Testing
import RNNCore

/// The fast engine's forward pass against the reference, and the stacked form against the split form.
@Suite struct ForwardTests {
    /// ŷ<t>, a<t>, z<t>, L<t> and L from `Workspace.forward` (via the trace) agree with
    /// `ReferenceRNN` to relative error 1e-12.
    @Test(arguments: GradientCheckTests.configs)
    func engineForwardMatchesReference(_ config: Config) {
        let (rnn, episode) = RandomConfigs.build(config)
        let trace = Trace(rnn: rnn, episode: episode)
        let ref = ReferenceRNN(rnn).forward(episode)
        for t in 1...trace.T {
            expectClose(trace.vector(.z, t), ref.z[t - 1], "z<\(t)>")
            expectClose(trace.vector(.a, t), ref.a[t - 1], "a<\(t)>")
            expectClose(trace.vector(.yHat, t), ref.yHat[t - 1], "ŷ<\(t)>")
            expectClose(trace.loss(t), ref.loss[t - 1], "L<\(t)>")
        }
        expectClose(trace.totalLoss, ref.totalLoss, "L")
    }

    /// z<t> = Wa·[a<t-1>; x<t>] + ba (the trace) equals Waa·a<t-1> + Wax·x<t> + ba computed
    /// separately, to 1e-12; and the trace's `stacked` is [a<t-1>; x<t>].
    @Test(arguments: GradientCheckTests.configs)
    func stackedEqualsSplit(_ config: Config) throws {
        let (rnn, episode) = RandomConfigs.build(config)
        let trace = Trace(rnn: rnn, episode: episode)
        let p = rnn.params
        #expect(p.Wa == p.Waa.hstack(p.Wax))
        for t in 1...trace.T {
            let aPrev = try #require(trace.vector(.aPrev, t))
            let x = try #require(trace.vector(.x, t))
            #expect(trace.vector(.stacked, t) == aPrev + x)
            let split = zip(zip(p.Waa.times(aPrev), p.Wax.times(x)), p.ba).map { $0.0 + $0.1 + $1 }
            let stacked = zip(p.Wa.times(aPrev + x), p.ba).map { $0 + $1 }
            expectClose(trace.vector(.z, t), split, "z<\(t)> vs split")
            expectClose(stacked, split, "Wa·stacked vs split at t = \(t)")
        }
    }

    /// Steps without an input see x<t> = 0; steps without an output have no ŷ<t>.
    @Test func stepsWithoutInputOrOutput() throws {
        let config = GradientCheckTests.configs.first { $0.architecture == .encoderDecoder && $0.tx >= 2 && $0.ty >= 2 }!
        let (rnn, episode) = RandomConfigs.build(config)
        let trace = Trace(rnn: rnn, episode: episode)
        for t in 1...trace.T {
            #expect(trace.hasInput(t) == (t <= config.tx))
            #expect(trace.hasOutput(t) == (t > config.tx))
            if !trace.hasInput(t) { #expect(trace.vector(.x, t) == Array(repeating: 0, count: config.nx)) }
            #expect((trace.vector(.yHat, t) == nil) == (t <= config.tx))
            #expect((trace.loss(t) == nil) == (t <= config.tx))
        }
    }
}
