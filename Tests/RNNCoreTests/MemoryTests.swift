import Testing
@testable import RNNCore

/// The trace stores per-step vectors, never per-step matrices: a step's contributions and
/// the running sums are derived on demand, from checkpoints that fit `checkpointBudget`.
@Suite struct MemoryTests {
    /// n_a = n_x = 1024, n_y = 1, T = 15: one checkpoint (dWa, dWya, dba, dby) is 16.8 MB, so
    /// 15 of them (252 MB) exceed the 64 MiB budget; ⌊64 MiB / 16.8 MB⌋ = 3 fit, so the trace
    /// keeps one every 5 steps (3 checkpoints). (The old interval ⌈T·bytes/budget⌉ = 4 kept 4,
    /// 67.2 MB, over the budget.)
    @Test func largeTraceKeepsSparseCheckpoints() throws {
        let shape = Shape(nx: 1024, na: 1024, ny: 1, g1: .tanh, g2: .sigmoid)
        let T = 15
        let rnn = RNN(shape: shape, params: .seeded(shape, seed: 1, scale: 0.02))
        let inputs = (0..<T).map { t in (0..<1024).map { Double(($0 + t) % 7) / 7 - 0.5 } }
        let episode = try Episode(architecture: .manyToMany, nx: 1024, inputs: inputs, targets: Array(repeating: [1], count: T))
        let bytes = Trace.checkpointBytes(shape)
        #expect(bytes == 8 * (1024 * 2048 + 1024 + 1024 + 1))
        #expect(T * bytes > Trace.checkpointBudget)
        let trace = Trace(rnn: rnn, episode: episode)
        #expect(trace.checkpointEvery == 5)
        #expect(trace.checkpoints.keys.sorted() == [0, 5, 10])
        #expect(trace.checkpoints.count * bytes <= Trace.checkpointBudget)
        // per-step storage is vectors only: each per-step buffer holds T·width numbers
        let w = trace.workspace
        #expect(w.z.count == T * 1024 && w.a.count == T * 1024 && w.da.count == T * 1024 && w.dy.count == T * 1)
        // a running sum between checkpoints is still right
        var expected = try #require(trace.gradientsSoFar(T))
        for t in stride(from: T - 1, through: 1, by: -1) {
            expected.add(try #require(trace.contribution(t)))
            if t == 8 || t == 1 {
                expectClose(try #require(trace.gradientsSoFar(t)).dWya.values, expected.dWya.values, rel: 1e-12, "dWya<\(t)>")
            }
        }
    }

    /// A small lesson keeps every step (the default interval is 1).
    @Test func smallTraceKeepsEveryStep() {
        let shape = Shape(nx: 8, na: 8, ny: 8, g1: .tanh, g2: .softmax)
        #expect(Trace.checkpointInterval(shape: shape, T: 10) == 1)
        #expect(Trace.checkpointInterval(shape: shape, T: Limits.maxSteps) == 1)
        let big = Shape(nx: 1024, na: 1024, ny: 1024, g1: .tanh, g2: .softmax)
        // 25.2 MB per checkpoint: 2 fit in 64 MiB, so T = 10 000 keeps one every 5 000 steps
        #expect(Trace.checkpointBytes(big) == 25_182_208)
        #expect(Trace.checkpointInterval(shape: big, T: 10_000) == 5_000)
    }
}
