import Testing
@testable import RNNCore

/// The work off the recurrence runs on the second core (`Overlap`: a block's outputs in forward,
/// the upper half of the steps' weight gradients during backward and half the rows of the
/// rest, half of each optimizer pass): the same bits on one thread and on two, whatever the
/// length against the block, through every path.
@Suite struct OverlapTests {
    /// Runs `body` with the kernels on one thread, then on two until the helper thread ran a
    /// posted job (up to 1000 tries: tests on other threads may hold the helper), and gives both.
    static func oneAndTwoThreads<R>(_ body: () -> R) -> (one: R, two: R, helped: Bool) {
        defer { Kernels.threads = 0 }
        Kernels.threads = 1
        let before = Kernels.postedParts
        let one = body()
        let none = Kernels.postedParts.helper == before.helper
        Kernels.threads = 2
        var two = body(), helped = false
        for _ in 0..<1000 where !helped {
            let start = Kernels.postedParts.helper
            two = body()
            helped = Kernels.postedParts.helper > start
        }
        return (one, two, helped && none)
    }

    /// A character task of length T (one-hot inputs and targets), or with `dense` inputs, or
    /// with targets only from step `from` on (steps without a target: dy<t> = 0, L<t> = 0).
    static func task(na: Int, vocab: Int, T: Int, dense: Bool = false, architecture: Architecture = .manyToMany) -> (RNN, Episode) {
        let (rnn, e) = BenchTask.character(hidden: na, vocab: vocab, length: T, seed: UInt64(7 + T))
        var g = SplitMix64(seed: UInt64(T))
        let x = dense ? e.x.map { $0.map { _ in g.nextUnit() - 0.5 } } : e.x
        let inputs = architecture == .manyToOne || architecture == .manyToMany ? x : Array(x.prefix(T / 2 + 1))
        let outputs = architecture == .manyToMany ? T : (architecture == .manyToOne ? 1 : T - inputs.count)
        let targets = e.y.suffix(outputs).compactMap { $0 }
        do {
            return (rnn, try Episode(architecture: architecture, nx: vocab, inputs: inputs, targets: targets))
        } catch {
            preconditionFailure("task T \(T): \(error.message)")
        }
    }

    /// Lengths at the edges of the blocks: 1, fewer than a block, one block, one more, odd.
    static let lengths = [1, 5, Workspace.overlapBlock, Workspace.overlapBlock + 1, 25, 2 * Workspace.overlapBlock + 3]

    @Test(arguments: lengths)
    func forwardAndBackwardGiveTheSameBitsOnTwoThreads(_ T: Int) throws {
        var helped = false   // (at least once per length: tests on other threads may hold the helper throughout)
        for (dense, architecture) in [(false, Architecture.manyToMany), (true, .manyToMany), (false, .manyToOne), (true, .encoderDecoder)]
        where architecture != .encoderDecoder || T >= 3 {
            let (rnn, episode) = Self.task(na: 24, vocab: 13, T: T, dense: dense, architecture: architecture)
            for path in KernelPath.supported {
                let kernels = try #require(Kernels(path))
                for preparing in [true, false] {
                    let r = Self.oneAndTwoThreads { () -> [[Double]] in
                        var ws = Workspace(shape: rnn.shape, episode: episode, kernels: kernels)
                        let L = ws.forward(rnn.params, preparingBackward: preparing)
                        ws.backward()
                        return [[L], ws.loss, ws.zy, ws.yHat, ws.dy, ws.da, ws.dz, ws.daPrev, ws.gradients.allValues, ws.da0]
                    }
                    let what = "\(path) T \(T) dense \(dense) \(architecture.rawValue) preparing \(preparing)"
                    helped = helped || r.helped
                    for (i, name) in ["L", "L<t>", "zy", "ŷ", "dy", "da", "dz", "daPrev", "gradients", "da0"].enumerated() {
                        let same = r.one[i].elementsEqual(r.two[i]) { $0.bitPattern == $1.bitPattern }
                        #expect(same, "\(what): \(name) differs on two threads")
                    }
                }
            }
        }
        #expect(helped, "T \(T): the helper thread ran no posted job")
    }

