import Testing
@testable import RNNCore

/// The trainer writes each update beside the weights it read (keeping those as the last good
/// ones without a copy) and loads an episode into a workspace only when it changes: the same
/// numbers as a plain loop of forward, backward and an in-place update, step after step.
@Suite struct TrainerStepTests {
    @Test(arguments: [OptimizerKind.sgd, .adagrad, .adam])
    func trainerStepsEqualAPlainLoop(_ kind: OptimizerKind) throws {
        for path in KernelPath.supported {
            let kernels = try #require(Kernels(path))
            for clipping in [Clipping.none, .elementwise(0.05), .globalNorm(0.1)] {
                let config = TrainingConfig(optimizer: kind, learningRate: kind == .sgd ? 0.1 : nil,
                                            clipping: clipping, order: .shuffled(seed: 4))
                let (made, _) = try tinyTrainer(config)
                var trainer = Trainer(rnn: made.rnn, episodes: made.episodes, config: config, kernels: kernels)
                var p = made.rnn.params
                var o = Optimizer(kind, learningRate: config.learningRate, shape: made.shape)
                for s in 1...12 {
                    let e = trainer.episodeIndex(step: s)
                    var ws = Workspace(shape: made.shape, episode: made.episodes[e], kernels: kernels)
                    let L = ws.forward(p)
                    ws.backward()
                    let norm = o.update(&p, with: &ws, clipping: clipping)
                    let got = trainer.train(steps: 1)
                    #expect(got.last == L, "\(path) \(kind) \(clipping) step \(s): loss")
                    #expect(trainer.gradientNorms.last == norm, "\(path) \(kind) step \(s): ‖g‖")
                    #expect(trainer.params == p, "\(path) \(kind) \(clipping) step \(s): weights")
                    #expect(trainer.optimizer.m == o.m && trainer.optimizer.v == o.v && trainer.optimizer.updates == o.updates,
                            "\(path) \(kind) step \(s): optimizer memory")
                    if s % 5 == 0 {   // a forward pass of another episode between steps (same workspaces)
                        let other = (e + 1) % made.episodes.count
                        var check = Workspace(shape: made.shape, episode: made.episodes[other], kernels: kernels)
                        #expect(trainer.loss(episode: other) == check.forward(p))
                    }
                }
            }
        }
    }

    /// `update(_:into:memoryInto:with:clipping:)` leaves the old weights and memory as they were
    /// and writes what the in-place update gives.
    @Test(arguments: [OptimizerKind.sgd, .adagrad, .adam])
    func updateIntoLeavesTheOldStateAlone(_ kind: OptimizerKind) throws {
        let (rnn, episode) = BenchTask.character(hidden: 13, vocab: 5, length: 6, seed: 3)
        for path in KernelPath.supported {
            let kernels = try #require(Kernels(path))
            var first = Workspace(shape: rnn.shape, episode: episode, kernels: kernels)
            first.forward(rnn.params)
            first.backward()
            var p = rnn.params, o = Optimizer(kind, learningRate: 0.1, shape: rnn.shape)
            o.update(&p, with: &first, clipping: .elementwise(0.01))   // memory that is not zero
            var w1 = first, w2 = first
            w1.forward(p); w1.backward()
            w2.forward(p); w2.backward()
            var inPlace = o, q = p
            let n1 = inPlace.update(&q, with: &w1, clipping: .elementwise(0.01))
            let pBefore = p, oBefore = o
            var next = rnn.params, nextOptimizer = Optimizer(kind, learningRate: 0.1, shape: rnn.shape)
            let n2 = o.update(p, into: &next, memoryInto: &nextOptimizer, with: &w2, clipping: .elementwise(0.01))
            #expect(n2 == n1, "\(path) \(kind) ‖g‖")
            #expect(next == q && nextOptimizer.m == inPlace.m && nextOptimizer.v == inPlace.v
                    && nextOptimizer.updates == inPlace.updates, "\(path) \(kind): the same update")
            #expect(p == pBefore && o.m == oBefore.m && o.v == oBefore.v && o.updates == oBefore.updates,
                    "\(path) \(kind): the old state is kept")
            #expect(w1.gradients == w2.gradients, "\(path) \(kind): both clip the workspace's gradients")
        }
    }
}
