import Testing
@testable import RNNCore

/// The GRU's and LSTM's engine through every kernel path this CPU runs: the training path's
/// gradients against central differences of `ReferenceGated`, the trace's running sums against
/// its totals and the training path's, and the paths against each other on the benchmark's task.
@Suite struct GatedEnginePathTests {
    /// Every entry of dW, db, dWya, dby, da<0>, dc<0>, da<t> and dc<t> of the trace agrees with
    /// central differences, on every path (the 240 configurations of GatedGradientCheckTests).
    @Test(arguments: GatedGradientCheckTests.configs)
    func backwardMatchesFiniteDifferencesOnEveryPath(_ config: GatedConfig) throws {
        let (rnn, episode) = config.build()
        for path in KernelPath.supported where path != .chosen {   // the chosen path: GatedGradientCheckTests
            let trace = GatedTrace(rnn: rnn, episode: episode, kernels: try #require(Kernels(path)))
            let (bad, _) = GatedGradientCheckTests.mismatches(trace, ReferenceGated(rnn))
            #expect(bad.isEmpty, "\(path) \(config): \(bad.prefix(3))")
        }
    }

    /// The trace's final running sums are its `gradients` (the JSON's) to the last bit, whatever
    /// the checkpoint interval, and the training path's totals (`backward(sums: true)`, one product
    /// over the whole sequence) to 1e-12; the loss, da<0> and dc<0> are the same numbers.
    @Test(arguments: GatedGradientCheckTests.configs.prefix(80))
    func traceSumsEqualTrainingTotals(_ config: GatedConfig) throws {
        let (rnn, episode) = config.build()
        for path in KernelPath.supported {
            let kernels = try #require(Kernels(path))
            let w = GatedWorkspace(shape: rnn.shape, episode: episode, kernels: kernels)
            let L = w.forward(rnn.params)
            w.backward()
            for every in [nil, 2] as [Int?] {
                let trace = GatedTrace(rnn: rnn, episode: episode, kernels: kernels, checkpointEvery: every)
                let sums = try #require(trace.gradientsSoFar(1))
                #expect(sums == trace.gradients, "\(path): the running sums after step 1 are the gradients")
                #expect(L == trace.totalLoss && w.da0Vector == trace.da0 && w.dc0Vector == trace.dc0, "\(path)")
                let mine = w.gradients.allValues, theirs = sums.allValues
                #expect(zip(mine, theirs).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) }, "\(path) every \(every ?? 1)")
                // between checkpoints: each running sum is the one after the next step plus this step's part
                for t in stride(from: trace.T, through: 1, by: -1) {
                    var want = t < trace.T ? try #require(trace.gradientsSoFar(t + 1)) : GatedGradients.zero(rnn.shape)
                    want.add(try #require(trace.contribution(t)))
                    let got = try #require(trace.gradientsSoFar(t))
                    #expect(zip(got.allValues, want.allValues).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) },
                            "\(path) every \(every ?? 1) t \(t)")
                }
            }
        }
    }

    /// On the benchmark's task (`unroll bench --cell`: n_a = 100, vocab 27, T = 25, weights
    /// seeded at scale 0.01), and with larger weights, a given a<0>, c<0> and dense inputs, every
    /// path gives the baseline's loss, each gradient, da<0>, dc<0>, da<t> and dc<t> to 1e-12
    /// relative to each quantity's largest entry (entry by entry, a sum that cancels to almost
    /// nothing keeps the rounding of its terms: up to ~5e-12 of itself), for both cells.
    @Test(arguments: GatedCell.allCases)
    func pathsAgreeOnTheBenchTask(_ cell: GatedCell) throws {
        let (plain, oneHot) = BenchTask.character(hidden: 100, vocab: 27, length: 25, seed: 42)
        let shape = GatedShape(cell: cell, nx: plain.shape.nx, na: plain.shape.na, ny: plain.shape.ny, g2: .softmax)
        func run(_ path: KernelPath, _ params: GatedParams, _ episode: Episode) throws -> [[Double]] {
            let w = GatedWorkspace(shape: shape, episode: episode, kernels: try #require(Kernels(path)))
            let L = w.forward(params)
            w.backward()
            let g = w.gradients
            return [[L]] + g.dW.map(\.values) + g.db + [g.dWya.values, g.dby, w.da0Vector, w.dc0Vector, w.all(.da), w.all(.dc)]
        }
        let bench = GatedParams.seeded(shape, seed: 42, scale: 0.01)
        let benchBase = try run(.baseline, bench, oneHot)
        #expect(benchBase[0][0] > 80 && benchBase[0][0] < 85)   // ≈ 25·log 27 = 82.4 for weights near 0
        var g = SplitMix64(seed: 9)
        let large = GatedParams.seeded(shape, seed: 42, scale: 0.2)
        let state = (0..<shape.na).map { 0.5 * Double($0 % 7) / 7 }
        let given = GatedParams(cell: cell, W: large.W, b: large.b, Wya: large.Wya, by: large.by, a0: state, c0: state.map { -$0 })
        let dense = try Episode(architecture: .manyToMany, nx: shape.nx,
                                inputs: (0..<25).map { _ in (0..<shape.nx).map { _ in g.uniform(-1, 1) } },
                                targets: oneHot.y.compactMap { $0 })
        for (params, episode) in [(bench, oneHot), (given, oneHot), (given, dense)] {
            let base = try run(.baseline, params, episode)
            for path in KernelPath.supported where path != .baseline {
                for (k, (mine, theirs)) in zip(try run(path, params, episode), base).enumerated() {
                    let scale = theirs.map(abs).max() ?? 0
                    #expect(zip(mine, theirs).allSatisfy { abs($0 - $1) <= 1e-12 * scale }, "\(cell) \(path) part \(k)")
                }
            }
        }
    }

    /// A workspace reused for another episode of the same length (one-hot after dense, and back)
    /// gives what a fresh one gives.
    @Test func aReusedWorkspaceForgetsTheLastEpisode() throws {
        for cell in GatedCell.allCases {
            let configs = GatedGradientCheckTests.configs.filter { $0.cell == cell && $0.architecture == .manyToMany && $0.tx == 4 }
            let dense = try #require(configs.first { !$0.oneHot })
            var (rnn, first) = dense.build()
            var g = SplitMix64(seed: 3)
            let second = try Episode(architecture: .manyToMany, nx: rnn.shape.nx,
                                     inputs: (0..<4).map { t in (0..<rnn.shape.nx).map { $0 == t % rnn.shape.nx ? 1 : 0 } },
                                     targets: first.y.compactMap { $0 })
            rnn.params.by = rnn.params.by.map { $0 + g.uniform(-0.1, 0.1) }
            let w = GatedWorkspace(shape: rnn.shape, episode: first)
            for episode in [second, first, second] {
                w.load(episode)
                let L = w.forward(rnn.params)
                w.backward()
                let fresh = GatedWorkspace(shape: rnn.shape, episode: episode)
                #expect(fresh.forward(rnn.params) == L)
                fresh.backward()
                #expect(fresh.gradients == w.gradients && fresh.da0Vector == w.da0Vector, "\(cell)")
            }
        }
    }
}