    /// At n_a = 1024 (no blocks: the recurrence's own products are split, then the outputs run
    /// half the steps on each core) forward, backward and a trace's running sums give the same
    /// bits on one thread and two, for an odd and an even T, with and without preparing the
    /// backward pass.
    @Test(arguments: [6, 7])
    func theLargestShapeGivesTheSameBitsOnTwoThreads(_ T: Int) throws {
        let (rnn, episode) = Self.task(na: 1024, vocab: 9, T: T)
        #expect(!Workspace.overlaps(rnn.shape), "n_a = 1024 runs the outputs after the recurrence")
        var helped = false
        for path in KernelPath.supported {
            let kernels = try #require(Kernels(path))
            for preparing in [true, false] {
                let r = Self.oneAndTwoThreads { () -> [[Double]] in
                    var ws = Workspace(shape: rnn.shape, episode: episode, kernels: kernels)
                    let L = ws.forward(rnn.params, preparingBackward: preparing)
                    ws.backward()
                    let pass = [[L], ws.loss, ws.zy, ws.yHat, ws.dy, ws.da, ws.dz, ws.daPrev, ws.gradients.allValues, ws.da0]
                    // a trace's running sums (half the rows on each core), every 3 steps
                    let sums = Trace.runningSums(&ws, every: 3)
                    return pass + sums.keys.sorted().compactMap { sums[$0]?.allValues }
                }
                helped = helped || r.helped
                let same = zip(r.one, r.two).allSatisfy { $0.elementsEqual($1) { $0.bitPattern == $1.bitPattern } }
                #expect(same, "\(path) T \(T) preparing \(preparing): two threads differ from one")
            }
        }
        #expect(helped, "T \(T): the helper thread ran no posted job")
    }

    /// Preparing the backward pass in forward (training) or not (a trace) gives the same numbers.
    @Test func preparingBackwardChangesNoNumber() throws {
        let (rnn, episode) = Self.task(na: 30, vocab: 11, T: 19)
        var a = Workspace(shape: rnn.shape, episode: episode), b = a
        let La = a.forward(rnn.params, preparingBackward: true), Lb = b.forward(rnn.params)
        a.backward()
        b.backward()
        #expect(La == Lb)
        #expect(a.da == b.da && a.gradients == b.gradients && a.da0 == b.da0)
    }

    /// Training steps (each optimizer over groups large enough to be updated in two halves) give
    /// the same weights, memory and ‖g‖ on one thread and two.
    @Test(arguments: OptimizerKind.allCases)
    func trainingGivesTheSameBitsOnTwoThreads(_ kind: OptimizerKind) throws {
        let (rnn, episode) = Self.task(na: 48, vocab: 40, T: 21)
        #expect(48 * 88 >= Optimizer.halvesMin, "Wa is updated in halves")
        for path in KernelPath.supported {
            let kernels = try #require(Kernels(path))
            let r = Self.oneAndTwoThreads { () -> [[Double]] in
                var t = Trainer(rnn: rnn, episodes: [episode], config: TrainingConfig(optimizer: kind, clipping: .elementwise(1)),
                                kernels: kernels)
                t.train(steps: 3)
                return [t.params.Wa.values, t.params.Wya.values, t.params.ba, t.params.by, t.lossHistory, t.gradientNorms]
                    + t.optimizer.m + t.optimizer.v
            }
            #expect(r.helped, "\(path) \(kind): the helper thread ran no posted job")
            let same = r.one.count == r.two.count
                && zip(r.one, r.two).allSatisfy { $0.elementsEqual($1) { $0.bitPattern == $1.bitPattern } }
            #expect(same, "\(path) \(kind): training differs on two threads")
        }
    }

    /// An element-wise pass in halves covers every number once, and adds the halves' results.
    @Test func halvesCoverEveryNumberOnce() {
        for n in [0, 1, Optimizer.halvesMin - 1, Optimizer.halvesMin, 5001] {
            var seen = Array(repeating: 0, count: n)
            let total = seen.withUnsafeMutableBufferPointer { s in
                Optimizer.halves(n) { start, count in
                    for i in start..<(start + count) { s[i] += 1 }
                    return Double(count)
                }
            }
            #expect(seen.allSatisfy { $0 == 1 } && total == Double(n), "n \(n)")
        }
    }
}
