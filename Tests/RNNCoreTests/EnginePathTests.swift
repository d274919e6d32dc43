import Testing
@testable import RNNCore

/// The training path (`Workspace.backward`'s sums, used by `unroll train` and the explorer's
/// `t`) checked on its own, through every kernel path this CPU runs; the trace's running sums
/// against it; and the paths against each other on the benchmark's task.
@Suite struct EnginePathTests {
    /// Every entry of the training path's dWaa, dWax, dWya, dba, dby, da<0> and da<t> agrees with
    /// central differences of `ReferenceRNN`, over the 200 configurations of GradientCheckTests
    /// (dense and one-hot inputs, tanh and ReLU, sigmoid and softmax, every architecture).
    @Test(arguments: GradientCheckTests.configs)
    func trainingGradientsMatchFiniteDifferences(_ config: Config) throws {
        let (rnn, episode) = RandomConfigs.build(config)
        for path in KernelPath.supported {
            var ws = Workspace(shape: rnn.shape, episode: episode, kernels: try #require(Kernels(path)))
            let L = ws.forward(rnn.params)
            ws.backward()
            let check = GradientCheck(reference: ReferenceRNN(rnn), episode: episode, gradients: ws.gradients,
                                      da0: ws.da0, da: (1...ws.T).map { ws.vector(.da, $0) }, loss: L)
            #expect(check.kinkCrossings.isEmpty, "\(path)")
            for r in check.reports {
                #expect(r.disagreements.isEmpty, "\(path) \(r.symbol): \(r.disagreements.prefix(3))")
                #expect(r.maxAbsoluteError <= check.noiseFloor || r.maxRelativeError <= 1e-6,
                        "\(path) \(r.symbol) worst \(r.worst): \(r.analytic) vs \(r.numeric)")
            }
        }
    }

    /// The trace's final running sums are its `gradients` (and the JSON's) to the last bit, and
    /// the training path's totals to 1e-12 relative, on every path; the loss is the same number.
    @Test(arguments: GradientCheckTests.configs)
    func traceSumsEqualTrainingTotals(_ config: Config) throws {
        let (rnn, episode) = RandomConfigs.build(config)
        for path in KernelPath.supported {
            let kernels = try #require(Kernels(path))
            for every in [nil, 3] as [Int?] {
                let trace = Trace(rnn: rnn, episode: episode, checkpointEvery: every, kernels: kernels)
                let sums = try #require(trace.gradientsSoFar(1))
                #expect(sums == trace.gradients, "\(path): running sums after step 1 are the gradients")
                #expect(trace.workspace.gradients == sums, "\(path): the trace's workspace holds the same totals")
                var ws = Workspace(shape: rnn.shape, episode: episode, kernels: kernels)
                #expect(ws.forward(rnn.params) == trace.totalLoss)
                ws.backward()
                expectClose(ws.gradients.allValues, sums.allValues, rel: 1e-12, "\(path) every \(every ?? 1)")
                #expect(ws.da0 == trace.da0)
            }
        }
    }

    /// On the benchmark's task (n_a = 100, vocab 27, T = 25) every path gives the baseline's
    /// loss, gradients, da<0> and the weights after a training step to 1e-12 relative.
    @Test func pathsAgreeOnTheBenchTask() throws {
        let (rnn, episode) = BenchTask.character(hidden: 100, vocab: 27, length: 25, seed: 42)
        let config = TrainingConfig(optimizer: .adagrad, learningRate: 0.1, clipping: .elementwise(5), order: .inOrder)
        func run(_ path: KernelPath) throws -> (Double, [Double], [Double], [Double]) {
            let kernels = try #require(Kernels(path))
            var ws = Workspace(shape: rnn.shape, episode: episode, kernels: kernels)
            let L = ws.forward(rnn.params)
            ws.backward()
            var trainer = Trainer(rnn: rnn, episodes: [episode], config: config, kernels: kernels)
            trainer.train(steps: 1)
            let p = trainer.params
            return (L, ws.gradients.allValues, ws.da0, p.Wa.values + p.Wya.values + p.ba + p.by)
        }
        let base = try run(.baseline)
        #expect(base.0 > 80 && base.0 < 85)   // ≈ 25·log 27 = 82.4 for weights near 0
        for path in KernelPath.supported where path != .baseline {
            let other = try run(path)
            expectClose(other.0, base.0, rel: 1e-12, "\(path) loss")
            expectClose(other.1, base.1, rel: 1e-12, "\(path) gradients")
            expectClose(other.2, base.2, rel: 1e-12, "\(path) da0")
            expectClose(other.3, base.3, rel: 1e-12, "\(path) weights after a step")
        }
    }

