import Testing
@testable import RNNCore

/// A trace whose memory cannot be had is an error with one line to show, never a trap.
@Suite struct TraceMemoryTests {
    /// Sizes whose byte count does not fit in an Int: refused before anything is allocated.
    @Test func aSizeThatOverflowsIsRefused() {
        #expect(Tape.bytes(na: Int.max / 32, nx: 1, ny: 1, T: 10, denseInputs: false, denseTargets: false) == nil)
        #expect(Tape.bytes(na: 1 << 30, nx: 1 << 30, ny: 1, T: 1 << 30, denseInputs: true, denseTargets: false) == nil)
        #expect(throws: TraceMemoryError(bytes: nil, na: 1 << 40, T: 1 << 40)) {
            _ = try Tape(na: 1 << 40, nx: 1, ny: 1, T: 1 << 40, denseInputs: false, denseTargets: false)
        }
    }

    /// A size the system will not give (petabytes, past the address space): calloc says no, the
    /// tape throws with the bytes it asked for.
    @Test func memoryTheSystemRefusesIsAnError() throws {
        let bytes = try #require(Tape.bytes(na: 1 << 24, nx: 1, ny: 1, T: 1 << 22, denseInputs: false, denseTargets: false))
        #expect(bytes > 1 << 50)
        #expect(throws: TraceMemoryError(bytes: bytes, na: 1 << 24, T: 1 << 22)) {
            _ = try Tape(na: 1 << 24, nx: 1, ny: 1, T: 1 << 22, denseInputs: false, denseTargets: false)
        }
    }

    /// A trace past an injected limit throws with its tape's size; under the limit it is the
    /// same trace as the unchecked one, and the line names the size, n_a, T and what to do.
    @Test func aTracePastTheLimitSaysHowLargeItIs() throws {
        let shape = Shape(nx: 3, na: 5, ny: 3, g1: .tanh, g2: .softmax)
        let rnn = RNN(shape: shape, params: .seeded(shape, seed: 3, scale: 0.5))
        let x = (0..<6).map { t in (0..<3).map { $0 == t % 3 ? 1.0 : 0 } }
        let episode = try Episode(architecture: .manyToMany, nx: 3, inputs: x, targets: x)
        let bytes = try #require(Tape.bytes(na: 5, nx: 3, ny: 3, T: 6, denseInputs: false, denseTargets: false))
        do {
            _ = try Trace(checked: rnn, episode: episode, limit: bytes - 1)
            Issue.record("a trace past its limit was made")
        } catch {
            #expect(error == TraceMemoryError(bytes: bytes, na: 5, T: 6))
            #expect(error.description.hasPrefix("not enough memory for a trace of 1 MB (n_a = 5, T = 6): "))
            #expect(!error.description.contains("\n"))
        }
        let trace = try Trace(checked: rnn, episode: episode, limit: bytes)
        #expect(trace.gradients == Trace(rnn: rnn, episode: episode).gradients)
        let big = TraceMemoryError(bytes: 711_154_304, na: 1024, T: 10_000)
        #expect(big.description.hasPrefix("not enough memory for a trace of 712 MB (n_a = 1024, T = 10000): free memory"))
        #expect(TraceMemoryError(bytes: nil, na: 1, T: 1).description.contains("more bytes than this machine can address"))
    }

    /// A GRU's or LSTM's trace keeps its workspace's rows (no copy); past an injected limit it
    /// throws with the workspace's size, and under it is the trace the unchecked initialiser
    /// makes, every per-step vector and summary the same.
    @Test(arguments: [GatedCell.gru, .lstm])
    func aGatedTracePastTheLimitSaysHowLargeItIs(_ cell: GatedCell) throws {
        let shape = GatedShape(cell: cell, nx: 3, na: 5, ny: 3, g2: .softmax)
        let rnn = GatedRNN(shape: shape, params: .seeded(shape, seed: 4, scale: 0.5))
        let x = (0..<6).map { t in (0..<3).map { $0 == t % 3 ? 1.0 : 0 } }
        let episode = try Episode(architecture: .manyToMany, nx: 3, inputs: x, targets: x)
        let bytes = try #require(GatedWorkspace.bytes(shape: shape, T: 6, denseInputs: false))
        #expect(throws: TraceMemoryError(bytes: bytes, na: 5, T: 6)) {
            _ = try GatedTrace(checked: rnn, episode: episode, limit: bytes - 1)
        }
        #expect(throws: TraceMemoryError(bytes: bytes, na: 5, T: 6)) {
            _ = try Trace(checkedGated: rnn, episode: episode, limit: bytes - 1)
        }
        let trace = try GatedTrace(checked: rnn, episode: episode, limit: bytes)
        let unchecked = GatedTrace(rnn: rnn, episode: episode)
        #expect(trace.gradients != nil && trace.gradients == unchecked.gradients)
        let symbols: [Symbol] = [.a, .c, .cPrev, .aPrev, .gammaU, .cTilde, .yHat, .zy, .dy, .da, .dc, .daPrev, .dcNext, .dzu, .dcTilde]
        for t in 1...6 {
            for s in symbols { #expect(trace.vector(s, t) == unchecked.vector(s, t), "\(s)<\(t)>") }
            #expect(trace.contribution(t) == unchecked.contribution(t))
            #expect(trace.norm(of: .da, at: t) == unchecked.norm(of: .da, at: t))
            #expect(trace.spread(of: .gammaU, at: t)?.mean == unchecked.spread(of: .gammaU, at: t)?.mean)
        }
        // the rows are the workspace's, read in place: the summaries agree with the vectors
        let a3 = try #require(trace.vector(.a, 3))
        #expect(trace.maxAbs(of: .a, at: 3) == a3.map(abs).max())
        #expect(trace.norm(of: .a, at: 3) == a3.reduce(0) { $0 + $1 * $1 }.squareRoot())
        #expect(trace.maxAbs(of: .a) == (1...6).compactMap { trace.vector(.a, $0)?.map(abs).max() }.max())
    }

    /// A gated workspace whose size overflows is refused before anything is allocated; one the
    /// system will not give (its stacked recurrent weights alone are ~2⁴⁸ bytes, past the
    /// address space) throws with the bytes it asked for, after freeing the blocks it got.
    @Test func aGatedWorkspaceTheSystemRefusesIsAnError() throws {
        let episode = try Episode(architecture: .manyToMany, nx: 1, inputs: [[1], [1], [1]], targets: [[1], [1], [1]])
        let huge = GatedShape(cell: .gru, nx: 1, na: 1 << 40, ny: 1, g2: .sigmoid)
        #expect(GatedWorkspace.bytes(shape: huge, T: 3, denseInputs: false) == nil)
        #expect(throws: TraceMemoryError(bytes: nil, na: 1 << 40, T: 3)) {
            _ = try GatedWorkspace(checked: huge, episode: episode)
        }
        let big = GatedShape(cell: .lstm, nx: 1, na: 1 << 22, ny: 1, g2: .sigmoid)
        let bytes = try #require(GatedWorkspace.bytes(shape: big, T: 3, denseInputs: false))
        #expect(bytes > 1 << 48)
        #expect(throws: TraceMemoryError(bytes: bytes, na: 1 << 22, T: 3)) {
            _ = try GatedWorkspace(checked: big, episode: episode)
        }
    }
}
