import Testing
@testable import RNNCore

/// A trace runs its forward pass when it is made and its backward pass the first time a
/// backward quantity is asked for, with the same numbers as running both at once.
@Suite struct LazyBackwardTests {
    static func task() throws -> (RNN, Episode) {
        let shape = Shape(nx: 3, na: 5, ny: 3, g1: .tanh, g2: .softmax)
        let rnn = RNN(shape: shape, params: .seeded(shape, seed: 3, scale: 0.5))
        let x = (0..<6).map { t in (0..<3).map { $0 == t % 3 ? 1.0 : 0 } }
        let y = (0..<6).map { t in (0..<3).map { $0 == (t + 1) % 3 ? 1.0 : 0 } }
        return (rnn, try Episode(architecture: .manyToMany, nx: 3, inputs: x, targets: y))
    }

    /// Forward numbers (a, ŷ, dy, L, their summaries) leave the backward pass unrun.
    @Test func forwardReadsDoNotRunBackward() throws {
        let (rnn, episode) = try Self.task()
        let trace = Trace(rnn: rnn, episode: episode)
        _ = trace.vector(.a, 6); _ = trace.vector(.yHat, 2); _ = trace.vector(.dy, 3); _ = trace.vector(.stacked, 2)
        _ = trace.totalLoss; _ = trace.loss(4); _ = trace.maxAbs(of: .z); _ = trace.norm(of: .yHat, at: 1)
        #expect(!trace.backwardDone)
        _ = trace.vector(.dz, 6)
        #expect(trace.backwardDone)
    }

    /// Every backward quantity is what the whole pass run at once gives, bit for bit, whichever is
    /// asked for first; copies of a trace share the one backward pass.
    @Test(arguments: [Symbol.da, .dWaa, .da0])
    func lateBackwardIsTheSamePass(_ first: Symbol) throws {
        let (rnn, episode) = try Self.task()
        var ws = Workspace(shape: rnn.shape, episode: episode)   // both passes at once, as a trace used to
        ws.forward(rnn.params)
        ws.backward(sums: false)
        let sums = Trace.runningSums(&ws, every: 1)
        let trace = Trace(rnn: rnn, episode: episode)
        let copy = trace
        _ = copy.tensor(first, t: first == .da0 ? nil : 3)
        #expect(trace.backwardDone)
        #expect(trace.gradients == sums[0] && trace.checkpoints == sums)
        #expect(trace.da0 == ws.da0)
        for t in 1...6 { #expect(trace.vector(.dz, t) == ws.vector(.dz, t) && trace.vector(.daPrev, t) == ws.vector(.daPrev, t)) }
    }

    /// The recurrence's gradients (dWaa, dWax, dba, at every step and in total) leave the output
    /// layer's running sums unsummed; dWya and dby, asked for later, and the recurrence's, asked
    /// for again, are the bits of summing both at once, with checkpoints every 1, 2 or 4 steps.
    @Test(arguments: [1, 2, 4])
    func outputSumsWaitToBeAskedFor(every: Int) throws {
        let (rnn, episode) = try Self.task()
        var ws = Workspace(shape: rnn.shape, episode: episode)
        ws.forward(rnn.params)
        ws.backward(sums: false)
        let sums = Trace.runningSums(&ws, every: every)
        let trace = Trace(rnn: rnn, episode: episode, checkpointEvery: every)
        let early = (1...6).map { t in [Symbol.dWaa, .dWax, .dWa, .dba].map { trace.tensor($0, t: t) } }
        let total = [Symbol.dWaa, .dWax, .dba].map { trace.tensor($0, t: nil) }
        #expect(trace.backwardDone && !trace.outputSumsDone)
        #expect(trace.tensor(.dby, t: 5) == trace.gradientsSoFar(5).map { Matrix(column: $0.dby) })
        #expect(trace.outputSumsDone)
        #expect(trace.checkpoints == sums && trace.gradients == sums[0])
        let g = try #require(sums[0])
        #expect(total == [g.dWaa, g.dWax, Matrix(column: g.dba)])
        #expect(trace.tensor(.dWya, t: nil) == g.dWya && trace.tensor(.dby, t: nil) == Matrix(column: g.dby))
        for t in 1...6 {
            let s = try #require(trace.gradientsSoFar(t))
            #expect(early[t - 1] == [s.dWaa, s.dWax, s.dWa, Matrix(column: s.dba)])
            #expect(trace.tensor(.dWya, t: t) == s.dWya)
        }
    }

    /// Without targets there is no backward pass to run.
    @Test func noTargetsNoBackward() throws {
        let (rnn, _) = try Self.task()
        let episode = try Episode(architecture: .manyToMany, nx: 3, inputs: [[1, 0, 0], [0, 1, 0]], targets: nil)
        let trace = Trace(rnn: rnn, episode: episode)
        #expect(trace.vector(.da, 1) == nil && trace.gradients == nil)
        #expect(trace.vector(.yHat, 2) != nil)
    }
}