    /// A pass with the very same weights as the last one does not pack them again; changed
    /// weights (a changed copy, one entry at a time) and a tape replaced by `load` do get packed:
    /// every pass gives what a fresh workspace gives.
    @Test func packedWeightsFollowEveryChange() throws {
        let (rnn, episode) = BenchTask.character(hidden: 9, vocab: 5, length: 6, seed: 4)
        func fresh(_ p: Params, _ e: Episode) -> (Double, Gradients) {
            var ws = Workspace(shape: rnn.shape, episode: e)
            let L = ws.forward(p)
            ws.backward()
            return (L, ws.gradients)
        }
        var ws = Workspace(shape: rnn.shape, episode: episode)
        var p = rnn.params
        for change in 0..<6 {
            let L = ws.forward(p)
            ws.backward()
            let want = fresh(p, episode)
            #expect(L == want.0 && ws.gradients == want.1, "change \(change)")
            #expect(ws.forward(p) == L, "the same weights again")
            switch change {   // change one array of the weights: a copy, as callers do
            case 0: p.Wa.values[3] += 0.25           // in Waa
            case 1: p.Wa.values[9 + 2] -= 0.5        // in Wax (row 0, column n_a + 2)
            case 2: p.Wya.values[4] += 0.125
            case 3: p.ba[1] += 0.1
            case 4: p.a0[2] = 0.3
            default: p.by[0] -= 0.2
            }
        }
        // dense inputs replace the tape: its weights are packed again
        let dense = try Episode(architecture: .manyToMany, nx: 5, inputs: episode.x.map { $0.map { $0 * 0.5 } },
                                targets: episode.y.map { $0 ?? [] })
        ws.load(dense)
        #expect(ws.forward(p) == fresh(p, dense).0)
    }

    /// The optimizer's one pass (‖g‖, clip, update) gives the same bits as clipping first and
    /// updating after, for each clipping rule and optimizer.
    @Test(arguments: [OptimizerKind.sgd, .adagrad, .adam])
    func fusedUpdateEqualsClipThenUpdate(_ kind: OptimizerKind) throws {
        let (rnn, episode) = BenchTask.character(hidden: 13, vocab: 5, length: 6, seed: 3)
        for path in KernelPath.supported {
            for clipping in [Clipping.none, .elementwise(0.01), .globalNorm(0.05)] {
                var ws = Workspace(shape: rnn.shape, episode: episode, kernels: try #require(Kernels(path)))
                ws.forward(rnn.params)
                ws.backward()
                var separate = ws, p1 = rnn.params, p2 = rnn.params
                var o1 = Optimizer(kind, learningRate: 0.1, shape: rnn.shape), o2 = o1
                let n1 = separate.clipGradients(clipping)
                o1.update(&p1, with: separate)
                let n2 = o2.update(&p2, with: &ws, clipping: clipping)
                expectClose(n2, n1, rel: 1e-14, "\(path) \(kind) \(clipping) ‖g‖")
                #expect(p1 == p2, "\(path) \(kind) \(clipping)")
                #expect(ws.gradients == separate.gradients, "\(path) the workspace keeps the clipped gradients")
                #expect(o1.m == o2.m && o1.v == o2.v && o1.updates == o2.updates)
            }
        }
    }
}
