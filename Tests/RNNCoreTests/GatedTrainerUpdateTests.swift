import Testing
@testable import RNNCore

/// The GRU's and LSTM's training step on the kernels (clipping, ‖g‖ and the update rule in one
/// pass per weight group, written beside the old weights) against the path it replaced (the
/// gradients copied to Swift arrays, `Clipping.apply`, then `Optimizer.update(_:with:)`), on every
/// kernel path; a run continued from its stored state against one run; and the packed weights.
@Suite struct GatedTrainerUpdateTests {
    static func episodes() throws -> [Episode] {
        let codec = try #require(CharacterCodec(vocab: Array("abc\n")))
        return try ["abca", "cab", "bb", "acc", "ab"].map { try #require(codec.trainingEpisode($0)) }
    }

    static func rnn(_ cell: GatedCell) -> GatedRNN {
        let shape = GatedShape(cell: cell, nx: 4, na: 7, ny: 4, g2: .softmax)
        return GatedRNN(shape: shape, params: .seeded(shape, seed: 5, scale: 0.6))
    }

    static func close(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) }
    }

    static func values(_ p: GatedParams) -> [Double] {
        p.W.flatMap(\.values) + p.b.flatMap { $0 } + p.Wya.values + p.by
    }

    /// Step by step, the trainer's loss, ‖g‖, weights and memory are the old path's: the same
    /// bits without clipping and with elementwise clipping on the chosen path (the same kernel
    /// computes the rule); within 1e-12 relative otherwise (‖g‖ is summed in another order; the
    /// old path's update always ran the chosen path's kernel).
    @Test(arguments: [OptimizerKind.sgd, .adagrad, .adam])
    func trainerStepsEqualTheArrayPath(_ kind: OptimizerKind) throws {
        let episodes = try Self.episodes()
        for path in KernelPath.supported {
            let kernels = try #require(Kernels(path))
            for cell in GatedCell.allCases {
                let rnn = Self.rnn(cell)
                for clipping in [Clipping.none, .elementwise(0.05), .globalNorm(0.1)] {
                    let config = TrainingConfig(optimizer: kind, learningRate: kind == .sgd ? 0.3 : nil,
                                                clipping: clipping, order: .shuffled(seed: 8))
                    var trainer = GatedTrainer(rnn: rnn, episodes: episodes, config: config, kernels: kernels)
                    var p = rnn.params
                    var o = Optimizer(kind, learningRate: config.learningRate, groupSizes: GatedTrainer.groupSizes(p))
                    let exact = path == .chosen && clipping != .globalNorm(0.1)
                    let what = "\(path) \(cell) \(kind) \(clipping)"
                    for s in 1...12 {
                        let ws = GatedWorkspace(shape: rnn.shape, episode: episodes[trainer.episodeIndex(step: s)], kernels: kernels)
                        let L = ws.forward(p)
                        ws.backward()
                        let g = ws.gradients
                        var parts = g.dW.map(\.values) + g.db + [g.dWya.values, g.dby]
                        let norm = clipping.apply(&parts)
                        var groups = p.W.map(\.values) + p.b + [p.Wya.values, p.by]
                        o.update(&groups, with: parts)
                        let K = p.W.count
                        for i in 0..<K { p.W[i].values = groups[i]; p.b[i] = groups[K + i] }
                        p.Wya.values = groups[2 * K]
                        p.by = groups[2 * K + 1]

                        let got = trainer.train(steps: 1)
                        let loss = try #require(got.last)
                        #expect(exact ? loss == L : Self.close([loss], [L]), "\(what) step \(s): loss")
                        let n = try #require(trainer.gradientNorms.last)
                        #expect(abs(n - norm) <= 1e-12 * norm, "\(what) step \(s): ‖g‖ \(n) \(norm)")
                        if exact {
                            #expect(trainer.params == p, "\(what) step \(s): weights")
                            #expect(trainer.optimizer.m == o.m && trainer.optimizer.v == o.v, "\(what) step \(s): memory")
                        } else {
                            #expect(Self.close(Self.values(trainer.params), Self.values(p)), "\(what) step \(s): weights")
                            #expect(Self.close(trainer.optimizer.m.flatMap { $0 }, o.m.flatMap { $0 })
                                    && Self.close(trainer.optimizer.v.flatMap { $0 }, o.v.flatMap { $0 }), "\(what) step \(s): memory")
                        }
                        #expect(trainer.optimizer.updates == o.updates && trainer.params.a0 == p.a0 && trainer.params.c0 == p.c0)
                    }
                    // the old path's weights after 12 steps are not the start's: the comparison can fail
                    #expect(!Self.close(Self.values(p), Self.values(rnn.params)), "\(what): training moved the weights")
                }
            }
        }
    }

    /// A run stopped after k steps and continued from its stored state (weights, memory, step
    /// count) gives the weights and memory of one run of all the steps, to the last bit.
    @Test(arguments: [OptimizerKind.sgd, .adagrad, .adam])
    func aContinuedRunEqualsOneRun(_ kind: OptimizerKind) throws {
        let episodes = try Self.episodes()
        for cell in GatedCell.allCases {
            let config = TrainingConfig(optimizer: kind, clipping: .globalNorm(0.5), order: .shuffled(seed: 2))
            var whole = GatedTrainer(rnn: Self.rnn(cell), episodes: episodes, config: config)
            whole.train(steps: 13)
            var first = GatedTrainer(rnn: Self.rnn(cell), episodes: episodes, config: config)
            first.train(steps: 6)
            var second = GatedTrainer(rnn: first.rnn, episodes: episodes, config: config, resuming: first.optimizerState,
                                      divergenceRule: first.divergenceRule)
            let losses = second.train(steps: 7)
            #expect(Array(losses) == Array(whole.lossHistory[6...]), "\(cell) \(kind): losses")
            #expect(second.params == whole.params && second.optimizerState == whole.optimizerState, "\(cell) \(kind)")
            #expect(whole.divergence == nil && whole.params != Self.rnn(cell).params)
        }
    }

    /// A copy of a trainer shares its workspaces: each copy still trains on its own episodes and
    /// weights (a workspace another copy loaded is loaded again, other weights are packed again).
    @Test func copiesOfATrainerStayApart() throws {
        let episodes = try Self.episodes()
        for cell in GatedCell.allCases {
            let config = TrainingConfig(optimizer: .adam, order: .inOrder)
            var a = GatedTrainer(rnn: Self.rnn(cell), episodes: episodes, config: config)
            a.train(steps: 3)
            var b = a, c = a
            b.train(steps: 4)   // b loads and packs other episodes and weights into the shared workspaces
            for _ in 0..<4 { a.train(steps: 1); _ = b.loss(episode: (a.steps + 1) % episodes.count) }
            c.train(steps: 4)
            #expect(a.params == c.params && a.lossHistory == c.lossHistory && b.params == c.params, "\(cell)")
        }
    }

    /// `forward` packs the weights only when they are other arrays than the last pass's: the very
    /// same arrays (or an unchanged copy) are not packed again; a copy changed in any group, in
    /// a<0> or c<0> is, and gives the loss a fresh workspace gives.
    @Test(arguments: GatedCell.allCases)
    func weightsArePackedOnlyWhenTheyChange(_ cell: GatedCell) throws {
        let episode = try Self.episodes()[0]
        let p = Self.rnn(cell).params
        let ws = GatedWorkspace(shape: Self.rnn(cell).shape, episode: episode)
        let L = ws.forward(p)
        #expect(!ws.packIfChanged(p))
        let copy = p
        #expect(!ws.packIfChanged(copy))
        #expect(ws.forward(copy) == L)
        let K = p.W.count
        var edits: [(String, (inout GatedParams) -> Void)] = (0..<(2 * K + 2)).map { g in
            ("group \(g)", { q in q.withMutableGroup(g) { $0[0] += 0.25 } })
        }
        edits.append(("a0", { $0.a0[1] = 0.5; if $0.cell == .gru { $0.c0 = $0.a0 } }))
        if cell == .lstm { edits.append(("c0", { $0.c0[2] = -0.5 })) }
        for (name, edit) in edits {
            var q = p
            edit(&q)
            let fresh = GatedWorkspace(shape: Self.rnn(cell).shape, episode: episode)
            let want = fresh.forward(q)
            #expect(want != L, "\(cell) \(name): the edit changes the loss")
            #expect(ws.forward(q) == want, "\(cell) \(name): a changed copy is packed again")
            #expect(!ws.packIfChanged(q))
            #expect(ws.forward(p) == L, "\(cell) \(name): and the first weights again")
        }
    }
}
